import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/paths.js'

/** Figures of one Lighthouse run (performance category only). */
export interface LighthouseRun {
  score: number | null
  lcpMs: number | null
  tbtMs: number | null
  cls: number | null
  fcpMs: number | null
  speedIndexMs: number | null
  finalUrl: string
  benchmarkIndex: number | null
  lighthouseVersion: string
  formFactor: string
  throttlingMethod: string
  warnings: string[]
}

/**
 * Runs Lighthouse once on `url` in a fresh Chromium profile with the default settings (mobile form
 * factor, simulated throttling). `cookie` is sent with every request through `extraHeaders`.
 */
export async function runLighthouse(url: string, cookie?: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      ...(cookie === undefined ? {} : { extraHeaders: { Cookie: cookie } }),
    })
    const report = result?.lhr
    if (report === undefined) throw new Error(`Lighthouse returned no report for ${url}.`)
    if (report.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`)

    const numeric = (id: string) => report.audits[id]?.numericValue ?? null
    const score = report.categories.performance?.score
    return {
      score: typeof score === 'number' ? Math.round(score * 100) : null,
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      fcpMs: numeric('first-contentful-paint'),
      speedIndexMs: numeric('speed-index'),
      finalUrl: report.finalDisplayedUrl,
      benchmarkIndex: report.environment.benchmarkIndex ?? null,
      lighthouseVersion: report.lighthouseVersion,
      formFactor: report.configSettings.formFactor,
      throttlingMethod: report.configSettings.throttlingMethod,
      warnings: report.runWarnings,
    }
  } finally {
    chrome.kill()
  }
}
