import type { OfflineCacheSettings } from '../../server/contract/index.js'
import { API_CACHE_PREFIX, MAX_AGE_HEADER, PARTITION_HEADER, type ServiceWorkerRequest } from '../sw/protocol'

/**
 * The signed-in account's device storage: which service worker cache its API responses go to,
 * how long they may be served offline, and the purge that removes everything at sign-out.
 */

/** Prefix of every key the app writes to localStorage and sessionStorage. */
export const STORAGE_PREFIX = 'clientone.'

const ACTIVE_ACCOUNT_KEY = `${STORAGE_PREFIX}activeAccount`

export interface ActiveAccount {
  cacheKey: string
  offlineCache: OfflineCacheSettings
}

let active: ActiveAccount | null = readStoredAccount()

function readStoredAccount(): ActiveAccount | null {
  try {
    const raw = globalThis.localStorage?.getItem(ACTIVE_ACCOUNT_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<ActiveAccount>
    if (typeof parsed.cacheKey !== 'string' || !parsed.offlineCache) return null
    return { cacheKey: parsed.cacheKey, offlineCache: parsed.offlineCache }
  } catch {
    return null
  }
}

/** Records the account whose API responses the service worker caches from now on. */
export function setActiveAccount(cacheKey: string, offlineCache: OfflineCacheSettings): void {
  active = { cacheKey, offlineCache: { ...offlineCache } }
  try {
    localStorage.setItem(ACTIVE_ACCOUNT_KEY, JSON.stringify(active))
  } catch {
    // Private browsing can refuse storage; the in-memory copy still serves this page.
  }
}

export function getActiveAccount(): ActiveAccount | null {
  return active
}

/** Headers that tell the service worker which cache and maximum age apply to a request. */
export function cacheHeaders(): Record<string, string> {
  if (!active) return {}
  const hours = active.offlineCache.enabled ? active.offlineCache.maxAgeHours : 0
  return { [PARTITION_HEADER]: active.cacheKey, [MAX_AGE_HEADER]: String(hours) }
}

/**
 * Deletes everything the app stored for the current or a previous account: the API caches,
 * every `clientone.` key in localStorage and sessionStorage, and the IndexedDB databases the
 * app and its service worker create. Works offline.
 */
export async function purgeAccountData(): Promise<void> {
  active = null
  clearPrefixedKeys(globalThis.localStorage)
  clearPrefixedKeys(globalThis.sessionStorage)
  await Promise.all([purgeInServiceWorker(), deleteApiCaches(), deleteAppDatabases()])
}

/** Time the purge waits for the service worker's reply before it carries on without it. */
const SERVICE_WORKER_PURGE_TIMEOUT_MS = 2_000

// The page deletes the caches itself as well, but only the service worker can drop a response
// that is still in flight for the signed-out account, so it stores nothing after this point.
async function purgeInServiceWorker(): Promise<void> {
  const controller = globalThis.navigator?.serviceWorker?.controller
  if (!controller) return

  const channel = new MessageChannel()
  const replied = new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve()
  })
  const timedOut = new Promise<void>((resolve) => setTimeout(resolve, SERVICE_WORKER_PURGE_TIMEOUT_MS))
  const request: ServiceWorkerRequest = { type: 'PURGE_ALL_PARTITIONS' }
  controller.postMessage(request, [channel.port2])

  await Promise.race([replied, timedOut])
  channel.port1.close()
}

function clearPrefixedKeys(storage: Storage | undefined): void {
  if (!storage) return
  const keys: string[] = []
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index)
    if (key?.startsWith(STORAGE_PREFIX)) keys.push(key)
  }
  for (const key of keys) storage.removeItem(key)
}

// Only one account can hold the session cookie of this origin. Every `api-` cache therefore
// belongs to the account signing out or to an earlier one, and all of them are deleted.
async function deleteApiCaches(): Promise<void> {
  if (!('caches' in globalThis)) return
  const names = await caches.keys()
  await Promise.all(names.filter((name) => name.startsWith(API_CACHE_PREFIX)).map((name) => caches.delete(name)))
}

/** Databases created by this app (`clientone…`) and by Workbox's cache expiration, which records API URLs. */
function isAppDatabase(name: string): boolean {
  return name.startsWith('clientone') || name === 'workbox-expiration'
}

async function deleteAppDatabases(): Promise<void> {
  if (!('indexedDB' in globalThis) || typeof indexedDB.databases !== 'function') return
  const databases = await indexedDB.databases()
  const names = databases.map((database) => database.name).filter((name): name is string => !!name && isAppDatabase(name))
  await Promise.all(names.map(deleteDatabase))
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    request.onerror = () => resolve()
    // Blocked means the service worker still holds a connection: the browser deletes the
    // database once it closes, so sign-out does not wait for that.
    request.onblocked = () => resolve()
  })
}
