/**
 * Formats the time of cached data for the offline banner: "14:05" today, "yesterday, 14:05",
 * or "12 Mar, 14:05" for older days (with the year when it is not the current one).
 */
export function formatCachedAt(iso: string, now: Date = new Date(), locales: readonly string[] = navigator.languages): string {
  const storedAt = new Date(iso)
  const time = new Intl.DateTimeFormat(locales, { timeStyle: 'short' }).format(storedAt)
  const days = calendarDaysBetween(storedAt, now)
  if (days === 0) return time

  if (days === 1) {
    const yesterday = new Intl.RelativeTimeFormat(locales, { numeric: 'auto' }).format(-1, 'day')
    return `${yesterday}, ${time}`
  }

  const dateOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }
  if (storedAt.getFullYear() !== now.getFullYear()) dateOptions.year = 'numeric'
  return `${new Intl.DateTimeFormat(locales, dateOptions).format(storedAt)}, ${time}`
}

/** Whole calendar days from `from` to `to` in the device time zone. */
function calendarDaysBetween(from: Date, to: Date): number {
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate())
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate())
  return Math.round((end.getTime() - start.getTime()) / 86_400_000)
}
