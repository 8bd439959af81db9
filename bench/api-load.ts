import { startBackgroundSync } from './api-load/background-sync.js'
import { runLoad, type LoadFigures, type LoadScenario } from './api-load/load.js'
import { collectPagePaths, userSearchPaths } from './api-load/targets.js'
import { checkBudget } from './lib/budget.js'
import { isMainModule, runBench, runStandalone, type BenchRecorder } from './lib/bench-runner.js'
import { startBenchPortal } from './lib/bench-portal.js'
import { LARGE_TENANT_USERS } from './lib/large-tenant-db.js'
import type { BenchResult } from './lib/results.js'
import { round } from './lib/stats.js'

const DURATION_SECONDS = Number(process.env.BENCH_LOAD_SECONDS || 12)
const LIST_RATE = 500
const SEARCH_RATE = 200
const LIST_P99_MAX_MS = 50
const SEARCH_P99_MAX_MS = 100
/** Pages per list endpoint the load rotates through. */
const PAGES_PER_LIST = 20
const SEARCH_TERMS = 40
const WARM_UP_RATE = 50
const WARM_UP_SECONDS = 3
/** Upper bound on back-to-back imports during the sync phase. */
const MAX_IMPORTS = 8

async function buildScenarios(origin: string, cookie: string): Promise<LoadScenario[]> {
  const users = await collectPagePaths(origin, cookie, '/api/v1/m365/users', PAGES_PER_LIST)
  const signIns = await collectPagePaths(origin, cookie, '/api/v1/m365/sign-ins', PAGES_PER_LIST)
  const alerts = await collectPagePaths(origin, cookie, '/api/v1/alerts', PAGES_PER_LIST)
  const duration = DURATION_SECONDS
  return [
    // The reference: a JSON 404 for an unknown /api path. The same plugins and hooks (security
    // headers, session lookup, error handler) produce it, without reading tenant data.
    { id: 'reference: unknown /api path (404 JSON)', paths: ['/api/v1/bench-reference-not-found'], rate: LIST_RATE, durationSeconds: duration, expectedStatus: 404, p99BudgetMs: null },
    { id: 'GET /m365/users (list pages)', paths: users.paths, rate: LIST_RATE, durationSeconds: duration, expectedStatus: 200, p99BudgetMs: LIST_P99_MAX_MS },
    { id: 'GET /m365/users?search=', paths: userSearchPaths(users.firstPage.items, SEARCH_TERMS), rate: SEARCH_RATE, durationSeconds: duration, expectedStatus: 200, p99BudgetMs: SEARCH_P99_MAX_MS },
    { id: 'GET /m365/sign-ins (list pages)', paths: signIns.paths, rate: LIST_RATE, durationSeconds: duration, expectedStatus: 200, p99BudgetMs: LIST_P99_MAX_MS },
    { id: 'GET /alerts (list pages)', paths: alerts.paths, rate: LIST_RATE, durationSeconds: duration, expectedStatus: 200, p99BudgetMs: LIST_P99_MAX_MS },
  ]
}

function addBudgets(bench: BenchRecorder, scenario: LoadScenario, figures: LoadFigures, phase: string, reference: LoadFigures | undefined): void {
  if (scenario.p99BudgetMs === null) return
  const ratio = reference?.p99Ms && figures.p99Ms !== null ? round(figures.p99Ms / reference.p99Ms, 1) : null
  bench.budgets.push(checkBudget(`${scenario.id} p99 at ${scenario.rate} req/s, ${phase}`, figures.p99Ms, '<', scenario.p99BudgetMs, 'ms', {
    note: `p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, ${figures.achievedRate} req/s achieved; ${ratio ?? '?'} x the reference p99`,
  }))
  bench.budgets.push(checkBudget(`${scenario.id} errors and unexpected statuses, ${phase}`, figures.errors + figures.unexpectedStatus, '<=', 0, '', {
    budgetText: '0',
    note: `status codes ${JSON.stringify(figures.statusCodes)}`,
  }))
}

/**
 * Fixed-rate API load (autocannon) on the 50,000-user tenant: list pages at 500 req/s and searches at
 * 200 req/s, first on an idle server, then while imports of the same tenant run back to back.
 */
export async function runApiLoadBench(): Promise<BenchResult> {
  return runBench('api-load', async (bench) => {
    const portal = await startBenchPortal({ label: 'api-load', users: LARGE_TENANT_USERS, log: bench.log })
    try {
      const scenarios = await buildScenarios(portal.portal.origin, portal.cookie)
      bench.figures.settings = { users: LARGE_TENANT_USERS, durationSeconds: DURATION_SECONDS, pagesPerList: PAGES_PER_LIST, client: 'autocannon 9 in the benchmark process, same machine' }

      // Warm-up, not recorded: the first requests after start-up meet a cold JIT and a cold SQLite
      // page cache (the database was just copied), unlike steady load.
      for (const scenario of scenarios) {
        bench.log(`warm-up: ${scenario.id}`)
        await bench.step(`warm-up ${scenario.id}`, () => runLoad(portal.portal.origin, portal.cookie, { ...scenario, rate: WARM_UP_RATE, durationSeconds: WARM_UP_SECONDS }))
      }

      const idle: LoadFigures[] = []
      for (const scenario of scenarios) {
        bench.log(`idle: ${scenario.id} at ${scenario.rate} req/s for ${scenario.durationSeconds} s`)
        const figures = await bench.step(`idle ${scenario.id}`, () => runLoad(portal.portal.origin, portal.cookie, scenario))
        if (figures === null) continue
        idle.push(figures)
        addBudgets(bench, scenario, figures, 'idle', idle[0])
      }
      bench.figures.idle = idle

      bench.log('starting back-to-back imports of the tenant')
      const sync = startBackgroundSync(portal.environment, portal.tenant.dir, MAX_IMPORTS)
      const duringSync: Array<LoadFigures & { syncRunningThroughout: boolean }> = []
      try {
        // Let the import get past process start-up and into writing rows.
        await new Promise((resolve) => setTimeout(resolve, 3_000))
        for (const scenario of scenarios) {
          const runningBefore = sync.isRunning()
          bench.log(`during sync: ${scenario.id}`)
          const figures = await bench.step(`during sync ${scenario.id}`, () => runLoad(portal.portal.origin, portal.cookie, scenario))
          if (figures === null) continue
          const entry = { ...figures, syncRunningThroughout: runningBefore && sync.isRunning() }
          duringSync.push(entry)
          addBudgets(bench, scenario, figures, 'during sync', duringSync[0])
        }
      } finally {
        const { runs, stoppedRunning } = await sync.stop()
        // The last import is stopped with SIGTERM once the measurements are done, so only the
        // imports before it count as finished.
        const finished = stoppedRunning ? runs.slice(0, -1) : runs
        bench.figures.syncImports = {
          finished: finished.map((run) => ({ exitCode: run.exitCode, seconds: round(run.durationMs / 1000, 1) })),
          stoppedAfterSeconds: stoppedRunning ? round((runs[runs.length - 1]?.durationMs ?? 0) / 1000, 1) : null,
        }
        const failed = finished.find((run) => run.exitCode !== 0)
        if (failed) bench.errors.push(`An import during the sync phase exited with ${failed.exitCode}: ${failed.stderr.trim().slice(0, 300)}`)
      }
      bench.figures.duringSync = duringSync
    } finally {
      await portal.close()
    }
  })
}

if (isMainModule(import.meta.url)) await runStandalone(runApiLoadBench)
