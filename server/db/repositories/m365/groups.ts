import type { GroupItem, GroupKind, GroupsQuery } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import { decodeCursor, listFingerprint, matchesSearch, searchText, toPage, type KeyShape } from '../../pagination.js'
import type { M365GroupsTable } from '../../schema.js'
import { readDataset, summaryCount } from '../sync-state.js'

const CURSOR_SHAPE: KeyShape = ['string', 'string']

/**
 * Stored kinds that each `kind` filter matches. A mail-enabled security group is a security
 * group to the customer, so `security` matches both security kinds.
 */
const KINDS_BY_FILTER: Record<NonNullable<GroupsQuery['kind']>, GroupKind[]> = {
  microsoft365: ['microsoft365'],
  security: ['security', 'mailEnabledSecurity'],
  distribution: ['distribution'],
}

export interface GroupsListInput extends Omit<GroupsQuery, 'limit'> {
  limit: number
}

export interface GroupsList {
  items: GroupItem[]
  nextCursor: string | null
  /** Number of groups at the last sync, regardless of filters. */
  total: number
}

function toGroupItem(row: M365GroupsTable): GroupItem {
  return {
    id: row.id,
    displayName: row.display_name,
    description: row.description,
    mail: row.mail,
    kind: row.kind,
    isTeam: row.is_team !== 0,
    isDynamic: row.is_dynamic !== 0,
    visibility: row.visibility,
    memberCount: row.member_count,
  }
}

/** Lists one page of the organization's visible groups by folded name. */
export async function listGroups(db: Db, orgId: number, input: GroupsListInput): Promise<GroupsList> {
  const pointer = await readDataset(db, orgId, 'groups')
  if (!pointer) return { items: [], nextCursor: null, total: 0 }

  const search = searchText(input.search)
  const fingerprint = listFingerprint('groups', { search, kind: input.kind })
  const after = input.cursor ? decodeCursor(input.cursor, CURSOR_SHAPE, fingerprint) : undefined

  let query = db
    .selectFrom('m365_groups')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
  if (after) {
    const [sortKey, id] = after as [string, string]
    query = query.where((eb) => eb(eb.refTuple('sort_key', 'id'), '>', eb.tuple(sortKey, id)))
  }
  if (input.kind) query = query.where('kind', 'in', KINDS_BY_FILTER[input.kind])
  if (search) query = query.where(matchesSearch('search_norm', search))

  const rows = await query.orderBy('sort_key').orderBy('id').limit(input.limit + 1).execute()
  const page = toPage(rows, input.limit, (row) => [row.sort_key, row.id], fingerprint)
  return { items: page.rows.map(toGroupItem), nextCursor: page.nextCursor, total: summaryCount(pointer, 'total') }
}
