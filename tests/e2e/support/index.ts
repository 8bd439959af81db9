/**
 * Shared end-to-end helpers. Specs import everything from here:
 *
 *   import { test, expect, DEMO_ACCOUNTS, signIn, axeCheck } from './support'
 *
 * - The run starts one demo portal server (global-setup.ts), and `page.goto('/...')` reaches
 *   it through the baseURL. Projects: 'iphone' (iPhone 13 emulated in Chromium) and 'pixel'.
 * - `signIn(page, DEMO_ACCOUNTS.manager)` signs in through the UI as a user would, including
 *   the TOTP step for accounts that have one, and resolves on the first screen after sign-in.
 * - `signOut(page)` signs out from the Profile screen and resolves on the sign-in screen; it
 *   works offline too.
 * - `axeCheck(page)` fails the test on any axe-core violation on the current screen.
 * - `readDeviceStorage(page)` lists what the app left on the device (Cache Storage names,
 *   localStorage and sessionStorage keys, IndexedDB databases).
 * - `waitForServiceWorker(page)` resolves once the service worker controls the page.
 * - Specs that restart or change the server (updates, deploys) start their own with
 *   `startPortal` from './portal-server' and build with `buildPwa` from './build-app'.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { generateSync } from 'otplib'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo'

export { expect, test }
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoAccount } from './demo'

/** Step of the last TOTP code this worker sent, because the server rejects a code used twice. */
let lastTotpStep = -1

/** Signs in through the sign-in screen and resolves once a signed-in screen is shown. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()

  const codeField = page.getByLabel('Code', { exact: true })
  const outcome = await Promise.race([
    codeField.waitFor({ state: 'visible' }).then(() => 'code' as const),
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in')).then(() => 'signed-in' as const),
  ])

  if (outcome === 'code') {
    await codeField.fill(await nextTotpCode())
    // The field submits by itself at 6 digits, and Verify is the fallback if it has not.
    const left = await page
      .waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 3_000 })
      .then(() => true)
      .catch(() => false)
    if (!left) {
      await page.getByRole('button', { name: 'Verify' }).click()
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
    }
  }

  // The bottom navigation loads after sign-in; it marks the signed-in screen as ready.
  await page.getByRole('link', { name: /^Home/ }).waitFor()
}

/** Signs out from the Profile screen, as a user would, and resolves on the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.goto('/profile')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'))
}

/** Returns a TOTP code for DEMO_TOTP_SECRET from a 30-second step this worker has not used yet. */
async function nextTotpCode(): Promise<string> {
  let step = Math.floor(Date.now() / 30_000)
  if (step === lastTotpStep) {
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * 30_000 - Date.now() + 200))
    step = Math.floor(Date.now() / 30_000)
  }
  lastTotpStep = step
  return generateSync({ secret: DEMO_TOTP_SECRET })
}

/** Fails with the rule ids, impacts and first targets of every axe-core violation on the page. */
export async function axeCheck(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }))
  expect(summary, `axe-core violations on ${page.url()}`).toEqual([])
}

export interface DeviceStorage {
  caches: string[]
  localStorageKeys: string[]
  sessionStorageKeys: string[]
  databases: string[]
}

/** Reads, from inside the page, what this origin has stored on the device. */
export async function readDeviceStorage(page: Page): Promise<DeviceStorage> {
  return page.evaluate(async () => {
    const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : []
    return {
      caches: await caches.keys(),
      localStorageKeys: Object.keys(localStorage),
      sessionStorageKeys: Object.keys(sessionStorage),
      databases: databases.map((database) => database.name ?? ''),
    }
  })
}

/** Returns the API cache names (`api-…`) in Cache Storage. */
export async function readApiCaches(page: Page): Promise<string[]> {
  return (await readDeviceStorage(page)).caches.filter((name) => name.startsWith('api-'))
}

/** Resolves once a service worker is active and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}
