import path from 'node:path'
import type { Page } from 'playwright-core'
import { REPO_ROOT } from '../lib/paths.js'

/** Records of bench/browser/list-probe.js, on the page's performance.now() clock. */
export interface ProbeState {
  longTasks: Array<{ start: number; duration: number }>
  /** Row changes, timed when the DOM change was committed (before the paint that shows it). */
  rowSnapshots: Array<{ time: number; count: number; firstText: string | null }>
  inputTimes: number[]
}

/** A fetch the page made, from its Resource Timing entry (page clock, milliseconds). */
export interface ApiTiming {
  url: string
  startTime: number
  responseEnd: number
}

const PROBE_SCRIPT = path.join(REPO_ROOT, 'bench', 'browser', 'list-probe.js')

/** Installs the probe before any app script runs; `rowSelector` picks the list's row elements. */
export async function installProbe(page: Page, rowSelector: string): Promise<void> {
  await page.addInitScript(`window.__benchRowSelector = ${JSON.stringify(rowSelector)}`)
  await page.addInitScript({ path: PROBE_SCRIPT })
}

export async function readProbe(page: Page): Promise<ProbeState> {
  return (await page.evaluate('window.__benchProbe')) as ProbeState
}

export async function pageNow(page: Page): Promise<number> {
  return (await page.evaluate('performance.now()')) as number
}

/** Resource Timing entries of fetches whose URL contains `urlPart`, oldest first. */
export async function apiTimings(page: Page, urlPart: string): Promise<ApiTiming[]> {
  const entries = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((entry) => entry.initiatorType === 'fetch' && entry.name.includes(${JSON.stringify(urlPart)})).map((entry) => ({ url: entry.name, startTime: entry.startTime, responseEnd: entry.responseEnd }))`,
  )) as ApiTiming[]
  return entries.sort((a, b) => a.startTime - b.startTime)
}
