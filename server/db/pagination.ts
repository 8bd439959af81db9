import { createHash } from 'node:crypto'
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { invalidParameter } from '../errors.js'
import { likePattern } from './fold.js'

// Keyset pagination: a cursor is base64url JSON of the last row's sort values plus a
// fingerprint of the list name, filters and search that produced it. The next page starts
// strictly after those values, so rows that share a name never repeat or vanish between
// pages, and a cursor reused with other filters is rejected instead of skipping rows.

/** One value of a keyset position: sort keys are text or numbers. */
export type KeyValue = string | number

/** The shape a list expects its cursor values to have, one entry per sort column. */
export type KeyShape = ReadonlyArray<'string' | 'number'>

interface CursorPayload {
  /** Sort values of the last row on the previous page. */
  k: KeyValue[]
  /** Fingerprint of the list and its filters. */
  f: string
}

/** Hashes a list name and its filters into a short, stable fingerprint, leaving out undefined filters. */
export function listFingerprint(list: string, filters: Record<string, unknown>): string {
  const defined = Object.keys(filters)
    .sort()
    .filter((key) => filters[key] !== undefined)
    .map((key) => [key, filters[key]])
  return createHash('sha256').update(JSON.stringify([list, defined])).digest('base64url').slice(0, 12)
}

export function encodeCursor(keys: KeyValue[], fingerprint: string): string {
  const payload: CursorPayload = { k: keys, f: fingerprint }
  return Buffer.from(JSON.stringify(payload)).toString('base64url')
}

const INVALID_CURSOR = 'Invalid "cursor": use the nextCursor value of the previous page unchanged, or leave cursor out to start from the first page.'

/**
 * Decodes a cursor and checks it against the list's key shape and fingerprint.
 * Throws `invalid_parameter` on the `cursor` field for anything else.
 */
export function decodeCursor(cursor: string, shape: KeyShape, fingerprint: string): KeyValue[] {
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidParameter('cursor', INVALID_CURSOR)
  }

  if (!isCursorPayload(payload) || payload.k.length !== shape.length) {
    throw invalidParameter('cursor', INVALID_CURSOR)
  }
  const shapeMatches = payload.k.every((value, index) =>
    shape[index] === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string',
  )
  if (!shapeMatches) throw invalidParameter('cursor', INVALID_CURSOR)

  if (payload.f !== fingerprint) {
    throw invalidParameter(
      'cursor',
      'Invalid "cursor": it belongs to a list with other filters or search. Leave cursor out to start the new list from the first page.',
    )
  }
  return payload.k
}

function isCursorPayload(value: unknown): value is CursorPayload {
  if (!value || typeof value !== 'object') return false
  const candidate = value as Partial<CursorPayload>
  return Array.isArray(candidate.k) && typeof candidate.f === 'string'
}

/** A page of rows and the cursor for the next one (null on the last page). */
export interface Page<Row> {
  rows: Row[]
  nextCursor: string | null
}

/**
 * Cuts a query result fetched with `limit + 1` rows into a page: the extra row only proves
 * that another page exists, and the cursor points after the last row that is returned.
 */
export function toPage<Row>(rows: Row[], limit: number, keysOf: (row: Row) => KeyValue[], fingerprint: string): Page<Row> {
  if (rows.length <= limit) return { rows, nextCursor: null }
  const pageRows = rows.slice(0, limit)
  const last = pageRows[pageRows.length - 1] as Row
  return { rows: pageRows, nextCursor: encodeCursor(keysOf(last), fingerprint) }
}

/** Common inputs of every list query. */
export interface ListInput {
  limit: number
  cursor?: string | undefined
  search?: string | undefined
}

/** Trims the search text, and returns undefined when it is missing or only whitespace. */
export function searchText(search: string | undefined): string | undefined {
  const trimmed = search?.trim()
  return trimmed ? trimmed : undefined
}

/**
 * A `LIKE` condition on a folded column (`search_norm`), with `%`, `_` and `\` in the
 * search taken literally. The column contains folded text, so case and accents never matter.
 */
export function matchesSearch(column: string, search: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${likePattern(search)} escape '\\'`
}
