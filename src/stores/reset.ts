import { usePortalStore } from './portal'
import { useAlertBadgeStore } from './alert-badge'
import { useSessionStore } from './session'

const extraResets = new Set<() => void>()

/** Lets a store defined elsewhere (for example a screen's cache) join the sign-out reset. */
export function registerStoreReset(reset: () => void): () => void {
  extraResets.add(reset)
  return () => extraResets.delete(reset)
}

/** Returns every store to its initial state, so nothing of one account survives into the next. */
export function resetAllStores(): void {
  useSessionStore().reset()
  usePortalStore().reset()
  useAlertBadgeStore().reset()
  for (const reset of extraResets) reset()
}
