import type { Db } from '../database.js'
import type { Role } from '../../contract/me.js'

/** A session joined with its account and organization: everything the session plugin needs. */
export interface SessionLookup {
  sessionId: number
  mfaPending: boolean
  createdAt: string
  lastSeenAt: string
  accountId: number
  email: string
  displayName: string
  role: Role
  m365Permitted: boolean
  mfaEnabled: boolean
  orgId: number
  orgSlug: string
  orgName: string
  settingsJson: string
}

export async function insertSession(db: Db, input: { tokenHash: string; accountId: number; orgId: number; mfaPending: boolean; now: string }): Promise<number> {
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: input.tokenHash,
      account_id: input.accountId,
      org_id: input.orgId,
      mfa_pending: input.mfaPending ? 1 : 0,
      created_at: input.now,
      last_seen_at: input.now,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Finds a live session by token hash in one query over the unique token index, joined with an
 * enabled account and its organization. Revoked sessions and disabled accounts return null.
 */
export async function findLiveSession(db: Db, tokenHash: string): Promise<SessionLookup | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .innerJoin('organizations', 'organizations.id', 'accounts.org_id')
    .select([
      'sessions.id as sessionId',
      'sessions.mfa_pending as mfaPending',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'accounts.id as accountId',
      'accounts.email as email',
      'accounts.display_name as displayName',
      'accounts.role as role',
      'accounts.m365_permitted as m365Permitted',
      'accounts.totp_secret_enc as totpSecretEnc',
      'organizations.id as orgId',
      'organizations.slug as orgSlug',
      'organizations.name as orgName',
      'organizations.settings_json as settingsJson',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('accounts.disabled', '=', 0)
    .executeTakeFirst()
  if (!row) return null
  const { totpSecretEnc, ...rest } = row
  return { ...rest, mfaPending: row.mfaPending !== 0, m365Permitted: row.m365Permitted !== 0, mfaEnabled: totpSecretEnc !== null }
}

export async function touchSession(db: Db, sessionId: number, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute()
}

/** Marks the MFA step done and swaps the token, so a token seen before MFA is worthless after it. */
export async function completeSessionMfa(db: Db, sessionId: number, newTokenHash: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ mfa_pending: 0, token_hash: newTokenHash, last_seen_at: now })
    .where('id', '=', sessionId)
    .execute()
}

export async function revokeSession(db: Db, sessionId: number, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
}

export async function revokeSessionByTokenHash(db: Db, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute()
}

/** Revokes every live session of the account, except `keepSessionId` when given; returns how many. */
export async function revokeAccountSessions(db: Db, accountId: number, now: string, keepSessionId?: number): Promise<number> {
  let query = db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null)
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
