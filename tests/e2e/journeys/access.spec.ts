import type { Page } from '@playwright/test'
import { axeCheck, expect, test } from '../support'
import { openAs } from './helpers'

test.describe.configure({ mode: 'parallel' })

const NOT_ENABLED = 'Microsoft 365 is not enabled for your organization'
const NOT_PERMITTED = 'Microsoft 365 is not permitted for your account'

/** Checks the refused screen in place at the current route, with the provider's contact actions. */
async function expectRefusedScreen(page: Page, title: string, path: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${path}$`))
  const refused = page.getByRole('region', { name: title })
  await expect(refused.getByRole('heading', { name: title })).toBeVisible()
  await expect(refused.getByRole('link', { name: 'Email Northwind IT Services' })).toBeVisible()
  await expect(page.getByRole('tablist')).toHaveCount(0)
}

test.describe('Collaboration tab by role', () => {
  test('a manager sees the Teams and SharePoint detail', async ({ page }) => {
    await openAs(page, 'manager', '/m365/collaboration')

    await expect(page.getByRole('region', { name: 'Organisation summary' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Teams' }).getByRole('listitem').first()).toBeVisible()
    await page.getByRole('button', { name: /^SharePoint sites/ }).click()
    await expect(page.getByRole('list', { name: 'SharePoint sites' }).getByRole('listitem').first()).toBeVisible()
    await expect(page.getByText('Managers see per-Team and per-site detail.')).toHaveCount(0)
  })

  test('a standard user sees the summary and the neutral note only', async ({ page }) => {
    await openAs(page, 'standard', '/m365/collaboration')

    await expect(page.getByRole('region', { name: 'Organisation summary' })).toBeVisible()
    await expect(page.getByText('Managers see per-Team and per-site detail.')).toBeVisible()
    await expect(page.getByRole('list', { name: 'Teams' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: /^SharePoint sites/ })).toHaveCount(0)
    await axeCheck(page)
  })
})

test.describe('Sign-in logs for a standard user', () => {
  test('the tab is missing from the tab strip', async ({ page }) => {
    await openAs(page, 'standard', '/m365/overview')

    const tabs = page.getByRole('tablist', { name: 'Microsoft 365 sections' })
    await expect(tabs.getByRole('tab', { name: 'Overview' })).toBeVisible()
    await expect(tabs.getByRole('tab', { name: 'Sign-in logs' })).toHaveCount(0)
  })

  test('a deep link shows the refused screen in place', async ({ page }) => {
    await openAs(page, 'standard', '/m365/sign-ins')

    await expect(page).toHaveURL(/\/m365\/sign-ins$/)
    await expect(page.getByRole('heading', { name: "You don't have access to this" })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Alex Wilber/ })).toHaveCount(0)
    await axeCheck(page)
  })
})

test.describe('Microsoft 365 turned off or not permitted', () => {
  test('the Fabrikam owner is told Microsoft 365 is not enabled', async ({ page }) => {
    await openAs(page, 'fabrikam', '/')
    await expect(page.getByRole('heading', { name: 'Fabrikam' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Microsoft 365', level: 2 })).toBeVisible()

    await page.goto('/m365/overview')
    await expectRefusedScreen(page, NOT_ENABLED, '/m365/overview')
    await axeCheck(page)
  })

  test('the Fabrikam owner gets the same screen on every deep link', async ({ page }) => {
    await openAs(page, 'fabrikam', '/m365/users')
    await expectRefusedScreen(page, NOT_ENABLED, '/m365/users')

    await page.goto('/alerts')
    await expectRefusedScreen(page, NOT_ENABLED, '/alerts')
    await axeCheck(page)
  })

  test('restricted is told Microsoft 365 is not permitted', async ({ page }) => {
    await openAs(page, 'restricted', '/more')
    await expect(page.getByRole('link', { name: 'Microsoft 365' })).toHaveCount(0)

    await page.goto('/m365')
    await expectRefusedScreen(page, NOT_PERMITTED, '/m365/overview')
    await axeCheck(page)
  })

  test('restricted gets the same screen on every deep link', async ({ page }) => {
    await openAs(page, 'restricted', '/m365/devices')
    await expectRefusedScreen(page, NOT_PERMITTED, '/m365/devices')

    await page.goto('/m365/users/24fcbca3-c3e2-48bf-9ffc-c7f81b81483d')
    await expectRefusedScreen(page, NOT_PERMITTED, '/m365/users/24fcbca3-c3e2-48bf-9ffc-c7f81b81483d')
    await expect(page.getByText('Diego Siciliani')).toHaveCount(0)

    await page.goto('/alerts')
    await expectRefusedScreen(page, NOT_PERMITTED, '/alerts')
  })
})
