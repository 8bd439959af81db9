import type { Db } from '../database.js'

export async function insertInvitation(db: Db, input: { accountId: number; tokenHash: string; expiresAt: string; now: string }): Promise<void> {
  await db
    .insertInto('invitations')
    .values({ account_id: input.accountId, token_hash: input.tokenHash, expires_at: input.expiresAt, used_at: null, created_at: input.now })
    .execute()
}

/**
 * Uses an invitation once: marks it used if it is unused and not expired at `now`, and returns
 * its account id, or null. Other open invitations of the account are closed too, so only the
 * newest link ever sets a password.
 */
export async function consumeInvitation(db: Db, tokenHash: string, now: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .updateTable('invitations')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('account_id')
      .executeTakeFirst()
    if (!invitation) return null
    await trx.updateTable('invitations').set({ used_at: now }).where('account_id', '=', invitation.account_id).where('used_at', 'is', null).execute()
    return invitation.account_id
  })
}

/** Closes every open invitation of the account (a newer one replaces them). */
export async function closeOpenInvitations(db: Db, accountId: number, now: string): Promise<void> {
  await db.updateTable('invitations').set({ used_at: now }).where('account_id', '=', accountId).where('used_at', 'is', null).execute()
}
