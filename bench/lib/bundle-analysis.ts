import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'

/** One chunk of Vite's build manifest (`.vite/manifest.json`). */
interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}

export interface SizeTotals {
  files: string[]
  raw: number
  gzip: number
  brotli: number
}

export interface LazyRouteSize {
  /** Source module of the dynamic entry, for example `src/views/m365/tabs/UsersTab.vue`. */
  source: string
  /** JS and CSS this chunk loads that the first screen has not loaded already. */
  added: { js: SizeTotals; css: SizeTotals; gzipTotal: number }
}

export interface BundleReport {
  firstScreen: { js: SizeTotals; css: SizeTotals; gzipTotal: number; brotliTotal: number; signInSource: string | null }
  lazyRoutes: LazyRouteSize[]
  serviceWorker: SizeTotals
  /** Scripts and styles index.html names that the manifest's entry chunk does not cover. */
  unmatchedHtmlReferences: string[]
  /** Sizes of every file counted above, by path relative to the build folder. */
  fileSizes: Record<string, { raw: number; gzip: number; brotli: number }>
}

/** gzip level 9 and brotli quality 11: what static pre-compression produces. */
export function compressedSizes(content: Buffer): { raw: number; gzip: number; brotli: number } {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }).length,
  }
}

type FileSizes = BundleReport['fileSizes']

function totalsOf(buildDir: string, files: Iterable<string>, cache: FileSizes): SizeTotals {
  const totals: SizeTotals = { files: [], raw: 0, gzip: 0, brotli: 0 }
  for (const file of [...files].sort()) {
    const sizes = cache[file] ?? compressedSizes(readFileSync(path.join(buildDir, file)))
    cache[file] = sizes
    totals.files.push(file)
    totals.raw += sizes.raw
    totals.gzip += sizes.gzip
    totals.brotli += sizes.brotli
  }
  return totals
}

function readManifest(buildDir: string): Record<string, ManifestChunk> {
  const file = path.join(buildDir, '.vite', 'manifest.json')
  if (!existsSync(file)) throw new Error(`${file} is missing: build with \`vite build --manifest\`.`)
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>
}

/** Files (JS and CSS) a chunk loads: itself, its CSS, and its static imports, transitively. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string): Set<string> {
  const files = new Set<string>()
  const seen = new Set<string>()
  const pending = [key]
  while (pending.length > 0) {
    const current = pending.pop() as string
    if (seen.has(current)) continue
    seen.add(current)
    const chunk = manifest[current]
    if (chunk === undefined) continue
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    pending.push(...(chunk.imports ?? []))
  }
  return files
}

function splitByKind(files: Iterable<string>): { js: string[]; css: string[] } {
  const list = [...files]
  return { js: list.filter((file) => /\.m?js$/.test(file)), css: list.filter((file) => file.endsWith('.css')) }
}

/** Script and stylesheet URLs in index.html (entry script, modulepreload and stylesheet links). */
function htmlReferences(buildDir: string): string[] {
  const html = readFileSync(path.join(buildDir, 'index.html'), 'utf8')
  const references: string[] = []
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) references.push(match[1] ?? '')
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0]
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? ''
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href !== undefined && /\b(modulepreload|stylesheet)\b/.test(rel)) references.push(href)
  }
  return references.filter((reference) => /\.(m?js|css)$/.test(reference)).map((reference) => reference.replace(/^\//, ''))
}

/**
 * Sizes a Vite build: the first screen (entry chunk, its static imports and CSS, plus the lazy
 * sign-in view when `signInPattern` matches one), every lazy route's added cost, and the
 * service worker at the build root.
 */
export function analyseBuild(buildDir: string, options: { signInPattern?: RegExp } = {}): BundleReport {
  const manifest = readManifest(buildDir)
  const fileSizes: FileSizes = {}
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true && key.endsWith('.html'))
  if (entryKey === undefined) throw new Error(`No HTML entry chunk in ${buildDir}/.vite/manifest.json.`)

  const firstScreenFiles = staticClosure(manifest, entryKey)
  const signInKey = options.signInPattern
    ? Object.keys(manifest).find((key) => manifest[key]?.isDynamicEntry === true && options.signInPattern?.test(key))
    : undefined
  if (signInKey !== undefined) for (const file of staticClosure(manifest, signInKey)) firstScreenFiles.add(file)

  const firstSplit = splitByKind(firstScreenFiles)
  const firstJs = totalsOf(buildDir, firstSplit.js, fileSizes)
  const firstCss = totalsOf(buildDir, firstSplit.css, fileSizes)

  const lazyRoutes: LazyRouteSize[] = []
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isDynamicEntry !== true || key === signInKey) continue
    const added = [...staticClosure(manifest, key)].filter((file) => !firstScreenFiles.has(file))
    const split = splitByKind(added)
    const js = totalsOf(buildDir, split.js, fileSizes)
    const css = totalsOf(buildDir, split.css, fileSizes)
    lazyRoutes.push({ source: chunk.src ?? key, added: { js, css, gzipTotal: js.gzip + css.gzip } })
  }
  lazyRoutes.sort((a, b) => a.source.localeCompare(b.source))

  const serviceWorkerFiles = ['sw.js', 'service-worker.js'].filter((file) => existsSync(path.join(buildDir, file)))
  const unmatchedHtmlReferences = htmlReferences(buildDir).filter((reference) => !firstScreenFiles.has(reference))

  return {
    firstScreen: {
      js: firstJs,
      css: firstCss,
      gzipTotal: firstJs.gzip + firstCss.gzip,
      brotliTotal: firstJs.brotli + firstCss.brotli,
      signInSource: signInKey ?? null,
    },
    lazyRoutes,
    serviceWorker: totalsOf(buildDir, serviceWorkerFiles, fileSizes),
    unmatchedHtmlReferences,
    fileSizes,
  }
}

/**
 * gzip bytes that opening several lazy routes together adds to the first screen (for example a
 * Microsoft 365 tab and the screen around it). A chunk they share counts once.
 */
export function combinedAddedGzip(report: BundleReport, routes: LazyRouteSize[]): number {
  const files = new Set<string>()
  for (const route of routes) for (const file of [...route.added.js.files, ...route.added.css.files]) files.add(file)
  let total = 0
  for (const file of files) total += report.fileSizes[file]?.gzip ?? 0
  return total
}
