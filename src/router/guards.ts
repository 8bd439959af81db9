import { START_LOCATION, type Router } from 'vue-router'
import { usePortalStore } from '../stores/portal'
import { useSessionStore } from '../stores/session'
import { safeRedirect } from './redirect'

/**
 * Installs the session guard. A tab that already loaded `/me` resolves at once from its
 * snapshot and revalidates in the background, so a reload requests `/me` and the screen's
 * data in parallel. Without a snapshot the guard waits for `/me`.
 */
export function installGuards(router: Router): void {
  router.beforeEach(async (to, from) => {
    const session = useSessionStore()

    if (session.status === 'unknown') {
      if (session.restoreSnapshot()) {
        // Revalidation failures surface through the API events (401 → sign-in).
        session.loadMe().catch(() => undefined)
      } else {
        try {
          await session.loadMe()
        } catch {
          // Offline or a server error leaves the session unconfirmed. Public screens stay open,
          // and the rest goes to sign-in, which explains that signing in needs a connection.
        }
      }
    }

    if (to.meta.public) {
      if (to.meta.guestOnly && session.status === 'signedIn') return safeRedirect(to.query.redirect)
      return true
    }

    if (session.status !== 'signedIn') return { name: 'sign-in', query: { redirect: to.fullPath } }

    // Only the first screen after a load benefits: later screens start their own requests at once.
    if (from === START_LOCATION && !usePortalStore().refusalFor(to.meta.access)) {
      for (const record of to.matched) record.meta.prefetch?.(to)
    }
    return true
  })
}
