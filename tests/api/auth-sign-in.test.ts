import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server.js'
import { seedAccount, sessionCookieFrom, signIn, totpCodeAt } from '../support/accounts.js'

const PASSWORD = 'correct horse battery'
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.close()
})

function post(url: string, payload: unknown, cookie?: string) {
  return server.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} })
}

function getMe(cookie?: string) {
  return server.app.inject({ method: 'GET', url: '/api/v1/me', headers: cookie ? { cookie } : {} })
}

describe('POST /auth/sign-in', () => {
  it('sets a strict cookie without TOTP', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })

    const response = await post('/api/v1/auth/sign-in', { email: 'Ann@Contoso.example', password: PASSWORD })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ mfaRequired: false })
    const setCookie = String(response.headers['set-cookie'])
    expect(setCookie).toMatch(/^portal_session=[\w-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    expect(setCookie).toContain('Path=/')
    expect((await getMe(sessionCookieFrom(response.headers['set-cookie']))).statusCode).toBe(200)
  })

  it('marks the cookie Secure except local http', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })

    const remote = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { host: 'portal.contoso.example' },
      payload: { email: 'ann@contoso.example', password: PASSWORD },
    })
    const local = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: PASSWORD })

    expect(String(remote.headers['set-cookie'])).toContain('Secure')
    expect(String(local.headers['set-cookie'])).not.toContain('Secure')
  })

  it('answers wrong password like unknown email', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })

    const wrongPassword = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: 'not the password' })
    const unknownEmail = await post('/api/v1/auth/sign-in', { email: 'nobody@contoso.example', password: PASSWORD })

    expect(wrongPassword.statusCode).toBe(401)
    expect(wrongPassword.json().error.code).toBe('invalid_credentials')
    expect(unknownEmail.statusCode).toBe(401)
    expect(unknownEmail.json()).toEqual(wrongPassword.json())
    expect(wrongPassword.headers['set-cookie']).toBeUndefined()
  })

  it('names the missing body field', async () => {
    const response = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example' })

    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('invalid_parameter')
    expect(response.json().error.field).toBe('password')
  })

  it('revokes the previous session', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const first = await signIn(server, 'ann@contoso.example', PASSWORD)

    const second = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: PASSWORD }, first)

    const secondCookie = sessionCookieFrom(second.headers['set-cookie'])
    expect(secondCookie).not.toBe(first)
    expect((await getMe(first)).json().error.code).toBe('not_signed_in')
    expect((await getMe(secondCookie)).statusCode).toBe(200)
  })

  it('treats a disabled account like wrong credentials', async () => {
    const { accountId } = await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    await server.db.writer.updateTable('accounts').set({ disabled: 1 }).where('id', '=', accountId).execute()

    const response = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: PASSWORD })

    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('invalid_credentials')
  })
})

describe('POST /auth/mfa', () => {
  it('stays pending until a valid code', async () => {
    await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: TOTP_SECRET })

    const signInResponse = await post('/api/v1/auth/sign-in', { email: 'mia@contoso.example', password: PASSWORD })
    expect(signInResponse.json()).toEqual({ mfaRequired: true })
    const pending = sessionCookieFrom(signInResponse.headers['set-cookie'])

    const meWhilePending = await getMe(pending)
    expect(meWhilePending.statusCode).toBe(401)
    expect(meWhilePending.json().error.code).toBe('mfa_required')

    const mfa = await post('/api/v1/auth/mfa', { code: await totpCodeAt(server, TOTP_SECRET) }, pending)
    expect(mfa.statusCode).toBe(200)
    expect(mfa.json()).toEqual({})
    const full = sessionCookieFrom(mfa.headers['set-cookie'])
    expect(full).not.toBe(pending)

    expect((await getMe(full)).statusCode).toBe(200)
    expect((await getMe(pending)).json().error.code).toBe('not_signed_in')
  })

  it('accepts one step of clock drift', async () => {
    await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: TOTP_SECRET })
    const pending = sessionCookieFrom((await post('/api/v1/auth/sign-in', { email: 'mia@contoso.example', password: PASSWORD })).headers['set-cookie'])

    const tooOld = await post('/api/v1/auth/mfa', { code: await totpCodeAt(server, TOTP_SECRET, -65) }, pending)
    expect(tooOld.statusCode).toBe(401)
    expect(tooOld.json().error.code).toBe('invalid_credentials')

    const oneStepOld = await post('/api/v1/auth/mfa', { code: await totpCodeAt(server, TOTP_SECRET, -30) }, pending)
    expect(oneStepOld.statusCode).toBe(200)
  })

  it('rejects a replayed TOTP code', async () => {
    await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: TOTP_SECRET })
    const code = await totpCodeAt(server, TOTP_SECRET)
    await signIn(server, 'mia@contoso.example', PASSWORD, code)

    const pending = sessionCookieFrom((await post('/api/v1/auth/sign-in', { email: 'mia@contoso.example', password: PASSWORD })).headers['set-cookie'])
    const replay = await post('/api/v1/auth/mfa', { code }, pending)

    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('invalid_credentials')
    expect((await getMe(pending)).json().error.code).toBe('mfa_required')
  })

  it('accepts a recovery code once', async () => {
    const { recoveryCodes } = await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: TOTP_SECRET })
    expect(recoveryCodes).toHaveLength(10)
    const recoveryCode = recoveryCodes[0]!
    expect(recoveryCode).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/)

    const cookie = await signIn(server, 'mia@contoso.example', PASSWORD, recoveryCode.toUpperCase())
    expect((await getMe(cookie)).statusCode).toBe(200)

    const pending = sessionCookieFrom((await post('/api/v1/auth/sign-in', { email: 'mia@contoso.example', password: PASSWORD })).headers['set-cookie'])
    const reuse = await post('/api/v1/auth/mfa', { code: recoveryCode }, pending)
    expect(reuse.statusCode).toBe(401)
    expect(reuse.json().error.code).toBe('invalid_credentials')
  })

  it('rejects a code without a session', async () => {
    const response = await post('/api/v1/auth/mfa', { code: '123456' })

    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('not_signed_in')
  })
})

