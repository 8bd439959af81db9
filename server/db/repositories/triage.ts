import type { Db } from '../database.js'

export interface TriageUpdate {
  hidden?: boolean
  note?: string | null
  needsConfirmation?: boolean
}

/** Creates or updates the provider's triage of one alert; the row outlives syncs. */
export async function upsertAlertTriage(db: Db, orgId: number, alertId: string, update: TriageUpdate, now: string): Promise<void> {
  const changes: Record<string, unknown> = { updated_at: now }
  if (update.hidden !== undefined) changes.hidden = update.hidden ? 1 : 0
  if (update.needsConfirmation !== undefined) changes.needs_confirmation = update.needsConfirmation ? 1 : 0
  if (update.note !== undefined) {
    changes.note = update.note
    changes.note_updated_at = now
  }

  await db
    .insertInto('alert_triage')
    .values({
      org_id: orgId,
      alert_id: alertId,
      hidden: update.hidden ? 1 : 0,
      note: update.note ?? null,
      note_updated_at: update.note === undefined ? null : now,
      needs_confirmation: update.needsConfirmation ? 1 : 0,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['org_id', 'alert_id']).doUpdateSet(changes))
    .execute()
}

/** Checks whether the organization has synced an alert with this id, in any run still stored. */
export async function alertExists(db: Db, orgId: number, alertId: string): Promise<boolean> {
  const row = await db.selectFrom('m365_alerts').select('id').where('org_id', '=', orgId).where('id', '=', alertId).limit(1).executeTakeFirst()
  return row !== undefined
}
