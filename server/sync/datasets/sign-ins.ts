import { sql } from 'kysely'
import { ResourceMissingError } from '../../graph/errors.js'
import { mapSignIn } from '../../graph/mappers/sign-ins.js'
import type { SignInRow } from '../../graph/mappers/rows.js'
import { asRecord } from '../../graph/mappers/values.js'
import type { Db } from '../../db/database.js'
import { ChunkWriter, deleteRunRows, pruneSignIns } from '../dataset-writer.js'
import { recordWhere, type DatasetResult, type SyncContext, type SyncStep } from '../context.js'
import { readState, writeState } from '../state.js'
import { runGated } from './gates.js'

const DAY_MS = 86_400_000
/** Sign-ins can appear in Graph up to about 30 minutes late, so each sync re-reads the last hour. */
const CURSOR_OVERLAP_MS = 60 * 60 * 1000
export const SIGN_IN_CURSOR_KEY = 'cursor.signIns'

/** Days Microsoft keeps sign-in logs: 7 without Entra ID P1/P2, 30 with. Unknown SKUs count as premium, since reading sign-ins needs P1. */
export function retentionDays(premium: SyncContext['premium']): number {
  return premium === 'none' ? 7 : 30
}

/** Successful and failed sign-ins per UTC day over the window, oldest first, days without sign-ins included. */
export async function signInDays(db: Db, orgId: number, maxRunId: number, now: Date, days: number) {
  const firstDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS)
  const rows = await db
    .selectFrom('m365_sign_ins')
    .select([
      sql<string>`substr(created_at, 1, 10)`.as('date'),
      sql<number>`sum(is_success)`.as('success'),
      sql<number>`sum(1 - is_success)`.as('failure'),
    ])
    .where('org_id', '=', orgId)
    .where('run_id', '<=', maxRunId)
    .where('created_at', '>=', firstDay.toISOString())
    .groupBy(sql`substr(created_at, 1, 10)`)
    .execute()
  const byDate = new Map(rows.map((row) => [row.date, row]))
  return Array.from({ length: days }, (_, index) => {
    const date = new Date(firstDay.getTime() + index * DAY_MS).toISOString().slice(0, 10)
    const row = byDate.get(date)
    return { date, success: Number(row?.success ?? 0), failure: Number(row?.failure ?? 0) }
  })
}

async function writeSignIns(context: SyncContext, cutoff: string, since: string): Promise<DatasetResult> {
  const writer = new ChunkWriter<SignInRow>(context.db, 'm365_sign_ins', context.orgId, context.runId, true)
  let newest: string | null = null
  for await (const page of context.source.pages('signIns', { since })) {
    for (const [index, record] of page.records.entries()) {
      const where = recordWhere(page.label, index)
      const row = mapSignIn(asRecord(record, where), where)
      if (row.created_at < cutoff) continue
      if (newest === null || row.created_at > newest) newest = row.created_at
      await writer.add(row)
    }
  }
  await writer.flush()

  const days = await signInDays(context.db, context.orgId, context.runId, context.now, retentionDays(context.premium))
  return {
    dataset: 'signIns',
    count: writer.count,
    summary: { days },
    afterPublish: async () => {
      if (newest) await writeState(context.db, context.orgId, SIGN_IN_CURSOR_KEY, newest)
      await pruneSignIns(context.db, context.orgId, cutoff)
    },
  }
}

/**
 * Appends sign-ins. Each sync reads from the last cursor (minus an overlap) and inserts the rows
 * it has not stored yet. Rows older than the retention window are pruned.
 */
export const signInsStep: SyncStep = {
  name: 'signIns',
  datasets: ['signIns'],
  async run(context) {
    const cutoff = new Date(context.now.getTime() - retentionDays(context.premium) * DAY_MS).toISOString()
    const cursor = await readState(context.db, context.orgId, SIGN_IN_CURSOR_KEY)
    const fromCursor = cursor ? new Date(Date.parse(cursor) - CURSOR_OVERLAP_MS).toISOString() : cutoff
    const since = fromCursor > cutoff ? fromCursor : cutoff

    const reset = () => deleteRunRows(context.db, 'm365_sign_ins', context.orgId, context.runId)
    try {
      const gated = await runGated(context, 'signIns', 'needs_entra_p1', () => writeSignIns(context, cutoff, since), reset)
      return gated.available ? [gated.value] : { skipped: gated.reason }
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }
  },
}
