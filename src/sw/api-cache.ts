import type { RouteHandlerCallbackOptions, WorkboxPlugin } from 'workbox-core/types'
import { NetworkFirst } from 'workbox-strategies'
import { FORBIDDEN_DATA_CODES, isWithdrawnByForbidden, readCachePolicy, readMaxAgeHours } from './api-rules'
import { API_CACHE_PREFIX, CACHED_AT_HEADER, apiCacheName } from './protocol'

// Runtime caching of GET /api/v1 responses, one Cache Storage cache per account.
//
// Expiry is done here from a timestamp header on the stored copy instead of with
// workbox-expiration. That package keeps its timestamps in an IndexedDB database
// ("workbox-expiration") that outlives the deleted caches, and nothing of an account may remain
// on the device after sign-out.

/** How long a request waits for the network before the stored copy is served. */
const NETWORK_TIMEOUT_SECONDS = 4

/** Maximum entries per account. The oldest writes are deleted first. */
export const MAX_ENTRIES_PER_PARTITION = 300

/** Time of the last purge per partition, so a response still in flight at that moment is not stored afterwards. */
const purgedAt = new Map<string, number>()
let allPurgedAt = 0

const strategies = new Map<string, NetworkFirst>()

/** Handles a cacheable API request: network first per account, or network only when caching is off. */
export async function handleApiRequest({ request, event }: RouteHandlerCallbackOptions): Promise<Response> {
  const policy = readCachePolicy(request.headers)

  if (policy.kind === 'network-only') {
    // The organization turned offline caching off (max age 0), so what this account stored before goes.
    if (policy.partition !== null) await purgePartition(policy.partition)
    return fetch(request)
  }

  return strategyFor(policy.partition).handle({ request, event })
}

/** Deletes one account's API cache and returns the names deleted. */
export async function purgePartition(partition: string): Promise<string[]> {
  const cacheName = apiCacheName(partition)
  purgedAt.set(partition, Date.now())
  strategies.delete(partition)
  return (await caches.delete(cacheName)) ? [cacheName] : []
}

/** Deletes every account's API cache and returns the names deleted. */
export async function purgeAllPartitions(): Promise<string[]> {
  allPurgedAt = Date.now()
  strategies.clear()
  const names = (await caches.keys()).filter((name) => name.startsWith(API_CACHE_PREFIX))
  const results = await Promise.all(names.map(async (name) => ((await caches.delete(name)) ? name : null)))
  return results.filter((name): name is string => name !== null)
}

function strategyFor(partition: string): NetworkFirst {
  let strategy = strategies.get(partition)
  if (!strategy) {
    strategy = new NetworkFirst({
      cacheName: apiCacheName(partition),
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [accountPlugin(partition)],
    })
    strategies.set(partition, strategy)
  }
  return strategy
}

/** Workbox plugin that stores only 200 responses with their time, expires them, and purges on 401/403. */
function accountPlugin(partition: string): WorkboxPlugin {
  const cacheName = apiCacheName(partition)

  return {
    requestWillFetch: async ({ request, state }) => {
      if (state) state.startedAt = Date.now()
      return request
    },

    // Purge on the server's verdict before the response reaches the page.
    fetchDidSucceed: async ({ response }) => {
      if (response.status === 401) {
        await purgePartition(partition)
      } else if (response.status === 403 && FORBIDDEN_DATA_CODES.has(await readErrorCode(response))) {
        await deleteWithdrawnEntries(cacheName)
      }
      return response
    },

    cacheWillUpdate: async ({ response, state }) => {
      if (response.status !== 200) return null

      // A purge that ran while this request was in flight wins: the response belongs to a signed-out account.
      const startedAt = typeof state?.startedAt === 'number' ? state.startedAt : 0
      if (Math.max(purgedAt.get(partition) ?? 0, allPurgedAt) >= startedAt) return null

      return stampCachedAt(response, new Date())
    },

    cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
      if (!cachedResponse) return null
      const maxAgeHours = readMaxAgeHours(request.headers) ?? 0
      if (isFresh(cachedResponse, maxAgeHours, Date.now())) return cachedResponse

      const cache = await caches.open(cacheName)
      await cache.delete(request)
      return null
    },

    cacheDidUpdate: async () => {
      await trimToMaxEntries(cacheName, MAX_ENTRIES_PER_PARTITION)
    },
  }
}

/** Returns a copy of the response carrying the time it was stored. */
async function stampCachedAt(response: Response, storedAt: Date): Promise<Response> {
  const headers = new Headers(response.headers)
  headers.set(CACHED_AT_HEADER, storedAt.toISOString())
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers })
}

/** Returns true when the stored copy is younger than maxAgeHours. A copy without a valid stamp is never fresh. */
export function isFresh(cachedResponse: Response, maxAgeHours: number, now: number): boolean {
  const storedAt = Date.parse(cachedResponse.headers.get(CACHED_AT_HEADER) ?? '')
  if (Number.isNaN(storedAt)) return false
  return now - storedAt < maxAgeHours * 3_600_000
}

async function readErrorCode(response: Response): Promise<string> {
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } }
    return typeof body.error?.code === 'string' ? body.error.code : ''
  } catch {
    return ''
  }
}

/** Deletes the stored Microsoft 365 and alerts responses of one account, keeping /me. */
async function deleteWithdrawnEntries(cacheName: string): Promise<void> {
  if (!(await caches.has(cacheName))) return
  const cache = await caches.open(cacheName)
  const requests = await cache.keys()
  await Promise.all(requests.filter((request) => isWithdrawnByForbidden(request.url)).map((request) => cache.delete(request)))
}

/** Deletes the oldest writes beyond maxEntries, relying on Cache.keys() listing entries in insertion order. */
async function trimToMaxEntries(cacheName: string, maxEntries: number): Promise<void> {
  // caches.open would re-create a cache that a purge has just deleted.
  if (!(await caches.has(cacheName))) return
  const cache = await caches.open(cacheName)
  const requests = await cache.keys()
  const excess = requests.slice(0, Math.max(0, requests.length - maxEntries))
  await Promise.all(excess.map((request) => cache.delete(request)))
}
