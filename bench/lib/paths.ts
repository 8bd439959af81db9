import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root (the folder that contains package.json). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Output of every benchmark: JSON results, builds and the generated tenant. Gitignored. */
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results')

/** Production build of the PWA made by the benchmarks, kept apart from the `dist/` other tools use. */
export const APP_BUILD_DIR = path.join(RESULTS_DIR, 'build', 'app')

/** Production build of the reference app in bench/reference. */
export const REFERENCE_BUILD_DIR = path.join(RESULTS_DIR, 'build', 'reference')

export const REFERENCE_CONFIG = path.join(REPO_ROOT, 'bench', 'reference', 'vite.config.ts')

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium'

/**
 * Chromium flags for every browser run: headless, and no traffic besides the page under test
 * (no component updates, sync, background requests or QUIC).
 */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
