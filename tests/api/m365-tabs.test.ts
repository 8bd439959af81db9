import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Collaboration, DevicesPage, GroupsPage, MailboxesPage, Overview } from '../../server/contract/m365.js'
import { seedAccount, signIn } from '../support/accounts.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { tenantFor } from '../support/tenant.js'

const PASSWORD = 'correct horse battery staple'

let server: TestServer
let managerCookie: string
let standardCookie: string
let neverSyncedCookie: string
let emptyCookie: string
let narrowCookie: string

async function getOk<T>(cookie: string, url: string): Promise<T> {
  const response = await server.app.inject({ method: 'GET', url, headers: { cookie } })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<T>()
}

beforeAll(async () => {
  server = await startTestServer()
  const manager = await seedAccount(server, { email: 'manager@contoso.example', role: 'manager', password: PASSWORD })
  await seedAccount(server, { email: 'standard@contoso.example', role: 'standard', password: PASSWORD })
  await seedAccount(server, {
    email: 'narrow@contoso.example',
    role: 'standard',
    password: PASSWORD,
  })
  await seedAccount(server, { org: 'fresh', email: 'owner@fresh.example', role: 'manager', password: PASSWORD })
  const empty = await seedAccount(server, { org: 'empty', email: 'owner@empty.example', role: 'manager', password: PASSWORD })

  await tenantFor(server.db.writer, manager.orgId)
    .tenant('Contoso Ltd', [
      { name: 'contoso.example', isDefault: true, isInitial: false },
      { name: 'contoso.onmicrosoft.example', isDefault: false, isInitial: true },
    ])
    .sku('SPE_E3', 'Microsoft 365 E3', 9, 10)
    .sku('EXCHANGESTANDARD', 'Exchange Online (Plan 1)', 2, 10)
    .sku('POWER_BI_PRO', 'Power BI Pro', 5, 4, 1)
    .users(4, (index) => ({ displayName: `Person ${index}`, isGuest: index === 3, accountEnabled: index !== 2, licenses: index === 3 ? [] : undefined }))
    .mailbox({ userPrincipalName: 'full@contoso.example', displayName: 'Full Box', storageUsedBytes: 95, quotaBytes: 100 })
    .mailbox({ userPrincipalName: 'half@contoso.example', displayName: 'Half Box', storageUsedBytes: 50, quotaBytes: 100 })
    .mailbox({ userPrincipalName: 'noquota@contoso.example', displayName: 'No Quota', quotaBytes: null })
    .mailbox({ userPrincipalName: 'a1b2c3d4', displayName: 'a1b2c3d4', concealed: true, storageUsedBytes: 10, quotaBytes: 100 })
    .group({ displayName: 'Marketing', kind: 'microsoft365', isTeam: true, id: 'team-marketing', memberCount: 12 })
    .group({ displayName: 'Admins', kind: 'security' })
    .group({ displayName: 'Finance approvers', kind: 'mailEnabledSecurity' })
    .group({ displayName: 'All staff', kind: 'distribution', mail: 'all@contoso.example' })
    .team({ id: 'team-marketing', name: 'Marketing' })
    .team({ name: 'Dormant team', lastActivityDate: '2026-06-01' })
    .site({ name: 'Intranet', storageUsedBytes: 3_000 })
    .site({ name: 'Archive', storageUsedBytes: 7_000, lastActivityDate: '2025-01-01' })
    .device({ displayName: 'LAPTOP-01', operatingSystem: 'Windows', ownerDisplayName: 'Zoë Quinn' })
    .device({ displayName: 'iPhone de Zoë', operatingSystem: 'iOS', isCompliant: false })
    .device({ displayName: 'LAPTOP-02', operatingSystem: 'Windows', isCompliant: null })
    .signIn({ createdAt: '2026-11-30T10:00:00.000Z' })
    .signIn({ createdAt: '2026-12-01T10:00:00.000Z', success: false })
    .alert({ title: 'Suspicious inbox rule', severity: 'high' }, { needsConfirmation: true })
    .alert({ title: 'Resolved thing', severity: 'high', status: 'resolved' })
    .alert({ title: 'Odd value', severity: 'unknownFutureValue' })
    .write({
      capabilities: { signIns: 'available', mfaRegistration: 'needs_entra_p1' },
      summaries: { mfaRegistrations: { registered: 3, total: 4 } },
    })
  await tenantFor(server.db.writer, empty.orgId).write({ capabilities: { signIns: 'needs_entra_p1' }, reportNames: 'concealed' })

  managerCookie = await signIn(server, 'manager@contoso.example', PASSWORD)
  standardCookie = await signIn(server, 'standard@contoso.example', PASSWORD)
  narrowCookie = await signIn(server, 'narrow@contoso.example', PASSWORD)
  neverSyncedCookie = await signIn(server, 'owner@fresh.example', PASSWORD)
  emptyCookie = await signIn(server, 'owner@empty.example', PASSWORD)
})

