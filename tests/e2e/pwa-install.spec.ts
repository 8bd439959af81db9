import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { DEMO_ACCOUNTS, axeCheck, expect, signIn, test, waitForServiceWorker } from './support'

// Installing the app: what Chrome needs to offer the install, and the More menu's Install row.

test.describe('Install', () => {
  test('Chrome reports no installability errors', async ({ baseURL }, testInfo) => {
    // Chrome never offers to install from an incognito profile, and Playwright's default
    // contexts are incognito, so this check uses a persistent profile in a temporary folder.
    const profileDir = mkdtempSync(path.join(tmpdir(), 'clientone-e2e-profile-'))
    const { launchOptions, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use
    const context = await chromium.launchPersistentContext(profileDir, {
      ...launchOptions,
      ...(viewport ? { viewport } : {}),
      ...(userAgent ? { userAgent } : {}),
      ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
      ...(isMobile !== undefined ? { isMobile } : {}),
      ...(hasTouch !== undefined ? { hasTouch } : {}),
    })

    try {
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(`${baseURL}/sign-in`)
      await waitForServiceWorker(page)

      const cdp = await context.newCDPSession(page)
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
      expect(installabilityErrors).toEqual([])

      const { errors } = await cdp.send('Page.getAppManifest')
      expect(errors).toEqual([])
    } finally {
      await context.close()
      rmSync(profileDir, { recursive: true, force: true })
    }
  })

  test('the manifest is served as a web app manifest', async ({ request }) => {
    const response = await request.get('/manifest.webmanifest')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('application/manifest+json')
    const manifest = (await response.json()) as { name: string; start_url: string }
    expect(manifest.name).toBe('ClientOne Mobile')

    for (const icon of ['/icons/icon-192.png', '/icons/maskable-512.png', '/icons/apple-touch-icon.png', '/icons/icon.svg']) {
      expect((await request.get(icon)).status(), icon).toBe(200)
    }
  })

  test('on iPhone, Install app explains Add to Home Screen', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'iphone', 'Only iOS gets the Add to Home Screen sheet, because other browsers show their own install dialog.')

    await signIn(page, DEMO_ACCOUNTS.standard)
    await page.goto('/more')
    await page.getByRole('button', { name: 'Install app' }).click()

    const sheet = page.getByRole('dialog', { name: 'Install ClientOne' })
    await expect(sheet).toBeVisible()
    await expect(sheet).toContainText('Share, then Add to Home Screen.')
    await axeCheck(page)

    await sheet.getByRole('button', { name: 'Done' }).click()
    await expect(sheet).toBeHidden()
  })

  test('Install app is hidden when the app runs installed', async ({ page }) => {
    await page.addInitScript(() => {
      const standalone = window.matchMedia.bind(window)
      window.matchMedia = (query: string) =>
        query === '(display-mode: standalone)' ? ({ ...standalone(query), matches: true } as MediaQueryList) : standalone(query)
    })

    await signIn(page, DEMO_ACCOUNTS.standard)
    await page.goto('/more')
    await expect(page.getByRole('heading', { name: 'More' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Install app' })).toHaveCount(0)
  })
})
