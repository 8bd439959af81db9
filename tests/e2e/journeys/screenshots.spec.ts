import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, test, type DemoAccount } from '../support'
import { CONFIRMATION_ALERT, DEMO_USER, M365_TABS, openAs } from './helpers'

// Screenshots of every screen for visual review, written to docs/screenshots/. Run with
// SCREENSHOTS=1, because they take a few minutes and only matter when the screens change:
//   SCREENSHOTS=1 npx playwright test tests/e2e/journeys/screenshots.spec.ts

test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to write the screenshots to docs/screenshots/.')
test.describe.configure({ mode: 'parallel' })

const OUTPUT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url))

interface Screen {
  name: string
  account: DemoAccount | null
  path: string
  /** Element that appears once the screen has finished loading. */
  ready: (page: Page) => Locator
}

const SCREENS: Screen[] = [
  { name: 'sign-in', account: null, path: '/sign-in', ready: (page) => page.getByRole('button', { name: 'Continue' }) },
  { name: 'invitation-bad-token', account: null, path: '/invitation/not-a-real-token', ready: (page) => page.getByRole('heading', { name: 'This invitation link no longer works' }) },
  { name: 'home', account: 'manager', path: '/', ready: (page) => page.getByRole('region', { name: 'Needs your attention' }) },
  { name: 'more', account: 'manager', path: '/more', ready: (page) => page.getByRole('link', { name: /^Profile & security/ }) },
  { name: 'profile', account: 'manager', path: '/profile', ready: (page) => page.getByRole('button', { name: 'Sign out' }) },
  ...M365_TABS.map((tab) => ({
    name: `m365-${tab.path.split('/').pop()}`,
    account: 'manager' as const,
    path: tab.path,
    ready: (page: Page) => page.getByRole('tabpanel', { name: tab.label }).getByText(/^Updated /).first(),
  })),
  { name: 'm365-user-detail', account: 'manager', path: `/m365/users/${DEMO_USER.id}`, ready: (page) => page.getByRole('region', { name: 'Account' }) },
  { name: 'alerts', account: 'manager', path: '/alerts', ready: (page) => page.getByRole('list', { name: 'Security alerts' }) },
  { name: 'alert-detail', account: 'manager', path: `/alerts/${CONFIRMATION_ALERT.id}`, ready: (page) => page.getByRole('region', { name: 'Note from your IT provider' }) },
  { name: 'collaboration-standard', account: 'standard', path: '/m365/collaboration', ready: (page) => page.getByText('Managers see per-Team and per-site detail.') },
  { name: 'refused-tab-standard', account: 'standard', path: '/m365/sign-ins', ready: (page) => page.getByRole('heading', { name: "You don't have access to this" }) },
  { name: 'refused-not-permitted', account: 'restricted', path: '/m365/users', ready: (page) => page.getByRole('heading', { name: 'Microsoft 365 is not permitted for your account' }) },
  { name: 'refused-not-enabled', account: 'fabrikam', path: '/m365/overview', ready: (page) => page.getByRole('heading', { name: 'Microsoft 365 is not enabled for your organization' }) },
]

/** Screens also taken at 320×640, the narrowest supported phone. */
const NARROW_SCREENS = new Set(['sign-in', 'home', 'm365-overview', 'm365-users', 'm365-sign-ins', 'm365-user-detail', 'alerts', 'alert-detail', 'refused-not-permitted'])

/** Brings the screen into its final state: the invitation error needs a submitted password. */
async function prepare(page: Page, screen: Screen): Promise<void> {
  if (screen.account) {
    await openAs(page, screen.account, screen.path)
  } else {
    await page.goto(screen.path)
  }
  if (screen.name === 'invitation-bad-token') {
    await page.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByLabel('Repeat the password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Set password and sign in' }).click()
  }
  await expect(screen.ready(page)).toBeVisible()
  // Let the skeleton fade and relative times settle before the capture.
  await page.waitForTimeout(400)
}

for (const screen of SCREENS) {
  test(`screenshot of ${screen.name}`, async ({ page }, testInfo) => {
    mkdirSync(OUTPUT_DIR, { recursive: true })
    const device = testInfo.project.name
    await page.setViewportSize({ width: 390, height: 844 })

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await prepare(page, screen)
      await page.screenshot({ path: path.join(OUTPUT_DIR, `${device}-390-${colorScheme}-${screen.name}.png`), scale: 'css' })
    }

    if (!NARROW_SCREENS.has(screen.name)) return
    await page.setViewportSize({ width: 320, height: 640 })
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await prepare(page, screen)
      await page.screenshot({ path: path.join(OUTPUT_DIR, `${device}-320-${colorScheme}-${screen.name}.png`), scale: 'css' })
    }
  })
}

test('screenshot of the TOTP code step', async ({ page }, testInfo) => {
  mkdirSync(OUTPUT_DIR, { recursive: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(DEMO_ACCOUNTS.mfa)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Enter your 6-digit code' })).toBeVisible()

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.waitForTimeout(200)
    await page.screenshot({ path: path.join(OUTPUT_DIR, `${testInfo.project.name}-390-${colorScheme}-sign-in-code.png`), scale: 'css' })
  }
})
