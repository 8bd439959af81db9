import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { E2E_NEXT_STATIC_DIR } from './support/build-app'
import { startPortal, type PortalServer } from './support/portal-server'
import { DEMO_ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './support'

// Deploys while the app is open: the service worker finds the new version and waits for the
// user before it switches, and a page running the old version recovers from lazy chunks that are gone.
// Each test starts its own server, because it restarts or changes what is served.

const firstBuild = () => process.env.E2E_STATIC_DIR ?? ''

function appVersion(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.appVersion)
}

async function newPageOn(browser: Browser, server: PortalServer): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL })
  return context.newPage()
}

/** Copies a build into a temporary folder that the test may change. */
function copyBuild(from: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'clientone-e2e-static-'))
  cpSync(from, folder, { recursive: true })
  return folder
}

/** Deletes the lazy JavaScript chunks: every script under assets/ that index.html does not load. */
function deleteLazyChunks(folder: string): string[] {
  const html = readFileSync(path.join(folder, 'index.html'), 'utf8')
  const assetsDir = path.join(folder, 'assets')
  const lazy = readdirSync(assetsDir).filter((file) => file.endsWith('.js') && !html.includes(`/assets/${file}`))
  for (const file of lazy) rmSync(path.join(assetsDir, file))
  return lazy
}

/** Counts full page loads of the main frame. */
function countDocumentLoads(page: Page): { readonly count: number } {
  const counter = { count: 0 }
  page.on('load', () => {
    counter.count += 1
  })
  return counter
}

// Each server start imports the demo tenant first: about 10 s when measured with startPortal on an
// idle two-core machine, and several times that while other tests run.
const SERVER_RESTART_TIMEOUT_MS = 180_000

test.describe('Update to a new version', () => {
  test.describe.configure({ mode: 'serial', timeout: SERVER_RESTART_TIMEOUT_MS })

  let server: PortalServer | null = null
  test.afterEach(async () => {
    await server?.stop()
    if (server) rmSync(server.dataDir, { recursive: true, force: true })
    server = null
  })

  test('the update toast waits for Reload, then the new version runs', async ({ browser }) => {
    server = await startPortal({ staticDir: firstBuild() })
    const page = await newPageOn(browser, server)
    await signIn(page, DEMO_ACCOUNTS.standard)
    await waitForServiceWorker(page)
    const firstVersion = await appVersion(page)

    // Deploy: the same origin and database now serve the next build.
    const { port, dataDir } = server
    await server.stop()
    server = await startPortal({ staticDir: E2E_NEXT_STATIC_DIR, port, dataDir })

    // A relaunch finds the new service worker, and the old version keeps running until Reload.
    await page.goto('/')
    const toast = page.getByRole('status').filter({ hasText: 'A new version is ready.' })
    await expect(toast).toBeVisible()
    expect(await appVersion(page)).toBe(firstVersion)

    // Dismiss postpones it to the next launch: screen changes keep it hidden, a reload brings it back.
    await toast.getByRole('button', { name: 'Dismiss until next launch' }).click()
    await expect(toast).toBeHidden()
    await page.getByRole('link', { name: /^More/ }).click()
    await expect(page).toHaveURL(/\/more$/)
    await expect(toast).toBeHidden()
    await page.reload()
    await expect(toast).toBeVisible()

    const reloaded = page.waitForEvent('load')
    await toast.getByRole('button', { name: 'Reload' }).click()
    await reloaded
    await expect.poll(() => appVersion(page)).not.toBe(firstVersion)
    await expect(toast).toBeHidden()
  })

  test('the update toast never shows on the sign-in screen', async ({ browser }) => {
    server = await startPortal({ staticDir: firstBuild() })
    const page = await newPageOn(browser, server)
    await page.goto('/sign-in')
    await waitForServiceWorker(page)

    const { port, dataDir } = server
    await server.stop()
    server = await startPortal({ staticDir: E2E_NEXT_STATIC_DIR, port, dataDir })

    await page.reload()
    // Wait until the new worker is installed and waiting, then check the toast stays away.
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null)
    await expect(page.getByText('A new version is ready.')).toHaveCount(0)

    await signIn(page, DEMO_ACCOUNTS.standard)
    await expect(page.getByText('A new version is ready.')).toBeVisible()
  })
})

test.describe('Lazy chunks removed by a deploy', () => {
  test.describe.configure({ timeout: SERVER_RESTART_TIMEOUT_MS })
  let server: PortalServer | null = null
  let folder = ''
  test.afterEach(async () => {
    await server?.stop()
    if (server) rmSync(server.dataDir, { recursive: true, force: true })
    if (folder) rmSync(folder, { recursive: true, force: true })
    server = null
    folder = ''
  })

  /** Signs in on a page without a service worker: with one, old chunks would still come from its precache. */
  async function signInWithoutServiceWorker(browser: Browser, running: PortalServer): Promise<Page> {
    const context = await browser.newContext({ baseURL: running.baseURL, serviceWorkers: 'block' })
    const page = await context.newPage()
    await signIn(page, DEMO_ACCOUNTS.standard)
    return page
  }

  test('a missing chunk reloads the page once into the new version', async ({ browser }) => {
    server = await startPortal({ staticDir: firstBuild() })
    const page = await signInWithoutServiceWorker(browser, server)
    const firstVersion = await appVersion(page)
    const loads = countDocumentLoads(page)

    // Deploy: the server restarts on the same origin with the next build, whose chunk names differ.
    const { port, dataDir } = server
    await server.stop()
    server = await startPortal({ staticDir: E2E_NEXT_STATIC_DIR, port, dataDir })
    await page.getByRole('link', { name: /^More/ }).click()

    await expect(page).toHaveURL(/\/more$/)
    await expect(page.getByRole('heading', { name: 'More', level: 1 })).toBeVisible()
    expect(await appVersion(page)).not.toBe(firstVersion)
    expect(loads.count).toBe(1)
  })

  test('a chunk that stays missing reloads only once', async ({ browser }) => {
    folder = copyBuild(firstBuild())
    server = await startPortal({ staticDir: folder })
    const page = await signInWithoutServiceWorker(browser, server)
    const loads = countDocumentLoads(page)

    expect(deleteLazyChunks(folder).length).toBeGreaterThan(0)
    await page.getByRole('link', { name: /^More/ }).click()

    await expect.poll(() => loads.count).toBe(1)
    // Leaves time for a second reload, which the guard must prevent.
    await page.waitForTimeout(3_000)
    expect(loads.count).toBe(1)
  })
})
