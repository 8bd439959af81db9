import type { Page } from '@playwright/test'
import { rmSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { DEMO_ACCOUNTS, expect, readApiCaches, signIn, test, waitForServiceWorker } from './support'
import { REPO_ROOT, startPortal, type PortalServer } from './support/portal-server'

// The service worker's API cache rules, checked with the same requests the app sends: what
// is stored, under which account, for how long, and when it is deleted.

type CacheHeaders = Record<'X-Cache-Partition' | 'X-Cache-Max-Age-Hours', string>

/** Signs in, waits for the service worker, and returns the cache headers the app sends. */
async function signInAndReadCacheHeaders(page: Page, email: string): Promise<CacheHeaders> {
  await signIn(page, email)
  await waitForServiceWorker(page)
  const request = page.waitForRequest((candidate) => new URL(candidate.url()).pathname === '/api/v1/me')
  await page.reload()
  const headers = await (await request).allHeaders()
  const partition = headers['x-cache-partition']
  const maxAge = headers['x-cache-max-age-hours']
  expect(partition, 'the app sends X-Cache-Partition').toBeTruthy()
  expect(maxAge, 'the app sends X-Cache-Max-Age-Hours').toBeTruthy()
  return { 'X-Cache-Partition': partition ?? '', 'X-Cache-Max-Age-Hours': maxAge ?? '' }
}

/** Fetches from inside the page, through the service worker, and returns the status and X-SW-Cached-At or the error. */
async function fetchInPage(page: Page, url: string, headers: Record<string, string>, method = 'GET') {
  return page.evaluate(
    async ({ url, headers, method }) => {
      try {
        const response = await fetch(url, { method, headers, credentials: 'same-origin' })
        return { status: response.status, cachedAt: response.headers.get('X-SW-Cached-At'), error: null }
      } catch (error) {
        return { status: 0, cachedAt: null, error: String(error) }
      }
    },
    { url, headers, method },
  )
}

/** Returns the name of the cache that stores this URL, or null when none does. */
async function findCacheHolding(page: Page, url: string): Promise<string | null> {
  return page.evaluate(async (target) => {
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(target)) return name
    }
    return null
  }, url)
}

/** Lists the URL paths (with query) stored in one API cache. */
async function readCachedPaths(page: Page, cacheName: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return []
    const cache = await caches.open(name)
    return (await cache.keys()).map((request) => {
      const url = new URL(request.url)
      return url.pathname + url.search
    })
  }, cacheName)
}

