import type { DeviceItem } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import { toBool } from '../../database.js'
import { decodeCursor, listFingerprint, matchesSearch, searchText, toPage, type KeyShape, type ListInput } from '../../pagination.js'
import type { M365DevicesTable } from '../../schema.js'
import { readDataset, summaryCount } from '../sync-state.js'

const CURSOR_SHAPE: KeyShape = ['string', 'string']

export interface DevicesList {
  items: DeviceItem[]
  nextCursor: string | null
  /** Number of devices at the last sync, regardless of search and filters. */
  total: number
}

function toDeviceItem(row: M365DevicesTable): DeviceItem {
  return {
    id: row.id,
    deviceId: row.device_id,
    displayName: row.display_name,
    operatingSystem: row.operating_system,
    operatingSystemVersion: row.operating_system_version,
    trustType: row.trust_type,
    isCompliant: toBool(row.is_compliant),
    isManaged: toBool(row.is_managed),
    accountEnabled: toBool(row.account_enabled),
    approximateLastSignInAt: row.approximate_last_sign_in_at,
    registeredAt: row.registered_at,
    ownerDisplayName: row.owner_display_name,
    manufacturer: row.manufacturer,
    model: row.model,
  }
}

export interface DevicesInput extends ListInput {
  /** Only devices reported compliant (true) or not compliant (false). */
  compliant?: boolean | undefined
}

/** Lists one page of the organization's visible Entra devices by folded name. */
export async function listDevices(db: Db, orgId: number, input: DevicesInput): Promise<DevicesList> {
  const pointer = await readDataset(db, orgId, 'devices')
  if (!pointer) return { items: [], nextCursor: null, total: 0 }

  const search = searchText(input.search)
  const fingerprint = listFingerprint('devices', { search, compliant: input.compliant })
  const after = input.cursor ? decodeCursor(input.cursor, CURSOR_SHAPE, fingerprint) : undefined

  let query = db
    .selectFrom('m365_devices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
  if (after) {
    const [sortKey, id] = after as [string, string]
    query = query.where((eb) => eb(eb.refTuple('sort_key', 'id'), '>', eb.tuple(sortKey, id)))
  }
  if (search) query = query.where(matchesSearch('search_norm', search))
  if (input.compliant !== undefined) query = query.where('is_compliant', '=', input.compliant ? 1 : 0)

  const rows = await query.orderBy('sort_key').orderBy('id').limit(input.limit + 1).execute()
  const page = toPage(rows, input.limit, (row) => [row.sort_key, row.id], fingerprint)
  return { items: page.rows.map(toDeviceItem), nextCursor: page.nextCursor, total: summaryCount(pointer, 'total') }
}
