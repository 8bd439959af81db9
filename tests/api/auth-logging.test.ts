import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { openDatabase } from '../../server/db/database.js'
import { seedAccount, sessionCookieFrom, totpCodeAt } from '../support/accounts.js'
import type { TestServer } from '../support/server.js'

const PASSWORD = 'correct horse battery'
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

let server: TestServer
let lines: Array<Record<string, unknown>>
let rawLog: string

beforeEach(async () => {
  lines = []
  rawLog = ''
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      rawLog += chunk.toString()
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      callback()
    },
  })
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clientone-log-'))
  const config = loadConfig({ DATA_DIR: dataDir, PORTAL_SECRET_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'info', STATIC_DIR: path.join(dataDir, 'none') })
  const db = await openDatabase(dataDir)
  const clock = { now: new Date(), advance(ms: number) { this.now = new Date(this.now.getTime() + ms) } }
  const app = await buildApp({ config, db, now: () => clock.now }, { logger: { level: 'info', stream } })
  server = {
    app, db, config, dataDir, clock,
    async close() {
      await app.close()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
})

afterEach(async () => {
  await server.close()
})

const events = () => lines.filter((line) => typeof line.event === 'string')

describe('security event log', () => {
  it('logs each sign-in step with ids and no secrets', async () => {
    const { accountId, orgId } = await seedAccount(server, { email: 'mia@contoso.example', role: 'standard', password: PASSWORD, totpSecret: TOTP_SECRET })

    await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'mia@contoso.example', password: 'a wrong password' } })
    const signIn = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'mia@contoso.example', password: PASSWORD } })
    const pending = sessionCookieFrom(signIn.headers['set-cookie'])
    await server.app.inject({ method: 'GET', url: '/api/v1/m365/users', headers: { cookie: pending } })
    const code = await totpCodeAt(server, TOTP_SECRET)
    const mfa = await server.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', payload: { code }, headers: { cookie: pending } })
    const full = sessionCookieFrom(mfa.headers['set-cookie'])
    await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: full } })

    expect(events().map((line) => line.event)).toEqual(['sign_in_failed', 'sign_in_succeeded', 'access_refused', 'mfa_succeeded', 'signed_out'])
    for (const line of events()) {
      expect(line.accountId).toBe(accountId)
      expect(line.orgId).toBe(orgId)
      expect(line.reqId).toBeTypeOf('string')
    }
    expect(events()[2]!.reason).toBe('mfa_required')

    for (const secret of [PASSWORD, 'a wrong password', code, TOTP_SECRET, pending.split('=')[1]!, full.split('=')[1]!, 'mia@contoso.example']) {
      expect(rawLog).not.toContain(secret)
    }
  })

  it('logs the lock of an account', async () => {
    const { accountId } = await seedAccount(server, { email: 'ann@contoso.example', role: 'manager', password: PASSWORD })

    for (let attempt = 0; attempt < 5; attempt++) {
      await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'ann@contoso.example', password: `wrong ${attempt}` } })
    }

    const locked = events().filter((line) => line.event === 'account_locked')
    expect(locked).toHaveLength(1)
    expect(locked[0]!.accountId).toBe(accountId)
  })
})
