import { launchChromium, sessionCookieFor } from '../lib/browser.js'

/** Sources of a reload's document and scripts once the service worker is installed. */
export interface RepeatVisit {
  serviceWorkerReady: boolean
  controlledAfterReload: boolean
  documentFromServiceWorker: boolean
  scripts: number
  scriptsFromServiceWorker: number
}

const READY_TIMEOUT_MS = 20_000

/**
 * Opens `url`, waits for `navigator.serviceWorker.ready`, reloads, and reports which responses of
 * the reload the service worker served (Playwright's `response.fromServiceWorker()`).
 */
export async function checkRepeatVisit(url: string, cookie?: string): Promise<RepeatVisit> {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext()
    if (cookie !== undefined) await context.addCookies([sessionCookieFor(new URL(url).origin, cookie)])
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    const serviceWorkerReady = await page.evaluate(
      `Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ${READY_TIMEOUT_MS}))])`,
    )

    const reloadResponses: Array<{ type: string; fromServiceWorker: boolean }> = []
    page.on('response', (response) => {
      reloadResponses.push({ type: response.request().resourceType(), fromServiceWorker: response.fromServiceWorker() })
    })
    await page.reload({ waitUntil: 'load' })
    const controlledAfterReload = await page.evaluate('navigator.serviceWorker.controller !== null')

    const documentResponse = reloadResponses.find((response) => response.type === 'document')
    const scripts = reloadResponses.filter((response) => response.type === 'script')
    return {
      serviceWorkerReady: serviceWorkerReady === true,
      controlledAfterReload: controlledAfterReload === true,
      documentFromServiceWorker: documentResponse?.fromServiceWorker ?? false,
      scripts: scripts.length,
      scriptsFromServiceWorker: scripts.filter((script) => script.fromServiceWorker).length,
    }
  } finally {
    await browser.close()
  }
}
