import type { ErrorBody, ErrorCode } from '../../server/contract/index.js'
import { cacheHeaders } from '../pwa/account-cache'
import { reportCachedResponse } from '../pwa/offline-state'
import { CACHED_AT_HEADER } from '../sw/protocol'
import { ApiRequestError, SESSION_ENDED_CODES, isRefusalCode, type SessionEndedCode } from './errors'
import { emitApiEvent } from './events'

export { ApiRequestError, isApiRequestError } from './errors'

export const API_BASE = '/api/v1'

export { CACHED_AT_HEADER }

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[]
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query | undefined
  body?: unknown
  signal?: AbortSignal | undefined
}

export interface ApiResponse<T> {
  data: T
  /** ISO time the service worker cached this response; null when it came from the network. */
  cachedAt: string | null
}

/** Builds `/api/v1<path>?…`; array values become repeated parameters, empty values are left out. */
export function buildApiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    const values = Array.isArray(value) ? value : [value]
    for (const item of values) params.append(name, String(item))
  }
  const search = params.toString()
  return `${API_BASE}${path}${search ? `?${search}` : ''}`
}

/**
 * Sends one request to the portal API and returns the parsed JSON body.
 * Throws ApiRequestError for a non-2xx response (with the contract's code) and for a network
 * failure (status 0, code `network_error`).
 */
export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...cacheHeaders() }
  const init: RequestInit = { method, headers, credentials: 'same-origin' }
  if (options.signal) init.signal = options.signal
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(options.body)
  }

  let response: Response
  try {
    response = await fetch(buildApiUrl(path, options.query), init)
  } catch (cause) {
    throw networkError(cause, options.signal)
  }

  if (!response.ok) {
    const error = await errorFromResponse(response)
    reportToListeners(path, error)
    throw error
  }

  const cachedAt = response.headers.get(CACHED_AT_HEADER)
  const data = await readBody<T>(response)
  // The offline banner names the time of the cached data on screen.
  if (method === 'GET') reportCachedResponse(cachedAt)
  return { data, cachedAt }
}

function networkError(cause: unknown, signal: AbortSignal | undefined): ApiRequestError {
  if (signal?.aborted || (cause instanceof DOMException && cause.name === 'AbortError')) {
    return new ApiRequestError({ status: 0, code: 'aborted', message: 'The request was cancelled.' })
  }
  return new ApiRequestError({
    status: 0,
    code: 'network_error',
    message: 'Could not reach the server. Check your connection and try again.',
  })
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T
  const text = await response.text()
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiRequestError({
      status: response.status,
      code: 'invalid_response',
      message: `The server sent a response that is not JSON (HTTP ${response.status}).`,
    })
  }
}

async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'))
  let body: Partial<ErrorBody> | null = null
  try {
    body = (await response.json()) as Partial<ErrorBody>
  } catch {
    body = null
  }

  const error = body?.error
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiRequestError({
      status: response.status,
      code: error.code,
      message: error.message,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    })
  }

  // A proxy or the rate limiter can respond without the contract's body.
  return new ApiRequestError({
    status: response.status,
    code: fallbackCode(response.status),
    message: `The server responded with HTTP ${response.status} and no error details.`,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  })
}

function fallbackCode(status: number): ErrorCode {
  if (status === 429) return 'rate_limited'
  if (status === 404) return 'not_found'
  return 'internal_error'
}

/** Parses `Retry-After` as seconds or an HTTP date; undefined when absent or invalid. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds)
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now) / 1000))
}

// Sign-in, MFA and invitation return 401 for a wrong password or code, so only a 401 from
// another route means the session ended.
function reportToListeners(path: string, error: ApiRequestError): void {
  if (path.startsWith('/auth/')) return
  if (error.status === 401 && (SESSION_ENDED_CODES as readonly string[]).includes(error.code)) {
    emitApiEvent({ type: 'session-ended', code: error.code as SessionEndedCode })
  } else if (error.status === 401 && error.code === 'mfa_required') {
    emitApiEvent({ type: 'mfa-required' })
  } else if (error.status === 403 && isRefusalCode(error.code)) {
    emitApiEvent({ type: 'refused', code: error.code })
  }
}
