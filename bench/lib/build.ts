import { spawn } from 'node:child_process'
import { APP_BUILD_DIR, REFERENCE_CONFIG, REPO_ROOT } from './paths.js'

const VITE_BIN = 'node_modules/vite/bin/vite.js'

async function runVite(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [VITE_BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve))
  if (exitCode !== 0) {
    throw new Error(`vite ${args.join(' ')} exited with ${exitCode}: ${output.trim().split('\n').filter((line) => !/^\s+at /.test(line)).slice(0, 8).join(' | ')}`)
  }
}

/**
 * Builds the PWA with the repository's vite.config.ts into bench/results/build/app, with Vite's
 * manifest (which chunk imports which) that the bundle benchmark reads.
 */
export async function buildApp(): Promise<string> {
  await runVite(['build', '--outDir', APP_BUILD_DIR, '--emptyOutDir', '--manifest', '--logLevel', 'warn'])
  return APP_BUILD_DIR
}

/** Builds the reference app (bench/reference) with the same Vite into bench/results/build/reference. */
export async function buildReference(): Promise<void> {
  await runVite(['build', '--config', REFERENCE_CONFIG, '--manifest', '--logLevel', 'warn'])
}
