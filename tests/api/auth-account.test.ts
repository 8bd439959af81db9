import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generate } from 'otplib'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { openDatabase } from '../../server/db/database.js'
import { createAccount, createInvitation } from '../../server/accounts/service.js'
import { disableAccount } from '../../server/accounts/management.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { seedAccount, sessionCookieFrom, signIn, totpCodeAt } from '../support/accounts.js'

const PASSWORD = 'correct horse battery'
const NEW_PASSWORD = 'a brand new passphrase'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.close()
})

function send(method: 'POST' | 'GET' | 'DELETE', url: string, cookie?: string, payload?: object) {
  return server.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) })
}

describe('POST /me/password', () => {
  it('changes the password and revokes the other sessions', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const phone = await signIn(server, 'ann@contoso.example', PASSWORD)
    const laptop = await signIn(server, 'ann@contoso.example', PASSWORD)

    const response = await send('POST', '/api/v1/me/password', phone, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })

    expect(response.statusCode).toBe(204)
    expect((await send('GET', '/api/v1/me', phone)).statusCode).toBe(200)
    expect((await send('GET', '/api/v1/me', laptop)).json().error.code).toBe('not_signed_in')
    await expect(signIn(server, 'ann@contoso.example', PASSWORD)).rejects.toThrow(/401/)
    await expect(signIn(server, 'ann@contoso.example', NEW_PASSWORD)).resolves.toMatch(/^portal_session=/)
  })

  it('rejects a wrong current password', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    const response = await send('POST', '/api/v1/me/password', cookie, { currentPassword: 'not my password', newPassword: NEW_PASSWORD })

    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('invalid_credentials')
  })

  it('rejects a new password under 12 characters', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    const response = await send('POST', '/api/v1/me/password', cookie, { currentPassword: PASSWORD, newPassword: 'short' })

    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe('newPassword')
  })
})

describe('disabled account', () => {
  it('loses its sessions at once', async () => {
    const { accountId } = await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    await disableAccount(server.db.writer, accountId)

    const response = await send('GET', '/api/v1/me', cookie)
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('not_signed_in')
  })
})

describe('TOTP enrolment', () => {
  it('enrols, confirms and removes TOTP', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'standard', password: PASSWORD })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    const start = await send('POST', '/api/v1/me/totp', cookie)
    expect(start.statusCode).toBe(200)
    const { secret, otpauthUrl, qrCodeDataUrl } = start.json()
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/)
    expect(otpauthUrl).toContain('ann%40contoso.example')
    expect(qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(qrCodeDataUrl.split(',')[1], 'base64').toString('utf8')).toContain('<svg')

    const stored = await server.db.writer.selectFrom('accounts').select('totp_pending_secret_enc').executeTakeFirstOrThrow()
    expect(stored.totp_pending_secret_enc).not.toContain(secret)

    const wrong = await send('POST', '/api/v1/me/totp/confirm', cookie, { code: '000000' })
    expect(wrong.statusCode).toBe(401)

    const confirm = await send('POST', '/api/v1/me/totp/confirm', cookie, { code: await totpCodeAt(server, secret) })
    expect(confirm.statusCode).toBe(200)
    expect(confirm.json().recoveryCodes).toHaveLength(10)
    expect((await send('GET', '/api/v1/me', cookie)).json().account.mfaEnabled).toBe(true)

    const again = await send('POST', '/api/v1/me/totp', cookie)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('totp_already_enrolled')

    // The confirming code's step is spent, so the next accepted code is a later one.
    server.clock.advance(30_000)
    const signInAgain = await signIn(server, 'ann@contoso.example', PASSWORD, await totpCodeAt(server, secret))

    server.clock.advance(30_000)
    const removal = await send('DELETE', '/api/v1/me/totp', signInAgain, { code: await totpCodeAt(server, secret) })
    expect(removal.statusCode).toBe(204)
    expect((await send('GET', '/api/v1/me', signInAgain)).json().account.mfaEnabled).toBe(false)

    const removeAgain = await send('DELETE', '/api/v1/me/totp', signInAgain, { code: '123456' })
    expect(removeAgain.statusCode).toBe(409)
    expect(removeAgain.json().error.code).toBe('totp_not_enrolled')
  })

  it('rejects a confirmation before enrolment starts', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'standard', password: PASSWORD })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    const response = await send('POST', '/api/v1/me/totp/confirm', cookie, { code: '123456' })

    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('totp_not_enrolled')
  })
})

