import { watch, type WatchStopHandle } from 'vue'

// The app icon badge, through the Badging API where the browser has it. Browsers without it
// keep only the in-app badges.

type BadgingNavigator = Navigator & {
  setAppBadge(count?: number): Promise<void>
  clearAppBadge(): Promise<void>
}

/** True when this browser can badge the app icon. */
export function supportsAppBadge(): boolean {
  return 'setAppBadge' in navigator && 'clearAppBadge' in navigator
}

/**
 * Mirrors a count onto the app icon while signed in, and clears the badge when the count drops
 * to 0 or the account signs out.
 */
export function mirrorAppBadge(count: () => number, isSignedIn: () => boolean): WatchStopHandle {
  if (!supportsAppBadge()) return () => {}
  const badging = navigator as BadgingNavigator

  return watch(
    () => (isSignedIn() ? count() : 0),
    (value) => {
      const update = value > 0 ? badging.setAppBadge(value) : badging.clearAppBadge()
      // The browser rejects when the permission or install state does not allow badging. The
      // in-app badges still show the count.
      update.catch(() => {})
    },
    { immediate: true },
  )
}
