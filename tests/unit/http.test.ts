import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onApiEvent, type ApiEvent } from '../../src/api/events'
import { ApiRequestError, apiRequest, buildApiUrl, parseRetryAfter } from '../../src/api/http'
import { purgeAccountData, setActiveAccount } from '../../src/pwa/account-cache'
import { errorReply, installMockApi, type MockApi } from '../component/support/mock-api'

let api: MockApi
let events: ApiEvent[]
let stopListening: () => void

beforeEach(async () => {
  await purgeAccountData()
  api = installMockApi()
  events = []
  stopListening = onApiEvent((event) => events.push(event))
})

afterEach(() => {
  stopListening()
  vi.unstubAllGlobals()
})

describe('buildApiUrl', () => {
  it('repeats array values and skips empty ones', () => {
    const url = buildApiUrl('/alerts', { severity: ['high', 'medium'], search: '', cursor: undefined, limit: 50 })
    expect(url).toBe('/api/v1/alerts?severity=high&severity=medium&limit=50')
  })
})

describe('apiRequest', () => {
  it('sends JSON and same-origin credentials', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    await apiRequest('POST', '/auth/sign-in', { body: { email: 'a@b.example', password: 'x' } })

    const call = api.calls[0]!
    expect(call.body).toEqual({ email: 'a@b.example', password: 'x' })
    expect(call.headers.get('Content-Type')).toBe('application/json')
    const init = vi.mocked(fetch).mock.calls[0]![1]!
    expect(init.credentials).toBe('same-origin')
  })

  it('sends cache headers for the active account', async () => {
    setActiveAccount('cache-abc', { enabled: true, maxAgeHours: 24 })
    api.on('GET /api/v1/me', { body: {} })
    await apiRequest('GET', '/me')

    expect(api.calls[0]!.headers.get('X-Cache-Partition')).toBe('cache-abc')
    expect(api.calls[0]!.headers.get('X-Cache-Max-Age-Hours')).toBe('24')
  })

  it('sends max age 0 when offline caching is off', async () => {
    setActiveAccount('cache-abc', { enabled: false, maxAgeHours: 24 })
    api.on('GET /api/v1/me', { body: {} })
    await apiRequest('GET', '/me')

    expect(api.calls[0]!.headers.get('X-Cache-Max-Age-Hours')).toBe('0')
  })

  it('sends no cache headers without an account', async () => {
    api.on('GET /api/v1/me', { body: {} })
    await apiRequest('GET', '/me')

    expect(api.calls[0]!.headers.has('X-Cache-Partition')).toBe(false)
    expect(api.calls[0]!.headers.has('X-Cache-Max-Age-Hours')).toBe(false)
  })

  it('returns cachedAt from the service worker header', async () => {
    api.on('GET /api/v1/m365/overview', { body: { ok: true }, headers: { 'X-SW-Cached-At': '2026-03-12T14:05:00.000Z' } })
    const fromCache = await apiRequest('GET', '/m365/overview')
    api.on('GET /api/v1/m365/overview', { body: { ok: true } })
    const fromNetwork = await apiRequest('GET', '/m365/overview')

    expect(fromCache.cachedAt).toBe('2026-03-12T14:05:00.000Z')
    expect(fromNetwork.cachedAt).toBeNull()
  })

  it('maps the contract error body', async () => {
    api.on('GET /api/v1/m365/users', { status: 400, body: { error: { code: 'invalid_parameter', message: 'limit must be 1 to 200.', field: 'limit' } } })
    const error = await apiRequest('GET', '/m365/users', { query: { limit: 999 } }).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_parameter', field: 'limit', message: 'limit must be 1 to 200.' })
  })

  it('reads Retry-After on 429', async () => {
    api.on('POST /api/v1/auth/sign-in', errorReply(429, 'rate_limited', 'Too many attempts.', { 'Retry-After': '120' }))
    const error = await apiRequest('POST', '/auth/sign-in', { body: {} }).catch((caught: unknown) => caught)

    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 120 })
  })

  it('maps a body without the contract shape', async () => {
    api.on('GET /api/v1/me', { status: 502, body: 'Bad gateway' })
    const error = await apiRequest('GET', '/me').catch((caught: unknown) => caught)

    expect(error).toMatchObject({ status: 502, code: 'internal_error' })
  })

  it('maps a network failure to status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const error = await apiRequest('GET', '/me').catch((caught: unknown) => caught)

    expect(error).toMatchObject({ status: 0, code: 'network_error' })
  })

  it('maps an aborted request to aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new DOMException('Aborted', 'AbortError'))))
    const error = await apiRequest('GET', '/me', { signal: controller.signal }).catch((caught: unknown) => caught)

    expect(error).toMatchObject({ status: 0, code: 'aborted' })
  })

  it('reports a data 401 as session ended', async () => {
    api.on('GET /api/v1/m365/users', errorReply(401, 'session_expired'))
    await apiRequest('GET', '/m365/users').catch(() => undefined)

    expect(events).toEqual([{ type: 'session-ended', code: 'session_expired' }])
  })

  it('does not report auth route 401s', async () => {
    api.on('POST /api/v1/auth/mfa', errorReply(401, 'invalid_credentials'))
    api.on('POST /api/v1/auth/sign-in', errorReply(401, 'not_signed_in'))
    await apiRequest('POST', '/auth/mfa', { body: { code: '000000' } }).catch(() => undefined)
    await apiRequest('POST', '/auth/sign-in', { body: {} }).catch(() => undefined)

    expect(events).toEqual([])
  })

  it('reports mfa_required and refusals', async () => {
    api.on('GET /api/v1/alerts', errorReply(403, 'alerts_disabled'))
    api.on('GET /api/v1/me', errorReply(401, 'mfa_required'))
    await apiRequest('GET', '/alerts').catch(() => undefined)
    await apiRequest('GET', '/me').catch(() => undefined)

    expect(events).toEqual([{ type: 'refused', code: 'alerts_disabled' }, { type: 'mfa-required' }])
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-12T14:00:00Z')
    expect(parseRetryAfter('30', now)).toBe(30)
    expect(parseRetryAfter('Thu, 12 Mar 2026 14:02:00 GMT', now)).toBe(120)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})
