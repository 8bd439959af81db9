import { nowIso, type Db } from '../db/database.js'
import type { Dataset } from '../db/schema.js'
import { GraphApiError, GraphAuthError, ResourceMissingError } from '../graph/errors.js'
import { skuNames } from '../graph/sku-catalog.js'
import type { TenantSource } from '../graph/resources.js'
import type { SyncContext, SyncLogger, SyncStep } from './context.js'
import { DATASET_TABLES, deleteOtherRuns, deleteRunRows, publishDatasets } from './dataset-writer.js'
import { alertsStep } from './datasets/alerts.js'
import { devicesStep } from './datasets/devices.js'
import { groupsStep } from './datasets/groups.js'
import { mailboxesStep, sitesStep, teamsStep } from './datasets/reports.js'
import { signInsStep } from './datasets/sign-ins.js'
import { skusStep, tenantStep } from './datasets/tenant.js'
import { mfaRegistrationsStep, usersStep } from './datasets/users.js'
import { writeState } from './state.js'

// One sync run for one organization: each step reads its Graph resources from the source
// (live Graph, an export folder or the demo folder), maps them and replaces its datasets. A
// failed step leaves the previous rows of its datasets visible; the run records what failed.

/** Steps in order: SKUs come before users (licence names), and the report setting before the reports. */
const STEPS: SyncStep[] = [
  tenantStep, skusStep, usersStep, mfaRegistrationsStep, groupsStep, devicesStep, signInsStep, alertsStep,
  mailboxesStep, teamsStep, sitesStep,
]

export type DatasetStatus =
  | { status: 'succeeded'; count: number }
  | { status: 'skipped'; count: 0; note: string }
  | { status: 'failed'; count: 0; error: string }

export interface SyncRunResult {
  runId: number
  status: 'succeeded' | 'partial' | 'failed'
  datasets: Partial<Record<Dataset, DatasetStatus>>
  error: string | null
}

export interface RunSyncOptions {
  db: Db
  orgId: number
  source: TenantSource
  log: SyncLogger
}

/** Raised when the organization already has a sync running. */
export class SyncBusyError extends Error {
  constructor(orgId: number, runId?: number) {
    super(
      `A sync for organization ${orgId} is already running${runId ? ` (run ${runId})` : ''}: wait for it to finish. ` +
        'A run left running by a stopped process is marked failed when the server starts.',
    )
    this.name = 'SyncBusyError'
  }
}

const runningOrgs = new Set<number>()

/** Describes an error in plain words for sync_runs, without stack traces or secrets. */
function describe(error: unknown): string {
  if (error instanceof GraphAuthError) return `Microsoft Graph sign-in failed: ${error.message}`
  if (error instanceof Error) return error.message
  return String(error)
}

