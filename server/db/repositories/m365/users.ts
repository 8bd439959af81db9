import type { UserListItem, UsersQuery } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import { toBool } from '../../database.js'
import { decodeCursor, listFingerprint, matchesSearch, searchText, toPage, type KeyShape } from '../../pagination.js'
import type { M365UsersTable } from '../../schema.js'
import { readDataset, summaryCount } from '../sync-state.js'
import { parseLicenses } from './values.js'

// Users are listed licensed first, then by folded name. The m365_users_order index is
// ascending on (is_licensed, sort_key, id), so the licensed and unlicensed segments are read
// as two index-ordered queries instead of one mixed-direction sort over the whole tenant.

const CURSOR_SHAPE: KeyShape = ['number', 'string', 'string']

/** is_licensed values to read, in list order, for each value of the `licensed` filter. */
const SEGMENTS_BY_FILTER: Record<'true' | 'false' | 'any', number[]> = { true: [1], false: [0], any: [1, 0] }

export interface UsersListInput extends Omit<UsersQuery, 'limit'> {
  limit: number
}

export interface UsersList {
  items: UserListItem[]
  nextCursor: string | null
  /** Number of users in the tenant at the last sync, regardless of filters. */
  total: number
}

type UserRow = Pick<
  M365UsersTable,
  | 'id' | 'display_name' | 'user_principal_name' | 'mail' | 'job_title' | 'department'
  | 'account_enabled' | 'user_type' | 'is_guest' | 'is_licensed' | 'licenses_json' | 'sort_key'
>

export function toUserListItem(row: Omit<UserRow, 'is_licensed' | 'sort_key'>): UserListItem {
  return {
    id: row.id,
    displayName: row.display_name,
    userPrincipalName: row.user_principal_name,
    mail: row.mail,
    jobTitle: row.job_title,
    department: row.department,
    accountEnabled: toBool(row.account_enabled),
    userType: row.user_type,
    isGuest: row.is_guest !== 0,
    licenses: parseLicenses(row.licenses_json),
  }
}

/** Lists one page of the organization's visible users with filters and search. */
export async function listUsers(db: Db, orgId: number, input: UsersListInput): Promise<UsersList> {
  const pointer = await readDataset(db, orgId, 'users')
  if (!pointer) return { items: [], nextCursor: null, total: 0 }

  const search = searchText(input.search)
  const fingerprint = listFingerprint('users', {
    search,
    status: input.status,
    type: input.type,
    licensed: input.licensed,
  })
  const after = input.cursor ? decodeCursor(input.cursor, CURSOR_SHAPE, fingerprint) : undefined

  // Licensed users (1) come before unlicensed (0). The filter may leave one segment only.
  const segments = SEGMENTS_BY_FILTER[input.licensed ?? 'any']
  const fetchCount = input.limit + 1
  const rows: UserRow[] = []

  for (const segment of segments) {
    if (rows.length >= fetchCount) break
    if (after && segment > (after[0] as number)) continue
    const startAfter = after && segment === after[0] ? { sortKey: after[1] as string, id: after[2] as string } : undefined

    let query = db
      .selectFrom('m365_users')
      .select([
        'id', 'display_name', 'user_principal_name', 'mail', 'job_title', 'department',
        'account_enabled', 'user_type', 'is_guest', 'is_licensed', 'licenses_json', 'sort_key',
      ])
      .where('org_id', '=', orgId)
      .where('run_id', '=', pointer.runId)
      .where('is_licensed', '=', segment)

    if (startAfter) {
      query = query.where((eb) => eb(eb.refTuple('sort_key', 'id'), '>', eb.tuple(startAfter.sortKey, startAfter.id)))
    }
    if (input.status === 'enabled') query = query.where((eb) => eb(eb.fn.coalesce('account_enabled', eb.lit(1)), '=', 1))
    if (input.status === 'disabled') query = query.where('account_enabled', '=', 0)
    if (input.type) query = query.where('is_guest', '=', input.type === 'guest' ? 1 : 0)
    // NOTE: search scans the segment in index order until a page matches. Measured at 50,000
    // users on 2 cores: up to about 40 ms for a term with no match, so no trigram index here.
    if (search) query = query.where(matchesSearch('search_norm', search))

    rows.push(...(await query.orderBy('sort_key').orderBy('id').limit(fetchCount - rows.length).execute()))
  }

  const page = toPage(rows, input.limit, (row) => [row.is_licensed, row.sort_key, row.id], fingerprint)
  return {
    items: page.rows.map(toUserListItem),
    nextCursor: page.nextCursor,
    total: summaryCount(pointer, 'total'),
  }
}
