import type SQLite from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import { sql } from 'kysely'
import { nowIso, sqliteHandle, type Db } from '../db/database.js'
import type { Database, Dataset } from '../db/schema.js'

// Writes one dataset of one sync run so readers switch from the old rows to the new ones at
// once: new rows are inserted under the new run_id (invisible until org_datasets points at
// it) in short transactions, then one tiny transaction moves the pointer, then the old rows
// are deleted. better-sqlite3 is synchronous, so each chunk yields to the event loop to keep
// API requests (on the separate read-only connection) flowing.

/** Rows removed per delete statement. */
export const CHUNK_SIZE = 1000

/** Rows a ChunkWriter buffers before it writes them. */
export const WRITE_BUFFER_ROWS = 5000

/**
 * Maximum time in milliseconds a write transaction keeps taking rows before it commits and
 * yields. The clock is read after every statement, so a transaction may run over by one
 * statement of ROWS_PER_STATEMENT rows plus its commit. A sign-in costs far more than other rows (its trigram index
 * entries), so a row count alone would let one transaction hold the event loop for hundreds of
 * milliseconds on a slow machine.
 */
export const TRANSACTION_BUDGET_MS = 50

/**
 * Rows per insert statement. One multi-row statement per 100 rows used about a third less CPU
 * than one statement per row for sign-ins, whose insert trigger feeds the trigram index
 * (better-sqlite3 12.11, 171,420 generated sign-ins, 2-core development machine).
 */
const ROWS_PER_STATEMENT = 100

export type DatasetTable = keyof Database & `m365_${string}`

export const DATASET_TABLES: Record<Dataset, DatasetTable> = {
  tenant: 'm365_tenant',
  skus: 'm365_skus',
  users: 'm365_users',
  mfaRegistrations: 'm365_mfa_registrations',
  mailboxes: 'm365_mailboxes',
  groups: 'm365_groups',
  groupMembers: 'm365_group_members',
  teams: 'm365_teams',
  sites: 'm365_sites',
  signIns: 'm365_sign_ins',
  devices: 'm365_devices',
  alerts: 'm365_alerts',
}

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Buffers mapped rows and inserts them under (org_id, run_id) in transactions that stop taking
 * rows once TRANSACTION_BUDGET_MS has passed, yielding to the event loop after each. It runs one prepared better-sqlite3 statement per row, so no SQL is built or compiled per
 * chunk (Kysely spent about 1.5 s of CPU on that for a 10,000-user import). The columns are the
 * keys of the first row, so every row passed to one writer must have the same keys.
 */
export class ChunkWriter<Row extends object> {
  private buffer: Row[] = []
  private columns: string[] = []
  /** Prepared inserts by row count: ROWS_PER_STATEMENT, and the smaller last statement of a flush. */
  private readonly statements = new Map<number, Statement>()
  count = 0

  constructor(
    private readonly db: Db,
    private readonly table: DatasetTable,
    private readonly orgId: number,
    private readonly runId: number,
    /** Sign-ins are appended: a row already stored by an earlier run is kept as it is. */
    private readonly ignoreExisting = false,
  ) {}

  async add(row: Row): Promise<void> {
    this.buffer.push(row)
    this.count += 1
    if (this.buffer.length >= WRITE_BUFFER_ROWS) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return
    const rows = this.buffer
    this.buffer = []
    let next = 0
    while (next < rows.length) {
      // Holding Kysely's connection keeps any Kysely transaction on the writer from being open
      // while the raw statements run, so these rows never join someone else's transaction.
      next = await this.db.connection().execute(async () => this.insertRows(rows, next))
      await yieldToEventLoop()
    }
  }

  /** Inserts rows from `start` in one transaction until the time budget is spent; returns the next index. */
  private insertRows(rows: Row[], start: number): number {
    const handle = sqliteHandle(this.db)
    if (this.columns.length === 0) {
      this.columns = Object.keys(rows[start] as Row).filter((column) => column !== 'org_id' && column !== 'run_id')
    }
    const deadline = performance.now() + TRANSACTION_BUDGET_MS
    return handle.transaction(() => {
      let index = start
      while (index < rows.length) {
        const count = Math.min(ROWS_PER_STATEMENT, rows.length - index)
        this.statement(handle, count).run(this.bindValues(rows, index, count))
        index += count
        if (performance.now() > deadline) break
      }
      return index
    })()
  }

