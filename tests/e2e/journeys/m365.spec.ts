import { axeCheck, expect, test } from '../support'
import { DEMO_USER, M365_TABS, isApiGet, isSameDocument, markDocument, openAs, pullDown } from './helpers'

test.describe.configure({ mode: 'parallel' })

test.describe('Microsoft 365 screen', () => {
  test('a manager opens it from More and goes through every tab', async ({ page }) => {
    await openAs(page, 'manager', '/more')
    await page.getByRole('link', { name: 'Microsoft 365' }).click()

    await expect(page).toHaveURL(/\/m365\/overview$/)
    await expect(page.getByRole('heading', { name: 'Microsoft 365', level: 1 })).toBeVisible()
    const tabs = page.getByRole('tablist', { name: 'Microsoft 365 sections' })
    await expect(tabs.getByRole('tab')).toHaveText(M365_TABS.map((tab) => tab.label))

    for (const tab of M365_TABS) {
      await tabs.getByRole('tab', { name: tab.label, exact: true }).click()
      await expect(page).toHaveURL(new RegExp(`${tab.path}$`))
      await expect(tabs.getByRole('tab', { name: tab.label, exact: true })).toHaveAttribute('aria-selected', 'true')
      const panel = page.getByRole('tabpanel', { name: tab.label })
      await expect(panel).toBeVisible()
      await expect(panel.getByText(/^Updated /).first()).toBeVisible()
      await axeCheck(page)
    }
  })

  test('each tab shows its own demo data', async ({ page }) => {
    await openAs(page, 'manager', '/m365/overview')
    await expect(page.getByRole('heading', { name: /^Users\s*40$/ })).toBeVisible()
    await expect(page.getByText('27 of 33 users registered (82%). Informational.')).toBeVisible()

    await page.goto('/m365/users')
    await expect(page.getByText('40 users')).toBeVisible()
    await expect(page.getByRole('list', { name: 'Users' }).getByRole('link', { name: /^Adele Vance/ })).toBeVisible()

    await page.goto('/m365/mailboxes')
    await expect(page.getByText('38 mailboxes · nearest limit first')).toBeVisible()

    await page.goto('/m365/groups')
    await expect(page.getByText('10 groups')).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: 'IT Admins' })).toBeVisible()

    await page.goto('/m365/sign-ins')
    await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible()
    await page.getByRole('button', { name: /Failed: / }).first().click()
    const sheet = page.getByRole('dialog', { name: 'Sign-in details' })
    await expect(sheet).toBeVisible()
    await axeCheck(page)
    await sheet.getByRole('button', { name: 'Close' }).click()
    await expect(sheet).toBeHidden()

    await page.goto('/m365/devices')
    await expect(page.getByText('22 devices')).toBeVisible()
  })

  test('Back from a user detail keeps the list scroll position', async ({ page }) => {
    await openAs(page, 'manager', '/m365/users')
    const list = page.getByRole('list', { name: 'Users' })
    await expect(list.getByRole('link').first()).toBeVisible()

    await page.evaluate(() => window.scrollTo(0, 600))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500)
    const scrolledTo = await page.evaluate(() => window.scrollY)
    const row = list.getByRole('link').nth(12)
    const href = await row.getAttribute('href')
    // The row shows the avatar initials first, then the display name.
    const name = (await row.innerText()).split('\n').map((line) => line.trim()).filter(Boolean)[1] ?? ''
    await row.click()

    await expect(page).toHaveURL(/\/m365\/users\/[^/]+$/)
    await expect(page.getByRole('heading', { name, level: 1, exact: true })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Account' })).toBeVisible()
    await axeCheck(page)

    await page.getByRole('banner').getByRole('button', { name: 'Users' }).click()
    await expect(page).toHaveURL(/\/m365\/users$/)
    await expect(list.locator(`a[href="${href}"]`)).toBeVisible()
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolledTo)
  })

  test('a reload of a user detail shows the same user', async ({ page }) => {
    await openAs(page, 'manager', `/m365/users/${DEMO_USER.id}`)
    await expect(page.getByRole('heading', { name: DEMO_USER.name, level: 1 })).toBeVisible()

    await page.reload()

    await expect(page).toHaveURL(new RegExp(`/m365/users/${DEMO_USER.id}$`))
    await expect(page.getByRole('heading', { name: DEMO_USER.name, level: 1 })).toBeVisible()
    await expect(page.getByText('DiegoS@M365x214355.onmicrosoft.com').first()).toBeVisible()
  })

  test('pulling a tab down with a finger refreshes it without reloading the page', async ({ page }) => {
    await openAs(page, 'manager', '/m365/users')
    await expect(page.getByRole('list', { name: 'Users' }).getByRole('link').first()).toBeVisible()
    await markDocument(page)
    const documentRequests: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documentRequests.push(request.url())
    })

    const refreshRequest = page.waitForRequest((request) => isApiGet(request, '/api/v1/m365/users'))
    await pullDown(page, 220, 260)

    await refreshRequest
    await expect(page.getByRole('list', { name: 'Users' }).getByRole('link').first()).toBeVisible()
    expect(await isSameDocument(page), 'the browser kept the page instead of reloading it').toBe(true)
    expect(documentRequests).toEqual([])
  })

  test('a short pull does not refresh', async ({ page }) => {
    await openAs(page, 'manager', '/m365/groups')
    await expect(page.getByText('10 groups')).toBeVisible()
    let refreshed = false
    page.on('request', (request) => {
      if (isApiGet(request, '/api/v1/m365/groups')) refreshed = true
    })

    // 60 px of finger travel moves the indicator 30 px, below the 64 px trigger.
    await pullDown(page, 220, 60)
    await page.waitForTimeout(1_000)

    expect(refreshed).toBe(false)
  })
})
