import { createRouter, createWebHistory, type Router, type RouterScrollBehavior } from 'vue-router'
import { usePortalStore } from '../stores/portal'
import { installApiEventHandling } from './api-events'
import { installGuards } from './guards'
import { routes } from './routes'
import { installTransitionTracking } from './transition'

// Back to a list: wait two frames so the kept-alive list has laid out before restoring its position.
const scrollBehavior: RouterScrollBehavior = (to, from, savedPosition) => {
  if (savedPosition) {
    return new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(savedPosition)))
    })
  }
  // Switching Microsoft 365 tabs keeps the page where it is; the tab strip stays in view.
  if (to.path.startsWith('/m365/') && from.path.startsWith('/m365/') && to.meta.depth === from.meta.depth) return false
  return { top: 0 }
}

let stopApiEvents: (() => void) | null = null

/** Creates the router with its guards and the API event handling. Needs an active Pinia. */
export function createAppRouter(history = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({ history, routes, scrollBehavior })

  installGuards(router)
  // One router at a time listens to API events (tests create several).
  stopApiEvents?.()
  stopApiEvents = installApiEventHandling(router)
  if (typeof window !== 'undefined') installTransitionTracking(router)

  // An API refusal belongs to the screen that received it.
  router.afterEach((to) => {
    const portal = usePortalStore()
    if (portal.apiRefusal && portal.apiRefusal.path !== to.path) portal.apiRefusal = null
  })

  return router
}