afterAll(async () => {
  await server?.close()
})

describe('GET /m365/overview', () => {
  it('gives a manager every section', async () => {
    // The sign-in chart covers the 7 days ending "today": pin today after the fixtures' dates.
    const realNow = server.clock.now
    server.clock.now = new Date('2026-12-02T12:00:00Z')
    const overview = await getOk<Overview>(managerCookie, '/api/v1/m365/overview').finally(() => {
      server.clock.now = realNow
    })
    expect(overview.tenant?.displayName).toBe('Contoso Ltd')
    expect(overview.tenant?.domains).toHaveLength(2)
    expect(overview.users).toEqual({ total: 4, licensed: 3, guests: 1, disabled: 1 })
    expect(overview.licenses?.map((license) => license.skuPartNumber)).toEqual(['POWER_BI_PRO', 'SPE_E3', 'EXCHANGESTANDARD'])
    expect(overview.licenses?.[0]).toMatchObject({ used: 5, available: 5, name: 'Power BI Pro' })
    expect(overview.mfaRegistration).toEqual({ registered: 3, total: 4, capability: 'needs_entra_p1' })
    expect(overview.signIns).toEqual({
      capability: 'available',
      days: [
        { date: '2026-11-26', success: 0, failure: 0 },
        { date: '2026-11-27', success: 0, failure: 0 },
        { date: '2026-11-28', success: 0, failure: 0 },
        { date: '2026-11-29', success: 0, failure: 0 },
        { date: '2026-11-30', success: 1, failure: 0 },
        { date: '2026-12-01', success: 0, failure: 1 },
        { date: '2026-12-02', success: 0, failure: 0 },
      ],
    })
    expect(overview.devices).toEqual({ total: 3, byOs: [{ os: 'Windows', count: 2 }, { os: 'iOS', count: 1 }] })
    expect(overview.alerts).toEqual({ high: 1, medium: 0, low: 0, informational: 0, unknown: 1, needsConfirmation: 1 })
  })

  it('leaves out sections of tabs a standard user may not open', async () => {
    const overview = await getOk<Overview>(standardCookie, '/api/v1/m365/overview')
    expect(overview).not.toHaveProperty('signIns')
    expect(overview.users?.total).toBe(4)
    expect(overview.devices?.total).toBe(3)
  })

  it('leaves out users, devices and alerts when settings narrow the tabs', async () => {
    const orgId = (await server.db.reader.selectFrom('organizations').select('id').where('slug', '=', 'contoso').executeTakeFirstOrThrow()).id
    const { updateOrganizationSettings } = await import('../../server/accounts/service.js')
    await updateOrganizationSettings(server.db.writer, orgId, { standardTabs: ['overview'], securityAlertsEnabled: false })
    try {
      const overview = await getOk<Overview>(narrowCookie, '/api/v1/m365/overview')
      for (const key of ['users', 'licenses', 'mfaRegistration', 'signIns', 'devices', 'alerts']) {
        expect(overview, key).not.toHaveProperty(key)
      }
      expect(overview.tenant?.displayName).toBe('Contoso Ltd')
    } finally {
      await updateOrganizationSettings(server.db.writer, orgId, {
        standardTabs: ['overview', 'users', 'mailboxes', 'groups', 'collaboration', 'devices'],
        securityAlertsEnabled: true,
      })
    }
  })

  it('tells never synced from synced but empty', async () => {
    const never = await getOk<Overview>(neverSyncedCookie, '/api/v1/m365/overview')
    expect(never.tenant).toBeNull()
    expect(never.sync).toMatchObject({ lastSuccessAt: null, lastRunAt: null, lastRunStatus: null })
    expect(never.sync.capabilities).toEqual({ signIns: 'unknown', signInActivity: 'unknown', mfaRegistration: 'unknown', riskyUsers: 'unknown' })
    expect(never.sync.reportNames).toBe('unknown')

    const empty = await getOk<Overview>(emptyCookie, '/api/v1/m365/overview')
    expect(empty.tenant).toBeNull()
    expect(empty.sync.lastSuccessAt).not.toBeNull()
    expect(empty.sync.lastRunStatus).toBe('succeeded')
    expect(empty.sync.capabilities.signIns).toBe('needs_entra_p1')
    expect(empty.users).toEqual({ total: 0, licensed: 0, guests: 0, disabled: 0 })
  })
})

