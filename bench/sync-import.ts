import { checkBudget } from './lib/budget.js'
import { isMainModule, runBench, runStandalone, type BenchRecorder } from './lib/bench-runner.js'
import type { CliRun } from './lib/cli.js'
import { LARGE_TENANT_USERS, saveLargeTenantDatabase } from './lib/large-tenant-db.js'
import { createPortalEnvironment } from './lib/portal-env.js'
import type { BenchResult } from './lib/results.js'
import { round } from './lib/stats.js'
import { BENCH_ORG_SLUG, createOrganizationWithManager, folderBytes, generateTenant, importTenant } from './lib/tenant.js'
import { runGraphSync } from './sync-import/graph-sync.js'
import { readLatestSyncRun } from './sync-import/run-record.js'

const MAX_SECONDS = 30
const MAX_RSS_MB = 400

function recordRun(bench: BenchRecorder, label: string, run: CliRun, dataDir: string): Record<string, unknown> {
  const record = readLatestSyncRun(dataDir, BENCH_ORG_SLUG)
  const seconds = round(run.durationMs / 1000, 1)
  const peakMb = run.maxRssBytes === null ? null : round(run.maxRssBytes / 1024 / 1024)
  const figures = {
    seconds,
    peakRssMB: peakMb,
    rows: record.rows,
    rowsPerSecond: seconds ? Math.round(record.rows / seconds) : null,
    runStatus: record.status,
    runSource: record.source,
    rowsByDataset: record.rowsByDataset,
    runError: record.error,
  }
  if (record.status !== 'succeeded') bench.errors.push(`${label}: the sync run ended ${record.status}: ${record.error ?? 'no error recorded'}`)
  bench.budgets.push(checkBudget(`${label}: wall time`, seconds, '<', MAX_SECONDS, 's', { note: `${figures.rowsPerSecond} rows/s, ${record.rows} rows` }))
  bench.budgets.push(checkBudget(`${label}: peak RSS`, peakMb, '<', MAX_RSS_MB, 'MB', { note: 'max resident set size from /usr/bin/time -v' }))
  return figures
}

/**
 * Measures the time and peak memory of bringing a 50,000-user tenant into the portal: `import` from the generated
 * folder into an empty organization, then `sync` from a local Graph stand-in that pages the same
 * data over HTTPS (replacing what the import wrote).
 */
export async function runSyncImportBench(): Promise<BenchResult> {
  return runBench('sync-import', async (bench) => {
    const environment = createPortalEnvironment('sync-import')
    try {
      await createOrganizationWithManager(environment)
      const tenant = await generateTenant(environment, LARGE_TENANT_USERS)
      bench.figures.tenant = {
        users: LARGE_TENANT_USERS,
        folderMB: round(folderBytes(tenant.dir) / 1024 / 1024, 1),
        generateSeconds: tenant.generateSeconds,
        reusedGeneratedFolder: tenant.reused,
      }

      bench.log('importing into an empty organization')
      const first = await bench.step('first import', () => importTenant(environment, tenant.dir, { measureMemory: true }))
      if (first) bench.figures.firstImport = recordRun(bench, 'import (empty organization)', first, environment.dataDir)

      // The other large-tenant benchmarks start from a copy of this database.
      if (first && first.exitCode === 0) saveLargeTenantDatabase(environment)

      if (first === null || first.exitCode !== 0) throw new Error('The import failed, so the Graph sync was not run.')
      bench.log('syncing from the local Graph stand-in')
      const graph = await bench.step('graph sync', () => runGraphSync(environment, tenant.dir, bench.log))
      if (graph) {
        bench.figures.graphSync = { ...recordRun(bench, 'sync from the Graph stand-in', graph.run, environment.dataDir), standIn: graph.standIn }
      }
    } finally {
      environment.remove()
    }
  })
}

if (isMainModule(import.meta.url)) await runStandalone(runSyncImportBench)
