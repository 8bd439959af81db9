import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '../../server/db/pagination.js'
import { seedAccount, signIn } from '../support/accounts.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { tenantFor } from '../support/tenant.js'

const PASSWORD = 'correct horse battery staple'

let server: TestServer
let managerCookie: string
let standardCookie: string

interface ErrorResponse {
  error: { code: string; message: string; field?: string }
}

async function get(url: string, cookie?: string) {
  const response = await server.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
  return { status: response.statusCode, body: response.json<ErrorResponse>() }
}

beforeAll(async () => {
  server = await startTestServer()
  const manager = await seedAccount(server, { email: 'manager@contoso.example', role: 'manager', password: PASSWORD })
  await seedAccount(server, { email: 'standard@contoso.example', role: 'standard', password: PASSWORD })
  await tenantFor(server.db.writer, manager.orgId)
    .users(60, (index) => ({ displayName: `Person ${index}` }))
    .group({ displayName: 'Everyone' })
    .write()
  managerCookie = await signIn(server, 'manager@contoso.example', PASSWORD)
  standardCookie = await signIn(server, 'standard@contoso.example', PASSWORD)
})

afterAll(async () => {
  await server?.close()
})

describe('list parameters', () => {
  const invalid: Array<[string, string, string]> = [
    ['/api/v1/m365/users?limit=0', 'limit', '>= 1'],
    ['/api/v1/m365/users?limit=500', 'limit', '<= 200'],
    ['/api/v1/m365/users?limit=ten', 'limit', 'integer'],
    ['/api/v1/m365/users?colour=blue', 'colour', 'Unknown parameter'],
    ['/api/v1/m365/users?status=archived', 'status', 'enabled'],
    ['/api/v1/m365/users?type=robot', 'type', 'guest'],
    ['/api/v1/m365/users?licensed=yes', 'licensed', 'true'],
    ['/api/v1/m365/groups?kind=team', 'kind', 'distribution'],
    ['/api/v1/m365/sign-ins?result=maybe', 'result', 'failure'],
    ['/api/v1/m365/sign-ins?from=notadate', 'from', 'date-time'],
    ['/api/v1/m365/sign-ins?to=2026-13-45', 'to', 'date-time'],
    ['/api/v1/m365/sign-ins?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'from', 'after'],
    ['/api/v1/alerts?severity=bogus', 'severity', 'informational'],
    ['/api/v1/alerts?severity=high&severity=bogus', 'severity', 'informational'],
    ['/api/v1/alerts?status=closed', 'status', 'inProgress'],
    ['/api/v1/alerts?needsConfirmation=false', 'needsConfirmation', 'true'],
    ['/api/v1/alerts?from=yesterday', 'from', 'date-time'],
    ['/api/v1/m365/devices?search=' + 'x'.repeat(201), 'search', '200'],
    ['/api/v1/m365/mailboxes?cursor=', 'cursor', '1'],
  ]

  for (const [url, field, hint] of invalid) {
    const [path, query = ''] = url.split('?')
    it(`rejects ${decodeURIComponent(query).slice(0, 60)} on ${path}`, async () => {
      const { status, body } = await get(url, managerCookie)
      expect(status).toBe(400)
      expect(body.error.code).toBe('invalid_parameter')
      expect(body.error.field).toBe(field)
      expect(body.error.message).toContain(hint)
    })
  }

  it('accepts repeated severity and status values', async () => {
    const { status } = await get('/api/v1/alerts?severity=high&severity=unknown&status=new&status=resolved', managerCookie)
    expect(status).toBe(200)
  })

  it('answers 401 before validating parameters', async () => {
    const { status, body } = await get('/api/v1/m365/users?limit=0')
    expect(status).toBe(401)
    expect(body.error.code).toBe('not_signed_in')
  })

  it('answers tab_not_permitted before validating parameters', async () => {
    const { status, body } = await get('/api/v1/m365/sign-ins?from=notadate', standardCookie)
    expect(status).toBe(403)
    expect(body.error.code).toBe('tab_not_permitted')
  })
})

describe('cursor', () => {
  const badCursors: Array<[string, string]> = [
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON without keys', Buffer.from('{"x":1}').toString('base64url')],
    ['a JSON array', Buffer.from('[1,2,3]').toString('base64url')],
    ['keys of the wrong shape', encodeCursor(['a', 'b', 'c'], 'whatever')],
    ['too few keys', encodeCursor([1, 'a'], 'whatever')],
    ['a foreign fingerprint', encodeCursor([1, 'a', 'b'], 'forged')],
  ]

  for (const [name, cursor] of badCursors) {
    it(`rejects ${name}`, async () => {
      const { status, body } = await get(`/api/v1/m365/users?cursor=${encodeURIComponent(cursor)}`, managerCookie)
      expect(status).toBe(400)
      expect(body.error.field).toBe('cursor')
      expect(body.error.message).toContain('cursor out')
    })
  }

  it('rejects a cursor of another list', async () => {
    const users = await server.app.inject({ method: 'GET', url: '/api/v1/m365/users?limit=5', headers: { cookie: managerCookie } })
    const cursor = users.json<{ nextCursor: string }>().nextCursor
    const { status, body } = await get(`/api/v1/m365/groups?cursor=${encodeURIComponent(cursor)}`, managerCookie)
    expect(status).toBe(400)
    expect(body.error.field).toBe('cursor')
  })

  it('is null on the last page', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/m365/users?limit=60', headers: { cookie: managerCookie } })
    const page = response.json<{ items: unknown[]; nextCursor: string | null }>()
    expect(page.items).toHaveLength(60)
    expect(page.nextCursor).toBeNull()
  })

  it('defaults to 50 items a page', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/m365/users', headers: { cookie: managerCookie } })
    const page = response.json<{ items: unknown[]; nextCursor: string | null }>()
    expect(page.items).toHaveLength(50)
    expect(page.nextCursor).not.toBeNull()
  })
})
