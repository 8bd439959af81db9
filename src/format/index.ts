// Every number, size and date the PWA shows goes through these Intl-based helpers, which use
// navigator.languages and the device time zone.
export { userLocales } from './locale'
export { formatCount, formatPercent, formatStorage, formatStoragePair, storageUnitFor } from './numbers'
export {
  RELATIVE_WINDOW_MS,
  calendarDaysBetween,
  formatDateTime,
  formatDayHeader,
  formatDayMonth,
  formatDetailDate,
  formatListDate,
  formatRelative,
  formatStamp,
  formatTime,
  parseDate,
} from './dates'
