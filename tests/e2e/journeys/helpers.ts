import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Cookie, Page, Request } from '@playwright/test'
import { generateSync } from 'otplib'
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET, expect, signIn, type DemoAccount } from '../support'

// Helpers shared by the journey specs. Signing in through the UI costs a few seconds per test,
// so each worker signs an account in once and later tests reuse its session cookie.

/** Session cookies per account, per worker process. */
const sessionCookies = new Map<DemoAccount, Cookie[]>()

/**
 * Opens `path` signed in as `account`. The first call per worker signs in through the UI; later
 * calls put the saved session cookie into the page's fresh context. Tests that sign out must
 * call `signIn` themselves, because signing out ends the session that other tests reuse.
 */
export async function openAs(page: Page, account: DemoAccount, path = '/'): Promise<void> {
  const saved = sessionCookies.get(account)
  if (saved) {
    await page.context().addCookies(saved)
  } else {
    await signIn(page, DEMO_ACCOUNTS[account])
    sessionCookies.set(account, await page.context().cookies())
  }

  await page.goto(path)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
}

/** Returns true for a data request of the portal API whose path is `pathname`. */
export function isApiGet(request: Request, pathname: string): boolean {
  return request.method() === 'GET' && new URL(request.url()).pathname === pathname
}

/**
 * Drags one finger down from `fromY` by `distance` CSS px through the Chrome DevTools Protocol,
 * so the page receives real touch events as it would from a phone screen.
 */
export async function pullDown(page: Page, fromY: number, distance: number): Promise<void> {
  const session = await page.context().newCDPSession(page)
  const x = 180
  const steps = 12

  await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] })
  for (let step = 1; step <= steps; step += 1) {
    const y = fromY + (distance * step) / steps
    await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] })
  }
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await session.detach()
}

/** Marks the current document, so a later check can tell whether the browser reloaded the page. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as unknown as { journeyMarker?: string }).journeyMarker = 'kept'
  })
}

/** Returns true while the document marked by `markDocument` is still loaded. */
export async function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker === 'kept')
}

/** Labels of the seven Microsoft 365 tabs in their order on screen. */
export const M365_TABS = [
  { label: 'Overview', path: '/m365/overview' },
  { label: 'Users', path: '/m365/users' },
  { label: 'Mailbox', path: '/m365/mailboxes' },
  { label: 'Groups', path: '/m365/groups' },
  { label: 'Collaboration', path: '/m365/collaboration' },
  { label: 'Sign-in logs', path: '/m365/sign-ins' },
  { label: 'Entra devices', path: '/m365/devices' },
] as const

/** Demo user Diego Siciliani, who has a mailbox, licences and groups. */
export const DEMO_USER = { id: '24fcbca3-c3e2-48bf-9ffc-c7f81b81483d', name: 'Diego Siciliani' }

/** Demo alert that the provider marked as needing the user's confirmation, with a note. */
export const CONFIRMATION_ALERT = {
  id: 'da638680012345678901_1122334455',
  title: 'Suspicious inbox forwarding rule',
  note: 'We removed the forwarding rule and reset the password.',
}

const TOTP_STEP_MS = 30_000

/**
 * Returns a TOTP code for DEMO_TOTP_SECRET from a 30-second step that no worker of this run has
 * used yet, because the server rejects a code used twice and both device projects sign in the
 * same TOTP account. A lock folder in the temp directory, named after the run's server port,
 * serialises the workers.
 */
export async function nextSharedTotpCode(): Promise<string> {
  const runId = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:0').port
  const lockDir = path.join(tmpdir(), `clientone-e2e-totp-${runId}.lock`)
  const stepFile = path.join(tmpdir(), `clientone-e2e-totp-${runId}.step`)

  await acquireLock(lockDir)
  try {
    const lastStep = Number(readFileOrEmpty(stepFile) || -1)
    let step = Math.floor(Date.now() / TOTP_STEP_MS)
    if (step <= lastStep) {
      await sleep((lastStep + 1) * TOTP_STEP_MS - Date.now() + 200)
      step = Math.floor(Date.now() / TOTP_STEP_MS)
    }
    writeFileSync(stepFile, String(step))
    return generateSync({ secret: DEMO_TOTP_SECRET })
  } finally {
    rmdirSync(lockDir)
  }
}

async function acquireLock(lockDir: string): Promise<void> {
  const deadline = Date.now() + 2 * TOTP_STEP_MS + 5_000
  for (;;) {
    try {
      mkdirSync(lockDir)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the TOTP lock ${lockDir}. Delete it if no test run is active.`)
      await sleep(100)
    }
  }
}

function readFileOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
