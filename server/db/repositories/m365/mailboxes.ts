import type { Sync } from '../../../contract/common.js'
import type { MailboxItem, MailboxesPage } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import { toBool } from '../../database.js'
import { decodeCursor, listFingerprint, matchesSearch, searchText, toPage, type KeyShape, type ListInput } from '../../pagination.js'
import type { M365MailboxesTable } from '../../schema.js'
import { readDataset, summaryCount } from '../sync-state.js'

// Mailboxes nearest their quota come first (used_ratio descending), then by folded name.
// Rows without a quota are stored with used_ratio -1, so they come last.

const CURSOR_SHAPE: KeyShape = ['number', 'string', 'string']

export type MailboxesList = Omit<MailboxesPage, 'sync'>

function toMailboxItem(row: M365MailboxesTable): MailboxItem {
  return {
    id: row.id,
    displayName: row.display_name,
    userPrincipalName: row.user_principal_name,
    concealed: row.concealed !== 0,
    storageUsedBytes: row.storage_used_bytes,
    quotaBytes: row.prohibit_send_receive_quota_bytes,
    warningQuotaBytes: row.issue_warning_quota_bytes,
    usedRatio: row.used_ratio < 0 ? null : row.used_ratio,
    itemCount: row.item_count,
    lastActivityDate: row.last_activity_date,
    hasArchive: toBool(row.has_archive),
  }
}

/**
 * Lists one page of the organization's visible mailboxes. `namesConcealed` is true when the
 * sync's `reportNames` state is `concealed` or a stored row is concealed.
 */
export async function listMailboxes(
  db: Db,
  orgId: number,
  input: ListInput,
  reportNames: Sync['reportNames'],
): Promise<MailboxesList> {
  const pointer = await readDataset(db, orgId, 'mailboxes')
  if (!pointer) return { items: [], nextCursor: null, total: 0, namesConcealed: reportNames === 'concealed', reportRefreshDate: null }

  const search = searchText(input.search)
  const fingerprint = listFingerprint('mailboxes', { search })
  const after = input.cursor ? decodeCursor(input.cursor, CURSOR_SHAPE, fingerprint) : undefined

  let query = db
    .selectFrom('m365_mailboxes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
  if (after) {
    const [ratio, sortKey, id] = after as [number, string, string]
    query = query.where((eb) =>
      eb.or([
        eb('used_ratio', '<', ratio),
        eb.and([eb('used_ratio', '=', ratio), eb(eb.refTuple('sort_key', 'id'), '>', eb.tuple(sortKey, id))]),
      ]),
    )
  }
  if (search) query = query.where(matchesSearch('search_norm', search))

  const rows = await query.orderBy('used_ratio', 'desc').orderBy('sort_key').orderBy('id').limit(input.limit + 1).execute()
  const page = toPage(rows, input.limit, (row) => [row.used_ratio, row.sort_key, row.id], fingerprint)

  const [anyConcealed, refresh] = await Promise.all([
    namesConcealed(db, orgId, pointer.runId, reportNames, page.rows),
    db
      .selectFrom('m365_mailboxes')
      .select('report_refresh_date')
      .where('org_id', '=', orgId)
      .where('run_id', '=', pointer.runId)
      .where('report_refresh_date', 'is not', null)
      .limit(1)
      .executeTakeFirst(),
  ])

  return {
    items: page.rows.map(toMailboxItem),
    nextCursor: page.nextCursor,
    total: summaryCount(pointer, 'total'),
    namesConcealed: anyConcealed,
    reportRefreshDate: refresh?.report_refresh_date ?? null,
  }
}

/**
 * Decides `namesConcealed`. The sync stores `reportNames` as `concealed` whenever it writes a
 * concealed report row, so only without that state (`unknown`) are the stored rows checked,
 * because that check scans the run's mailboxes when none is concealed.
 */
async function namesConcealed(
  db: Db,
  orgId: number,
  runId: number,
  reportNames: Sync['reportNames'],
  pageRows: M365MailboxesTable[],
): Promise<boolean> {
  if (reportNames === 'concealed' || pageRows.some((row) => row.concealed !== 0)) return true
  if (reportNames === 'visible') return false
  return hasConcealedRow(db, orgId, runId)
}

async function hasConcealedRow(db: Db, orgId: number, runId: number): Promise<boolean> {
  const row = await db
    .selectFrom('m365_mailboxes')
    .select('id')
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .where('concealed', '=', 1)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