describe('POST /auth/invitation', () => {
  async function invitedAccount() {
    const org = await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const { id } = await createAccount(server.db.writer, { orgId: org.orgId, email: 'new@contoso.example', displayName: 'New Person', role: 'standard' })
    return id
  }

  it('sets the password once and signs in', async () => {
    const accountId = await invitedAccount()
    await expect(signIn(server, 'new@contoso.example', NEW_PASSWORD)).rejects.toThrow(/401/)
    const { token } = await createInvitation(server.db.writer, accountId, 72, server.clock.now)

    const response = await send('POST', '/api/v1/auth/invitation', undefined, { token, password: NEW_PASSWORD })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ email: 'new@contoso.example', mfaRequired: false })
    const cookie = sessionCookieFrom(response.headers['set-cookie'])
    expect((await send('GET', '/api/v1/me', cookie)).json().account.email).toBe('new@contoso.example')
    await expect(signIn(server, 'new@contoso.example', NEW_PASSWORD)).resolves.toMatch(/^portal_session=/)

    const reused = await send('POST', '/api/v1/auth/invitation', undefined, { token, password: 'yet another passphrase' })
    expect(reused.statusCode).toBe(400)
    expect(reused.json().error.code).toBe('invitation_invalid')
  })

  it('rejects an expired invitation', async () => {
    const accountId = await invitedAccount()
    const { token } = await createInvitation(server.db.writer, accountId, 1, server.clock.now)

    server.clock.advance(61 * 60_000)
    const response = await send('POST', '/api/v1/auth/invitation', undefined, { token, password: NEW_PASSWORD })

    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('invitation_invalid')
  })

  it('accepts only the newest invitation of an account', async () => {
    const accountId = await invitedAccount()
    const older = await createInvitation(server.db.writer, accountId, 72, server.clock.now)
    const newer = await createInvitation(server.db.writer, accountId, 72, server.clock.now)

    const olderResponse = await send('POST', '/api/v1/auth/invitation', undefined, { token: older.token, password: NEW_PASSWORD })
    const newerResponse = await send('POST', '/api/v1/auth/invitation', undefined, { token: newer.token, password: NEW_PASSWORD })

    expect(olderResponse.statusCode).toBe(400)
    expect(newerResponse.statusCode).toBe(200)
  })

  it('asks for the TOTP step when the account has one', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    const { accountId } = await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: secret })
    const { token } = await createInvitation(server.db.writer, accountId, 72, server.clock.now)

    const response = await send('POST', '/api/v1/auth/invitation', undefined, { token, password: NEW_PASSWORD })

    expect(response.json()).toEqual({ email: 'mia@contoso.example', mfaRequired: true })
    const pending = sessionCookieFrom(response.headers['set-cookie'])
    expect((await send('GET', '/api/v1/me', pending)).json().error.code).toBe('mfa_required')
    const code = await generate({ secret, epoch: Math.floor(server.clock.now.getTime() / 1000) })
    expect((await send('POST', '/api/v1/auth/mfa', pending, { code })).statusCode).toBe(200)
  })
})

describe('per-address rate limit', () => {
  it('answers 429 with Retry-After past the limit', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clientone-rate-'))
    const config = loadConfig({ DATA_DIR: dataDir, PORTAL_SECRET_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent', STATIC_DIR: path.join(dataDir, 'none') })
    const db = await openDatabase(dataDir)
    const app = await buildApp({ config, db, authRateLimit: { max: 3, timeWindowMs: 60_000 } })
    try {
      const statuses: number[] = []
      let last
      for (let attempt = 0; attempt < 4; attempt++) {
        last = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'x@contoso.example', password: 'whatever it is' } })
        statuses.push(last.statusCode)
      }

      expect(statuses).toEqual([401, 401, 401, 429])
      expect(last!.json().error.code).toBe('rate_limited')
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0)
      expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(60)
      expect(last!.json().error.message).toMatch(/Try again in \d+ seconds/)
    } finally {
      await app.close()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
