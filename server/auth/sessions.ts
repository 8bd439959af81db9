import type { Db } from '../db/database.js'
import { completeSessionMfa, insertSession } from '../db/repositories/sessions.js'
import { hashToken, newToken } from '../accounts/tokens.js'

/** Creates a session row and returns its cookie token. Only the token's hash is stored. */
export async function startSession(db: Db, input: { accountId: number; orgId: number; mfaPending: boolean; now: Date }): Promise<{ token: string; sessionId: number }> {
  const token = newToken()
  const sessionId = await insertSession(db, {
    tokenHash: hashToken(token),
    accountId: input.accountId,
    orgId: input.orgId,
    mfaPending: input.mfaPending,
    now: input.now.toISOString(),
  })
  return { token, sessionId }
}

/** Turns an MFA-pending session into a full one under a new token, which it returns. */
export async function promoteSession(db: Db, sessionId: number, now: Date): Promise<string> {
  const token = newToken()
  await completeSessionMfa(db, sessionId, hashToken(token), now.toISOString())
  return token
}
