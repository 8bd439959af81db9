import type { Db } from '../db/database.js'
import type { Dataset } from '../db/schema.js'
import type { SkuNames } from '../graph/sku-catalog.js'
import type { TenantSource } from '../graph/resources.js'

/** The subset of pino's logger the sync uses, so Fastify's logger and the CLI's both fit. */
export interface SyncLogger {
  info(object: object, message: string): void
  warn(object: object, message: string): void
  error(object: object, message: string): void
}

/** State shared by the dataset steps of one run. */
export interface SyncContext {
  db: Db
  orgId: number
  runId: number
  source: TenantSource
  log: SyncLogger
  /** The run's start; retention windows are measured from it. */
  now: Date
  skuNames: SkuNames
  /** Entra ID premium level from subscribedSkus; null when the SKUs could not be read. */
  premium: 'none' | 'p1' | 'p2' | null
  /** True when the tenant setting conceals user, group and site names in usage reports. */
  namesConcealed: boolean
  /** Usage-report rows written in this run, and how many of them had concealed names. */
  reportRows: { total: number; concealed: number }
}

/** Result of a step for one dataset. */
export interface DatasetResult {
  dataset: Dataset
  count: number
  summary: object
  /** Runs after the dataset's pointer has moved, e.g. to advance an incremental cursor. */
  afterPublish?: () => Promise<void>
}

/** A step that reads and writes one or more datasets; throwing fails all of them. */
export interface SyncStep {
  name: string
  datasets: Dataset[]
  /** Returns the results, or a reason when the step was skipped (licence gate, not in the export). */
  run(context: SyncContext): Promise<DatasetResult[] | { skipped: string }>
}

/** Prefixes a record's position for error messages: `users/0002.json, record 17`. */
export const recordWhere = (label: string, index: number) => `${label}, record ${index + 1}`
