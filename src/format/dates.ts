import { cachedFormatter } from './locale'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Times within this window read as relative ("5 min ago", "yesterday"). */
export const RELATIVE_WINDOW_MS = 7 * DAY

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormatter('date', options, (locales) => new Intl.DateTimeFormat(locales, options))
}

function relativeFormat(): Intl.RelativeTimeFormat {
  const options: Intl.RelativeTimeFormatOptions = { numeric: 'auto', style: 'short' }
  return cachedFormatter('relative', options, (locales) => new Intl.RelativeTimeFormat(locales, options))
}

/** Parses an ISO time; null for a missing or invalid value. */
export function parseDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Whole calendar days from `date` to `now` in the device time zone (0 today, 1 yesterday). */
export function calendarDaysBetween(date: Date, now: Date): number {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate())
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  return Math.round((end.getTime() - start.getTime()) / DAY)
}

/** "now", "5 min ago", "3 hr ago", "yesterday", "4 days ago"; in the future: "in 5 min". */
export function formatRelative(value: string | Date, now = new Date()): string {
  const date = parseDate(value)
  if (!date) return ''
  const diff = date.getTime() - now.getTime()
  const distance = Math.abs(diff)
  const format = relativeFormat()

  if (distance < MINUTE) return format.format(0, 'second')
  if (distance < HOUR) return format.format(Math.trunc(diff / MINUTE), 'minute')
  if (distance < DAY) return format.format(Math.trunc(diff / HOUR), 'hour')
  return format.format(-calendarDaysBetween(date, now), 'day')
}

/** Lists: relative within 7 days, else day and month ("12 Mar"), with the year when not this year. */
export function formatListDate(value: string | Date, now = new Date()): string {
  const date = parseDate(value)
  if (!date) return ''
  if (Math.abs(now.getTime() - date.getTime()) < RELATIVE_WINDOW_MS) return formatRelative(date, now)
  return formatDayMonth(date, now)
}

/** "12 Mar", or "12 Mar 2025" outside the current year. */
export function formatDayMonth(date: Date, now = new Date()): string {
  const options: Intl.DateTimeFormatOptions =
    date.getFullYear() === now.getFullYear()
      ? { day: 'numeric', month: 'short' }
      : { day: 'numeric', month: 'short', year: 'numeric' }
  return dateFormat(options).format(date)
}

/** Absolute date and time: "12 Mar 2026, 14:05". */
export function formatDateTime(value: string | Date): string {
  const date = parseDate(value)
  return date ? dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(date) : ''
}

/** Detail screens: absolute first, relative in brackets within 7 days: "12 Mar 2026, 14:05 (2 hr ago)". */
export function formatDetailDate(value: string | Date, now = new Date()): string {
  const date = parseDate(value)
  if (!date) return ''
  const absolute = formatDateTime(date)
  if (Math.abs(now.getTime() - date.getTime()) >= RELATIVE_WINDOW_MS) return absolute
  return `${absolute} (${formatRelative(date, now)})`
}

/** Time of day only: "14:05". */
export function formatTime(value: string | Date): string {
  const date = parseDate(value)
  return date ? dateFormat({ timeStyle: 'short' }).format(date) : ''
}

/**
 * Formats a short absolute stamp: the time today ("14:05"), "yesterday, 14:05" (the word comes
 * from Intl), else "12 Mar, 14:05". Used for "Updated …" and "Showing data from …".
 */
export function formatStamp(value: string | Date, now = new Date()): string {
  const date = parseDate(value)
  if (!date) return ''
  const days = calendarDaysBetween(date, now)
  const time = formatTime(date)
  if (days === 0) return time
  if (days === 1) return `${relativeFormat().format(-1, 'day')}, ${time}`
  return `${formatDayMonth(date, now)}, ${time}`
}

/** Day section header for sign-in logs: "Today", "Yesterday", else "12 Mar". */
export function formatDayHeader(value: string | Date, now = new Date()): string {
  const date = parseDate(value)
  if (!date) return ''
  const days = calendarDaysBetween(date, now)
  if (days === 0 || days === 1) {
    const word = relativeFormat().format(-days, 'day')
    return word.charAt(0).toLocaleUpperCase() + word.slice(1)
  }
  return formatDayMonth(date, now)
}
