import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AlertDetail, AlertsPage } from '../../server/contract/alerts.js'
import type { PortalSettings } from '../../server/contract/settings.js'
import { updateOrganizationSettings } from '../../server/accounts/service.js'
import { seedAccount, signIn } from '../support/accounts.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { tenantFor } from '../support/tenant.js'

const PASSWORD = 'correct horse battery staple'

let server: TestServer
let cookie: string
let otherCookie: string
let orgId: number
let otherAlertId: string

async function get(url: string, as = cookie) {
  const response = await server.app.inject({ method: 'GET', url, headers: { cookie: as } })
  return { status: response.statusCode, body: response.json() }
}

async function titles(query = ''): Promise<string[]> {
  const { status, body } = await get(`/api/v1/alerts?${query}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return (body as AlertsPage).items.map((item) => item.title)
}

async function withSettings(patch: Partial<PortalSettings>, check: () => Promise<void>): Promise<void> {
  await updateOrganizationSettings(server.db.writer, orgId, patch)
  try {
    await check()
  } finally {
    await updateOrganizationSettings(server.db.writer, orgId, {
      alertSources: { defender: true, riskySignIns: true, riskyUsers: true },
      alertMinSeverity: 'informational',
      securityAlertsEnabled: true,
    })
  }
}

beforeAll(async () => {
  server = await startTestServer()
  const account = await seedAccount(server, {
    email: 'standard@contoso.example',
    role: 'standard',
    password: PASSWORD,
    settings: { provider: { name: 'Northwind IT', email: 'help@northwind.example', phone: null, ticketUrl: null } },
  })
  const other = await seedAccount(server, { org: 'fabrikam', email: 'owner@fabrikam.example', role: 'manager', password: PASSWORD })
  orgId = account.orgId

  await tenantFor(server.db.writer, orgId)
    .alert({ id: 'a-high', title: 'Password spray', severity: 'high', createdAt: '2026-12-01T09:00:00.000Z' })
    .alert({ id: 'a-medium', title: 'Mass download', severity: 'medium', status: 'inProgress', createdAt: '2026-12-01T11:00:00.000Z' })
    .alert({ id: 'a-low', title: 'Unusual sign-in', severity: 'low', source: 'riskySignIn', createdAt: '2026-12-01T12:00:00.000Z',
      risk: { riskLevel: 'low', riskState: 'atRisk', riskDetail: 'none' } })
    .alert({ id: 'a-info', title: 'Forwarding rule created', severity: 'informational', status: 'resolved', createdAt: '2026-11-20T08:00:00.000Z' })
    .alert({ id: 'a-odd', title: 'New kind of finding', severity: 'unknownFutureValue', createdAt: '2026-11-25T08:00:00.000Z' })
    .alert({ id: 'riskyUser:u1', title: 'Risky user Adele', severity: 'high', source: 'riskyUser', createdAt: '2026-11-30T08:00:00.000Z' })
    .alert({ id: 'a-hidden', title: 'False positive', severity: 'high', createdAt: '2026-12-01T13:00:00.000Z' }, { hidden: true })
    .alert(
      {
        id: 'a-confirm',
        title: 'Sign-in from a new country',
        severity: 'medium',
        createdAt: '2026-11-01T08:00:00.000Z',
        description: '<b>Adele</b> signed in from Brazil.\nWas this you?',
        evidence: [
          { type: 'userEvidence', label: 'Adele Vance', details: [{ name: 'UPN', value: 'adele@contoso.example' }], verdict: 'suspicious' },
          { type: 'ipEvidence', label: '198.51.100.7', details: 'not a list', verdict: null },
          { label: 'no type' },
        ],
        raw: { mitreTechniques: ['T1078', 42], categories: ['InitialAccess', 'CredentialAccess'] },
      },
      { needsConfirmation: true, note: 'Please confirm with us whether you travelled.', noteUpdatedAt: '2026-11-02T09:00:00.000Z' },
    )
    .write()

  const otherTenant = tenantFor(server.db.writer, other.orgId)
  otherAlertId = otherTenant.addAlert({ id: 'fabrikam-alert', title: 'Fabrikam only' })
  await otherTenant.write()

  cookie = await signIn(server, 'standard@contoso.example', PASSWORD)
  otherCookie = await signIn(server, 'owner@fabrikam.example', PASSWORD)
})

afterAll(async () => {
  await server?.close()
})

describe('GET /alerts', () => {
  it('lists alerts needing confirmation first, then newest', async () => {
    expect(await titles()).toEqual([
      'Sign-in from a new country',
      'Unusual sign-in',
      'Mass download',
      'Password spray',
      'Risky user Adele',
      'New kind of finding',
      'Forwarding rule created',
    ])
  })

  it('leaves out hidden alerts and counts the visible ones', async () => {
    const { body } = await get('/api/v1/alerts?severity=high')
    const page = body as AlertsPage
    expect(page.items.map((item) => item.id)).toEqual(['a-high', 'riskyUser:u1'])
    expect(page.total).toBe(7)
  })

  it('marks confirmation and provider notes', async () => {
    const { body } = await get('/api/v1/alerts?needsConfirmation=true')
    const page = body as AlertsPage
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ id: 'a-confirm', needsConfirmation: true, hasProviderNote: true })
    expect(page.items[0]?.summary).toBe('<b>Adele</b> signed in from Brazil. Was this you?')
  })

  it('filters by severity, status, time and search', async () => {
    expect(await titles('severity=unknown')).toEqual(['New kind of finding'])
    expect(await titles('severity=low&severity=informational')).toEqual(['Unusual sign-in', 'Forwarding rule created'])
    expect(await titles('status=resolved&status=inProgress')).toEqual(['Mass download', 'Forwarding rule created'])
    expect(await titles(`from=${encodeURIComponent('2026-12-01T00:00:00Z')}&to=${encodeURIComponent('2026-12-01T11:00:00Z')}`)).toEqual([
      'Mass download',
      'Password spray',
    ])
    expect(await titles('search=BRAZIL')).toEqual(['Sign-in from a new country'])
    expect(await titles('search=spray')).toEqual(['Password spray'])
  })

  it('pages without duplicates in the default order', async () => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const { body } = await get(`/api/v1/alerts?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      const page = body as AlertsPage
      ids.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(ids).toEqual(['a-confirm', 'a-low', 'a-medium', 'a-high', 'riskyUser:u1', 'a-odd', 'a-info'])
  })

  it('shows only enabled sources', async () => {
    await withSettings({ alertSources: { defender: false, riskySignIns: true, riskyUsers: false } }, async () => {
      expect(await titles()).toEqual(['Unusual sign-in'])
    })
    await withSettings({ alertSources: { defender: false, riskySignIns: false, riskyUsers: false } }, async () => {
      const { body } = await get('/api/v1/alerts')
      expect((body as AlertsPage).items).toEqual([])
      expect((body as AlertsPage).total).toBe(0)
    })
  })

  it('applies the minimum severity, unknown ranking as informational', async () => {
    await withSettings({ alertMinSeverity: 'medium' }, async () => {
      expect(await titles()).toEqual(['Sign-in from a new country', 'Mass download', 'Password spray', 'Risky user Adele'])
    })
    await withSettings({ alertMinSeverity: 'low' }, async () => {
      expect(await titles()).not.toContain('New kind of finding')
    })
  })

  it('answers alerts_disabled when alerts are off', async () => {
    await withSettings({ securityAlertsEnabled: false }, async () => {
      const { status, body } = await get('/api/v1/alerts')
      expect(status).toBe(403)
      expect(body.error.code).toBe('alerts_disabled')
    })
  })
})