test.describe('API cache rules', () => {
  test('a cached response carries the time it was stored', async ({ page, context }) => {
    const headers = await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.manager)
    const online = await fetchInPage(page, '/api/v1/m365/overview', headers)
    expect(online.status).toBe(200)
    expect(online.cachedAt).toBeNull()

    await context.setOffline(true)
    const offline = await fetchInPage(page, '/api/v1/m365/overview', headers)
    expect(offline.status).toBe(200)
    expect(Date.parse(offline.cachedAt ?? '')).toBeGreaterThan(Date.now() - 60_000)
  })

  test('caches are named by the opaque cache key, never the email', async ({ page }) => {
    const headers = await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.manager)
    expect(await readApiCaches(page)).toEqual([`api-${headers['X-Cache-Partition']}`])
    expect(headers['X-Cache-Partition']).not.toContain('@')
  })

  test('auth, password and OpenAPI requests are never stored', async ({ page }) => {
    const headers = await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.manager)
    const cacheName = `api-${headers['X-Cache-Partition']}`

    await fetchInPage(page, '/api/v1/auth/sign-in', { ...headers, 'Content-Type': 'application/json' }, 'POST')
    await fetchInPage(page, '/api/v1/me/password', { ...headers, 'Content-Type': 'application/json' }, 'POST')
    await fetchInPage(page, '/api/v1/openapi.json', headers)

    const paths = await readCachedPaths(page, cacheName)
    expect(paths.filter((stored) => stored.startsWith('/api/v1/auth') || stored.startsWith('/api/v1/me/'))).toEqual([])
    expect(paths).not.toContain('/api/v1/openapi.json')
    expect(paths).toContain('/api/v1/me')
  })

  test('with offline caching off, nothing is stored and old entries go', async ({ page, context }) => {
    const headers = await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.manager)
    const storedBefore = '/api/v1/m365/users?limit=9'
    expect((await fetchInPage(page, storedBefore, headers)).status).toBe(200)
    // The service worker stores the copy after it has answered, so wait for it.
    await expect.poll(() => findCacheHolding(page, storedBefore)).toBe(`api-${headers['X-Cache-Partition']}`)

    const off = { ...headers, 'X-Cache-Max-Age-Hours': '0' }
    const probe = '/api/v1/m365/users?limit=7'
    expect((await fetchInPage(page, probe, off)).status).toBe(200)
    expect(await findCacheHolding(page, probe)).toBeNull()
    await expect.poll(() => findCacheHolding(page, storedBefore)).toBeNull()

    await context.setOffline(true)
    expect((await fetchInPage(page, probe, off)).status).toBe(0)
  })

  test('a request without a partition is never stored', async ({ page }) => {
    await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.manager)
    const probe = '/api/v1/m365/users?limit=7'

    expect((await fetchInPage(page, probe, {})).status).toBe(200)
    expect(await findCacheHolding(page, probe)).toBeNull()
  })

  test('an entry older than the maximum age is not served', async ({ page, context }) => {
    const headers = await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.manager)
    const cacheName = `api-${headers['X-Cache-Partition']}`
    expect((await fetchInPage(page, '/api/v1/m365/overview', headers)).status).toBe(200)

    // Ages the stored copy by moving its stamp one hour past the account's maximum age.
    const maxAgeHours = Number(headers['X-Cache-Max-Age-Hours'])
    await page.evaluate(
      async ({ name, hours }) => {
        const cache = await caches.open(name)
        const request = (await cache.keys()).find((entry) => new URL(entry.url).pathname === '/api/v1/m365/overview')
        if (!request) throw new Error('overview is not cached')
        const stored = await cache.match(request)
        if (!stored) throw new Error('overview has no stored response')
        const aged = new Headers(stored.headers)
        aged.set('X-SW-Cached-At', new Date(Date.now() - (hours + 1) * 3_600_000).toISOString())
        await cache.put(request, new Response(await stored.blob(), { status: 200, headers: aged }))
      },
      { name: cacheName, hours: maxAgeHours },
    )

    await context.setOffline(true)
    expect((await fetchInPage(page, '/api/v1/m365/overview', headers)).status).toBe(0)
    expect(await readCachedPaths(page, cacheName)).not.toContain('/api/v1/m365/overview')
  })

  test('purge message deletes a partition', async ({ page }) => {
    const headers = await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.manager)
    const partition = headers['X-Cache-Partition']
    const probe = '/api/v1/m365/users?limit=9'
    expect((await fetchInPage(page, probe, headers)).status).toBe(200)

    const reply = await page.evaluate(async (name) => {
      const registration = await navigator.serviceWorker.ready
      const channel = new MessageChannel()
      const answered = new Promise<unknown>((resolve) => {
        channel.port1.onmessage = (event) => resolve(event.data)
      })
      registration.active?.postMessage({ type: 'PURGE_PARTITION', partition: name }, [channel.port2])
      return answered
    }, partition)

    expect(reply).toEqual({ deleted: [`api-${partition}`] })
    expect(await findCacheHolding(page, probe)).toBeNull()
  })
})

test.describe('API cache after a permission change', () => {
  // Starts its own server, which imports the demo tenant first.
  test.describe.configure({ timeout: 120_000 })
  let server: PortalServer | null = null
  test.afterEach(async () => {
    await server?.stop()
    if (server) rmSync(server.dataDir, { recursive: true, force: true })
    server = null
  })

  test('a 403 for Microsoft 365 deletes the stored Microsoft 365 data', async ({ browser }) => {
    server = await startPortal({ staticDir: process.env.E2E_STATIC_DIR ?? '' })
    const context = await browser.newContext({ baseURL: server.baseURL })
    const page = await context.newPage()
    const headers = await signInAndReadCacheHeaders(page, DEMO_ACCOUNTS.standard)
    const cacheName = `api-${headers['X-Cache-Partition']}`
    expect((await fetchInPage(page, '/api/v1/m365/overview', headers)).status).toBe(200)
    expect(await readCachedPaths(page, cacheName)).toContain('/api/v1/m365/overview')

    // The provider withdraws the account's Microsoft 365 permission.
    execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/cli/index.ts', 'account', 'deny', DEMO_ACCOUNTS.standard], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORTAL_DEMO: '1', DATA_DIR: server.dataDir },
    })

    expect((await fetchInPage(page, '/api/v1/m365/users', headers)).status).toBe(403)
    const paths = await readCachedPaths(page, cacheName)
    expect(paths.filter((stored) => stored.startsWith('/api/v1/m365') || stored.startsWith('/api/v1/alerts'))).toEqual([])
    expect(paths).toContain('/api/v1/me')
  })
})
