import { spawn } from 'node:child_process'
import path from 'node:path'
import { APP_BUILD_DIR, REFERENCE_CONFIG, REPO_ROOT } from './paths.js'

const APP_BUILD_CONFIG = path.join(REPO_ROOT, 'bench', 'lib', 'app-build.config.mts')

const VITE_BIN = 'node_modules/vite/bin/vite.js'

/** Vite 8 rejects a second build of the same project while one runs (its build lock). */
const BUILD_LOCKED = /Found another Vite build process/
const LOCK_RETRY_MS = 3_000
const LOCK_WAIT_MAX_MS = 180_000

/**
 * Runs a Vite build. When another build with the same config holds Vite's build lock, waits for it
 * to finish and tries again, for up to 3 minutes.
 */
async function runVite(args: string[]): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MAX_MS
  for (;;) {
    const { exitCode, output } = await runViteOnce(args)
    if (exitCode === 0) return
    if (BUILD_LOCKED.test(output) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS))
      continue
    }
    const message = output
      .trim()
      .split('\n')
      .filter((line) => !/^\s+at /.test(line))
      .slice(0, 8)
      .join(' | ')
    throw new Error(`vite ${args.join(' ')} exited with ${exitCode}: ${message}`)
  }
}

async function runViteOnce(args: string[]): Promise<{ exitCode: number | null; output: string }> {
  const child = spawn(process.execPath, [VITE_BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve))
  return { exitCode, output }
}

/**
 * Builds the PWA with the repository's vite.config.ts (through bench/lib/app-build.config.mts) into
 * bench/results/build/app, with Vite's manifest that the bundle benchmark reads.
 */
export async function buildApp(): Promise<string> {
  await runVite(['build', '--config', APP_BUILD_CONFIG, '--logLevel', 'warn'])
  return APP_BUILD_DIR
}

/** Builds the reference app (bench/reference) with the same Vite into bench/results/build/reference. */
export async function buildReference(): Promise<void> {
  await runVite(['build', '--config', REFERENCE_CONFIG, '--manifest', '--logLevel', 'warn'])
}
