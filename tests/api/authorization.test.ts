import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { portalApp, serverOptions } from '../../server/app.js'
import { loadConfig, type Config } from '../../server/config.js'
import { openDatabase, type DatabaseConnections } from '../../server/db/database.js'
import { DATASETS } from '../../server/db/schema.js'
import { startSession } from '../../server/auth/sessions.js'
import { SESSION_COOKIE } from '../../server/auth/session-cookie.js'
import { seedAccount } from '../support/accounts.js'
import type { TestServer } from '../support/server.js'

// One table: every route under /api/v1 against every kind of caller, with the status and error
// code the contract's precedence gives (401, then m365_disabled, m365_not_permitted, then
// alerts_disabled or tab_not_permitted, then 404 for another organization's id).
// A route registered without a row here fails the test.

const SCENARIOS = [
  'anonymous',
  'mfaPending',
  'standard',
  'manager',
  'otherOrganization',
  'm365Disabled',
  'notPermitted',
  'tabNotAllowed',
  'alertsDisabled',
] as const
type Scenario = (typeof SCENARIOS)[number]

type Expected = readonly [status: number, code?: string]
type Expectations = Record<Scenario, Expected>

interface Row {
  payload?: object
  /** Path to request when the route has parameters; ids belong to the `contoso` organization. */
  url?: string
  /** Use a new session for each request because the route ends or changes it. */
  freshSession?: boolean
  expect: Expectations
}

const OK: Expected = [200]
const NOT_SIGNED_IN: Expected = [401, 'not_signed_in']
const MFA_REQUIRED: Expected = [401, 'mfa_required']
const M365_DISABLED: Expected = [403, 'm365_disabled']
const NOT_PERMITTED: Expected = [403, 'm365_not_permitted']
const TAB_NOT_PERMITTED: Expected = [403, 'tab_not_permitted']
const ALERTS_DISABLED: Expected = [403, 'alerts_disabled']
const NOT_FOUND: Expected = [404, 'not_found']

const everyone = (expected: Expected): Expectations =>
  Object.fromEntries(SCENARIOS.map((scenario) => [scenario, expected])) as unknown as Expectations

/** Expectations for a signed-in route: 401s first, then `signedIn` for every full session. */
const signedIn = (expected: Expected): Expectations => ({ ...everyone(expected), anonymous: NOT_SIGNED_IN, mfaPending: MFA_REQUIRED })

/** A Microsoft 365 tab list (or the overview): the standard user of contoso may open it. */
const tabRoute: Expectations = {
  anonymous: NOT_SIGNED_IN,
  mfaPending: MFA_REQUIRED,
  standard: OK,
  manager: OK,
  otherOrganization: OK,
  m365Disabled: M365_DISABLED,
  notPermitted: NOT_PERMITTED,
  tabNotAllowed: TAB_NOT_PERMITTED,
  alertsDisabled: OK,
}

const alertsRoute: Expectations = {
  anonymous: NOT_SIGNED_IN,
  mfaPending: MFA_REQUIRED,
  standard: OK,
  manager: OK,
  otherOrganization: OK,
  m365Disabled: M365_DISABLED,
  notPermitted: NOT_PERMITTED,
  tabNotAllowed: OK,
  alertsDisabled: ALERTS_DISABLED,
}

