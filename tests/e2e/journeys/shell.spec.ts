import { axeCheck, expect, test } from '../support'
import { openAs } from './helpers'

test.describe.configure({ mode: 'parallel' })

test.describe('Home screen', () => {
  test('a manager sees what needs attention and the Microsoft 365 shortcuts', async ({ page }) => {
    await openAs(page, 'manager', '/')

    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible()
    const attention = page.getByRole('region', { name: 'Needs your attention' })
    await expect(attention.getByRole('heading', { name: 'Waiting for your confirmation' })).toBeVisible()
    await expect(attention.getByRole('link', { name: /Suspicious inbox forwarding rule/ })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Microsoft 365' }).getByRole('link')).toHaveCount(7)
    await axeCheck(page)
  })
})

test.describe('More screen', () => {
  test('lists Microsoft 365, alerts and the profile', async ({ page }) => {
    await openAs(page, 'manager', '/more')

    await expect(page.getByRole('heading', { name: 'More', level: 1 })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Microsoft 365' })).toBeVisible()
    await expect(page.getByRole('link', { name: /^Security alerts/ })).toBeVisible()
    await expect(page.getByRole('link', { name: /^Profile & security/ })).toBeVisible()
    await axeCheck(page)
  })
})

test.describe('Profile screen', () => {
  test('shows the account and the sign-out action', async ({ page }) => {
    await openAs(page, 'manager', '/more')
    await page.getByRole('link', { name: /^Profile & security/ }).click()

    await expect(page.getByRole('heading', { name: 'Profile & security', level: 1 })).toBeVisible()
    await expect(page.getByText('manager@contoso.example')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await axeCheck(page)
  })
})

test.describe('Invitation screen', () => {
  test('a bad token is explained after submitting a password', async ({ page }) => {
    await page.goto('/invitation/not-a-real-token')
    await expect(page.getByRole('heading', { name: 'Set your password', level: 1 })).toBeVisible()
    await axeCheck(page)

    await page.getByLabel('New password', { exact: true }).fill('a-long-enough-password-1')
    await page.getByLabel('Repeat the password', { exact: true }).fill('a-long-enough-password-1')
    await page.getByRole('button', { name: 'Set password and sign in' }).click()

    await expect(page.getByRole('heading', { name: 'This invitation link no longer works' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Go to sign-in' })).toBeVisible()
    await axeCheck(page)
  })
})
