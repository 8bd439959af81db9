import { parse } from 'csv-parse/sync'
import { GraphDataError } from './errors.js'

/** A report row keyed by our field names; a column the report did not send is absent. */
export type ReportRow = Record<string, string>

export interface ReportColumns {
  /** Our field name → the report's header text (matched case-insensitively, spaces collapsed). */
  fields: Record<string, string>
  /** Fields whose column must be present; the others are optional because Microsoft adds and drops columns. */
  required: string[]
}

function normalizeHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Parses a usage-report CSV by header name: the BOM is stripped, columns may come in any order,
 * unknown columns are ignored and optional ones may be missing. A row with a different number
 * of fields than the header is an error naming `source` and the line.
 */
export function parseReportCsv(text: string, columns: ReportColumns, source: string): ReportRow[] {
  const byHeader = new Map(Object.entries(columns.fields).map(([field, header]) => [normalizeHeader(header), field]))
  let seen: string[] = []

  let records: Array<Record<string, string>>
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        seen = header.map(normalizeHeader)
        // `false` drops a column csv-parse would otherwise keep.
        return header.map((name) => byHeader.get(normalizeHeader(name)) ?? false)
      },
    }) as Array<Record<string, string>>
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new GraphDataError(`${source} is not a valid report CSV: ${reason}`)
  }

  const missing = columns.required.filter((field) => !seen.includes(normalizeHeader(columns.fields[field] ?? '')))
  if (text.trim() !== '' && missing.length > 0) {
    const names = missing.map((field) => `"${columns.fields[field]}"`).join(', ')
    throw new GraphDataError(`${source} is missing the column${missing.length > 1 ? 's' : ''} ${names}.`)
  }
  return records
}

/** Reads a report integer (`"18523759645"`); empty means unknown. Byte counts stay exact below 2^53. */
export function reportNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

/** Reads a report boolean (`True`/`False`, any case); anything else is unknown. */
export function reportBoolean(value: string | undefined): boolean | null {
  const text = value?.trim().toLowerCase()
  if (text === 'true') return true
  if (text === 'false') return false
  return null
}

/** Reads a report date (`2021-09-17`, or a date-time in some beta reports) as `YYYY-MM-DD`. */
export function reportDate(value: string | undefined): string | null {
  const text = value?.trim()
  if (!text) return null
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(text)
  return match ? match[1]! : null
}
