// Names shared by the page and the service worker. This file contains only constants and types,
// so both the app bundle and sw.js can import it.

/** Request header naming the signed-in account's cache partition (the `cacheKey` from /me). */
export const PARTITION_HEADER = 'X-Cache-Partition'

/** Request header with the organization's offline-cache age limit in hours. 0 turns caching off. */
export const MAX_AGE_HEADER = 'X-Cache-Max-Age-Hours'

/** Response header the service worker adds to a copy it serves from its cache (ISO 8601 time it was stored). */
export const CACHED_AT_HEADER = 'X-SW-Cached-At'

/** Prefix of every per-account API cache in Cache Storage. The rest of the name is the partition. */
export const API_CACHE_PREFIX = 'api-'

/** Messages the page posts to the service worker. */
export type ServiceWorkerRequest =
  /** Activate the waiting version now (the user tapped Reload). */
  | { type: 'SKIP_WAITING' }
  /** Delete one account's API cache. */
  | { type: 'PURGE_PARTITION'; partition: string }
  /** Delete every account's API cache (sign-out, account change). */
  | { type: 'PURGE_ALL_PARTITIONS' }

/** Reply sent on the MessageChannel port of a PURGE_* request. */
export interface PurgeReply {
  /** Names of the caches that were deleted. */
  deleted: string[]
}

/** Returns the cache name of a partition. */
export function apiCacheName(partition: string): string {
  return `${API_CACHE_PREFIX}${partition}`
}
