import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { BudgetCheck } from './lib/budget.js'
import type { MachineInfo } from './lib/machine.js'
import { REPO_ROOT, RESULTS_DIR } from './lib/paths.js'
import { measuredTextOf, type BenchResult } from './lib/results.js'

// `npx tsx bench/write-report.ts`: renders bench/results/latest.json as Markdown tables and puts
// them into BENCHMARKS.md between the two marker comments. The text around them is written by hand.

const START_MARKER = '<!-- bench:figures:start -->'
const END_MARKER = '<!-- bench:figures:end -->'

interface LatestRun {
  command: string
  startedAt: string
  finishedAt: string
  machine: MachineInfo
  loadAverageAfter: number[]
  results: BenchResult[]
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function resultWord(check: BudgetCheck): string {
  if (check.pass === null) return 'not measured'
  return check.pass ? 'met' : '**missed**'
}

function renderRun(run: LatestRun): string {
  const lines = [
    `Run: \`${run.command}\`, ${run.startedAt} to ${run.finishedAt} (UTC).`,
    '',
    `Machine: ${run.machine.cpuModel}, ${run.machine.cores} cores (\`nproc\`), ${run.machine.memory} memory (\`free -h\`), Node ${run.machine.node}, ${run.machine.chromium}. Load average ${run.machine.loadAverage.join(' ')} at the start and ${run.loadAverageAfter.join(' ')} at the end.`,
  ]
  for (const result of run.results) {
    const earlier = result.fromEarlierRun ? ', in an earlier run (its own machine load applies)' : ''
    lines.push('', `### ${result.name}`, '', `Started ${result.startedAt}, took ${result.durationSeconds} s${earlier}.`, '', '| figure | measured | budget | result | note |', '| --- | --- | --- | --- | --- |')
    for (const check of result.budgets) {
      const measured = measuredTextOf(check)
      lines.push(`| ${cell(check.name)} | ${cell(measured)} | ${cell(check.budget)} | ${resultWord(check)} | ${cell(check.note ?? '')} |`)
    }
    if (result.errors.length > 0) {
      lines.push('', 'Steps that failed in this run:', '', ...result.errors.map((error) => `- ${cell(error)}`))
    }
  }
  return lines.join('\n')
}

function main(): void {
  const latestFile = path.join(RESULTS_DIR, 'latest.json')
  if (!existsSync(latestFile)) {
    console.error(`${latestFile} is missing: run \`npm run bench\` first.`)
    process.exit(1)
  }
  const run = JSON.parse(readFileSync(latestFile, 'utf8')) as LatestRun
  const reportFile = path.join(REPO_ROOT, 'BENCHMARKS.md')
  const report = readFileSync(reportFile, 'utf8')
  const start = report.indexOf(START_MARKER)
  const end = report.indexOf(END_MARKER)
  if (start === -1 || end < start) {
    console.error(`BENCHMARKS.md has no "${START_MARKER}" ... "${END_MARKER}" section to replace.`)
    process.exit(1)
  }
  const updated = `${report.slice(0, start + START_MARKER.length)}\n${renderRun(run)}\n${report.slice(end)}`
  writeFileSync(reportFile, updated)
  console.log(`Updated ${reportFile} from ${latestFile}.`)
}

main()
