// In-page probe for bench/large-tenant-browser.ts, installed with Playwright's addInitScript before
// any app script runs. It records, on the page's own clock (performance.now()):
// - long tasks (PerformanceObserver 'longtask'),
// - each change of the rendered rows (count and first row's text), at the animation frame after the
//   DOM mutation, which is when the rows can first be painted,
// - the time of every input event, so the search debounce can be measured from the last keystroke.
// The row selector comes from `window.__benchRowSelector`, set by an earlier init script.
;(() => {
  const probe = { longTasks: [], rowSnapshots: [], inputTimes: [] }
  window.__benchProbe = probe

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  document.addEventListener('input', (event) => probe.inputTimes.push(event.timeStamp), true)

  let last = { count: -1, firstText: null }
  let framePending = false
  const snapshot = () => {
    framePending = false
    const rows = document.querySelectorAll(window.__benchRowSelector)
    const firstText = rows.length > 0 ? rows[0].textContent.trim().replace(/\s+/g, ' ') : null
    if (rows.length === last.count && firstText === last.firstText) return
    last = { count: rows.length, firstText }
    probe.rowSnapshots.push({ frameTime: performance.now(), count: rows.length, firstText })
  }
  const observer = new MutationObserver(() => {
    if (framePending) return
    framePending = true
    requestAnimationFrame(snapshot)
  })
  const start = () => observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true })
  if (document.documentElement) start()
  else document.addEventListener('DOMContentLoaded', start)
})()
