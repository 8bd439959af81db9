import { clearPrefetched } from '../composables/prefetch'
import { usePortalStore } from './portal'
import { useSessionStore } from './session'

const extraResets = new Set<() => void>()

/**
 * Adds a store's reset to the sign-out reset. Stores in lazy chunks register when their module
 * loads, so the first chunk does not have to import them.
 */
export function registerStoreReset(reset: () => void): () => void {
  extraResets.add(reset)
  return () => extraResets.delete(reset)
}

/** Returns every store to its initial state, so nothing of one account survives into the next. */
export function resetAllStores(): void {
  clearPrefetched()
  useSessionStore().reset()
  usePortalStore().reset()
  for (const reset of extraResets) reset()
}
