import type { Router } from 'vue-router'
import { installChunkRecovery } from './chunk-recovery'
import { captureInstallPrompt } from './install-prompt'
import { reportCachedResponse } from './offline-state'
import { registerServiceWorker } from './update'

/** Build label, from VITE_APP_VERSION at build time. It is shown on <html data-app-version> for support and tests. */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION || 'dev'

/**
 * Installs the PWA behaviour: service worker registration and update checks, recovery from
 * lazy chunks removed by a deploy, the saved install prompt, and the offline stamp reset on
 * every screen change. Call once, before the app mounts.
 */
export function installPwa(router: Router): void {
  document.documentElement.dataset.appVersion = APP_VERSION

  captureInstallPrompt()
  installChunkRecovery(router)

  // The stamp belongs to the screen that loaded the data, and the next screen reports its own.
  router.afterEach((to, from) => {
    if (to.path !== from.path) reportCachedResponse(null)
  })

  registerServiceWorker(router)
}
