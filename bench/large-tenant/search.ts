import type { Page } from 'playwright-core'
import { apiTimings, pageNow, readProbe } from './probe.js'

export interface SearchTiming {
  term: string
  /** From the last input event to the search request leaving the page. */
  debounceMs: number | null
  /** From the request leaving to the DOM update that shows the results (before its paint). */
  resultsMs: number | null
  /** From the request leaving to its response's last byte (network and server). */
  responseMs: number | null
  rowsShown: number | null
  /** Whether the first row shown contains the term (it may match in a truncated email instead). */
  firstRowMatches: boolean | null
}

const WAIT_MS = 15_000

/** Lower-cases and strips diacritics, as the API's search does. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
}

/**
 * Types `term` into the search field at 60 ms per key, waits for the debounced request and for the
 * first change of the rows after its response, then clears the field with Escape.
 */
export async function measureSearch(page: Page, searchSelector: string, term: string): Promise<SearchTiming> {
  const field = page.locator(searchSelector).first()
  await field.click()
  const typedFrom = await pageNow(page)
  await field.pressSequentially(term, { delay: 60 })

  const encoded = new URLSearchParams({ search: term }).toString()
  const deadline = Date.now() + WAIT_MS
  let timing: SearchTiming = { term, debounceMs: null, resultsMs: null, responseMs: null, rowsShown: null, firstRowMatches: null }
  while (Date.now() < deadline) {
    const request = (await apiTimings(page, encoded)).find((entry) => entry.startTime >= typedFrom && entry.responseEnd > 0)
    if (request !== undefined) {
      const probe = await readProbe(page)
      const lastInput = Math.max(...probe.inputTimes.filter((time) => time >= typedFrom && time <= request.startTime))
      // The probe records a snapshot only when the rows change, so the first one after the
      // response is the DOM update that shows the results.
      const shown = probe.rowSnapshots.find((snapshot) => snapshot.time >= request.responseEnd)
      timing = {
        term,
        debounceMs: Number.isFinite(lastInput) ? Math.round(request.startTime - lastInput) : null,
        resultsMs: shown === undefined ? null : Math.round(shown.time - request.startTime),
        responseMs: Math.round(request.responseEnd - request.startTime),
        rowsShown: shown?.count ?? null,
        firstRowMatches: shown === undefined ? null : fold(shown.firstText ?? '').includes(fold(term)),
      }
      if (shown !== undefined) break
    }
    await page.waitForTimeout(100)
  }

  await field.press('Escape')
  await page.waitForTimeout(1_000)
  return timing
}
