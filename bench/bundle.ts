import { checkBudget } from './lib/budget.js'
import { isMainModule, runBench, runStandalone } from './lib/bench-runner.js'
import { buildApp, buildReference } from './lib/build.js'
import { measureLoadedAssets } from './bundle/loaded-in-browser.js'
import { analyseBuild, combinedAddedGzip, type BundleReport } from './lib/bundle-analysis.js'
import { APP_BUILD_DIR, REFERENCE_BUILD_DIR } from './lib/paths.js'
import type { BenchResult } from './lib/results.js'
import { kilobytes } from './lib/stats.js'

// Budgets: the first screen a new visitor loads (sign-in) at most 1.5 x the reference app's JS + CSS,
// each Microsoft 365 tab under 30 KB gzip on top of it, and the service worker under 15 KB gzip.
const FIRST_SCREEN_MAX_RATIO = 1.5
const M365_TAB_MAX_ADDED_KB = 30
const SERVICE_WORKER_MAX_KB = 15

/** The sign-in screen, the first screen of a new visitor (not the Microsoft 365 sign-in logs tab). */
const SIGN_IN_VIEW = /^src\/views\/SignInView\.vue$/
/** A Microsoft 365 tab view, such as src/views/m365/UsersTab.vue (or under a tabs/ folder). */
const M365_TAB = /^src\/views\/m365\/(tabs\/)?\w+Tab\.vue$/
/** The Microsoft 365 screen around the tabs (header, tab bar), such as src/views/m365/M365View.vue. */
const M365_SHELL = /^src\/views\/m365\/M365\w*View\.vue$/

function summarise(report: BundleReport) {
  return {
    firstScreen: {
      jsGzipKB: kilobytes(report.firstScreen.js.gzip),
      cssGzipKB: kilobytes(report.firstScreen.css.gzip),
      totalGzipKB: kilobytes(report.firstScreen.gzipTotal),
      totalBrotliKB: kilobytes(report.firstScreen.brotliTotal),
      totalRawKB: kilobytes(report.firstScreen.js.raw + report.firstScreen.css.raw),
      files: [...report.firstScreen.js.files, ...report.firstScreen.css.files],
      signInView: report.firstScreen.signInSource,
    },
    lazyRoutes: report.lazyRoutes.map((route) => ({
      source: route.source,
      addedGzipKB: kilobytes(route.added.gzipTotal),
      addedBrotliKB: kilobytes(route.added.js.brotli + route.added.css.brotli),
      files: [...route.added.js.files, ...route.added.css.files],
    })),
    serviceWorker: {
      files: report.serviceWorker.files,
      rawKB: kilobytes(report.serviceWorker.raw),
      gzipKB: kilobytes(report.serviceWorker.gzip),
      brotliKB: kilobytes(report.serviceWorker.brotli),
    },
    unmatchedHtmlReferences: report.unmatchedHtmlReferences,
  }
}

