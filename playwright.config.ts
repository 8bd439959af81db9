import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Mobile-only end-to-end tests against the real portal server in demo mode, started by
// tests/e2e/support/global-setup.ts. Chromium emulates both phones: WebKit is not installed
// here, so the iPhone project checks layout and user agent, not Safari itself.

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

const launchOptions = {
  ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // The browser can resolve no host but the test server's address.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
}

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  globalTeardown: './tests/e2e/support/global-teardown.ts',
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // Set by the global setup before the workers start.
    baseURL: process.env.E2E_BASE_URL,
    trace: 'on-first-retry',
    launchOptions,
  },
  projects: [
    { name: 'iphone', use: { ...devices['iPhone 13'], browserName: 'chromium' } },
    { name: 'pixel', use: { ...devices['Pixel 7'] } },
  ],
})
