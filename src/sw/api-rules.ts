import { MAX_AGE_HEADER, PARTITION_HEADER } from './protocol'

// Which API requests the service worker may store, and under which account: pure functions on
// URLs and headers, kept apart from the Cache Storage code.

/** Shape of a cache partition: the opaque `cacheKey` from /me, never an email address. */
const PARTITION_PATTERN = /^[A-Za-z0-9._~-]{1,128}$/

/** Upper bound of the organization setting `offlineCache.maxAgeHours` (one week). */
export const MAX_AGE_HOURS_LIMIT = 168

/** API paths that are never stored: sign-in, MFA, sign-out, invitations, password and TOTP changes. */
const NEVER_CACHED = [/^\/api\/v1\/auth(?:\/|$)/, /^\/api\/v1\/me\/./, /^\/api\/v1\/openapi\.json$/]

/** 403 error codes after which the account's stored Microsoft 365 and alerts responses are stale. */
export const FORBIDDEN_DATA_CODES = new Set(['m365_disabled', 'm365_not_permitted', 'alerts_disabled', 'tab_not_permitted'])

/** Path prefixes of the data that those 403 codes withdraw. */
export const FORBIDDEN_DATA_PREFIXES = ['/api/v1/m365', '/api/v1/alerts']

export type CachePolicy =
  /** Store successful responses in this partition and serve them for at most maxAgeHours. */
  | { kind: 'cache'; partition: string; maxAgeHours: number }
  /** Go to the network only. `partition` is set when the account turned offline caching off. */
  | { kind: 'network-only'; partition: string | null }

/** Returns true for a GET under /api/v1 whose response may be stored (data and /me). */
export function isCacheableApiRequest(url: URL, method: string): boolean {
  if (method !== 'GET' || !url.pathname.startsWith('/api/v1/')) return false
  return !NEVER_CACHED.some((pattern) => pattern.test(url.pathname))
}

/** Returns the partition name from the request header, or null when it is missing or malformed. */
export function readPartition(headers: Headers): string | null {
  const value = headers.get(PARTITION_HEADER)?.trim() ?? ''
  return PARTITION_PATTERN.test(value) ? value : null
}

/** Returns the age limit in whole hours (capped at one week), 0 when caching is off, or null when the header is missing or invalid. */
export function readMaxAgeHours(headers: Headers): number | null {
  const value = headers.get(MAX_AGE_HEADER)?.trim() ?? ''
  if (!/^\d{1,4}$/.test(value)) return null
  return Math.min(Number(value), MAX_AGE_HOURS_LIMIT)
}

/** Decides how one API request is handled from its X-Cache-Partition and X-Cache-Max-Age-Hours headers. */
export function readCachePolicy(headers: Headers): CachePolicy {
  const partition = readPartition(headers)
  const maxAgeHours = readMaxAgeHours(headers)
  if (partition === null) return { kind: 'network-only', partition: null }
  if (maxAgeHours === null || maxAgeHours === 0) return { kind: 'network-only', partition }
  return { kind: 'cache', partition, maxAgeHours }
}

/** Returns true when a stored entry at this URL contains data that a FORBIDDEN_DATA_CODES error withdraws. */
export function isWithdrawnByForbidden(url: string): boolean {
  const path = new URL(url).pathname
  return FORBIDDEN_DATA_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/** Returns true when the partition name is well-formed (used to validate purge messages). */
export function isValidPartition(value: unknown): value is string {
  return typeof value === 'string' && PARTITION_PATTERN.test(value)
}
