// @ts-check
/// <reference lib="webworker" />
// JavaScript checked by bench/reference/tsconfig.sw.json: vite-plugin-pwa only maps a `.ts` service
// worker to `sw.js`, and every `.ts` file under bench/ belongs to the server's TypeScript project,
// which has no WebWorker types.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies'
import { ExpirationPlugin } from 'workbox-expiration'
import { clientsClaim } from 'workbox-core'

// workbox-build looks for the literal text `self.__WB_MANIFEST`; src/sw-env.d.mts types it.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }))

registerRoute(
  ({ url }) => url.pathname.startsWith('/api/'),
  new NetworkFirst({
    cacheName: 'api',
    networkTimeoutSeconds: 3,
    plugins: [new ExpirationPlugin({ maxEntries: 50, maxAgeSeconds: 24 * 60 * 60 })],
  }),
)

registerRoute(
  ({ request }) => request.destination === 'image',
  new StaleWhileRevalidate({ cacheName: 'images', plugins: [new ExpirationPlugin({ maxEntries: 60 })] }),
)

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self))
worker.skipWaiting()
clientsClaim()