const TABLE: Record<string, Row> = {
  'POST /api/v1/auth/sign-in': { payload: { email: 'nobody@contoso.example', password: 'not a password' }, expect: everyone([401, 'invalid_credentials']) },
  'POST /api/v1/auth/mfa': {
    payload: { code: '000000' },
    freshSession: true,
    // A full session has nothing left to confirm, so the code is not checked.
    expect: { ...everyone(OK), anonymous: NOT_SIGNED_IN, mfaPending: [401, 'invalid_credentials'] },
  },
  'POST /api/v1/auth/sign-out': { freshSession: true, expect: everyone([204]) },
  'POST /api/v1/auth/invitation': { payload: { token: 'x'.repeat(43), password: 'a long enough password' }, expect: everyone([400, 'invitation_invalid']) },
  'GET /api/v1/me': { expect: signedIn(OK) },
  'POST /api/v1/me/password': { payload: { currentPassword: 'not my password', newPassword: 'a long enough password' }, expect: signedIn([401, 'invalid_credentials']) },
  'POST /api/v1/me/totp': { freshSession: true, expect: signedIn(OK) },
  // Rows run in this order: the row above started an enrolment, so a wrong code is what fails here.
  'POST /api/v1/me/totp/confirm': { payload: { code: '000000' }, expect: signedIn([401, 'invalid_credentials']) },
  'DELETE /api/v1/me/totp': { payload: { code: '000000' }, expect: signedIn([409, 'totp_not_enrolled']) },

  'GET /api/v1/m365/overview': { expect: { ...tabRoute, tabNotAllowed: OK } },
  'GET /api/v1/m365/users': { expect: tabRoute },
  'GET /api/v1/m365/users/:id': { url: '/api/v1/m365/users/user-contoso', expect: { ...tabRoute, otherOrganization: NOT_FOUND, alertsDisabled: NOT_FOUND } },
  'GET /api/v1/m365/mailboxes': { expect: tabRoute },
  'GET /api/v1/m365/groups': { expect: tabRoute },
  'GET /api/v1/m365/collaboration': { expect: tabRoute },
  'GET /api/v1/m365/sign-ins': { expect: { ...tabRoute, standard: TAB_NOT_PERMITTED } },
  'GET /api/v1/m365/devices': { expect: tabRoute },
  'GET /api/v1/alerts': { expect: alertsRoute },
  'GET /api/v1/alerts/:id': { url: '/api/v1/alerts/alert-contoso', expect: { ...alertsRoute, otherOrganization: NOT_FOUND, tabNotAllowed: NOT_FOUND } },
}

const PASSWORD = 'correct horse battery'

interface Caller {
  accountId: number
  orgId: number
  mfaPending: boolean
}

let app: FastifyInstance
let db: DatabaseConnections
let config: Config
let dataDir: string
const registeredRoutes: string[] = []
const callers = new Map<Scenario, Caller>()
const cookies = new Map<Scenario, string>()

