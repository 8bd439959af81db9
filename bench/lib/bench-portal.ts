import type { CliRun } from './cli.js'
import { createPortalEnvironment, type PortalEnvironment } from './portal-env.js'
import { startPortal, type RunningPortal } from './portal-server.js'
import { signIn } from './session.js'
import {
  BENCH_MANAGER_EMAIL,
  BENCH_MANAGER_PASSWORD,
  createOrganizationWithManager,
  generateTenant,
  importTenant,
  type GeneratedTenant,
} from './tenant.js'

/** A running portal on a fresh database, with a generated tenant imported and a manager signed in. */
export interface BenchPortal {
  environment: PortalEnvironment
  portal: RunningPortal
  tenant: GeneratedTenant
  importRun: CliRun
  /** `portal_session=...` of the signed-in manager. */
  cookie: string
  close(): Promise<void>
}

/**
 * Sets up what a signed-in benchmark needs, in the order a provider would: organization and
 * manager with the CLI, `generate-tenant`, `import`, then the server and a sign-in through the API.
 */
export async function startBenchPortal(options: { label: string; users: number; staticDir?: string; log: (message: string) => void }): Promise<BenchPortal> {
  const environment = createPortalEnvironment(options.label)
  let portal: RunningPortal | null = null
  try {
    options.log(`creating the organization and manager in ${environment.dataDir}`)
    await createOrganizationWithManager(environment)

    options.log(`generating a tenant of ${options.users} users`)
    const tenant = await generateTenant(environment, options.users)
    options.log(tenant.reused ? `reusing ${tenant.dir}` : `generated ${tenant.dir} in ${tenant.generateSeconds} s`)

    options.log('importing it')
    const importRun = await importTenant(environment, tenant.dir)
    options.log(`imported in ${Math.round(importRun.durationMs / 100) / 10} s`)

    portal = await startPortal(environment, options.staticDir === undefined ? {} : { staticDir: options.staticDir })
    options.log(`portal listening on ${portal.origin} (pid ${portal.pid})`)
    const cookie = await signIn(portal.origin, BENCH_MANAGER_EMAIL, BENCH_MANAGER_PASSWORD)

    const running = portal
    return {
      environment,
      portal: running,
      tenant,
      importRun,
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
