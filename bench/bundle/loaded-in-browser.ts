import { readFileSync } from 'node:fs'
import path from 'node:path'
import { launchChromium } from '../lib/browser.js'
import { compressedSizes } from '../lib/bundle-analysis.js'
import { startStaticServer } from '../lib/static-server.js'

export interface LoadedAssets {
  files: string[]
  jsGzip: number
  cssGzip: number
}

/**
 * Opens `pathname` of a build in Chromium (static server, no API, so a signed-out first visit) and
 * sums the gzip size of every JS and CSS file the page requested until the network was idle. This
 * counts components loaded lazily right after start-up, which the manifest's static imports do not.
 */
export async function measureLoadedAssets(buildDir: string, pathname: string): Promise<LoadedAssets> {
  const server = await startStaticServer(buildDir)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    const requested = new Set<string>()
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (/\.(m?js|css)$/.test(url.pathname) && url.pathname !== '/sw.js') requested.add(url.pathname.replace(/^\//, ''))
    })
    await page.goto(`${server.origin}${pathname}`, { waitUntil: 'networkidle' })
    await page.waitForTimeout(1_000)

    const files = [...requested].sort()
    let jsGzip = 0
    let cssGzip = 0
    for (const file of files) {
      const gzip = compressedSizes(readFileSync(path.join(buildDir, file))).gzip
      if (file.endsWith('.css')) cssGzip += gzip
      else jsGzip += gzip
    }
    return { files, jsGzip, cssGzip }
  } finally {
    await browser.close()
    await server.close()
  }
}
