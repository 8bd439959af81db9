import type { PrecacheEntry } from 'workbox-precaching'

declare global {
  interface WorkerGlobalScope {
    /** Replaced at build time by vite-plugin-pwa (workbox-build) with the precache list. */
    __WB_MANIFEST: Array<PrecacheEntry | string>
  }
}