describe('GET /alerts/{id}', () => {
  it('returns the full alert with evidence and note', async () => {
    const { status, body } = await get('/api/v1/alerts/a-confirm')
    expect(status).toBe(200)
    const alert = (body as AlertDetail).alert
    expect(alert.description).toBe('<b>Adele</b> signed in from Brazil.\nWas this you?')
    expect(alert.evidence).toEqual([
      { type: 'userEvidence', label: 'Adele Vance', details: [{ name: 'UPN', value: 'adele@contoso.example' }], verdict: 'suspicious' },
      { type: 'ipEvidence', label: '198.51.100.7', details: [], verdict: null },
    ])
    expect(alert.mitreTechniques).toEqual(['T1078'])
    expect(alert.categories).toEqual(['InitialAccess', 'CredentialAccess'])
    expect(alert.needsConfirmation).toBe(true)
    expect(alert.providerNote).toEqual({
      text: 'Please confirm with us whether you travelled.',
      updatedAt: '2026-11-02T09:00:00.000Z',
      providerName: 'Northwind IT',
    })
    expect(alert.risk).toBeNull()
  })

  it('returns risk details of an Entra alert', async () => {
    const { body } = await get('/api/v1/alerts/a-low')
    const alert = (body as AlertDetail).alert
    expect(alert.risk).toEqual({ riskLevel: 'low', riskState: 'atRisk', riskDetail: 'none' })
    expect(alert.categories).toEqual(['InitialAccess'])
    expect(alert.providerNote).toBeNull()
  })

  it('finds an id with a colon', async () => {
    const { status, body } = await get(`/api/v1/alerts/${encodeURIComponent('riskyUser:u1')}`)
    expect(status).toBe(200)
    expect((body as AlertDetail).alert.source).toBe('riskyUser')
  })

  it('answers 404 for hidden, filtered and foreign alerts', async () => {
    for (const id of ['a-hidden', otherAlertId, 'missing']) {
      const { status, body } = await get(`/api/v1/alerts/${id}`)
      expect(status, id).toBe(404)
      expect(body.error.code).toBe('not_found')
    }
    await withSettings({ alertMinSeverity: 'high' }, async () => {
      expect((await get('/api/v1/alerts/a-low')).status).toBe(404)
    })
    expect((await get(`/api/v1/alerts/${otherAlertId}`, otherCookie)).status).toBe(200)
  })
})
