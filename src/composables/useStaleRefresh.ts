import { onScopeDispose, type Ref } from 'vue'

/** Data older than this is reloaded when the app returns to the foreground. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60 * 1000

/**
 * Calls `refresh` when the page becomes visible again and the data is older than
 * `staleAfterMs`, so people do not have to pull after reopening the app. 0 turns it off.
 */
export function useStaleRefresh(
  receivedAt: Ref<string | null>,
  isLoading: Ref<boolean>,
  refresh: () => Promise<void>,
  staleAfterMs = DEFAULT_STALE_AFTER_MS,
): void {
  if (staleAfterMs <= 0 || typeof document === 'undefined') return

  const onVisibilityChange = (): void => {
    if (document.visibilityState !== 'visible' || isLoading.value) return
    const age = receivedAt.value ? Date.now() - Date.parse(receivedAt.value) : Infinity
    if (age > staleAfterMs) void refresh()
  }
  document.addEventListener('visibilitychange', onVisibilityChange)
  onScopeDispose(() => document.removeEventListener('visibilitychange', onVisibilityChange))
}