  /** Lays out `count` rows from `start` as one flat list of parameters, in column order. */
  private bindValues(rows: Row[], start: number, count: number): unknown[] {
    const width = this.columns.length + 2
    const values: unknown[] = new Array(count * width)
    for (let offset = 0; offset < count; offset += 1) {
      const record = rows[start + offset] as Record<string, unknown>
      const base = offset * width
      values[base] = this.orgId
      values[base + 1] = this.runId
      for (let column = 0; column < this.columns.length; column += 1) {
        values[base + 2 + column] = record[this.columns[column] as string] ?? null
      }
    }
    return values
  }

  /** Returns the prepared insert for `count` rows, preparing it on first use. */
  private statement(handle: SQLite.Database, count: number): Statement {
    const cached = this.statements.get(count)
    if (cached) return cached
    const names = ['org_id', 'run_id', ...this.columns].map(quoteIdentifier).join(', ')
    const row = `(${Array.from({ length: this.columns.length + 2 }, () => '?').join(', ')})`
    const conflict = this.ignoreExisting ? ' on conflict do nothing' : ''
    const prepared = handle.prepare(
      `insert into ${quoteIdentifier(this.table)} (${names}) values ${Array.from({ length: count }, () => row).join(', ')}${conflict}`,
    )
    this.statements.set(count, prepared)
    return prepared
  }
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Deletes rows matching `condition` in chunks, yielding between chunks; returns the number deleted. */
async function deleteInChunks(db: Db, table: DatasetTable, condition: ReturnType<typeof sql>): Promise<number> {
  let total = 0
  for (;;) {
    const result = await sql`delete from ${sql.table(table)} where rowid in (select rowid from ${sql.table(table)} where ${condition} limit ${CHUNK_SIZE})`.execute(db)
    const deleted = Number(result.numAffectedRows ?? 0n)
    total += deleted
    await yieldToEventLoop()
    if (deleted < CHUNK_SIZE) return total
  }
}

/** Deletes the rows a failed dataset wrote, so the previous run's rows stay the only ones. */
export function deleteRunRows(db: Db, table: DatasetTable, orgId: number, runId: number): Promise<number> {
  return deleteInChunks(db, table, sql`org_id = ${orgId} and run_id = ${runId}`)
}

/** Deletes the rows of every run other than `keepRunId` once the pointer has moved to it. */
export function deleteOtherRuns(db: Db, table: DatasetTable, orgId: number, keepRunId: number): Promise<number> {
  return deleteInChunks(db, table, sql`org_id = ${orgId} and run_id <> ${keepRunId}`)
}

/** Deletes sign-ins created before `cutoff` (ISO), the end of the tenant's retention window. */
export function pruneSignIns(db: Db, orgId: number, cutoff: string): Promise<number> {
  return deleteInChunks(db, 'm365_sign_ins', sql`org_id = ${orgId} and created_at < ${cutoff}`)
}

/** Points the organization's datasets at `runId` with their totals, in one small transaction. */
export async function publishDatasets(
  db: Db,
  orgId: number,
  runId: number,
  results: Array<{ dataset: Dataset; summary: object }>,
): Promise<void> {
  const syncedAt = nowIso()
  await db.transaction().execute(async (trx) => {
    for (const { dataset, summary } of results) {
      const summaryJson = JSON.stringify(summary)
      await trx
        .insertInto('org_datasets')
        .values({ org_id: orgId, dataset, run_id: runId, synced_at: syncedAt, summary_json: summaryJson })
        .onConflict((conflict) =>
          conflict.columns(['org_id', 'dataset']).doUpdateSet({ run_id: runId, synced_at: syncedAt, summary_json: summaryJson }),
        )
        .execute()
    }
  })
}
