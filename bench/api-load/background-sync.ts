import { runCli, type CliRun } from '../lib/cli.js'
import type { PortalEnvironment } from '../lib/portal-env.js'
import { BENCH_ORG_SLUG } from '../lib/tenant.js'

/** Imports of the tenant that run back to back while load is measured. */
export interface BackgroundSync {
  /** Ends the import in progress (SIGTERM) and returns every run; the last one may be cut short. */
  stop(): Promise<{ runs: CliRun[]; stoppedRunning: boolean }>
  isRunning(): boolean
}

/**
 * Starts `import --org bench DIR` and starts it again each time it finishes, until `stop()`, so a
 * sync is always writing during the measurement. Runs at most `maxRuns` imports.
 */
export function startBackgroundSync(environment: PortalEnvironment, dir: string, maxRuns: number): BackgroundSync {
  const runs: CliRun[] = []
  const controller = new AbortController()
  let running = true
  const loop = (async () => {
    while (!controller.signal.aborted && runs.length < maxRuns) {
      runs.push(await runCli(environment, ['import', '--org', BENCH_ORG_SLUG, dir], { timeoutMs: 600_000, signal: controller.signal }))
    }
    running = false
  })()
  return {
    isRunning: () => running,
    async stop() {
      const stoppedRunning = running
      controller.abort()
      await loop
      return { runs, stoppedRunning }
    },
  }
}
