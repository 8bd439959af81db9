import type { Db } from '../database.js'
import type { Role } from '../../contract/me.js'

export interface AccountRow {
  id: number
  orgId: number
  email: string
  displayName: string
  role: Role
  m365Permitted: boolean
  disabled: boolean
  passwordHash: string | null
  totpSecretEnc: string | null
  totpPendingSecretEnc: string | null
  totpLastStep: number | null
  failedSignIns: number
  lockedUntil: string | null
}

const columns = [
  'id', 'org_id as orgId', 'email', 'display_name as displayName', 'role', 'm365_permitted', 'disabled',
  'password_hash as passwordHash', 'totp_secret_enc as totpSecretEnc', 'totp_pending_secret_enc as totpPendingSecretEnc',
  'totp_last_step as totpLastStep', 'failed_sign_ins as failedSignIns', 'locked_until as lockedUntil',
] as const

type RawRow = Omit<AccountRow, 'm365Permitted' | 'disabled'> & { m365_permitted: number; disabled: number }

function toAccount(row: RawRow | undefined): AccountRow | null {
  if (!row) return null
  const { m365_permitted, disabled, ...rest } = row
  return { ...rest, m365Permitted: m365_permitted !== 0, disabled: disabled !== 0 }
}

/** Emails are stored lower-cased and trimmed; every lookup goes through this. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function insertAccount(
  db: Db,
  input: { orgId: number; email: string; displayName: string; role: Role; m365Permitted: boolean; passwordHash: string | null; now: string },
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({
      org_id: input.orgId,
      email: normalizeEmail(input.email),
      display_name: input.displayName,
      role: input.role,
      m365_permitted: input.m365Permitted ? 1 : 0,
      disabled: 0,
      password_hash: input.passwordHash,
      failed_sign_ins: 0,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | null> {
  return toAccount(await db.selectFrom('accounts').select(columns).where('email', '=', normalizeEmail(email)).executeTakeFirst())
}

export async function findAccountById(db: Db, id: number): Promise<AccountRow | null> {
  return toAccount(await db.selectFrom('accounts').select(columns).where('id', '=', id).executeTakeFirst())
}

export async function listAccountsOfOrganization(db: Db, orgId: number): Promise<AccountRow[]> {
  const rows = await db.selectFrom('accounts').select(columns).where('org_id', '=', orgId).orderBy('email').execute()
  return rows.map((row) => toAccount(row)!)
}

export type AccountUpdate = Partial<{
  role: Role
  m365Permitted: boolean
  disabled: boolean
  passwordHash: string | null
  totpSecretEnc: string | null
  totpPendingSecretEnc: string | null
  totpLastStep: number | null
  failedSignIns: number
  lockedUntil: string | null
}>

export async function updateAccount(db: Db, id: number, update: AccountUpdate, now: string): Promise<void> {
  const set: Record<string, unknown> = { updated_at: now }
  if (update.role !== undefined) set.role = update.role
  if (update.m365Permitted !== undefined) set.m365_permitted = update.m365Permitted ? 1 : 0
  if (update.disabled !== undefined) set.disabled = update.disabled ? 1 : 0
  if (update.passwordHash !== undefined) set.password_hash = update.passwordHash
  if (update.totpSecretEnc !== undefined) set.totp_secret_enc = update.totpSecretEnc
  if (update.totpPendingSecretEnc !== undefined) set.totp_pending_secret_enc = update.totpPendingSecretEnc
  if (update.totpLastStep !== undefined) set.totp_last_step = update.totpLastStep
  if (update.failedSignIns !== undefined) set.failed_sign_ins = update.failedSignIns
  if (update.lockedUntil !== undefined) set.locked_until = update.lockedUntil
  await db.updateTable('accounts').set(set).where('id', '=', id).execute()
}

/**
 * Records an accepted TOTP step only if it is later than the stored one, so two requests racing
 * with the same code cannot both succeed. Returns whether this request won.
 */
export async function claimTotpStep(db: Db, id: number, step: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ totp_last_step: step, updated_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Adds one failed attempt and returns the new count. */
export async function incrementFailedSignIns(db: Db, id: number, now: string): Promise<number> {
  const row = await db
    .updateTable('accounts')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .returning('failed_sign_ins')
    .executeTakeFirst()
  return row?.failed_sign_ins ?? 0
}

/** Replaces the account's recovery codes with new hashes. */
export async function replaceRecoveryCodes(db: Db, accountId: number, codeHashes: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute()
    if (codeHashes.length > 0) {
      await trx.insertInto('recovery_codes').values(codeHashes.map((code_hash) => ({ account_id: accountId, code_hash, used_at: null }))).execute()
    }
  })
}

/** Marks an unused recovery code as used; returns false when it is unknown or already used. */
export async function useRecoveryCode(db: Db, accountId: number, codeHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function countUnusedRecoveryCodes(db: Db, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
