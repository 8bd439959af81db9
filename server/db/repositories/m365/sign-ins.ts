import { sql, type SqlBool } from 'kysely'
import type { SignInItem, SignInsQuery } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import { toBool } from '../../database.js'
import { fold } from '../../fold.js'
import { decodeCursor, listFingerprint, matchesSearch, searchText, toPage, type KeyShape } from '../../pagination.js'
import type { M365SignInsTable } from '../../schema.js'
import { readDataset } from '../sync-state.js'

// Sign-ins are appended by each sync, so the visible rows are those of every run up to the
// one org_datasets points at. The newest come first: created_at, then id, both descending,
// which the m365_sign_ins_order index serves by a backward scan.

const CURSOR_SHAPE: KeyShape = ['string', 'string']

/**
 * Most sign-ins a search may take from the trigram index before it falls back to scanning in
 * time order. A term with more matches is common, so the scan finds a page of them quickly.
 */
export const INDEX_CANDIDATE_LIMIT = 5000

/** Shortest folded term the trigram index can look up (one trigram). */
const MIN_INDEXED_LENGTH = 3

export interface SignInsListInput extends Omit<SignInsQuery, 'limit' | 'from' | 'to'> {
  limit: number
  /** Inclusive bounds on created_at as ISO 8601 UTC text with milliseconds (`Date#toISOString`). */
  from?: string | undefined
  to?: string | undefined
}

export interface SignInsList {
  items: SignInItem[]
  nextCursor: string | null
}

function toSignInItem(row: M365SignInsTable): SignInItem {
  return {
    id: row.id,
    createdAt: row.created_at,
    userId: row.user_id,
    userDisplayName: row.user_display_name,
    userPrincipalName: row.user_principal_name,
    appDisplayName: row.app_display_name,
    clientAppUsed: row.client_app_used,
    ipAddress: row.ip_address,
    location: { city: row.city, state: row.state, countryOrRegion: row.country_or_region },
    result: row.is_success ? 'success' : 'failure',
    errorCode: row.error_code,
    failureReason: row.failure_reason,
    additionalDetails: row.additional_details,
    device: {
      displayName: row.device_display_name,
      operatingSystem: row.device_operating_system,
      browser: row.device_browser,
      isCompliant: toBool(row.device_is_compliant),
      isManaged: toBool(row.device_is_managed),
      trustType: row.device_trust_type,
    },
    conditionalAccessStatus: row.conditional_access_status,
    riskLevelDuringSignIn: row.risk_level_during_sign_in,
    isInteractive: toBool(row.is_interactive),
  }
}

/** Lists one page of the organization's stored sign-ins, newest first. */
export async function listSignIns(db: Db, orgId: number, input: SignInsListInput): Promise<SignInsList> {
  const pointer = await readDataset(db, orgId, 'signIns')
  if (!pointer) return { items: [], nextCursor: null }

  const search = searchText(input.search)
  const fingerprint = listFingerprint('sign-ins', { search, result: input.result, from: input.from, to: input.to })
  const after = input.cursor ? decodeCursor(input.cursor, CURSOR_SHAPE, fingerprint) : undefined

  let query = db
    .selectFrom('m365_sign_ins')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', '<=', pointer.runId)
  if (after) {
    const [createdAt, id] = after as [string, string]
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id)))
  }
  if (input.from) query = query.where('created_at', '>=', input.from)
  if (input.to) query = query.where('created_at', '<=', input.to)
  if (input.result) query = query.where('is_success', '=', input.result === 'success' ? 1 : 0)
  if (search) {
    const candidates = await indexedCandidates(db, search)
    if (candidates?.length === 0) return { items: [], nextCursor: null }
    if (candidates) {
      const rowids = JSON.stringify(candidates)
      query = query.where(sql<SqlBool>`m365_sign_ins.rowid in (select value from json_each(${rowids}))`)
    }
    // The LIKE test stays even with candidates, so a stale index entry can never add a row.
    query = query.where(matchesSearch('search_norm', search))
  }

  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute()
  const page = toPage(rows, input.limit, (row) => [row.created_at, row.id], fingerprint)
  return { items: page.rows.map(toSignInItem), nextCursor: page.nextCursor }
}

/**
 * Looks the search term up in the trigram index over search_norm, which covers every
 * organization's rows, and returns the matching rowids. Returns undefined when the term is
 * too short for the index or has more than INDEX_CANDIDATE_LIMIT matches, so the caller
 * scans in time order instead.
 */
async function indexedCandidates(db: Db, search: string): Promise<number[] | undefined> {
  const term = fold(search)
  if ([...term].length < MIN_INDEXED_LENGTH) return undefined

  // A quoted FTS5 string is a phrase, which the trigram tokenizer matches as a substring.
  const phrase = `"${term.replace(/"/g, '""')}"`
  const result = await sql<{ rowid: number }>`
    select rowid from m365_sign_ins_fts where m365_sign_ins_fts match ${phrase} limit ${INDEX_CANDIDATE_LIMIT + 1}
  `.execute(db)
  if (result.rows.length > INDEX_CANDIDATE_LIMIT) return undefined
  return result.rows.map((row) => row.rowid)
}
