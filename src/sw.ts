/// <reference lib="WebWorker" />
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { handleApiRequest, purgeAllPartitions, purgePartition } from './sw/api-cache'
import { isCacheableApiRequest, isValidPartition } from './sw/api-rules'
import type { PurgeReply, ServiceWorkerRequest } from './sw/protocol'

// The ClientOne Mobile service worker, built by vite-plugin-pwa (injectManifest) into /sw.js.
// It keeps the app shell available offline and stores API data per signed-in account.

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> }

// 1. Updates wait until the page requests them (the "A new version is ready." toast), so a
//    running screen never switches code under the user. On the very first install there is no
//    old version, so the worker takes control of the open page at once.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as ServiceWorkerRequest | null
  if (message?.type === 'SKIP_WAITING') void self.skipWaiting()
})
clientsClaim()

// 2. Precache the app shell (HTML, JS, CSS, icons, manifest) with the revisions injected at
//    build time, and delete precaches left by older Workbox versions.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// 3. Client-side routes load the precached index.html when offline. API paths and anything that
//    looks like a file are left to the network, so they never receive HTML.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api(?:\/|$)/, /\/[^/]+\.[a-z0-9]{1,8}$/i],
  }),
)

// 4. API data (GET /api/v1/..., including /me): network first, falling back to the account's
//    own cache. Sign-in, MFA, sign-out, invitation and every non-GET request do not match here
//    and go straight to the network.
registerRoute(({ url, request, sameOrigin }) => sameOrigin && isCacheableApiRequest(url, request.method), handleApiRequest, 'GET')

// 5. Purge requests from the page (sign-out, account change). The reply lists what was deleted,
//    so a page can wait for it before it shows the sign-in screen.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as ServiceWorkerRequest | null
  const port = event.ports[0]
  let purge: Promise<string[]> | null = null

  if (message?.type === 'PURGE_ALL_PARTITIONS') purge = purgeAllPartitions()
  else if (message?.type === 'PURGE_PARTITION' && isValidPartition(message.partition)) purge = purgePartition(message.partition)
  else if (message?.type === 'PURGE_PARTITION') purge = Promise.resolve([])
  if (purge === null) return

  event.waitUntil(
    purge.then((deleted) => {
      const reply: PurgeReply = { deleted }
      port?.postMessage(reply)
    }),
  )
})