describe('GET /m365/mailboxes', () => {
  it('lists the fullest mailboxes first', async () => {
    const page = await getOk<MailboxesPage>(managerCookie, '/api/v1/m365/mailboxes')
    expect(page.items.map((item) => item.displayName)).toEqual(['Full Box', 'Half Box', 'a1b2c3d4', 'No Quota'])
    expect(page.items[0]).toMatchObject({ usedRatio: 0.95, quotaBytes: 100, storageUsedBytes: 95, concealed: false })
    expect(page.items[3]?.usedRatio).toBeNull()
    expect(page.total).toBe(4)
    expect(page.reportRefreshDate).toBe('2026-12-01')
  })

  it('reports concealed names from the sync state', async () => {
    const page = await getOk<MailboxesPage>(emptyCookie, '/api/v1/m365/mailboxes')
    expect(page.items).toEqual([])
    expect(page.namesConcealed).toBe(true)
    expect(page.sync.reportNames).toBe('concealed')
  })

  it('reports concealed names from a stored row', async () => {
    const page = await getOk<MailboxesPage>(managerCookie, '/api/v1/m365/mailboxes?search=box&limit=1')
    expect(page.items.map((item) => item.displayName)).toEqual(['Full Box'])
    expect(page.namesConcealed).toBe(true)
  })

  it('pages in quota order', async () => {
    const first = await getOk<MailboxesPage>(managerCookie, '/api/v1/m365/mailboxes?limit=3')
    const second = await getOk<MailboxesPage>(managerCookie, `/api/v1/m365/mailboxes?limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`)
    expect(second.items.map((item) => item.displayName)).toEqual(['No Quota'])
    expect(second.nextCursor).toBeNull()
  })

  it('is empty before the first sync', async () => {
    const page = await getOk<MailboxesPage>(neverSyncedCookie, '/api/v1/m365/mailboxes')
    expect(page).toMatchObject({ items: [], nextCursor: null, total: 0, namesConcealed: false, reportRefreshDate: null })
    expect(page.sync.lastSuccessAt).toBeNull()
  })
})

