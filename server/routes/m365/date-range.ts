import { invalidParameter } from '../../errors.js'

/**
 * Normalizes `from` and `to` (already checked as ISO 8601 date-times by the schema) to UTC
 * text with milliseconds, the format stored timestamps use, so they compare as text.
 * Throws `invalid_parameter` on `from` when it is after `to`.
 */
export function dateRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {}
  if (from !== undefined) range.from = toUtc(from, 'from')
  if (to !== undefined) range.to = toUtc(to, 'to')
  if (range.from && range.to && range.from > range.to) {
    throw invalidParameter('from', `Invalid "from": ${from} is after "to" (${to}). Use a start that is on or before the end.`)
  }
  return range
}

function toUtc(value: string, field: 'from' | 'to'): string {
  const time = Date.parse(value)
  if (Number.isNaN(time)) {
    throw invalidParameter(field, `Invalid "${field}": "${value}" is not an ISO 8601 date-time such as 2024-05-01T00:00:00Z.`)
  }
  return new Date(time).toISOString()
}
