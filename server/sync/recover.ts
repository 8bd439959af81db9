import { nowIso, type Db } from '../db/database.js'

/** Marks runs left 'running' by a stopped process as failed; call once when the server starts. */
export async function failInterruptedRuns(db: Db): Promise<number> {
  const result = await db
    .updateTable('sync_runs')
    .set({ status: 'failed', finished_at: nowIso(), error: 'The sync was interrupted by a restart.' })
    .where('status', '=', 'running')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
