import type { RouteLocationNormalized } from 'vue-router'
import type { RouteAccess } from '../stores/portal'

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session (sign-in, invitation). */
    public?: boolean
    /** Public screens a signed-in user never sees (sign-in); they go to the app instead. */
    guestOnly?: boolean
    /** Permission the account needs for this screen; without it a refused screen renders in place. */
    access?: RouteAccess
    /** Navigation depth: 0 for bottom-nav sections, 1 for a screen opened from one, 2 below that. */
    depth?: number
    /** App bar title of the refused screen rendered at this route. */
    title?: string
    /**
     * Starts the screen's data request from the guard (see prefetchResource), so a reload requests
     * `/me` and the screen's data in parallel. Runs on the first navigation after a page
     * load, for a signed-in account the route does not refuse.
     */
    prefetch?: (to: RouteLocationNormalized) => void
  }
}

export {}
