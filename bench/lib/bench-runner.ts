import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import type { BudgetCheck } from './budget.js'
import { errorText, formatBudgetTable, writeResult, type BenchResult } from './results.js'

/** Collector a benchmark body fills in. A failed step adds to `errors`, and the run goes on. */
export interface BenchRecorder {
  figures: Record<string, unknown>
  budgets: BudgetCheck[]
  errors: string[]
  /** Runs one step; when it throws, records the error under `label` and returns null. */
  step<T>(label: string, body: () => Promise<T>): Promise<T | null>
  log(message: string): void
}

/** Runs a benchmark body, times it and collects its figures, budgets and errors. */
export async function runBench(name: string, body: (recorder: BenchRecorder) => Promise<void>): Promise<BenchResult> {
  const startedAt = new Date()
  const started = performance.now()
  const log = (message: string) => console.error(`[bench:${name}] ${message}`)
  const recorder: BenchRecorder = {
    figures: {},
    budgets: [],
    errors: [],
    log,
    async step(label, stepBody) {
      try {
        return await stepBody()
      } catch (error) {
        const text = `${label}: ${errorText(error)}`
        recorder.errors.push(text)
        log(`failed: ${text}`)
        return null
      }
    },
  }
  try {
    await body(recorder)
  } catch (error) {
    recorder.errors.push(errorText(error))
    log(`failed: ${errorText(error)}`)
  }
  return {
    name,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
    figures: recorder.figures,
    budgets: recorder.budgets,
    errors: recorder.errors,
  }
}

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1]
  return script !== undefined && path.resolve(script) === fileURLToPath(moduleUrl)
}

/**
 * Runs one benchmark from the command line: writes bench/results/<name>.json, prints its budget
 * table, and exits 1 when a step failed (a missed budget alone exits 0).
 */
export async function runStandalone(run: () => Promise<BenchResult>): Promise<void> {
  const result = await run()
  const file = writeResult(result)
  console.log(formatBudgetTable(result.budgets))
  if (result.errors.length > 0) console.log(`\nErrors:\n- ${result.errors.join('\n- ')}`)
  console.log(`\nWrote ${path.relative(process.cwd(), file)} (${result.durationSeconds} s).`)
  process.exit(result.errors.length > 0 ? 1 : 0)
}
