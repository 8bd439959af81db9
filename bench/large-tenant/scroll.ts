import type { Page } from 'playwright-core'
import { pageNow, readProbe } from './probe.js'

export interface ScrollOutcome {
  durationMs: number
  steps: number
  reachedEnd: boolean
  scrollTop: number
  scrollHeight: number
  longTasks: Array<{ start: number; duration: number }>
  longestTaskMs: number
  startedAt: number
  endedAt: number
}

/**
 * Finds the element that scrolls the list (the nearest scrollable ancestor of the first row, else
 * the document) and marks it with `data-bench-scroller` so later steps can address it.
 */
const MARK_SCROLLER = `(() => {
  const row = document.querySelector(window.__benchRowSelector)
  let element = row ? row.parentElement : null
  while (element && element !== document.body) {
    const style = getComputedStyle(element)
    if (/(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight) break
    element = element.parentElement
  }
  const scroller = element && element !== document.body ? element : document.scrollingElement
  scroller.setAttribute('data-bench-scroller', '')
  return scroller === document.scrollingElement ? 'document' : scroller.tagName.toLowerCase() + '.' + scroller.className
})()`

/** Scrolls by one viewport height and returns the scroller's position after two frames. */
const SCROLL_STEP = `(async () => {
  const scroller = document.querySelector('[data-bench-scroller]')
  scroller.scrollBy({ top: scroller.clientHeight, behavior: 'instant' })
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  return { scrollTop: scroller.scrollTop, scrollHeight: scroller.scrollHeight, clientHeight: scroller.clientHeight }
})()`

/**
 * Scrolls the list down one screen per step, pausing `stepPauseMs` between steps, until the scroller stays at its
 * end for 5 s (no further page loaded) or `maxMs` passes, and returns the long tasks of that window.
 */
export async function scrollToEnd(page: Page, options: { maxMs: number; stepPauseMs: number }): Promise<ScrollOutcome & { scroller: string }> {
  const scroller = (await page.evaluate(MARK_SCROLLER)) as string
  const startedAt = await pageNow(page)
  const wallStart = Date.now()
  let steps = 0
  let atEndSince: number | null = null
  let position = { scrollTop: 0, scrollHeight: 0, clientHeight: 0 }
  let reachedEnd = false

  while (Date.now() - wallStart < options.maxMs) {
    position = (await page.evaluate(SCROLL_STEP)) as typeof position
    steps++
    const atEnd = position.scrollTop + position.clientHeight >= position.scrollHeight - 2
    if (!atEnd) atEndSince = null
    else if (atEndSince === null) atEndSince = Date.now()
    else if (Date.now() - atEndSince > 5_000) {
      reachedEnd = true
      break
    }
    await page.waitForTimeout(options.stepPauseMs)
  }

  const endedAt = await pageNow(page)
  const probe = await readProbe(page)
  const longTasks = probe.longTasks.filter((task) => task.start >= startedAt && task.start <= endedAt)
  return {
    scroller,
    durationMs: Math.round(endedAt - startedAt),
    steps,
    reachedEnd,
    scrollTop: Math.round(position.scrollTop),
    scrollHeight: Math.round(position.scrollHeight),
    longTasks,
    longestTaskMs: Math.round(Math.max(0, ...longTasks.map((task) => task.duration))),
    startedAt,
    endedAt,
  }
}
