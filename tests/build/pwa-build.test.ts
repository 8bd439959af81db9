import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'

// Checks the output of `vite build` (dist/, or the folder in PWA_DIST): the service worker, its
// precache list and the web app manifest with its icons. Run `npm run build` first.

const distDir = path.resolve(process.env.PWA_DIST ?? 'dist')

/** Limit for the gzipped service worker, so the worker stays quick to download on every update check. */
const MAX_SW_GZIP_BYTES = 15 * 1024

interface ManifestImage {
  src: string
  sizes: string
  type: string
  purpose?: string
  form_factor?: string
}

interface WebAppManifest {
  id: string
  name: string
  short_name: string
  description: string
  start_url: string
  scope: string
  display: string
  theme_color: string
  background_color: string
  categories: string[]
  icons: ManifestImage[]
  screenshots: ManifestImage[]
}

let serviceWorker = ''
let precacheUrls: string[] = []
let manifest: WebAppManifest

function distFile(relativePath: string): string {
  return path.join(distDir, relativePath.replace(/^\//, ''))
}

/** Returns the width and height from a PNG file's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  const signature = bytes.subarray(0, 8).toString('hex')
  if (signature !== '89504e470d0a1a0a') throw new Error(`${file} is not a PNG file (signature ${signature}).`)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

beforeAll(() => {
  if (!existsSync(distFile('index.html'))) {
    throw new Error(`No build in ${distDir}: run \`npm run build\` first, or set PWA_DIST to a build folder.`)
  }
  serviceWorker = readFileSync(distFile('sw.js'), 'utf8')
  // workbox-build injects the precache list as JSON, so every entry carries a quoted "url".
  precacheUrls = [...serviceWorker.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] ?? '')
  manifest = JSON.parse(readFileSync(distFile('manifest.webmanifest'), 'utf8')) as WebAppManifest
})

describe('service worker build', () => {
  it('writes sw.js and the manifest', () => {
    expect(existsSync(distFile('sw.js'))).toBe(true)
    expect(existsSync(distFile('manifest.webmanifest'))).toBe(true)
  })

  it('precaches index.html and the manifest', () => {
    expect(precacheUrls).toContain('index.html')
    expect(precacheUrls).toContain('manifest.webmanifest')
  })

  it('precaches every built script and stylesheet', () => {
    const html = readFileSync(distFile('index.html'), 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1])
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) expect(precacheUrls).toContain(asset)
  })

  it('does not precache the service worker itself', () => {
    expect(precacheUrls.filter((url) => /(^|\/)sw\.js$/.test(url))).toEqual([])
  })

  it('does not precache any API route', () => {
    expect(precacheUrls.filter((url) => /^\/?api(\/|$)/.test(url))).toEqual([])
  })

  it('does not precache the install screenshots', () => {
    expect(precacheUrls.filter((url) => url.startsWith('screenshots/'))).toEqual([])
  })

  it('keeps sw.js under 15 KB gzipped', () => {
    expect(gzipSync(serviceWorker, { level: 9 }).length).toBeLessThan(MAX_SW_GZIP_BYTES)
  })

  it('has no leftover injection point', () => {
    expect(serviceWorker).not.toContain('self.__WB_MANIFEST')
  })
})

describe('web app manifest', () => {
  it('names the app and its start', () => {
    expect(manifest.id).toBe('/')
    expect(manifest.name).toBe('ClientOne Mobile')
    expect(manifest.short_name).toBe('ClientOne')
    expect(manifest.description.length).toBeGreaterThan(20)
    expect(manifest.start_url).toBe('/')
    expect(manifest.scope).toBe('/')
    expect(manifest.display).toBe('standalone')
    expect(manifest.categories.length).toBeGreaterThan(0)
  })

  it('sets theme and background colours', () => {
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it.each([
    ['any', '192x192'],
    ['any', '512x512'],
    ['maskable', '192x192'],
    ['maskable', '512x512'],
  ])('lists a %s icon of %s', (purpose, sizes) => {
    const icon = manifest.icons.find((entry) => (entry.purpose ?? 'any') === purpose && entry.sizes === sizes)
    expect(icon, `${purpose} ${sizes} icon`).toBeDefined()
    expect(icon?.type).toBe('image/png')
  })

  it('keeps any and maskable icons in separate files', () => {
    const mixed = manifest.icons.filter((icon) => (icon.purpose ?? 'any').split(' ').length > 1)
    expect(mixed).toEqual([])
  })

  it('ships every PNG icon at its declared pixel size', () => {
    for (const icon of manifest.icons.filter((entry) => entry.type === 'image/png')) {
      const file = distFile(icon.src)
      expect(existsSync(file), icon.src).toBe(true)
      const [width, height] = icon.sizes.split('x').map(Number)
      expect(pngSize(file), icon.src).toEqual({ width, height })
    }
  })

  it('ships narrow and wide screenshots at their declared sizes', () => {
    for (const formFactor of ['narrow', 'wide']) {
      const screenshot = manifest.screenshots.find((entry) => entry.form_factor === formFactor)
      expect(screenshot, `${formFactor} screenshot`).toBeDefined()
      if (!screenshot) continue
      const [width, height] = screenshot.sizes.split('x').map(Number)
      expect(existsSync(distFile(screenshot.src)), screenshot.src).toBe(true)
      expect(pngSize(distFile(screenshot.src)), screenshot.src).toEqual({ width, height })
    }
    const narrow = manifest.screenshots.find((entry) => entry.form_factor === 'narrow')
    expect(narrow?.sizes).toBe('390x844')
  })

  it('ships the apple-touch-icon at 180 px', () => {
    expect(pngSize(distFile('icons/apple-touch-icon.png'))).toEqual({ width: 180, height: 180 })
  })
})
