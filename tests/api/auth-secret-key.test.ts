import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.js'
import { DEMO_SECRET_KEY_FILE, resolveSecretKey } from '../../server/accounts/secret-key.js'

let dataDir: string

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'clientone-key-'))
})

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('resolveSecretKey', () => {
  it('returns PORTAL_SECRET_KEY when set', () => {
    const key = Buffer.alloc(32, 7).toString('base64')

    expect(resolveSecretKey(loadConfig({ DATA_DIR: dataDir, PORTAL_SECRET_KEY: key }))).toBe(key)
  })

  it('generates and keeps a demo key', () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORTAL_DEMO: '1' })

    const first = resolveSecretKey(config)
    const second = resolveSecretKey(config)

    expect(Buffer.from(first, 'base64')).toHaveLength(32)
    expect(second).toBe(first)
    const file = path.join(dataDir, DEMO_SECRET_KEY_FILE)
    expect(readFileSync(file, 'utf8').trim()).toBe(first)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('rejects a damaged demo key file', () => {
    writeFileSync(path.join(dataDir, DEMO_SECRET_KEY_FILE), 'not a key\n')

    expect(() => resolveSecretKey(loadConfig({ DATA_DIR: dataDir, PORTAL_DEMO: '1' }))).toThrow(/Invalid demo key/)
  })
})
