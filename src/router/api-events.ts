import type { Router } from 'vue-router'
import type { RefusalCode } from '../api/errors'
import { onApiEvent } from '../api/events'
import { usePortalStore } from '../stores/portal'
import { useSessionStore } from '../stores/session'

/** Checks that a refusal concerns the screen at this route, not a side request such as the badge count. */
function refusalApplies(code: RefusalCode, area: 'm365' | 'alerts' | undefined): boolean {
  if (!area) return false
  if (code === 'alerts_disabled') return area === 'alerts'
  if (code === 'tab_not_permitted') return area === 'm365'
  return true
}

/**
 * Turns API events into navigation. An ended session or a pending code step goes to sign-in,
 * which returns here afterwards. A 403 refusal renders the refused screen in place and reloads
 * `/me`, so the menus match the new permissions.
 */
export function installApiEventHandling(router: Router): () => void {
  return onApiEvent((event) => {
    const session = useSessionStore()
    const current = router.currentRoute.value

    if (event.type === 'session-ended') {
      // Without a session (the guard's first `/me`), loadMe settles the status itself.
      if (session.status !== 'signedIn' && session.status !== 'mfaPending') return
      session.markSessionEnded(event.code)
      if (!current.meta.public) void router.replace({ name: 'sign-in', query: { redirect: current.fullPath } })
      return
    }

    if (event.type === 'mfa-required') {
      session.markMfaPending()
      if (!current.meta.public) void router.replace({ name: 'sign-in', query: { redirect: current.fullPath } })
      return
    }

    if (refusalApplies(event.code, current.meta.access?.area)) {
      usePortalStore().recordApiRefusal(event.code, current.path)
    }
    session.loadMe().catch(() => undefined)
  })
}
