import { computed, reactive } from 'vue'
import type { RouteLocationNormalized, Router } from 'vue-router'
import { Workbox } from 'workbox-window'

// Service worker registration and the "A new version is ready." flow. A new version installs in
// the background and waits, and it takes over only when the user taps Reload.

/** Interval at which a running app checks the server for a new service worker. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

/** Time after Reload at which the page reloads even without a controllerchange event. */
const RELOAD_FALLBACK_MS = 5_000

/** Screens where the update toast must not interrupt (password and TOTP entry). */
const QUIET_PATH_PATTERN = /^\/(?:sign-in|invitation)(?:\/|$)/

const state = reactive({
  /** A new service worker is installed and waiting. */
  waiting: false,
  /** The user closed the toast, which returns at the next launch. */
  dismissed: false,
  /** The current screen is sign-in or an invitation. */
  onQuietScreen: true,
  /** The user tapped Reload, so the page reloads once the new version controls it. */
  reloading: false,
})

let workbox: Workbox | null = null

/** True when the update toast should be on screen. */
export const isUpdateToastVisible = computed(() => state.waiting && !state.dismissed && !state.onQuietScreen && !state.reloading)

/** Returns true for routes where the update toast waits for the next screen change. */
export function isQuietRoute(route: Pick<RouteLocationNormalized, 'path'>): boolean {
  return QUIET_PATH_PATTERN.test(route.path)
}

/** Registers /sw.js with workbox-window (no inline script, so the CSP needs no exception) and schedules update checks. */
export function registerServiceWorker(router: Router): void {
  // The toast stays quiet until the first navigation has settled on a screen.
  router.afterEach((to) => {
    state.onQuietScreen = isQuietRoute(to)
  })

  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return

  const base = import.meta.env.BASE_URL
  workbox = new Workbox(`${base}sw.js`, { scope: base })

  // Covers a version that finished installing while this page was open, and one that was
  // already waiting when the page loaded.
  workbox.addEventListener('waiting', () => {
    state.waiting = true
  })

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (state.reloading) window.location.reload()
  })

  void workbox.register().catch((error: unknown) => {
    // Registration fails in some private modes and on insecure origins. The app still works online.
    console.warn('Service worker registration failed', error)
  })

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate()
  })
  window.setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS)
}

/** Requests /sw.js again, so a changed file installs and then waits. */
export function checkForUpdate(): void {
  if (!workbox || !navigator.onLine) return
  void workbox.update().catch(() => {
    // Offline or the server is restarting: the next check retries.
  })
}

/** Activates the waiting version. The page reloads once when that version takes control. */
export function applyUpdate(): void {
  if (!workbox || state.reloading) return
  state.reloading = true
  workbox.messageSkipWaiting()

  // Another tab may have activated the new version already, so no controllerchange follows here.
  window.setTimeout(() => window.location.reload(), RELOAD_FALLBACK_MS)
}

/** Hides the toast until the next launch. */
export function postponeUpdate(): void {
  state.dismissed = true
}
