import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './paths.js'

/**
 * Launches Debian's Chromium through Playwright with the benchmark flags. Playwright adds its own
 * `--headless` (the new headless mode in current Chromium), so `--headless=new` is left out here.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--headless')),
    timeout: 60_000,
  })
}

/** Splits `portal_session=value` into the cookie Playwright adds to a browser context. */
export function sessionCookieFor(origin: string, cookie: string): { name: string; value: string; url: string } {
  const separator = cookie.indexOf('=')
  return { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: origin }
}
