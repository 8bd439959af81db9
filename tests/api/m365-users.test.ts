import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserDetail, UsersPage } from '../../server/contract/m365.js'
import { fold } from '../../server/db/fold.js'
import { seedAccount, signIn } from '../support/accounts.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { tenantFor } from '../support/tenant.js'

const PASSWORD = 'correct horse battery staple'

let server: TestServer
let managerCookie: string
let standardCookie: string
let selfCookie: string
let otherOrgCookie: string
let otherOrgUserId: string
const ids: Record<string, string> = {}

async function getJson<T>(cookie: string, url: string): Promise<{ status: number; body: T }> {
  const response = await server.app.inject({ method: 'GET', url, headers: { cookie } })
  return { status: response.statusCode, body: response.json<T>() }
}

async function usersPage(cookie: string, query: string): Promise<UsersPage> {
  const { status, body } = await getJson<UsersPage>(cookie, `/api/v1/m365/users?${query}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return body
}

beforeAll(async () => {
  server = await startTestServer()
  const manager = await seedAccount(server, { email: 'manager@contoso.example', role: 'manager', password: PASSWORD })
  await seedAccount(server, { email: 'standard@contoso.example', role: 'standard', password: PASSWORD })
  await seedAccount(server, { email: 'Self.Person@Contoso.example', role: 'standard', password: PASSWORD })
  const other = await seedAccount(server, { org: 'fabrikam', email: 'owner@fabrikam.example', role: 'manager', password: PASSWORD })

  const tenant = tenantFor(server.db.writer, manager.orgId)
  ids.jose = tenant.addUser({ displayName: 'José Álvarez', department: 'Sales' })
  ids.upper = tenant.addUser({ displayName: 'JOSEFINA Ruiz' })
  ids.quote = tenant.addUser({ displayName: "Siobhán O'Brien" })
  ids.percent = tenant.addUser({ displayName: 'Growth 100% Team', licenses: [] })
  ids.underscore = tenant.addUser({ displayName: 'svc_backup', licenses: [] })
  ids.plain = tenant.addUser({ displayName: 'Svcxbackup', licenses: [] })
  ids.guest = tenant.addUser({ displayName: 'Guest Partner', isGuest: true, licenses: [] })
  ids.disabled = tenant.addUser({ displayName: 'Former Employee', accountEnabled: false })
  ids.self = tenant.addUser({
    displayName: 'Self Person',
    userPrincipalName: 'self.person@contoso.example',
    mail: 'SELF.PERSON@contoso.example',
    lastSignInAt: '2026-12-01T08:00:00.000Z',
    lastSuccessfulSignInAt: '2026-12-01T08:00:00.000Z',
  })
  // 1,200 users sharing 12 names, so most neighbours in the order have equal names.
  tenant.users(1200, (index) => ({ displayName: `Same Name ${index % 12}`, licenses: index % 3 === 0 ? [] : undefined }))

  const groupId = tenant.addGroup({ displayName: 'Sales Team', members: [ids.jose!, ids.self!] })
  tenant.mailbox({ userPrincipalName: `${ids.jose}@contoso.example`, storageUsedBytes: 2_000, quotaBytes: 10_000 })
  tenant.mfa(ids.jose!, true, ['microsoftAuthenticatorPush', 'fido2'])
  ids.group = groupId
  await tenant.write({ capabilities: { mfaRegistration: 'available' } })

  const otherTenant = tenantFor(server.db.writer, other.orgId)
  otherOrgUserId = otherTenant.addUser({ displayName: 'Fabrikam Person' })
  await otherTenant.write()

  managerCookie = await signIn(server, 'manager@contoso.example', PASSWORD)
  standardCookie = await signIn(server, 'standard@contoso.example', PASSWORD)
  selfCookie = await signIn(server, 'self.person@contoso.example', PASSWORD)
  otherOrgCookie = await signIn(server, 'owner@fabrikam.example', PASSWORD)
})

afterAll(async () => {
  await server?.close()
})

describe('GET /m365/users', () => {
  it('walks 1,209 users without duplicates or gaps', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: UsersPage = await usersPage(managerCookie, `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(50)
      seen.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)

    expect(pages).toBe(Math.ceil(1209 / 50))
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBe(1209)
  })

  it('lists licensed users first, then by name', async () => {
    const items: UsersPage['items'] = []
    let cursor: string | null = null
    do {
      const page: UsersPage = await usersPage(managerCookie, `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)

    const licensedFlags = items.map((item) => item.licenses.length > 0)
    expect(licensedFlags.indexOf(false)).toBeGreaterThan(licensedFlags.lastIndexOf(true))
    for (const segment of [items.filter((item) => item.licenses.length > 0), items.filter((item) => item.licenses.length === 0)]) {
      const names = segment.map((item) => fold(item.displayName))
      expect(names).toEqual([...names].sort())
    }
    expect(items[0]?.displayName).toBe('Former Employee')
  })

  it('reports the synced total regardless of filters', async () => {
    const page = await usersPage(managerCookie, 'type=guest')
    expect(page.total).toBe(1209)
    expect(page.items.map((item) => item.id)).toEqual([ids.guest])
  })

  it('search ignores accents and case', async () => {
    const page = await usersPage(managerCookie, 'search=jose')
    expect(page.items.map((item) => item.displayName).sort()).toEqual(['JOSEFINA Ruiz', 'José Álvarez'])

    const accented = await usersPage(managerCookie, `search=${encodeURIComponent('ÁLVAREZ')}`)
    expect(accented.items.map((item) => item.id)).toEqual([ids.jose])
  })

  it('search takes quotes, % and _ literally', async () => {
    const quoted = await usersPage(managerCookie, `search=${encodeURIComponent("o'brien")}`)
    expect(quoted.items.map((item) => item.id)).toEqual([ids.quote])

    const percent = await usersPage(managerCookie, `search=${encodeURIComponent('100%')}`)
    expect(percent.items.map((item) => item.id)).toEqual([ids.percent])

    const underscore = await usersPage(managerCookie, `search=${encodeURIComponent('svc_')}`)
    expect(underscore.items.map((item) => item.id)).toEqual([ids.underscore])

    const wildcardOnly = await usersPage(managerCookie, `search=${encodeURIComponent('%')}`)
    expect(wildcardOnly.items.map((item) => item.id)).toEqual([ids.percent])
  })

  it('search pages through matches', async () => {
    const first = await usersPage(managerCookie, 'search=same%20name%207&limit=60')
    expect(first.items).toHaveLength(60)
    expect(first.nextCursor).not.toBeNull()
    const second = await usersPage(managerCookie, `search=same%20name%207&limit=60&cursor=${encodeURIComponent(first.nextCursor!)}`)
    expect(second.items).toHaveLength(40)
    expect(second.nextCursor).toBeNull()
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(100)
  })

  it('filters by status, type and licence', async () => {
    const disabled = await usersPage(managerCookie, 'status=disabled')
    expect(disabled.items.map((item) => item.id)).toEqual([ids.disabled])

    const enabled = await usersPage(managerCookie, 'status=enabled&limit=200&search=former')
    expect(enabled.items).toEqual([])

    const members = await usersPage(managerCookie, 'type=member&search=partner')
    expect(members.items).toEqual([])

    const unlicensed = await usersPage(managerCookie, 'licensed=false&search=svc')
    expect(unlicensed.items.map((item) => item.id)).toEqual([ids.underscore, ids.plain])

    const licensed = await usersPage(managerCookie, 'licensed=true&search=svc')
    expect(licensed.items).toEqual([])
  })

  it('rejects a cursor reused with another search', async () => {
    const first = await usersPage(managerCookie, 'limit=10')
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/v1/m365/users?limit=10&search=same&cursor=${encodeURIComponent(first.nextCursor!)}`,
      headers: { cookie: managerCookie },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'invalid_parameter', field: 'cursor' })
  })

  it('shows only the caller organization', async () => {
    const page = await usersPage(otherOrgCookie, 'limit=200')
    expect(page.items.map((item) => item.displayName)).toEqual(['Fabrikam Person'])
    expect(page.total).toBe(1)
  })
})

