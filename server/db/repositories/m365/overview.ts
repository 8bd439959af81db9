import type { Overview } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import { readDataset, summaryCount } from '../sync-state.js'
import { parseJson } from './values.js'

type Tenant = Overview['tenant']
type LicenseSummary = NonNullable<Overview['licenses']>[number]
type SignInDay = NonNullable<Overview['signIns']>['days'][number]
type OsCount = NonNullable<Overview['devices']>['byOs'][number]

/** Reads the tenant's name and domains, or null before the first tenant sync. */
export async function readTenant(db: Db, orgId: number): Promise<Tenant> {
  const pointer = await readDataset(db, orgId, 'tenant')
  if (!pointer) return null
  const row = await db
    .selectFrom('m365_tenant')
    .select(['tenant_id', 'display_name', 'domains_json'])
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
    .executeTakeFirst()
  if (!row) return null

  const domains = parseJson(row.domains_json, [])
  return {
    tenantId: row.tenant_id,
    displayName: row.display_name,
    domains: Array.isArray(domains)
      ? domains.flatMap((domain: unknown) => {
          const { name, isDefault, isInitial } = (domain ?? {}) as Record<string, unknown>
          return typeof name === 'string' ? [{ name, isDefault: isDefault === true, isInitial: isInitial === true }] : []
        })
      : [],
  }
}

/** Reads the user totals the sync computed. */
export async function readUserTotals(db: Db, orgId: number): Promise<NonNullable<Overview['users']>> {
  const pointer = await readDataset(db, orgId, 'users')
  return {
    total: summaryCount(pointer, 'total'),
    licensed: summaryCount(pointer, 'licensed'),
    guests: summaryCount(pointer, 'guests'),
    disabled: summaryCount(pointer, 'disabled'),
  }
}

/**
 * Reads the subscribed licences with used and available seats, the fullest first.
 * Available seats are enabled plus warning units, as the admin centre counts them.
 */
export async function readLicenses(db: Db, orgId: number): Promise<LicenseSummary[]> {
  const pointer = await readDataset(db, orgId, 'skus')
  if (!pointer) return []
  const rows = await db
    .selectFrom('m365_skus')
    .select(['sku_id', 'sku_part_number', 'display_name', 'capability_status', 'consumed_units', 'enabled_units', 'warning_units'])
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
    .execute()

  const licenses = rows.map((row) => ({
    skuId: row.sku_id,
    skuPartNumber: row.sku_part_number,
    name: row.display_name || row.sku_part_number,
    used: row.consumed_units,
    available: row.enabled_units + row.warning_units,
    capabilityStatus: row.capability_status ?? 'Unknown',
  }))
  return licenses.sort((a, b) => usedFraction(b) - usedFraction(a) || a.name.localeCompare(b.name))
}

/** Used share of the seats; seats in use without any available count as over full. */
function usedFraction(license: LicenseSummary): number {
  if (license.available > 0) return license.used / license.available
  return license.used > 0 ? Number.POSITIVE_INFINITY : 0
}

/** Reads the tenant MFA registration totals the sync computed. */
export async function readMfaTotals(db: Db, orgId: number): Promise<{ registered: number; total: number }> {
  const pointer = await readDataset(db, orgId, 'mfaRegistrations')
  return { registered: summaryCount(pointer, 'registered'), total: summaryCount(pointer, 'total') }
}

/** Number of days the Overview's sign-in chart covers, ending with today (UTC). */
export const SIGN_IN_CHART_DAYS = 7

/**
 * Reads the daily sign-in counts the sync computed for the 7 UTC days ending with `today`,
 * oldest first. Days without a count (not yet synced, or no sign-ins) are 0.
 */
export async function readSignInDays(db: Db, orgId: number, today: Date): Promise<SignInDay[]> {
  const pointer = await readDataset(db, orgId, 'signIns')
  const stored = Array.isArray(pointer?.summary.days) ? (pointer.summary.days as unknown[]) : []
  const byDate = new Map<string, SignInDay>()
  for (const day of stored) {
    const { date, success, failure } = (day ?? {}) as Record<string, unknown>
    if (typeof date === 'string') byDate.set(date, { date, success: toCount(success), failure: toCount(failure) })
  }

  const days: SignInDay[] = []
  for (let offset = SIGN_IN_CHART_DAYS - 1; offset >= 0; offset--) {
    const date = new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10)
    days.push(byDate.get(date) ?? { date, success: 0, failure: 0 })
  }
  return days
}

/** Reads the device totals by operating system the sync computed, most common first. */
export async function readDeviceTotals(db: Db, orgId: number): Promise<{ total: number; byOs: OsCount[] }> {
  const pointer = await readDataset(db, orgId, 'devices')
  const byOs = pointer?.summary.byOs
  const counts = Array.isArray(byOs)
    ? byOs.flatMap((entry: unknown) => {
        const { os, count } = (entry ?? {}) as Record<string, unknown>
        return typeof os === 'string' ? [{ os, count: toCount(count) }] : []
      })
    : []
  return { total: summaryCount(pointer, 'total'), byOs: counts.sort((a, b) => b.count - a.count || a.os.localeCompare(b.os)) }
}

function toCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0
}
