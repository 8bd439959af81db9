import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runApiLoadBench } from './api-load.js'
import { runBundleBench } from './bundle.js'
import { runLargeTenantBrowserBench } from './large-tenant-browser.js'
import { runLighthouseBench } from './lighthouse.js'
import { describeMachine } from './lib/machine.js'
import { RESULTS_DIR } from './lib/paths.js'
import { formatBudgetTable, writeResult, type BenchResult } from './lib/results.js'
import { runSyncImportBench } from './sync-import.js'

// `npm run bench`: every benchmark in order, one after the other so they never compete for the
// CPU. The bundle benchmark builds the app and the reference; the browser benchmarks reuse those
// builds. Writes bench/results/<name>.json per benchmark and bench/results/latest.json for the run.

const BENCHMARKS: Array<{ name: string; run: () => Promise<BenchResult> }> = [
  { name: 'bundle', run: runBundleBench },
  { name: 'lighthouse', run: () => runLighthouseBench({ reuseBuild: true }) },
  { name: 'large-tenant-browser', run: () => runLargeTenantBrowserBench({ reuseBuild: true }) },
  { name: 'api-load', run: runApiLoadBench },
  { name: 'sync-import', run: runSyncImportBench },
]

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const unknown = only.filter((name) => !BENCHMARKS.some((bench) => bench.name === name))
  if (unknown.length > 0) {
    console.error(`Unknown benchmark "${unknown.join('", "')}": choose from ${BENCHMARKS.map((bench) => bench.name).join(', ')}.`)
    process.exit(2)
  }

  const startedAt = new Date().toISOString()
  const machineBefore = describeMachine()
  const results: BenchResult[] = []
  for (const bench of BENCHMARKS) {
    if (only.length > 0 && !only.includes(bench.name)) continue
    console.error(`\n=== ${bench.name} ===`)
    const result = await bench.run()
    writeResult(result)
    results.push(result)
  }

  // Benchmarks left out of this run keep their latest result file, marked as from an earlier run.
  for (const bench of BENCHMARKS) {
    if (results.some((result) => result.name === bench.name)) continue
    const earlier = path.join(RESULTS_DIR, `${bench.name}.json`)
    if (existsSync(earlier)) results.push({ ...(JSON.parse(readFileSync(earlier, 'utf8')) as BenchResult), fromEarlierRun: true })
  }
  results.sort((a, b) => BENCHMARKS.findIndex((bench) => bench.name === a.name) - BENCHMARKS.findIndex((bench) => bench.name === b.name))

  const latest = {
    command: `npm run bench${only.length > 0 ? ` -- ${only.join(' ')}` : ''}`,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machineBefore,
    loadAverageAfter: describeMachine().loadAverage,
    results,
  }
  mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, 'latest.json')
  writeFileSync(file, `${JSON.stringify(latest, null, 2)}\n`)

  const budgets = results.flatMap((result) => result.budgets.map((check) => ({ ...check, name: `${result.name}: ${check.name}` })))
  console.log(`\n${formatBudgetTable(budgets)}`)
  const errors = results.flatMap((result) => result.errors.map((error) => `${result.name}: ${error}`))
  if (errors.length > 0) console.log(`\nErrors:\n- ${errors.join('\n- ')}`)
  const missed = budgets.filter((check) => check.pass === false).length
  console.log(`\n${budgets.length} budgets: ${budgets.filter((check) => check.pass).length} met, ${missed} missed, ${budgets.filter((check) => check.pass === null).length} not measured.`)
  console.log(`Machine: ${machineBefore.cpuModel}, ${machineBefore.cores} cores, ${machineBefore.memory}, Node ${machineBefore.node}, ${machineBefore.chromium}; load average at start ${machineBefore.loadAverage.join(' ')}.`)
  console.log(`Wrote ${path.relative(process.cwd(), file)}.`)
  process.exit(errors.length > 0 ? 1 : 0)
}

await main()
