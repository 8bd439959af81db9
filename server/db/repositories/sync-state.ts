import type { CapabilityStatus, Sync, SyncRunStatus } from '../../contract/common.js'
import type { Db } from '../database.js'
import type { Dataset } from '../schema.js'

const CAPABILITY_KEYS = {
  signIns: 'capability.signIns',
  signInActivity: 'capability.signInActivity',
  mfaRegistration: 'capability.mfaRegistration',
  riskyUsers: 'capability.riskyUsers',
} as const

const REPORT_NAMES_KEY = 'reportNames'

const CAPABILITY_VALUES: ReadonlySet<string> = new Set<CapabilityStatus>([
  'available',
  'needs_entra_p1',
  'needs_entra_p2',
  'missing_permission',
  'unknown',
])

function toCapability(value: string | undefined): CapabilityStatus {
  return value !== undefined && CAPABILITY_VALUES.has(value) ? (value as CapabilityStatus) : 'unknown'
}

function toReportNames(value: string | undefined): Sync['reportNames'] {
  return value === 'visible' || value === 'concealed' ? value : 'unknown'
}

/**
 * Reads the sync state that every Microsoft 365 and alerts response carries.
 * `lastRunAt` is when the newest run finished, or when it started while it still runs.
 * `lastSuccessAt` is the finish time of the newest succeeded or partial run (null: never synced).
 */
export async function readSync(db: Db, orgId: number): Promise<Sync> {
  const [lastRun, lastSuccess, stateRows] = await Promise.all([
    db
      .selectFrom('sync_runs')
      .select(['status', 'started_at', 'finished_at', 'error'])
      .where('org_id', '=', orgId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('sync_runs')
      .select(['finished_at'])
      .where('org_id', '=', orgId)
      .where('status', 'in', ['succeeded', 'partial'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('org_sync_state')
      .select(['key', 'value'])
      .where('org_id', '=', orgId)
      .where('key', 'in', [...Object.values(CAPABILITY_KEYS), REPORT_NAMES_KEY])
      .execute(),
  ])

  const state = new Map(stateRows.map((row) => [row.key, row.value]))
  return {
    lastSuccessAt: lastSuccess?.finished_at ?? null,
    lastRunAt: lastRun ? (lastRun.finished_at ?? lastRun.started_at) : null,
    lastRunStatus: (lastRun?.status as SyncRunStatus | undefined) ?? null,
    lastError: lastRun?.error ?? null,
    capabilities: {
      signIns: toCapability(state.get(CAPABILITY_KEYS.signIns)),
      signInActivity: toCapability(state.get(CAPABILITY_KEYS.signInActivity)),
      mfaRegistration: toCapability(state.get(CAPABILITY_KEYS.mfaRegistration)),
      riskyUsers: toCapability(state.get(CAPABILITY_KEYS.riskyUsers)),
    },
    reportNames: toReportNames(state.get(REPORT_NAMES_KEY)),
  }
}

/** Where a dataset's visible rows live: the run they belong to and the totals computed at sync time. */
export interface DatasetPointer {
  runId: number
  syncedAt: string
  summary: Record<string, unknown>
}

/** Reads the visible run of one dataset; null when that dataset was never synced for the organization. */
export async function readDataset(db: Db, orgId: number, dataset: Dataset): Promise<DatasetPointer | null> {
  const row = await db
    .selectFrom('org_datasets')
    .select(['run_id', 'synced_at', 'summary_json'])
    .where('org_id', '=', orgId)
    .where('dataset', '=', dataset)
    .executeTakeFirst()
  if (!row) return null
  return { runId: row.run_id, syncedAt: row.synced_at, summary: parseSummary(row.summary_json) }
}

function parseSummary(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** A whole-number total from a summary, or 0 when the sync did not record it. */
export function summaryCount(pointer: DatasetPointer | null, field: string): number {
  const value = pointer?.summary[field]
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0
}
