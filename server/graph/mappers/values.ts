import { GraphDataError } from '../errors.js'

// Readers for loosely typed Graph JSON. Graph omits properties that were not selected and
// sends null for unknown values, so absent and null both read as null here.

export type GraphRecord = Record<string, unknown>

/** Checks that a page record is a JSON object; `where` names the page and position. */
export function asRecord(value: unknown, where: string): GraphRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GraphDataError(`${where}: expected an object, got ${value === null ? 'null' : typeof value}.`)
  }
  return value as GraphRecord
}

export function requiredString(record: GraphRecord, field: string, where: string): string {
  const value = record[field]
  if (typeof value !== 'string' || value === '') {
    throw new GraphDataError(`${where}: field "${field}" is missing or not a non-empty string.`)
  }
  return value
}

export function optionalString(record: GraphRecord | null | undefined, field: string): string | null {
  const value = record?.[field]
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return null
}

/** Reads a boolean as 0/1, or null when absent or not a boolean (never defaulted to true). */
export function optionalFlag(record: GraphRecord | null | undefined, field: string): number | null {
  const value = record?.[field]
  if (typeof value !== 'boolean') return null
  return value ? 1 : 0
}

export function optionalNumber(record: GraphRecord | null | undefined, field: string): number | null {
  const value = record?.[field]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function optionalObject(record: GraphRecord | null | undefined, field: string): GraphRecord | null {
  const value = record?.[field]
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as GraphRecord) : null
}

export function stringArray(record: GraphRecord | null | undefined, field: string): string[] {
  const value = record?.[field]
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/**
 * Reads a timestamp as ISO 8601 UTC. Graph's "never" sentinel (0001-01-01), empty strings and
 * unparsable values read as null, so a never-signed-in user never shows a date.
 */
export function optionalDateTime(record: GraphRecord | null | undefined, field: string): string | null {
  const value = record?.[field]
  if (typeof value !== 'string' || value === '') return null
  const time = Date.parse(value)
  if (Number.isNaN(time) || new Date(time).getUTCFullYear() < 1900) return null
  return new Date(time).toISOString()
}

export function requiredDateTime(record: GraphRecord, field: string, where: string): string {
  const value = optionalDateTime(record, field)
  if (value === null) throw new GraphDataError(`${where}: field "${field}" is missing or not a valid date-time.`)
  return value
}
