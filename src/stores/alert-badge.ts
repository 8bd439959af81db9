import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AlertsQuery } from '../../server/contract/index.js'
import { listAlerts } from '../api/alerts'
import { STORAGE_PREFIX } from '../pwa/account-cache'
import { usePortalStore } from './portal'
import { registerStoreReset } from './reset'
import { useSessionStore } from './session'

const PAGE_LIMIT = 200
/** Enough pages for any badge: it shows "99+" above 99. */
const MAX_PAGES = 3

/**
 * Counts the alerts badge: visible alerts that need the user's confirmation, plus high and
 * medium alerts with status `new` created after the user last opened the alerts list.
 */
export const useAlertBadgeStore = defineStore('alert-badge', () => {
  const session = useSessionStore()
  const portal = usePortalStore()

  const confirmationIds = shallowRef<ReadonlySet<string>>(new Set())
  const newSinceSeenIds = shallowRef<ReadonlySet<string>>(new Set())
  const isLoading = ref(false)
  let generation = 0

  const count = computed(() => new Set([...confirmationIds.value, ...newSinceSeenIds.value]).size)
  const needsConfirmationCount = computed(() => confirmationIds.value.size)

  function storageKey(): string | null {
    const accountId = session.me?.account.id
    return accountId ? `${STORAGE_PREFIX}alertsLastOpened.${accountId}` : null
  }

  function lastOpenedAt(): string | null {
    const key = storageKey()
    if (!key) return null
    try {
      return localStorage.getItem(key)
    } catch {
      return null
    }
  }

  /** Reloads the counts from the alerts API; does nothing when alerts are not permitted. */
  async function refresh(): Promise<void> {
    const run = ++generation
    if (!portal.alertsEnabled) {
      clearCounts()
      return
    }

    isLoading.value = true
    try {
      const since = lastOpenedAt()
      const newQuery: AlertsQuery = { severity: ['high', 'medium'], status: ['new'] }
      if (since) newQuery.from = since
      const [confirmation, fresh] = await Promise.all([
        collectIds({ needsConfirmation: 'true' }),
        collectIds(newQuery),
      ])
      if (run !== generation) return
      confirmationIds.value = confirmation
      newSinceSeenIds.value = fresh
    } finally {
      if (run === generation) isLoading.value = false
    }
  }

  /** Records that the user opened the alerts list now; new alerts before this no longer count. */
  function markAlertsSeen(now = new Date()): void {
    const key = storageKey()
    if (key) {
      try {
        localStorage.setItem(key, now.toISOString())
      } catch {
        // Without storage the badge keeps counting from the last stored time.
      }
    }
    newSinceSeenIds.value = new Set()
  }

  function clearCounts(): void {
    confirmationIds.value = new Set()
    newSinceSeenIds.value = new Set()
  }

  function reset(): void {
    generation += 1
    isLoading.value = false
    clearCounts()
  }

  return { count, needsConfirmationCount, isLoading, refresh, markAlertsSeen, lastOpenedAt, reset }
})

async function collectIds(query: AlertsQuery): Promise<Set<string>> {
  const ids = new Set<string>()
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { data } = await listAlerts({ ...query, limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) })
    for (const item of data.items) ids.add(item.id)
    if (!data.nextCursor) break
    cursor = data.nextCursor
  }
  return ids
}

registerStoreReset(() => useAlertBadgeStore().reset())

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAlertBadgeStore, import.meta.hot))
