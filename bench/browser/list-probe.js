// In-page probe for bench/large-tenant-browser.ts, installed with Playwright's addInitScript before
// any app script runs. It records, on the page's own clock (performance.now()):
// - long tasks (PerformanceObserver 'longtask'),
// - each change of the rendered rows (their count and first row's text), when the MutationObserver
//   callback runs: right after the task that changed the DOM, before the next paint. An earlier
//   version waited for requestAnimationFrame and, at 4x CPU slowdown, missed row changes for
//   seconds, apparently because no frame ran,
// - the time of every input event, so the search debounce can be measured from the last keystroke.
// The row selector comes from `window.__benchRowSelector`, set by an earlier init script.
;(() => {
  const probe = { longTasks: [], rowSnapshots: [], inputTimes: [] }
  window.__benchProbe = probe

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  document.addEventListener('input', (event) => probe.inputTimes.push(event.timeStamp), true)

  // A change is any difference in the rendered rows' text, not only in the first row: a search
  // can keep the same first row (the alphabetically first user may match the term).
  let lastSignature = null
  const snapshot = () => {
    const rows = [...document.querySelectorAll(window.__benchRowSelector)]
    const texts = rows.map((row) => row.textContent.trim().replace(/\s+/g, ' '))
    const signature = texts.join('\n')
    if (signature === lastSignature) return
    lastSignature = signature
    probe.rowSnapshots.push({ time: performance.now(), count: rows.length, firstText: texts[0] ?? null })
  }
  const observer = new MutationObserver(snapshot)
  const start = () => observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true })
  if (document.documentElement) start()
  else document.addEventListener('DOMContentLoaded', start)
})()