/** Inserts the minimum a finished sync leaves: a run, dataset pointers, one user and one alert. */
async function insertTenantRows(orgId: number, suffix: string): Promise<void> {
  const now = new Date().toISOString()
  const run = await db.writer
    .insertInto('sync_runs')
    .values({ org_id: orgId, source: 'import', status: 'succeeded', started_at: now, finished_at: now, error: null, datasets_json: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.writer
    .insertInto('org_datasets')
    .values(DATASETS.map((dataset) => ({ org_id: orgId, dataset, run_id: run.id, synced_at: now, summary_json: '{}' })))
    .execute()
  await db.writer
    .insertInto('m365_users')
    .values({
      org_id: orgId, run_id: run.id, id: `user-${suffix}`, display_name: `User ${suffix}`, user_principal_name: `user@${suffix}.example`,
      mail: null, job_title: null, department: null, office_location: null, account_enabled: 1, user_type: 'Member', is_guest: 0,
      is_licensed: 0, licenses_json: '[]', last_sign_in_at: null, last_successful_sign_in_at: null, created_at: null,
      sort_key: `user ${suffix}\u0000user-${suffix}`, search_norm: `user ${suffix}`, raw_json: '{}',
    })
    .execute()
  await db.writer
    .insertInto('m365_alerts')
    .values({
      org_id: orgId, run_id: run.id, id: `alert-${suffix}`, source: 'defender', title: 'Suspicious sign-in', description: 'A sign-in from an unusual place.',
      severity: 'high', status: 'new', category: null, service_source: null, detection_source: null, product_name: null, classification: null,
      determination: null, recommended_actions: '', created_at: now, last_update_at: null, first_activity_at: null, last_activity_at: null,
      resolved_at: null, evidence_json: '[]', risk_json: null, search_norm: 'suspicious sign-in', raw_json: '{}',
    })
    .execute()
}

async function newSessionCookie(scenario: Scenario): Promise<string | undefined> {
  const caller = callers.get(scenario)
  if (!caller) return undefined
  const { token } = await startSession(db.writer, { ...caller, now: new Date() })
  return `${SESSION_COOKIE}=${token}`
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'clientone-authz-'))
  config = loadConfig({
    DATA_DIR: dataDir,
    PORTAL_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    SYNC_INTERVAL_MINUTES: '0',
    STATIC_DIR: path.join(dataDir, 'no-build'),
  })
  db = await openDatabase(dataDir)

  app = Fastify(serverOptions(config))
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/v1/') || route.url === '/api/v1/openapi.json') continue
      registeredRoutes.push(`${method} ${route.url}`)
    }
  })
  await app.register(portalApp, { config, db })
  await app.ready()

  const server = { app, db, config, dataDir, clock: { now: new Date(), advance() {} }, close: async () => {} } as TestServer
  const seeded = {
    standard: await seedAccount(server, { org: 'contoso', email: 'standard@contoso.example', role: 'standard', password: PASSWORD }),
    manager: await seedAccount(server, { org: 'contoso', email: 'manager@contoso.example', role: 'manager', password: PASSWORD }),
    notPermitted: await seedAccount(server, { org: 'contoso', email: 'restricted@contoso.example', role: 'standard', password: PASSWORD, m365Permitted: false }),
    otherOrganization: await seedAccount(server, { org: 'woodgrove', email: 'manager@woodgrove.example', role: 'manager', password: PASSWORD }),
    m365Disabled: await seedAccount(server, { org: 'fabrikam', email: 'owner@fabrikam.example', role: 'manager', password: PASSWORD, settings: { m365Enabled: false } }),
    tabNotAllowed: await seedAccount(server, { org: 'litware', email: 'standard@litware.example', role: 'standard', password: PASSWORD, settings: { standardTabs: ['overview'] } }),
    alertsDisabled: await seedAccount(server, { org: 'tailspin', email: 'manager@tailspin.example', role: 'manager', password: PASSWORD, settings: { securityAlertsEnabled: false } }),
  }
  for (const [scenario, account] of Object.entries(seeded)) {
    callers.set(scenario as Scenario, { accountId: account.accountId, orgId: account.orgId, mfaPending: false })
  }
  callers.set('mfaPending', { ...callers.get('manager')!, mfaPending: true })

  await insertTenantRows(seeded.standard.orgId, 'contoso')
  await insertTenantRows(seeded.otherOrganization.orgId, 'woodgrove')

  for (const scenario of SCENARIOS) {
    const cookie = await newSessionCookie(scenario)
    if (cookie) cookies.set(scenario, cookie)
  }
})

afterAll(async () => {
  await app?.close()
  await db?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('authorization', () => {
  it('answers every route for every caller as the table says', async () => {
    const missing = registeredRoutes.filter((route) => !(route in TABLE))
    expect(missing, 'routes registered under /api/v1 without a row in the table').toEqual([])
    const unregistered = Object.keys(TABLE).filter((route) => !registeredRoutes.includes(route))
    expect(unregistered, 'table rows for routes the app does not register').toEqual([])

    const mismatches: string[] = []
    for (const [route, row] of Object.entries(TABLE)) {
      const [method, pattern] = route.split(' ') as ['GET' | 'POST' | 'DELETE', string]
      for (const scenario of SCENARIOS) {
        const cookie = row.freshSession ? await newSessionCookie(scenario) : cookies.get(scenario)
        const response = await app.inject({
          method,
          url: row.url ?? pattern,
          headers: cookie ? { cookie } : {},
          ...(row.payload ? { payload: row.payload } : {}),
        })

        const [status, code] = row.expect[scenario]
        const actualCode = response.statusCode >= 400 ? (response.json() as { error?: { code?: string } }).error?.code : undefined
        if (response.statusCode !== status || actualCode !== code) {
          mismatches.push(`${route} as ${scenario}: expected ${status}${code ? ` ${code}` : ''}, got ${response.statusCode}${actualCode ? ` ${actualCode}` : ''}`)
        }
      }
    }
    expect(mismatches).toEqual([])
  })
})
