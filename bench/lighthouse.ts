import { existsSync } from 'node:fs'
import path from 'node:path'
import { checkBudget } from './lib/budget.js'
import { isMainModule, runBench, runStandalone } from './lib/bench-runner.js'
import { startBenchPortal } from './lib/bench-portal.js'
import { buildApp, buildReference } from './lib/build.js'
import { APP_BUILD_DIR, REFERENCE_BUILD_DIR } from './lib/paths.js'
import type { BenchResult } from './lib/results.js'
import { startStaticServer } from './lib/static-server.js'
import { median, round } from './lib/stats.js'
import { checkRepeatVisit, type RepeatVisit } from './lighthouse/repeat-visit.js'
import { runLighthouse, type LighthouseRun } from './lighthouse/run-lighthouse.js'

const ROUNDS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3)
/** Tenant size behind the signed-in screens: a mid-sized customer, not the 50,000-user stress case. */
const TENANT_USERS = 500

interface Target {
  id: string
  /** Path on the app's origin, or null for the reference app's start page. */
  path: string | null
  signedIn: boolean
  minScore: number
  maxLcpRatio: number
}

const TARGETS: Target[] = [
  { id: 'reference /', path: null, signedIn: false, minScore: 0, maxLcpRatio: Infinity },
  { id: '/sign-in', path: '/sign-in', signedIn: false, minScore: 98, maxLcpRatio: 1.2 },
  { id: '/ (Home)', path: '/', signedIn: true, minScore: 95, maxLcpRatio: 1.5 },
  { id: '/m365/overview', path: '/m365/overview', signedIn: true, minScore: 95, maxLcpRatio: 1.5 },
  { id: '/alerts', path: '/alerts', signedIn: true, minScore: 95, maxLcpRatio: 1.5 },
]
const MAX_CLS = 0.05

function summarise(runs: LighthouseRun[]) {
  return {
    runs: runs.length,
    score: median(runs.map((run) => run.score)),
    lcpMs: round(median(runs.map((run) => run.lcpMs))),
    tbtMs: round(median(runs.map((run) => run.tbtMs))),
    cls: round(median(runs.map((run) => run.cls)), 4),
    fcpMs: round(median(runs.map((run) => run.fcpMs))),
    perRun: runs.map((run) => ({ score: run.score, lcpMs: round(run.lcpMs), tbtMs: round(run.tbtMs), cls: round(run.cls, 4), finalUrl: run.finalUrl })),
  }
}

/**
 * Lighthouse (mobile, default throttling) on the built app served by the real portal and on the
 * reference app served by a static server, interleaved round by round so machine load hits both.
 */
