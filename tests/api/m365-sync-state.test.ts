import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UsersPage } from '../../server/contract/m365.js'
import { seedAccount, signIn } from '../support/accounts.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { tenantFor } from '../support/tenant.js'

const PASSWORD = 'correct horse battery staple'

let server: TestServer
let cookie: string
let orgId: number

async function usersPage(): Promise<UsersPage> {
  const response = await server.app.inject({ method: 'GET', url: '/api/v1/m365/users', headers: { cookie } })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<UsersPage>()
}

beforeAll(async () => {
  server = await startTestServer()
  const account = await seedAccount(server, { email: 'manager@contoso.example', role: 'manager', password: PASSWORD })
  orgId = account.orgId
  cookie = await signIn(server, 'manager@contoso.example', PASSWORD)
})

afterAll(async () => {
  await server?.close()
})

describe('sync state in responses', () => {
  it('keeps the last success after a failed run', async () => {
    await tenantFor(server.db.writer, orgId)
      .user({ displayName: 'First Run' })
      .write({ finishedAt: '2026-12-01T08:00:00.000Z', capabilities: { signIns: 'needs_entra_p1', riskyUsers: 'needs_entra_p2' } })
    await tenantFor(server.db.writer, orgId)
      .user({ displayName: 'Never Visible' })
      .write({ status: 'failed', error: 'Graph returned 401: the client secret expired.', finishedAt: '2026-12-01T09:00:00.000Z' })

    const page = await usersPage()
    expect(page.items.map((item) => item.displayName)).toEqual(['First Run'])
    expect(page.sync).toEqual({
      lastSuccessAt: '2026-12-01T08:00:00.000Z',
      lastRunAt: '2026-12-01T09:00:00.000Z',
      lastRunStatus: 'failed',
      lastError: 'Graph returned 401: the client secret expired.',
      capabilities: { signIns: 'needs_entra_p1', signInActivity: 'unknown', mfaRegistration: 'unknown', riskyUsers: 'needs_entra_p2' },
      reportNames: 'unknown',
    })
  })

  it('shows a partial run and its datasets', async () => {
    await tenantFor(server.db.writer, orgId)
      .user({ displayName: 'Second Run' })
      .write({ status: 'partial', error: 'Mailbox report failed.', finishedAt: '2026-12-01T10:00:00.000Z', datasets: ['users'] })

    const page = await usersPage()
    expect(page.items.map((item) => item.displayName)).toEqual(['Second Run'])
    expect(page.sync).toMatchObject({ lastSuccessAt: '2026-12-01T10:00:00.000Z', lastRunStatus: 'partial', lastError: 'Mailbox report failed.' })
  })

  it('shows a running sync by its start', async () => {
    await tenantFor(server.db.writer, orgId).write({ status: 'running', finishedAt: '2026-12-01T11:00:00.000Z' })

    const page = await usersPage()
    expect(page.items.map((item) => item.displayName)).toEqual(['Second Run'])
    expect(page.sync).toMatchObject({
      lastSuccessAt: '2026-12-01T10:00:00.000Z',
      lastRunAt: '2026-12-01T10:59:59.000Z',
      lastRunStatus: 'running',
      lastError: null,
    })
  })
})