describe('account lockout', () => {
  it('locks for 15 minutes after five failures', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })

    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: `wrong ${attempt}` })
      expect(response.statusCode).toBe(401)
    }
    const fifth = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: 'wrong 5' })
    expect(fifth.statusCode).toBe(429)
    expect(fifth.json().error.code).toBe('rate_limited')
    expect(fifth.headers['retry-after']).toBe('900')

    const whileLocked = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: PASSWORD })
    expect(whileLocked.statusCode).toBe(429)
    expect(whileLocked.json().error.message).toContain('Try again in 15 minutes')

    server.clock.advance(14 * 60_000)
    const stillLocked = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: PASSWORD })
    expect(stillLocked.statusCode).toBe(429)
    expect(Number(stillLocked.headers['retry-after'])).toBe(60)

    server.clock.advance(60_000)
    const afterLock = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: PASSWORD })
    expect(afterLock.statusCode).toBe(200)
  })

  it('counts wrong TOTP codes towards the lock', async () => {
    await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: TOTP_SECRET })
    const pending = sessionCookieFrom((await post('/api/v1/auth/sign-in', { email: 'mia@contoso.example', password: PASSWORD })).headers['set-cookie'])

    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await post('/api/v1/auth/mfa', { code: '000000' }, pending)).statusCode)

    expect(statuses).toEqual([401, 401, 401, 401, 429, 429])
  })
})

describe('session timeouts', () => {
  it('expires after the idle timeout', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD, settings: { session: { idleMinutes: 10, absoluteHours: 12 } } })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    server.clock.advance(9 * 60_000)
    expect((await getMe(cookie)).statusCode).toBe(200)
    server.clock.advance(9 * 60_000)
    expect((await getMe(cookie)).statusCode).toBe(200)

    server.clock.advance(10 * 60_000)
    const expired = await getMe(cookie)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().error.code).toBe('session_expired')
    expect(String(expired.headers['set-cookie'])).toMatch(/^portal_session=;/)

    const afterwards = await getMe(cookie)
    expect(afterwards.json().error.code).toBe('not_signed_in')
  })

  it('expires after the absolute timeout', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD, settings: { session: { idleMinutes: 30, absoluteHours: 1 } } })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    for (let minute = 0; minute < 55; minute += 5) {
      server.clock.advance(5 * 60_000)
      expect((await getMe(cookie)).statusCode).toBe(200)
    }
    server.clock.advance(5 * 60_000)

    const expired = await getMe(cookie)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().error.code).toBe('session_expired')
  })
})

describe('POST /auth/sign-out', () => {
  it('revokes the session and clears the cache', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)

    const response = await post('/api/v1/auth/sign-out', undefined, cookie)

    expect(response.statusCode).toBe(204)
    expect(response.headers['clear-site-data']).toBe('"cache"')
    expect(String(response.headers['set-cookie'])).toMatch(/^portal_session=;/)
    expect((await getMe(cookie)).json().error.code).toBe('not_signed_in')
  })

  it('answers 204 without a session', async () => {
    const response = await post('/api/v1/auth/sign-out', undefined)

    expect(response.statusCode).toBe(204)
  })
})

describe('request guards', () => {
  it('rejects a sign-in from another origin', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })

    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://attacker.example', host: 'localhost' },
      payload: { email: 'ann@contoso.example', password: PASSWORD },
    })

    expect(response.statusCode).toBe(403)
    expect(response.json().error.code).toBe('origin_rejected')
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('answers 413 for a body over the limit', async () => {
    const response = await post('/api/v1/auth/sign-in', { email: 'ann@contoso.example', password: 'x'.repeat(20_000) })

    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('payload_too_large')
  })
})

describe('session activity', () => {
  it('writes last_seen_at at most once a minute', async () => {
    await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })
    const cookie = await signIn(server, 'ann@contoso.example', PASSWORD)
    const lastSeen = async () => (await server.db.writer.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at
    const signedInAt = await lastSeen()

    server.clock.advance(30_000)
    await getMe(cookie)
    expect(await lastSeen()).toBe(signedInAt)

    server.clock.advance(31_000)
    await getMe(cookie)
    expect(await lastSeen()).toBe(server.clock.now.toISOString())
  })
})

describe('MFA-pending session', () => {
  it('expires ten minutes after the password step', async () => {
    await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
    const pending = sessionCookieFrom((await post('/api/v1/auth/sign-in', { email: 'mia@contoso.example', password: PASSWORD })).headers['set-cookie'])

    server.clock.advance(10 * 60_000)
    const response = await post('/api/v1/auth/mfa', { code: await totpCodeAt(server, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') }, pending)

    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('session_expired')
  })
})