describe('GET /m365/users/{id}', () => {
  it('gives a manager every field', async () => {
    const { status, body } = await getJson<UserDetail>(managerCookie, `/api/v1/m365/users/${ids.jose}`)
    expect(status).toBe(200)
    expect(body.user.isSelf).toBe(false)
    expect(body.user.department).toBe('Sales')
    expect(body.user.mfaRegistration).toEqual({
      status: 'registered',
      methods: ['microsoftAuthenticatorPush', 'fido2'],
      capability: 'available',
    })
    expect(body.user.mailbox).toMatchObject({ storageUsedBytes: 2_000, quotaBytes: 10_000 })
    expect(body.user.groups).toEqual([{ id: ids.group, displayName: 'Sales Team', kind: 'microsoft365' }])
    expect(body.user).toHaveProperty('lastSignInAt', null)
  })

  it('gives a standard user identity fields only', async () => {
    const { status, body } = await getJson<UserDetail>(standardCookie, `/api/v1/m365/users/${ids.jose}`)
    expect(status).toBe(200)
    expect(body.user.displayName).toBe('José Álvarez')
    expect(body.user.accountEnabled).toBe(true)
    expect(body.user.licenses).toEqual([{ skuId: 'sku-e3', name: 'Microsoft 365 E3' }])
    for (const key of ['lastSignInAt', 'lastSuccessfulSignInAt', 'mfaRegistration', 'mailbox', 'groups']) {
      expect(body.user, key).not.toHaveProperty(key)
    }
  })

  it('gives a standard user every field of their own user', async () => {
    const { status, body } = await getJson<UserDetail>(selfCookie, `/api/v1/m365/users/${ids.self}`)
    expect(status).toBe(200)
    expect(body.user.isSelf).toBe(true)
    expect(body.user.lastSignInAt).toBe('2026-12-01T08:00:00.000Z')
    expect(body.user.mfaRegistration).toEqual({ status: 'unavailable', methods: [], capability: 'available' })
    expect(body.user.mailbox).toBeNull()
    expect(body.user.groups).toEqual([{ id: ids.group, displayName: 'Sales Team', kind: 'microsoft365' }])
  })

  it('answers 404 for an id of another organization', async () => {
    const foreign = await getJson<{ error: { code: string } }>(managerCookie, `/api/v1/m365/users/${otherOrgUserId}`)
    const missing = await getJson<{ error: { code: string } }>(managerCookie, '/api/v1/m365/users/no-such-user')
    expect(foreign.status).toBe(404)
    expect(foreign.body.error.code).toBe('not_found')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
  })
})