describe('GET /m365/groups', () => {
  it('filters by kind', async () => {
    const security = await getOk<GroupsPage>(managerCookie, '/api/v1/m365/groups?kind=security')
    expect(security.items.map((item) => item.displayName)).toEqual(['Admins', 'Finance approvers'])

    const microsoft365 = await getOk<GroupsPage>(managerCookie, '/api/v1/m365/groups?kind=microsoft365')
    expect(microsoft365.items).toEqual([
      expect.objectContaining({ displayName: 'Marketing', isTeam: true, memberCount: 12, kind: 'microsoft365' }),
    ])

    const distribution = await getOk<GroupsPage>(managerCookie, '/api/v1/m365/groups?kind=distribution&search=ALL@')
    expect(distribution.items.map((item) => item.mail)).toEqual(['all@contoso.example'])
    expect(distribution.total).toBe(4)
  })

  it('lists all groups by name', async () => {
    const page = await getOk<GroupsPage>(managerCookie, '/api/v1/m365/groups')
    expect(page.items.map((item) => item.displayName)).toEqual(['Admins', 'All staff', 'Finance approvers', 'Marketing'])
  })
})

describe('GET /m365/devices', () => {
  it('searches name, system and owner without accents', async () => {
    const byOwner = await getOk<DevicesPage>(managerCookie, '/api/v1/m365/devices?search=zoe')
    expect(byOwner.items.map((item) => item.displayName)).toEqual(['iPhone de Zoë', 'LAPTOP-01'])

    const bySystem = await getOk<DevicesPage>(managerCookie, '/api/v1/m365/devices?search=WINDOWS')
    expect(bySystem.items.map((item) => item.displayName)).toEqual(['LAPTOP-01', 'LAPTOP-02'])
    expect(bySystem.total).toBe(3)
  })

  it('filters by reported compliance', async () => {
    const compliant = await getOk<DevicesPage>(managerCookie, '/api/v1/m365/devices?compliant=true')
    expect(compliant.items.map((item) => item.displayName)).toEqual(['LAPTOP-01'])

    const notCompliant = await getOk<DevicesPage>(managerCookie, '/api/v1/m365/devices?compliant=false')
    expect(notCompliant.items.map((item) => item.displayName)).toEqual(['iPhone de Zoë'])
  })

  it('rejects an invalid compliance filter', async () => {
    const response = await server.app.inject({ url: '/api/v1/m365/devices?compliant=maybe', headers: { cookie: managerCookie } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe('compliant')
  })
})

describe('GET /m365/collaboration', () => {
  it('gives a manager teams and sites', async () => {
    const collaboration = await getOk<Collaboration>(managerCookie, '/api/v1/m365/collaboration')
    expect(collaboration.summary).toEqual({
      teams: 2,
      activeTeams: 1,
      sites: 2,
      activeSites: 1,
      storageUsedBytes: 10_000,
      activeWindowDays: 30,
    })
    expect(collaboration.teams?.map((team) => [team.name, team.memberCount])).toEqual([
      ['Dormant team', null],
      ['Marketing', 12],
    ])
    expect(collaboration.sites?.map((site) => site.name)).toEqual(['Archive', 'Intranet'])
    expect(collaboration.namesConcealed).toBe(false)
    expect(collaboration.reportRefreshDate).toBe('2026-12-01')
  })

  it('gives a standard user the summary only', async () => {
    const collaboration = await getOk<Collaboration>(standardCookie, '/api/v1/m365/collaboration')
    expect(collaboration.summary.teams).toBe(2)
    expect(collaboration).not.toHaveProperty('teams')
    expect(collaboration).not.toHaveProperty('sites')
  })

  it('gives a manager empty lists before the first sync', async () => {
    const collaboration = await getOk<Collaboration>(neverSyncedCookie, '/api/v1/m365/collaboration')
    expect(collaboration.teams).toEqual([])
    expect(collaboration.sites).toEqual([])
    expect(collaboration.summary.teams).toBe(0)
  })
})

describe('tab permissions', () => {
  it('rejects a standard user on sign-ins', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/m365/sign-ins', headers: { cookie: standardCookie } })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.code).toBe('tab_not_permitted')
  })

  it('rejects every tab without a session', async () => {
    for (const path of ['overview', 'users', 'users/x', 'mailboxes', 'groups', 'collaboration', 'sign-ins', 'devices']) {
      const response = await server.app.inject({ method: 'GET', url: `/api/v1/m365/${path}` })
      expect(response.statusCode, path).toBe(401)
    }
  })
})
