// The demo export was recorded once. At import its timestamps move forward by the time passed
// since then, so sign-ins and alerts always fall in the last few days.

const DAY_MS = 86_400_000
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** Shifts every `…DateTime` string property, at any depth, by `shiftMs`; years before 1900 (Graph's "never") stay. */
export function shiftJsonTimestamps(value: unknown, shiftMs: number, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftJsonTimestamps(item, shiftMs))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([name, inner]) => [name, shiftJsonTimestamps(inner, shiftMs, name)]),
    )
  }
  if (typeof value === 'string' && /DateTime$/i.test(key) && ISO_DATE_TIME.test(value)) {
    const time = Date.parse(value)
    if (Number.isNaN(time) || new Date(time).getUTCFullYear() < 1900) return value
    return new Date(time + shiftMs).toISOString()
  }
  return value
}

/** Shifts every `YYYY-MM-DD` date in a report CSV by whole days (the shift rounded down to days). */
export function shiftCsvDates(csv: string, shiftMs: number): string {
  const days = Math.floor(shiftMs / DAY_MS)
  if (days === 0) return csv
  return csv.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (match, year: string, month: string, day: string) => {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
    if (Number.isNaN(date.getTime())) return match
    return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10)
  })
}
