import { ref } from 'vue'
import type { Router } from 'vue-router'

/**
 * The page transition for the last navigation: `push` when going deeper (list → detail),
 * `pop` when Back returns up, and none for switches between bottom-nav sections.
 */
export const pageTransition = ref<'push' | 'pop' | 'none'>('none')

export function installTransitionTracking(router: Router): void {
  let popped = false
  // The router handles popstate asynchronously, so this flag is set before afterEach runs.
  window.addEventListener('popstate', () => {
    popped = true
  })

  router.afterEach((to, from, failure) => {
    const wasPop = popped
    popped = false
    if (failure || from.matched.length === 0) {
      pageTransition.value = 'none'
      return
    }
    const toDepth = to.meta.depth ?? 0
    const fromDepth = from.meta.depth ?? 0
    if (!wasPop && toDepth > fromDepth) pageTransition.value = 'push'
    else if (wasPop && toDepth < fromDepth) pageTransition.value = 'pop'
    else pageTransition.value = 'none'
  })
}
