import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.js'

const KEY = Buffer.alloc(32, 7).toString('base64')

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ PORTAL_SECRET_KEY: KEY })
    expect(config.host).toBe('127.0.0.1')
    expect(config.port).toBe(8080)
    expect(config.dataDir).toBe('data')
    expect(config.syncIntervalMinutes).toBe(30)
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com')
    expect(config.demo).toBe(false)
  })

  it('requires PORTAL_SECRET_KEY outside demo mode', () => {
    expect(() => loadConfig({})).toThrow(/Missing PORTAL_SECRET_KEY/)
    expect(loadConfig({ PORTAL_DEMO: '1' }).secretKey).toBeNull()
  })

  it('rejects a secret key of the wrong length', () => {
    expect(() => loadConfig({ PORTAL_SECRET_KEY: Buffer.alloc(16).toString('base64') })).toThrow(ConfigError)
  })

  it('rejects a non-numeric port', () => {
    expect(() => loadConfig({ PORTAL_SECRET_KEY: KEY, PORT: 'eighty' })).toThrow(/Invalid PORT="eighty"/)
  })

  it('rejects a short or non-base32 DEMO_TOTP_SECRET', () => {
    expect(() => loadConfig({ PORTAL_DEMO: '1', DEMO_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' })).toThrow(/DEMO_TOTP_SECRET/)
    expect(() => loadConfig({ PORTAL_DEMO: '1', DEMO_TOTP_SECRET: 'not base32!' })).toThrow(/DEMO_TOTP_SECRET/)
    expect(loadConfig({ PORTAL_DEMO: '1', DEMO_TOTP_SECRET: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }).demoTotpSecret).toBe(
      'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    )
  })
})

describe('loadConfig messages', () => {
  it('names the variable of an out-of-range value', () => {
    expect(() => loadConfig({ PORTAL_SECRET_KEY: KEY, PORT: '99999' })).toThrow(/^Invalid PORT="99999"/)
    expect(() => loadConfig({ PORTAL_SECRET_KEY: KEY, SYNC_INTERVAL_MINUTES: '-1' })).toThrow(/^Invalid SYNC_INTERVAL_MINUTES="-1"/)
  })

  it('lists the allowed log levels', () => {
    expect(() => loadConfig({ PORTAL_SECRET_KEY: KEY, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud".*Allowed values: fatal, error/)
  })

  it('rejects a short DEMO_PASSWORD', () => {
    expect(() => loadConfig({ PORTAL_DEMO: '1', DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD/)
    expect(loadConfig({ PORTAL_DEMO: '1', DEMO_PASSWORD: 'long-enough-password' }).demoPassword).toBe('long-enough-password')
  })
})
