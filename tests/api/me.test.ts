import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { Me } from '../../server/contract/me.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { seedAccount, signIn } from '../support/accounts.js'

const PASSWORD = 'correct horse battery'

let server: TestServer
const cookies: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer()
  await seedAccount(server, {
    email: 'manager@contoso.example',
    role: 'manager',
    password: PASSWORD,
    settings: {
      standardTabs: ['overview', 'users'],
      provider: { name: 'Northwind IT', email: 'help@northwind.example', phone: '+1 555 0100', ticketUrl: 'https://tickets.northwind.example' },
      offlineCache: { enabled: false, maxAgeHours: 24 },
    },
  })
  await seedAccount(server, { email: 'standard@contoso.example', role: 'standard', password: PASSWORD })
  await seedAccount(server, { email: 'restricted@contoso.example', role: 'standard', password: PASSWORD, m365Permitted: false })
  await seedAccount(server, { org: 'fabrikam', email: 'owner@fabrikam.example', role: 'manager', password: PASSWORD, settings: { m365Enabled: false } })
  await seedAccount(server, { org: 'tailspin', email: 'owner@tailspin.example', role: 'standard', password: PASSWORD, settings: { securityAlertsEnabled: false } })
  for (const email of ['manager@contoso.example', 'standard@contoso.example', 'restricted@contoso.example', 'owner@fabrikam.example', 'owner@tailspin.example']) {
    cookies[email] = await signIn(server, email, PASSWORD)
  }
})

afterAll(async () => {
  await server.close()
})

async function me(email: string) {
  const response = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookies[email]! } })
  expect(response.statusCode).toBe(200)
  const body = response.json()
  expect(Value.Check(Me, body)).toBe(true)
  return body
}

describe('GET /me', () => {
  it('returns every tab for a manager', async () => {
    const body = await me('manager@contoso.example')

    expect(body.account).toMatchObject({ email: 'manager@contoso.example', role: 'manager', mfaEnabled: false })
    expect(body.account.id).toMatch(/^\d+$/)
    expect(body.organization.name).toBe('Contoso')
    expect(body.settings).toEqual({
      m365Enabled: true,
      securityAlertsEnabled: true,
      offlineCache: { enabled: false, maxAgeHours: 24 },
      provider: { name: 'Northwind IT', email: 'help@northwind.example', phone: '+1 555 0100', ticketUrl: 'https://tickets.northwind.example' },
    })
    expect(body.permissions).toEqual({ m365: true, alerts: true, tabs: ['overview', 'users', 'mailboxes', 'groups', 'collaboration', 'sign-ins', 'devices'] })
  })

  it('limits a standard user to the allowed tabs', async () => {
    const body = await me('standard@contoso.example')

    expect(body.account.role).toBe('standard')
    expect(body.permissions).toEqual({ m365: true, alerts: true, tabs: ['overview', 'users'] })
  })

  it('denies Microsoft 365 without permission', async () => {
    const body = await me('restricted@contoso.example')

    expect(body.permissions).toEqual({ m365: false, alerts: false, tabs: [] })
  })

  it('denies everything with Microsoft 365 off', async () => {
    const body = await me('owner@fabrikam.example')

    expect(body.settings.m365Enabled).toBe(false)
    expect(body.permissions).toEqual({ m365: false, alerts: false, tabs: [] })
  })

  it('drops alerts when turned off', async () => {
    const body = await me('owner@tailspin.example')

    expect(body.permissions.m365).toBe(true)
    expect(body.permissions.alerts).toBe(false)
  })

  it('derives a stable opaque cache key', async () => {
    const first = await me('manager@contoso.example')
    const again = await me('manager@contoso.example')
    const other = await me('standard@contoso.example')

    expect(first.cacheKey).toMatch(/^[\w-]{22}$/)
    expect(again.cacheKey).toBe(first.cacheKey)
    expect(other.cacheKey).not.toBe(first.cacheKey)
    expect(first.cacheKey).not.toContain('manager')
  })

  it('rejects a request without a session', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/me' })

    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('not_signed_in')
  })
})
