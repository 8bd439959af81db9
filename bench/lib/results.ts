import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { BudgetCheck } from './budget.js'
import { RESULTS_DIR } from './paths.js'

/** Outcome of one benchmark: its raw figures, its budget checks and the errors it hit. */
export interface BenchResult {
  name: string
  startedAt: string
  finishedAt: string
  durationSeconds: number
  figures: Record<string, unknown>
  budgets: BudgetCheck[]
  /** Steps that failed; the figures of the other steps are still valid. */
  errors: string[]
  /** Set by run-all on a result it copied from a previous `npm run bench -- NAME` run. */
  fromEarlierRun?: boolean
}

/** Writes one benchmark's result to bench/results/<name>.json and returns the path. */
export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `${result.name}.json`)
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  return file
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n').slice(0, 4).join(' | ')
  return String(error)
}

export function measuredTextOf(check: BudgetCheck): string {
  if (check.measured === null) return 'not measured'
  return check.measuredText ?? `${check.measured} ${check.unit}`.trim()
}

function verdictOf(check: BudgetCheck): string {
  if (check.pass === null) return 'n/a'
  return check.pass ? 'pass' : 'MISSED'
}

/** Formats the budget checks as an aligned text table. */
export function formatBudgetTable(budgets: BudgetCheck[]): string {
  const rows = budgets.map((check) => [
    check.name,
    measuredTextOf(check),
    check.budget,
    verdictOf(check),
  ])
  const header = ['figure', 'measured', 'budget', 'result']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}
