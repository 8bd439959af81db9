import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCliOrThrow, type CliRun } from './cli.js'
import type { PortalEnvironment } from './portal-env.js'
import { RESULTS_DIR } from './paths.js'

/** The organization and manager every benchmark signs in as. */
export const BENCH_ORG_SLUG = 'bench'
export const BENCH_MANAGER_EMAIL = 'manager@bench.example'
/** Only for a throwaway database in a temporary folder that the benchmark deletes. */
export const BENCH_MANAGER_PASSWORD = 'bench-manager-password-2026'

/** Creates the benchmark organization (default settings: Microsoft 365 and alerts on) and its manager. */
export async function createOrganizationWithManager(environment: PortalEnvironment): Promise<void> {
  await runCliOrThrow(environment, ['org', 'create', BENCH_ORG_SLUG, '--name', 'Bench Ltd'])
  await runCliOrThrow(
    environment,
    ['account', 'create', '--org', BENCH_ORG_SLUG, '--email', BENCH_MANAGER_EMAIL, '--name', 'Bench Manager', '--role', 'manager', '--password-stdin'],
    { input: `${BENCH_MANAGER_PASSWORD}\n` },
  )
}

export interface GeneratedTenant {
  dir: string
  users: number
  /** Wall time of `generate-tenant`, or null when an earlier run's folder was reused. */
  generateSeconds: number | null
  reused: boolean
}

/**
 * Generates a tenant export folder with `generate-tenant --users N` under bench/results, or reuses
 * the folder of an earlier run with the same size (set BENCH_FRESH_TENANT=1 to regenerate).
 */
export async function generateTenant(environment: PortalEnvironment, users: number): Promise<GeneratedTenant> {
  const dir = path.join(RESULTS_DIR, `tenant-${users}`)
  const marker = path.join(dir, '.bench-complete')
  if (existsSync(marker) && process.env.BENCH_FRESH_TENANT !== '1') {
    return { dir, users, generateSeconds: null, reused: true }
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.dirname(dir), { recursive: true })
  const run = await runCliOrThrow(environment, ['generate-tenant', '--users', String(users), '--out', dir], { timeoutMs: 300_000 })
  writeFileSync(marker, `${new Date().toISOString()}\n`)
  return { dir, users, generateSeconds: Math.round(run.durationMs / 100) / 10, reused: false }
}

/** Imports an export folder into the benchmark organization; `measureMemory` records the peak RSS. */
export async function importTenant(environment: PortalEnvironment, dir: string, options: { measureMemory?: boolean } = {}): Promise<CliRun> {
  return runCliOrThrow(environment, ['import', '--org', BENCH_ORG_SLUG, dir], {
    // The 50,000-user import took 4 to 5 minutes on a busy 2-core machine.
    timeoutMs: 900_000,
    measureMemory: options.measureMemory ?? false,
  })
}

/** Total size in bytes of the files under `dir` (the export folder an import reads). */
export function folderBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return total
}