export async function runLighthouseBench(options: { reuseBuild?: boolean } = {}): Promise<BenchResult> {
  return runBench('lighthouse', async (bench) => {
    if (!options.reuseBuild || !existsSync(path.join(APP_BUILD_DIR, 'index.html'))) {
      bench.log('building the PWA and the reference app')
      await buildApp()
      await buildReference()
    }

    const reference = await startStaticServer(REFERENCE_BUILD_DIR)
    const portal = await startBenchPortal({ label: 'lighthouse', users: TENANT_USERS, staticDir: APP_BUILD_DIR, log: bench.log }).catch(async (error: unknown) => {
      await reference.close()
      throw error
    })
    try {
      const urlOf = (target: Target) => (target.path === null ? `${reference.origin}/` : `${portal.portal.origin}${target.path}`)
      const runsByTarget = new Map<string, LighthouseRun[]>(TARGETS.map((target) => [target.id, []]))
      for (let round = 1; round <= ROUNDS; round++) {
        for (const target of TARGETS) {
          bench.log(`round ${round}/${ROUNDS}: ${target.id}`)
          const run = await bench.step(`lighthouse ${target.id} round ${round}`, () => runLighthouse(urlOf(target), target.signedIn ? portal.cookie : undefined))
          if (run === null) continue
          const expectedPath = target.path ?? '/'
          if (new URL(run.finalUrl).pathname !== expectedPath) {
            bench.errors.push(`lighthouse ${target.id} round ${round}: the page ended at ${run.finalUrl}, not ${expectedPath}; its figures are left out.`)
            continue
          }
          runsByTarget.get(target.id)?.push(run)
        }
      }

      const summaries = Object.fromEntries(TARGETS.map((target) => [target.id, summarise(runsByTarget.get(target.id) ?? [])]))
      const firstRun = [...runsByTarget.values()].flat()[0]
      bench.figures.lighthouse = {
        version: firstRun?.lighthouseVersion ?? null,
        formFactor: firstRun?.formFactor ?? null,
        throttlingMethod: firstRun?.throttlingMethod ?? null,
        benchmarkIndex: median([...runsByTarget.values()].flat().map((run) => run.benchmarkIndex)),
        rounds: ROUNDS,
        tenantUsers: TENANT_USERS,
      }
      bench.figures.pages = summaries

      const referenceLcp = summaries['reference /']?.lcpMs ?? null
      for (const target of TARGETS) {
        const summary = summaries[target.id]
        if (summary === undefined) continue
        if (target.path !== null) {
          const referenceSummary = summaries['reference /']
          bench.budgets.push(checkBudget(`${target.id} performance score`, summary.score, '>=', target.minScore, '', {
            note: `TBT ${summary.tbtMs ?? '?'} ms, FCP ${summary.fcpMs ?? '?'} ms; reference: score ${referenceSummary?.score ?? '?'}, TBT ${referenceSummary?.tbtMs ?? '?'} ms, FCP ${referenceSummary?.fcpMs ?? '?'} ms`,
          }))
          const limit = referenceLcp === null ? null : Math.round(referenceLcp * target.maxLcpRatio)
          const ratio = referenceLcp && summary.lcpMs !== null ? round(summary.lcpMs / referenceLcp, 2) : null
          bench.budgets.push(checkBudget(`${target.id} LCP`, summary.lcpMs, '<=', limit, 'ms', {
            budgetText: `<= ${target.maxLcpRatio} x reference LCP (${referenceLcp ?? '?'} ms) = ${limit ?? '?'} ms`,
            note: `ratio ${ratio ?? '?'}`,
          }))
        }
        bench.budgets.push(checkBudget(`${target.id} CLS`, summary.cls, '<', MAX_CLS, ''))
      }

      const repeatVisits: Record<string, RepeatVisit> = {}
      const repeatTargets: Array<[string, string, string | undefined]> = [
        ['reference /', `${reference.origin}/`, undefined],
        ['/sign-in', `${portal.portal.origin}/sign-in`, undefined],
        ['/m365/overview', `${portal.portal.origin}/m365/overview`, portal.cookie],
      ]
      for (const [id, url, cookie] of repeatTargets) {
        const visit = await bench.step(`repeat visit ${id}`, () => checkRepeatVisit(url, cookie))
        if (visit === null) continue
        repeatVisits[id] = visit
        if (id === 'reference /') continue
        const servedAll = visit.documentFromServiceWorker && visit.scripts > 0 && visit.scriptsFromServiceWorker === visit.scripts
        bench.budgets.push(checkBudget(`${id} repeat visit: index.html and JS from the service worker`, servedAll ? 1 : 0, '>=', 1, '', {
          budgetText: 'yes',
          measuredText: servedAll ? 'yes' : 'no',
          note: `document ${visit.documentFromServiceWorker ? 'from' : 'not from'} the service worker, ${visit.scriptsFromServiceWorker}/${visit.scripts} scripts`,
        }))
      }
      bench.figures.repeatVisits = repeatVisits
    } finally {
      await portal.close()
      await reference.close()
    }
  })
}

if (isMainModule(import.meta.url)) await runStandalone(() => runLighthouseBench())
