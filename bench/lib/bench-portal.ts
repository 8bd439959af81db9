import { createPortalEnvironment, type PortalEnvironment } from './portal-env.js'
import { startPortal, type RunningPortal } from './portal-server.js'
import { signIn } from './session.js'
import { LARGE_TENANT_USERS, largeTenantEnvironment } from './large-tenant-db.js'
import {
  BENCH_MANAGER_EMAIL,
  BENCH_MANAGER_PASSWORD,
  createOrganizationWithManager,
  generateTenant,
  importTenant,
  type GeneratedTenant,
} from './tenant.js'

/** A running portal on its own database copy, with a generated tenant imported and a manager signed in. */
export interface BenchPortal {
  environment: PortalEnvironment
  portal: RunningPortal
  tenant: GeneratedTenant
  /** Wall time of the import this setup ran, or null when it copied a saved database. */
  importSeconds: number | null
  /** `portal_session=...` of the signed-in manager. */
  cookie: string
  close(): Promise<void>
}

async function prepareEnvironment(label: string, users: number, log: (message: string) => void) {
  if (users === LARGE_TENANT_USERS) {
    const { environment, importRun } = await largeTenantEnvironment(label, log)
    const tenant = await generateTenant(environment, users)
    return { environment, tenant, importSeconds: importRun ? Math.round(importRun.durationMs / 100) / 10 : null }
  }
  const environment = createPortalEnvironment(label)
  try {
    log(`creating the organization and manager in ${environment.dataDir}`)
    await createOrganizationWithManager(environment)
    const tenant = await generateTenant(environment, users)
    log(tenant.reused ? `reusing ${tenant.dir}` : `generated ${tenant.dir} in ${tenant.generateSeconds} s`)
    const importRun = await importTenant(environment, tenant.dir)
    return { environment, tenant, importSeconds: Math.round(importRun.durationMs / 100) / 10 }
  } catch (error) {
    environment.remove()
    throw error
  }
}

/**
 * Sets up what a signed-in benchmark needs, in the order a provider would: organization and manager
 * with the CLI, `generate-tenant`, `import` (or a copy of the saved large-tenant database), then the
 * server and a sign-in through the API.
 */
export async function startBenchPortal(options: { label: string; users: number; staticDir?: string; log: (message: string) => void }): Promise<BenchPortal> {
  const { environment, tenant, importSeconds } = await prepareEnvironment(options.label, options.users, options.log)
  let portal: RunningPortal | null = null
  try {
    portal = await startPortal(environment, options.staticDir === undefined ? {} : { staticDir: options.staticDir })
    options.log(`portal listening on ${portal.origin} (pid ${portal.pid})`)
    const cookie = await signIn(portal.origin, BENCH_MANAGER_EMAIL, BENCH_MANAGER_PASSWORD)
    const running = portal
    return {
      environment,
      portal: running,
      tenant,
      importSeconds,
      cookie,
      async close() {
        await running.stop()
        environment.remove()
      },
    }
  } catch (error) {
    await portal?.stop()
    environment.remove()
    throw error
  }
}