/** Builds the app and the reference with the same Vite and compares their sizes with the budgets. */
export async function runBundleBench(): Promise<BenchResult> {
  return runBench('bundle', async (bench) => {
    bench.log('building the reference app')
    const reference = await bench.step('build reference', async () => {
      await buildReference()
      return analyseBuild(REFERENCE_BUILD_DIR)
    })
    bench.log('building the PWA')
    const app = await bench.step('build app', async () => {
      await buildApp()
      return analyseBuild(APP_BUILD_DIR, { signInPattern: SIGN_IN_VIEW })
    })
    if (reference) bench.figures.reference = summarise(reference)
    if (app) bench.figures.app = summarise(app)

    const referenceGzip = reference ? reference.firstScreen.gzipTotal : null
    const appGzip = app ? app.firstScreen.gzipTotal : null
    const ratio = referenceGzip && appGzip !== null ? Math.round((appGzip / referenceGzip) * 100) / 100 : null
    bench.figures.firstScreenRatio = ratio
    bench.budgets.push(
      checkBudget('first screen JS + CSS, entry and static imports (gzip)', appGzip === null ? null : kilobytes(appGzip), '<=',
        referenceGzip === null ? null : kilobytes(referenceGzip * FIRST_SCREEN_MAX_RATIO), 'KB', {
          budgetText: `<= ${FIRST_SCREEN_MAX_RATIO} x reference (${referenceGzip === null ? '?' : kilobytes(referenceGzip)} KB) = ${referenceGzip === null ? '?' : kilobytes(referenceGzip * FIRST_SCREEN_MAX_RATIO)} KB`,
          note: `ratio ${ratio ?? '?'}`,
        }),
    )
    bench.log('loading /sign-in and the reference start page in Chromium')
    const loadedApp = app && (await bench.step('app /sign-in in Chromium', () => measureLoadedAssets(APP_BUILD_DIR, '/sign-in')))
    const loadedReference = reference && (await bench.step('reference / in Chromium', () => measureLoadedAssets(REFERENCE_BUILD_DIR, '/')))
    if (loadedApp && loadedReference) {
      const appTotal = loadedApp.jsGzip + loadedApp.cssGzip
      const referenceTotal = loadedReference.jsGzip + loadedReference.cssGzip
      bench.figures.loadedInBrowser = {
        app: { path: '/sign-in', jsGzipKB: kilobytes(loadedApp.jsGzip), cssGzipKB: kilobytes(loadedApp.cssGzip), files: loadedApp.files },
        reference: { path: '/', jsGzipKB: kilobytes(loadedReference.jsGzip), cssGzipKB: kilobytes(loadedReference.cssGzip), files: loadedReference.files },
        ratio: Math.round((appTotal / referenceTotal) * 100) / 100,
      }
      bench.budgets.push(
        checkBudget('first screen JS + CSS requested by Chromium (gzip)', kilobytes(appTotal), '<=', kilobytes(referenceTotal * FIRST_SCREEN_MAX_RATIO), 'KB', {
          budgetText: `<= ${FIRST_SCREEN_MAX_RATIO} x reference (${kilobytes(referenceTotal)} KB) = ${kilobytes(referenceTotal * FIRST_SCREEN_MAX_RATIO)} KB`,
          note: `ratio ${Math.round((appTotal / referenceTotal) * 100) / 100}; includes chunks loaded lazily at start-up`,
        }),
      )
    }

    if (app && app.firstScreen.signInSource === null) {
      // The router imports the sign-in view statically, so it is part of the entry chunk.
      bench.figures.signInView = `no lazy chunk matched ${SIGN_IN_VIEW}: the sign-in view is in the entry chunk or its static imports`
    }

    if (app) {
      const shells = app.lazyRoutes.filter((route) => M365_SHELL.test(route.source))
      const tabs = app.lazyRoutes.filter((route) => M365_TAB.test(route.source))
      if (tabs.length === 0) bench.errors.push(`No Microsoft 365 tab chunks matched ${M365_TAB}.`)
      const tabFigures = tabs.map((tab) => ({
        source: tab.source,
        tabOnlyGzipKB: kilobytes(tab.added.gzipTotal),
        withScreenGzipKB: kilobytes(combinedAddedGzip(app, [tab, ...shells])),
      }))
      bench.figures.m365Tabs = { shells: shells.map((shell) => shell.source), tabs: tabFigures }
      for (const tab of tabFigures) {
        const name = tab.source.replace(/^.*\//, '').replace(/\.vue$/, '')
        bench.budgets.push(checkBudget(`M365 tab ${name}: added over first screen (gzip)`, tab.withScreenGzipKB, '<', M365_TAB_MAX_ADDED_KB, 'KB', {
          note: `tab chunk alone ${tab.tabOnlyGzipKB} KB; includes the Microsoft 365 screen chunks`,
        }))
      }
      bench.budgets.push(checkBudget('service worker sw.js (gzip)', kilobytes(app.serviceWorker.gzip), '<', SERVICE_WORKER_MAX_KB, 'KB'))
    }
  })
}

if (isMainModule(import.meta.url)) await runStandalone(runBundleBench)
