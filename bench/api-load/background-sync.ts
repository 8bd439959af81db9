import { runCli, type CliRun } from '../lib/cli.js'
import type { PortalEnvironment } from '../lib/portal-env.js'
import { BENCH_ORG_SLUG } from '../lib/tenant.js'

/** Re-imports of the tenant that run back to back while load is measured. */
export interface BackgroundSync {
  stop(): Promise<CliRun[]>
  isRunning(): boolean
}

/**
 * Starts `import --org bench DIR` and starts it again each time it finishes, until `stop()`, so a
 * sync is always writing during the measurement. Runs at most `maxRuns` imports.
 */
export function startBackgroundSync(environment: PortalEnvironment, dir: string, maxRuns: number): BackgroundSync {
  const runs: CliRun[] = []
  let stopping = false
  let running = true
  const loop = (async () => {
    while (!stopping && runs.length < maxRuns) {
      runs.push(await runCli(environment, ['import', '--org', BENCH_ORG_SLUG, dir], { timeoutMs: 300_000 }))
    }
    running = false
  })()
  return {
    isRunning: () => running,
    async stop() {
      stopping = true
      await loop
      return runs
    },
  }
}
