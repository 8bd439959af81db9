import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GraphApiError, GraphAuthError, GraphDataError } from '../../server/graph/errors.js'
import { sendJson, startGraphStandIn, type GraphStandIn } from '../support/graph-stand-in.js'
import { smallExport, standInGateway } from './helpers.js'

const NON_PREMIUM = {
  error: {
    code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    message: "Neither tenant is B2C or tenant doesn't have premium license",
  },
}

function throttle(response: ServerResponse, retryAfter: string | null, status = 429): void {
  sendJson(response, status, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, retryAfter === null ? {} : { 'Retry-After': retryAfter })
}

describe('graph gateway', () => {
  let standIn: GraphStandIn
  let exported: Awaited<ReturnType<typeof smallExport>>

  beforeAll(async () => {
    exported = await smallExport()
    standIn = await startGraphStandIn(exported.dir)
  })
  afterAll(async () => {
    await standIn.close()
    exported.remove()
  })
  beforeEach(() => {
    standIn.requests.length = 0
  })

  it('follows every nextLink with the token and headers', async () => {
    const gateway = standInGateway(standIn)
    const users = await gateway.listAll('/users?$top=10', { headers: { ConsistencyLevel: 'eventual' } })

    expect(users).toHaveLength(30)
    const pages = standIn.requests.filter((request) => request.url.startsWith('/v1.0/users'))
    expect(pages).toHaveLength(3)
    for (const page of pages) {
      expect(page.headers.authorization).toBe('Bearer stand-in-token')
      expect(page.headers.consistencylevel).toBe('eventual')
      expect(page.headers.prefer).toBe('include-unknown-enum-members')
    }
  })

  it('never contacts the Microsoft login host', async () => {
    await standInGateway(standIn).get('/organization')
    const tokenRequests = standIn.requests.filter((request) => request.url.includes('/oauth2/v2.0/token'))
    expect(tokenRequests.length).toBeGreaterThanOrEqual(1)
  })

  it('rejects a repeated nextLink', async () => {
    standIn.override('/loop', (_request, response, url) => {
      sendJson(response, 200, { value: [{ id: '1' }], '@odata.nextLink': `${url.origin}/v1.0/loop?$skiptoken=same` })
    })
    await expect(standInGateway(standIn).listAll('/loop')).rejects.toThrow(/already followed/)
    expect(standIn.requests.filter((request) => request.url.startsWith('/v1.0/loop'))).toHaveLength(2)
  })

  it.each([
    ['missing', null],
    ['fractional', '0.2'],
    ['HTTP-date', () => new Date(Date.now() + 1000).toUTCString()],
  ])('retries a 429 with Retry-After %s', async (_name, retryAfter) => {
    let calls = 0
    standIn.override('/throttled', (_request, response) => {
      calls += 1
      if (calls === 1) return throttle(response, typeof retryAfter === 'function' ? retryAfter() : retryAfter)
      sendJson(response, 200, { id: 'ok' })
    })
    const body = await standInGateway(standIn).get('/throttled')
    expect(body.id).toBe('ok')
    expect(calls).toBe(2)
  })

  it('retries 503 and 504', async () => {
    let calls = 0
    standIn.override('/unavailable', (_request, response) => {
      calls += 1
      if (calls === 1) return throttle(response, '0', 503)
      if (calls === 2) return throttle(response, '0', 504)
      sendJson(response, 200, { id: 'ok' })
    })
    expect((await standInGateway(standIn).get('/unavailable')).id).toBe('ok')
    expect(calls).toBe(3)
  })

  it('gives up after the maximum retries', async () => {
    let calls = 0
    standIn.override('/always-throttled', (_request, response) => {
      calls += 1
      throttle(response, '0')
    })
    const error = await standInGateway(standIn).get('/always-throttled').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GraphApiError)
    expect((error as GraphApiError).status).toBe(429)
    expect(calls).toBe(4)
  })

  it('downloads a report without sending the token to the second host', async () => {
    const csv = await standInGateway(standIn).downloadReport("/reports/getMailboxUsageDetail(period='D7')")

    expect(csv).toContain('User Principal Name')
    const downloads = standIn.requests.filter((request) => request.host === 'download')
    expect(downloads).toHaveLength(1)
    expect(downloads[0]!.headers.authorization).toBeUndefined()
    const graphCall = standIn.requests.find((request) => request.url.startsWith('/v1.0/reports/'))
    expect(graphCall?.headers.authorization).toBe('Bearer stand-in-token')
  })

  it('reports malformed JSON with the request path', async () => {
    standIn.override('/broken', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end('{"value": [ {"id": "1"}, ]')
    })
    const error = await standInGateway(standIn).get('/broken').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GraphDataError)
    expect((error as Error).message).toMatch(/GET \/broken returned invalid JSON/)
  })

  it('tells the non-premium 403 from a missing permission', async () => {
    standIn.override('/premium', (_request, response) => sendJson(response, 403, NON_PREMIUM))
    standIn.override('/denied', (_request, response) =>
      sendJson(response, 403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }),
    )
    const gateway = standInGateway(standIn)
    const premium = (await gateway.get('/premium').catch((caught: unknown) => caught)) as GraphApiError
    const denied = (await gateway.get('/denied').catch((caught: unknown) => caught)) as GraphApiError

    expect(premium.isNonPremiumTenant).toBe(true)
    expect(premium.isPermissionDenied).toBe(false)
    expect(denied.isNonPremiumTenant).toBe(false)
    expect(denied.isPermissionDenied).toBe(true)
    expect(denied.message).toContain('Authorization_RequestDenied')
  })

  it('rejects a wrong client secret without echoing it', async () => {
    const error = await standInGateway(standIn, { clientSecret: 'wrong-secret-value' }).get('/organization').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GraphAuthError)
    expect((error as Error).message).toContain('AADSTS7000215')
    expect((error as Error).message).not.toContain('wrong-secret-value')
  })

  it('times out a request that does not answer', async () => {
    standIn.override('/slow', async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      if (!response.destroyed) sendJson(response, 200, { id: 'late' })
    })
    const error = await standInGateway(standIn, { timeoutMs: 300 }).get('/slow').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GraphApiError)
    expect((error as Error).message).toMatch(/timed out/)
  })
})
