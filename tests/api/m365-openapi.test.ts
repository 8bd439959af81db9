import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/server.js'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

describe('OpenAPI document', () => {
  it('lists every Microsoft 365 and alerts route', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths)
    for (const path of [
      '/api/v1/m365/overview',
      '/api/v1/m365/users',
      '/api/v1/m365/users/{id}',
      '/api/v1/m365/mailboxes',
      '/api/v1/m365/groups',
      '/api/v1/m365/collaboration',
      '/api/v1/m365/sign-ins',
      '/api/v1/m365/devices',
      '/api/v1/alerts',
      '/api/v1/alerts/{id}',
    ]) {
      expect(paths, path).toContain(path)
    }
  })
})
