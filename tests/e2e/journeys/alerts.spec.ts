import { axeCheck, expect, test } from '../support'
import { CONFIRMATION_ALERT, openAs } from './helpers'

test.describe.configure({ mode: 'parallel' })

test.describe('Security alerts screen', () => {
  test('search narrows the list and clearing it brings every alert back', async ({ page }) => {
    await openAs(page, 'manager', '/alerts')
    const list = page.getByRole('list', { name: 'Security alerts' })
    await expect(page.getByText('9 alerts')).toBeVisible()
    await axeCheck(page)

    await page.getByRole('searchbox', { name: 'Search alerts' }).fill('forwarding')

    await expect(list.getByRole('link')).toHaveCount(1)
    await expect(list.getByRole('link').first()).toContainText(CONFIRMATION_ALERT.title)

    await page.getByRole('searchbox', { name: 'Search alerts' }).fill('')
    await expect(page.getByText('9 alerts')).toBeVisible()
  })

  test('the severity and status filters keep only the matching alerts', async ({ page }) => {
    await openAs(page, 'manager', '/alerts')
    const list = page.getByRole('list', { name: 'Security alerts' })
    await expect(list.getByRole('link').first()).toBeVisible()

    await page.getByRole('button', { name: 'Severity' }).click()
    const severitySheet = page.getByRole('dialog', { name: 'Severity' })
    await severitySheet.getByRole('checkbox', { name: 'High' }).check()
    await axeCheck(page)
    // The sheet applies each change at once, so closing it is all that is left.
    await severitySheet.getByRole('button', { name: 'Close' }).click()
    await expect(severitySheet).toBeHidden()
    await expect(page.getByRole('button', { name: 'Severity · 1' })).toBeVisible()
    await expect(page.getByText('Showing 3 of 9')).toBeVisible()

    const highRows = list.getByRole('link')
    await expect(highRows.first()).toBeVisible()
    for (const row of await highRows.all()) await expect(row).toHaveAccessibleName(/^High severity /)

    await page.getByRole('button', { name: /^Status/ }).click()
    const statusSheet = page.getByRole('dialog', { name: 'Status' })
    await statusSheet.getByRole('checkbox', { name: 'New' }).check()
    await statusSheet.getByRole('button', { name: 'Close' }).click()
    await expect(statusSheet).toBeHidden()
    await expect(page.getByRole('button', { name: 'Status · 1' })).toBeVisible()

    await expect(list.getByRole('link').first()).toBeVisible()
    for (const row of await list.getByRole('link').all()) {
      await expect(row).toHaveAccessibleName(/^High severity /)
      await expect(row).toHaveAccessibleName(/ High New /)
    }
  })

  test('the needs-you filter keeps the alert awaiting confirmation', async ({ page }) => {
    await openAs(page, 'manager', '/alerts')
    const list = page.getByRole('list', { name: 'Security alerts' })
    await expect(list.getByRole('link').first()).toBeVisible()

    await page.getByRole('button', { name: /^Needs you/ }).click()

    await expect(list.getByRole('link')).toHaveCount(1)
    const row = list.getByRole('link').first()
    await expect(row).toContainText(CONFIRMATION_ALERT.title)
    await expect(row).toContainText('Needs your confirmation')
  })

  test('the alert detail shows the provider note and the ask action', async ({ page }) => {
    await openAs(page, 'manager', '/alerts')
    await page.getByRole('link', { name: new RegExp(CONFIRMATION_ALERT.title) }).first().click()

    await expect(page).toHaveURL(new RegExp(`/alerts/${CONFIRMATION_ALERT.id}$`))
    await expect(page.getByRole('heading', { name: CONFIRMATION_ALERT.title, level: 2 })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Your IT provider needs your confirmation' })).toBeVisible()
    const note = page.getByRole('region', { name: 'Note from your IT provider' })
    await expect(note).toContainText(CONFIRMATION_ALERT.note)
    await expect(note).toContainText('Northwind IT Services')
    await expect(page.getByRole('link', { name: 'Ask your IT provider about this alert' })).toBeVisible()
    await axeCheck(page)

    await page.getByRole('banner').getByRole('button', { name: 'Back' }).click()
    await expect(page).toHaveURL(/\/alerts$/)
  })

  test('a reload of an alert detail shows the same alert', async ({ page }) => {
    await openAs(page, 'manager', `/alerts/${CONFIRMATION_ALERT.id}`)
    await expect(page.getByRole('heading', { name: CONFIRMATION_ALERT.title, level: 2 })).toBeVisible()

    await page.reload()

    await expect(page).toHaveURL(new RegExp(`/alerts/${CONFIRMATION_ALERT.id}$`))
    await expect(page.getByRole('heading', { name: CONFIRMATION_ALERT.title, level: 2 })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Note from your IT provider' })).toContainText(CONFIRMATION_ALERT.note)
  })
})
