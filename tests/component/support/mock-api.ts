import { vi } from 'vitest'
import type { Me } from '../../../server/contract/index.js'

// A fetch stand-in for the PWA's API client: routes by "METHOD /path" (query ignored) and
// records every call, so tests can assert on URLs, headers and bodies.

export interface MockReply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
  /** Resolves the reply only when this promise settles (for slow-response tests). */
  delay?: Promise<unknown>
}

export type MockHandler = (call: RecordedCall) => MockReply | Promise<MockReply>

export interface RecordedCall {
  method: string
  url: URL
  headers: Headers
  body: unknown
  signal: AbortSignal | undefined
}

export interface MockApi {
  calls: RecordedCall[]
  on: (route: string, handler: MockHandler | MockReply) => void
  callsTo: (route: string) => RecordedCall[]
}

export function installMockApi(): MockApi {
  const handlers = new Map<string, MockHandler>()
  const calls: RecordedCall[] = []

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://app.test')
    const method = (init.method ?? 'GET').toUpperCase()
    const call: RecordedCall = {
      method,
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    }
    calls.push(call)

    const handler = handlers.get(`${method} ${url.pathname}`)
    if (!handler) throw new TypeError(`No mock for ${method} ${url.pathname}`)
    const reply = await handler(call)
    if (reply.delay) await reply.delay
    if (call.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError')
    const status = reply.status ?? 200
    const body = reply.body === undefined || status === 204 ? null : JSON.stringify(reply.body)
    return new Response(body, { status, headers: { 'Content-Type': 'application/json', ...reply.headers } })
  })
  vi.stubGlobal('fetch', fetchMock)

  return {
    calls,
    on(route, handler) {
      handlers.set(route, typeof handler === 'function' ? handler : () => handler)
    },
    callsTo(route) {
      const [method, path] = route.split(' ')
      return calls.filter((call) => call.method === method && call.url.pathname === path)
    },
  }
}

export function errorReply(status: number, code: string, message = 'Failed.', headers?: Record<string, string>): MockReply {
  return { status, body: { error: { code, message } }, ...(headers ? { headers } : {}) }
}

export const emptySync = {
  lastSuccessAt: '2026-03-12T14:05:00.000Z',
  lastRunAt: '2026-03-12T14:05:00.000Z',
  lastRunStatus: 'succeeded' as const,
  lastError: null,
  capabilities: { signIns: 'available', signInActivity: 'available', mfaRegistration: 'available', riskyUsers: 'available' } as const,
  reportNames: 'visible' as const,
}

export function makeMe(overrides: {
  email?: string
  role?: 'manager' | 'standard'
  m365Enabled?: boolean
  m365?: boolean
  alerts?: boolean
  tabs?: Me['permissions']['tabs']
  mfaEnabled?: boolean
  cacheKey?: string
  accountId?: string
} = {}): Me {
  const m365 = overrides.m365 ?? true
  return {
    account: {
      id: overrides.accountId ?? 'acc-1',
      email: overrides.email ?? 'jane@contoso.example',
      displayName: 'Jane Doe',
      role: overrides.role ?? 'manager',
      mfaEnabled: overrides.mfaEnabled ?? false,
    },
    organization: { id: 'org-1', name: 'Contoso' },
    settings: {
      m365Enabled: overrides.m365Enabled ?? true,
      securityAlertsEnabled: overrides.alerts ?? true,
      offlineCache: { enabled: true, maxAgeHours: 72 },
      provider: { name: 'Northwind IT', email: 'help@northwind.example', phone: '+1 555 0100', ticketUrl: 'https://tickets.northwind.example/new' },
    },
    permissions: {
      m365,
      alerts: overrides.alerts ?? m365,
      tabs: overrides.tabs ?? (m365 ? ['overview', 'users', 'mailboxes', 'groups', 'collaboration', 'sign-ins', 'devices'] : []),
    },
    cacheKey: overrides.cacheKey ?? 'key-1',
  }
}

export function alertItem(id: string, overrides: Partial<{ severity: string; status: string; needsConfirmation: boolean; title: string }> = {}) {
  return {
    id,
    title: overrides.title ?? `Alert ${id}`,
    severity: overrides.severity ?? 'high',
    status: overrides.status ?? 'new',
    createdAt: '2026-03-12T14:05:00.000Z',
    lastUpdateAt: null,
    summary: `Summary of ${id}`,
    source: 'defender' as const,
    serviceSource: null,
    needsConfirmation: overrides.needsConfirmation ?? false,
    hasProviderNote: false,
  }
}

export function alertsPage(items: ReturnType<typeof alertItem>[], nextCursor: string | null = null) {
  return { items, nextCursor, sync: emptySync, total: items.length }
}