/** Runs one sync now; resolves with the recorded result (a failed run resolves too). */
export async function runSync(options: RunSyncOptions): Promise<SyncRunResult> {
  const { db, orgId, source, log } = options
  if (runningOrgs.has(orgId)) throw new SyncBusyError(orgId)
  // NOTE: the check and the insert below are separate statements, so two processes (the server's
  // scheduler and a CLI sync) starting within milliseconds of each other could both run.
  const running = await db.selectFrom('sync_runs').select('id').where('org_id', '=', orgId).where('status', '=', 'running').executeTakeFirst()
  if (running) throw new SyncBusyError(orgId, running.id)

  runningOrgs.add(orgId)
  let runId = 0
  try {
    const inserted = await db
      .insertInto('sync_runs')
      .values({ org_id: orgId, source: source.kind, status: 'running', started_at: nowIso(), datasets_json: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow()
    runId = inserted.id
    log.info({ orgId, runId, source: source.kind }, 'sync started')

    const result = await runSteps({ db, orgId, runId, source, log })
    await db
      .updateTable('sync_runs')
      .set({ status: result.status, finished_at: nowIso(), error: result.error, datasets_json: JSON.stringify(result.datasets) })
      .where('id', '=', runId)
      .execute()
    const logFields = { orgId, runId, status: result.status, ...(result.error ? { error: result.error } : {}) }
    if (result.status === 'succeeded') log.info(logFields, 'sync finished')
    else log.warn(logFields, 'sync finished with failures')
    return result
  } catch (error) {
    // An unexpected error (for example a database error) still must not leave the run 'running'.
    if (runId) {
      await db
        .updateTable('sync_runs')
        .set({ status: 'failed', finished_at: nowIso(), error: `Sync stopped: ${describe(error)}` })
        .where('id', '=', runId)
        .execute()
        .catch(() => undefined)
      log.error({ orgId, runId, err: error }, 'sync stopped by an unexpected error')
    }
    throw error
  } finally {
    runningOrgs.delete(orgId)
  }
}

async function runSteps(base: Pick<SyncContext, 'db' | 'orgId' | 'runId' | 'source' | 'log'>): Promise<SyncRunResult> {
  const context: SyncContext = {
    ...base,
    now: new Date(),
    skuNames: skuNames(new Map()),
    premium: null,
    namesConcealed: false,
    reportRows: { total: 0, concealed: 0 },
  }
  const { db, orgId, runId, log } = context
  const datasets: SyncRunResult['datasets'] = {}
  let authFailure: string | null = null

  const concealSetting = await readConcealSetting(context).catch((error: unknown) => {
    if (error instanceof GraphAuthError) authFailure = describe(error)
    else log.warn({ orgId, runId, error: describe(error) }, 'report name setting not readable')
    return null
  })
  context.namesConcealed = concealSetting === true

  for (const step of STEPS) {
    if (authFailure) {
      for (const dataset of step.datasets) datasets[dataset] = { status: 'failed', count: 0, error: `Not read: ${authFailure}` }
      continue
    }
    try {
      const outcome = await step.run(context)
      if ('skipped' in outcome) {
        for (const dataset of step.datasets) datasets[dataset] = { status: 'skipped', count: 0, note: outcome.skipped }
        log.info({ orgId, runId, step: step.name, reason: outcome.skipped }, 'sync step skipped')
        continue
      }
      await publishDatasets(db, orgId, runId, outcome)
      for (const result of outcome) {
        if (result.dataset !== 'signIns') await deleteOtherRuns(db, DATASET_TABLES[result.dataset], orgId, runId)
        await result.afterPublish?.()
        datasets[result.dataset] = { status: 'succeeded', count: result.count }
      }
    } catch (error) {
      const message = describe(error)
      for (const dataset of step.datasets) {
        await deleteRunRows(db, DATASET_TABLES[dataset], orgId, runId)
        datasets[dataset] = { status: 'failed', count: 0, error: message }
      }
      log.error({ orgId, runId, step: step.name, error: message }, 'sync step failed')
      if (error instanceof GraphAuthError) authFailure = message
    }
  }

  if (concealSetting === true || context.reportRows.concealed > 0) {
    await writeState(db, orgId, 'reportNames', 'concealed')
  } else if (concealSetting === false || context.reportRows.total > 0) {
    await writeState(db, orgId, 'reportNames', 'visible')
  }

  return { runId, datasets, ...overallStatus(datasets, authFailure) }
}

/** Reads admin/reportSettings; null when the setting is unavailable (not exported, or no ReportSettings.Read.All). */
async function readConcealSetting(context: SyncContext): Promise<boolean | null> {
  try {
    const settings = await context.source.entity('reportSettings')
    return typeof settings.displayConcealedNames === 'boolean' ? settings.displayConcealedNames : null
  } catch (error) {
    if (error instanceof ResourceMissingError) return null
    if (error instanceof GraphApiError) {
      context.log.warn({ orgId: context.orgId, runId: context.runId, error: error.message }, 'report name setting not readable')
      return null
    }
    throw error
  }
}

function overallStatus(datasets: SyncRunResult['datasets'], authFailure: string | null): Pick<SyncRunResult, 'status' | 'error'> {
  const entries = Object.entries(datasets) as Array<[Dataset, DatasetStatus]>
  const failed = entries.filter(([, result]) => result.status === 'failed')
  const attempted = entries.filter(([, result]) => result.status !== 'skipped')
  if (authFailure) return { status: 'failed', error: authFailure }
  if (failed.length === 0) return { status: 'succeeded', error: null }
  const error = failed.map(([dataset, result]) => `${dataset}: ${result.status === 'failed' ? result.error : ''}`).join('; ')
  return { status: failed.length === attempted.length ? 'failed' : 'partial', error: `Failed datasets: ${error}` }
}
