import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS, axeCheck, expect, readApiCaches, readDeviceStorage, signIn, signOut, test, waitForServiceWorker } from './support'

// Offline use of the installed app: the last data stays readable without a network, and
// nothing of an account outlives its sign-out or its session.

interface UserListPage {
  items: { displayName: string }[]
}

/** Opens the Users tab and returns the display name of the first user the API sent. */
async function openUsersAndReadFirstName(page: Page): Promise<string> {
  const listResponse = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/m365/users' && response.ok())
  await page.goto('/m365/users')
  const body = (await (await listResponse).json()) as UserListPage
  const firstName = body.items[0]?.displayName
  expect(firstName, 'the demo tenant has users').toBeTruthy()
  await expect(page.getByText(firstName ?? '', { exact: true }).first()).toBeVisible()
  return firstName ?? ''
}

test.describe('Offline data', () => {
  test('an offline reload shows the last data with the time it was saved', async ({ page, context }) => {
    await signIn(page, DEMO_ACCOUNTS.manager)
    await waitForServiceWorker(page)
    const firstName = await openUsersAndReadFirstName(page)

    await context.setOffline(true)
    await page.reload()

    await expect(page.getByText(firstName, { exact: true }).first()).toBeVisible()
    await expect(page.getByText(/You're offline · Showing data from \S/)).toBeVisible()
    await axeCheck(page)
  })

  test('a screen never opened before says it is not saved on this device', async ({ page, context }) => {
    await signIn(page, DEMO_ACCOUNTS.manager)
    await waitForServiceWorker(page)

    await context.setOffline(true)
    await page.goto('/m365/devices')

    await expect(page.getByText("You're offline", { exact: true }).first()).toBeVisible()
    await expect(page.getByText("This screen hasn't been saved on this device yet. Connect and try again.")).toBeVisible()
  })
})

test.describe('Sign-out and account change', () => {
  test('sign-out while offline leaves no account data on the device', async ({ page, context }) => {
    await signIn(page, DEMO_ACCOUNTS.manager)
    await waitForServiceWorker(page)
    await openUsersAndReadFirstName(page)
    expect(await readApiCaches(page)).toHaveLength(1)

    await context.setOffline(true)
    await signOut(page)

    await expect.poll(async () => (await readDeviceStorage(page)).caches.filter((name) => name.startsWith('api-'))).toEqual([])
    const storage = await readDeviceStorage(page)
    expect(storage.localStorageKeys.filter((key) => key.startsWith('clientone.'))).toEqual([])
    expect(storage.sessionStorageKeys.filter((key) => key.startsWith('clientone.'))).toEqual([])
    expect(storage.databases).toEqual([])
  })

  test("a second account never sees the first account's data, online or offline", async ({ page, context }) => {
    const meResponse = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/me' && response.ok())
    await signIn(page, DEMO_ACCOUNTS.manager)
    const managerCacheKey = ((await (await meResponse).json()) as { cacheKey: string }).cacheKey
    await waitForServiceWorker(page)
    const managersUser = await openUsersAndReadFirstName(page)
    expect(await readApiCaches(page)).toEqual([`api-${managerCacheKey}`])

    await signOut(page)
    await signIn(page, DEMO_ACCOUNTS.fabrikam)

    await page.goto('/m365/users')
    await expect(page.getByText('Microsoft 365 is not enabled for your organization')).toBeVisible()
    await expect(page.getByText(managersUser, { exact: true })).toHaveCount(0)
    expect(await readApiCaches(page)).not.toContain(`api-${managerCacheKey}`)

    await context.setOffline(true)
    for (const path of ['/m365/users', '/m365/overview', '/alerts', '/profile']) {
      await page.goto(path)
      await expect(page.locator('body')).not.toContainText(managersUser)
      await expect(page.locator('body')).not.toContainText(DEMO_ACCOUNTS.manager)
    }
    expect(await readApiCaches(page)).not.toContain(`api-${managerCacheKey}`)
  })

  test("a 401 from the server deletes the account's API cache", async ({ page, context }) => {
    await signIn(page, DEMO_ACCOUNTS.standard)
    await waitForServiceWorker(page)
    await openUsersAndReadFirstName(page)
    expect(await readApiCaches(page)).toHaveLength(1)

    // The session cookie disappears, as when it expires, so the next API call returns 401.
    await context.clearCookies()
    const unauthorized = page.waitForResponse((response) => response.url().includes('/api/v1/') && response.status() === 401)
    await page.reload()
    await unauthorized

    await expect.poll(() => readApiCaches(page)).toEqual([])
    await expect(page).toHaveURL(/\/sign-in/)
  })
})
