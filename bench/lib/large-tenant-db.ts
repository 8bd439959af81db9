import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { CliRun } from './cli.js'
import { createPortalEnvironment, type PortalEnvironment } from './portal-env.js'
import { RESULTS_DIR } from './paths.js'
import { createOrganizationWithManager, generateTenant, importTenant } from './tenant.js'

/** Users in the large tenant (with the generator's other datasets scaled to it). */
export const LARGE_TENANT_USERS = 50_000

/**
 * A database with the large tenant imported, kept under bench/results so each benchmark starts from
 * a copy instead of importing again (the import takes minutes). Contains the key it was sealed with.
 */
const CACHE_DIR = path.join(RESULTS_DIR, `database-${LARGE_TENANT_USERS}`)
const DATABASE_FILES = ['portal.sqlite', 'portal.sqlite-wal', 'portal.sqlite-shm']
const KEY_FILE = 'secret-key.txt'
const MARKER = '.bench-complete'

function copyDatabase(fromDir: string, toDir: string): void {
  mkdirSync(toDir, { recursive: true })
  for (const name of DATABASE_FILES) {
    const target = path.join(toDir, name)
    rmSync(target, { force: true })
    if (existsSync(path.join(fromDir, name))) copyFileSync(path.join(fromDir, name), target)
  }
}

/** Keeps a copy of `environment`'s database (the large tenant just imported) for later benchmarks. */
export function saveLargeTenantDatabase(environment: PortalEnvironment): void {
  rmSync(path.join(CACHE_DIR, MARKER), { force: true })
  copyDatabase(environment.dataDir, CACHE_DIR)
  writeFileSync(path.join(CACHE_DIR, KEY_FILE), `${environment.secretKey}\n`, { mode: 0o600 })
  writeFileSync(path.join(CACHE_DIR, MARKER), `${new Date().toISOString()}\n`)
}

/**
 * Returns a fresh environment containing a copy of the large-tenant database. Without a saved copy it
 * generates and imports the tenant first (unmeasured) and saves the result.
 */
export async function largeTenantEnvironment(label: string, log: (message: string) => void): Promise<{ environment: PortalEnvironment; importRun: CliRun | null }> {
  let importRun: CliRun | null = null
  if (!existsSync(path.join(CACHE_DIR, MARKER))) {
    log(`no saved ${LARGE_TENANT_USERS}-user database: generating and importing the tenant (several minutes)`)
    const builder = createPortalEnvironment(`${label}-import`)
    try {
      await createOrganizationWithManager(builder)
      const tenant = await generateTenant(builder, LARGE_TENANT_USERS)
      importRun = await importTenant(builder, tenant.dir)
      saveLargeTenantDatabase(builder)
    } finally {
      builder.remove()
    }
  }
  const secretKey = readFileSync(path.join(CACHE_DIR, KEY_FILE), 'utf8').trim()
  const environment = createPortalEnvironment(label, { secretKey })
  log(`copying the saved ${LARGE_TENANT_USERS}-user database to ${environment.dataDir}`)
  copyDatabase(CACHE_DIR, environment.dataDir)
  return { environment, importRun }
}
