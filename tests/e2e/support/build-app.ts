import { execFile } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from './portal-server'

// Builds the PWA for the end-to-end tests into folders of their own, so a test run never races
// with someone building dist/ in the same working tree.

const run = promisify(execFile)

/** Build the shared test server serves, labelled E2E_VERSION. */
export const E2E_STATIC_DIR = path.join(REPO_ROOT, 'node_modules/.cache/clientone-e2e/dist')
export const E2E_VERSION = 'e2e-1'

/** The same sources built with another version label: a deploy for the update tests. */
export const E2E_NEXT_STATIC_DIR = path.join(REPO_ROOT, 'node_modules/.cache/clientone-e2e/dist-next')
export const E2E_NEXT_VERSION = 'e2e-2'

/** Inputs of the PWA build. A newer file in any of them makes the build stale. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']

/** Time to wait for another `vite build` of this project to finish before giving up. */
const BUILD_LOCK_WAIT_MS = 180_000

/**
 * Runs `vite build` into outDir with `version` as VITE_APP_VERSION (shown as
 * <html data-app-version>). Vite allows one build per project at a time, so while someone else
 * builds in the same working tree this waits and retries.
 */
export async function buildPwa(outDir: string, version: string): Promise<void> {
  const deadline = Date.now() + BUILD_LOCK_WAIT_MS
  for (;;) {
    try {
      await run(path.join(REPO_ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
        cwd: REPO_ROOT,
        env: { ...process.env, VITE_APP_VERSION: version },
        maxBuffer: 16 * 1024 * 1024,
      })
      return
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
      const locked = stderr.includes('Found another Vite build process')
      if (!locked || Date.now() > deadline) {
        throw new Error(`vite build into ${outDir} failed:\n${stderr}\n${stdout}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000))
    }
  }
}

/** Returns true when outDir contains a build (index.html and sw.js) newer than every build input. */
export function isBuildCurrent(outDir: string): boolean {
  const indexFile = path.join(outDir, 'index.html')
  if (!existsSync(indexFile) || !existsSync(path.join(outDir, 'sw.js'))) return false
  const builtAt = statSync(indexFile).mtimeMs
  return BUILD_INPUTS.every((input) => newestModification(path.join(REPO_ROOT, input)) <= builtAt)
}

function newestModification(target: string): number {
  if (!existsSync(target)) return 0
  const stats = statSync(target)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)))
  return newest
}
