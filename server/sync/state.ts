import type { CapabilityStatus } from '../contract/common.js'
import { nowIso, type Db } from '../db/database.js'

// Per-organization sync state in org_sync_state: licence-gated capabilities, the report
// name setting and incremental cursors.

export type CapabilityName = 'signIns' | 'signInActivity' | 'mfaRegistration' | 'riskyUsers'

export async function readState(db: Db, orgId: number, key: string): Promise<string | null> {
  const row = await db.selectFrom('org_sync_state').select('value').where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

export async function writeState(db: Db, orgId: number, key: string, value: string): Promise<void> {
  const updatedAt = nowIso()
  await db
    .insertInto('org_sync_state')
    .values({ org_id: orgId, key, value, updated_at: updatedAt })
    .onConflict((conflict) => conflict.columns(['org_id', 'key']).doUpdateSet({ value, updated_at: updatedAt }))
    .execute()
}

export async function writeCapability(db: Db, orgId: number, name: CapabilityName, status: CapabilityStatus): Promise<void> {
  await writeState(db, orgId, `capability.${name}`, status)
}
