// Runs every test the project has, in order, and prints one closing line with the totals:
// type check, production build, Vitest (client, server and build projects), Playwright.
// Every step runs even when an earlier one failed, so one run shows every failure.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

interface StepResult {
  name: string
  ok: boolean
  passed: number
  failed: number
  skipped: number
}

const reportDir = path.resolve('.tmp/test-reports')
rmSync(reportDir, { recursive: true, force: true })
mkdirSync(reportDir, { recursive: true })

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.error) console.error(`${name} could not start: ${result.error.message}`)
  return result.status === 0
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

const results: StepResult[] = []
const bin = (tool: string) => path.resolve('node_modules/.bin', tool)

results.push({ name: 'typecheck', ok: run('typecheck', bin('vue-tsc'), ['-b']), passed: 0, failed: 0, skipped: 0 })
results.push({ name: 'build', ok: run('build', bin('vite'), ['build']), passed: 0, failed: 0, skipped: 0 })

const vitestReport = path.join(reportDir, 'vitest.json')
const vitestOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`])
const vitest = readJson(vitestReport) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null
results.push({
  name: 'vitest',
  ok: vitestOk && vitest !== null,
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest?.numFailedTests ?? 0,
  skipped: (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0),
})

const playwrightReport = path.join(reportDir, 'playwright.json')
const playwrightOk = run('playwright', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
})
const playwright = readJson(playwrightReport) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } } | null
results.push({
  name: 'playwright',
  ok: playwrightOk && playwright !== null,
  passed: (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0),
  failed: playwright?.stats?.unexpected ?? 0,
  skipped: playwright?.stats?.skipped ?? 0,
})

console.log('\n=== Summary')
for (const step of results) {
  const counts = step.passed + step.failed + step.skipped > 0 ? ` (${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped)` : ''
  console.log(`${step.ok ? 'ok  ' : 'FAIL'} ${step.name}${counts}`)
}

const passed = results.reduce((sum, step) => sum + step.passed, 0)
const failedSteps = results.filter((step) => !step.ok)
// A failed step without failed tests (type errors, a crashed runner) still counts as one failure.
const failed = results.reduce((sum, step) => sum + step.failed, 0) + failedSteps.filter((step) => step.failed === 0).length
const skipped = results.reduce((sum, step) => sum + step.skipped, 0)
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failedSteps.length === 0 && passed > 0 ? 0 : 1)
