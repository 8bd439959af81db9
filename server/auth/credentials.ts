import type { Db } from '../db/database.js'
import { unseal } from '../crypto/seal.js'
import {
  claimTotpStep,
  findAccountByEmail,
  incrementFailedSignIns,
  updateAccount,
  useRecoveryCode,
  type AccountRow,
} from '../db/repositories/accounts.js'
import { verifyDummyPassword, verifyPassword } from '../accounts/password.js'
import { hashRecoveryCode, normalizeRecoveryCode } from '../accounts/recovery-codes.js'
import { totpSealContext } from '../accounts/service.js'
import { isTotpCode, verifyTotpCode } from '../accounts/totp.js'
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from './rate-limit.js'

export type PasswordCheck =
  | { kind: 'ok'; account: AccountRow }
  | { kind: 'invalid'; account: AccountRow | null; reason: 'unknown_email' | 'no_password' | 'wrong_password' | 'disabled' }
  | { kind: 'locked'; account: AccountRow; until: Date }

/** Returns when the account's lock ends, or null when it is not locked at `now`. */
export function lockedUntil(account: AccountRow, now: Date): Date | null {
  if (!account.lockedUntil) return null
  const until = new Date(account.lockedUntil)
  return until.getTime() > now.getTime() ? until : null
}

/**
 * Checks an email and password. Unknown emails and accounts without a password still spend a
 * scrypt check, so timing does not reveal which emails exist. A disabled account is reported
 * only after its password matched.
 */
export async function checkPassword(db: Db, email: string, password: string, now: Date): Promise<PasswordCheck> {
  const account = await findAccountByEmail(db, email)
  if (!account) {
    await verifyDummyPassword(password)
    return { kind: 'invalid', account: null, reason: 'unknown_email' }
  }
  if (!account.passwordHash) {
    await verifyDummyPassword(password)
    return { kind: 'invalid', account, reason: 'no_password' }
  }

  // NOTE: a locked account gets 429 while an unknown email gets 401, so a lock reveals that the email exists.
  const until = lockedUntil(account, now)
  if (until) return { kind: 'locked', account, until }

  if (!(await verifyPassword(password, account.passwordHash))) return { kind: 'invalid', account, reason: 'wrong_password' }
  if (account.disabled) return { kind: 'invalid', account, reason: 'disabled' }
  return { kind: 'ok', account }
}

/** Counts a failed attempt and returns the lock end when this attempt reached the threshold. */
export async function recordFailedAttempt(db: Db, account: AccountRow, now: Date): Promise<Date | null> {
  const failures = await incrementFailedSignIns(db, account.id, now.toISOString())
  if (failures < LOCKOUT_THRESHOLD) return null
  const until = new Date(now.getTime() + LOCKOUT_MS)
  await updateAccount(db, account.id, { failedSignIns: 0, lockedUntil: until.toISOString() }, now.toISOString())
  return until
}

export async function clearFailedAttempts(db: Db, account: AccountRow, now: Date): Promise<void> {
  if (account.failedSignIns === 0 && account.lockedUntil === null) return
  await updateAccount(db, account.id, { failedSignIns: 0, lockedUntil: null }, now.toISOString())
}

/**
 * Checks a second-factor code: a six-digit TOTP code (each time step accepted once) or an
 * unused recovery code (then spent). Returns which kind matched, or null.
 */
export async function verifySecondFactor(db: Db, secretKey: string, account: AccountRow, code: string, now: Date): Promise<'totp' | 'recovery' | null> {
  if (!account.totpSecretEnc) return null

  if (isTotpCode(code)) {
    const secret = unseal(account.totpSecretEnc, secretKey, totpSealContext(account.id))
    const step = await verifyTotpCode(secret, code, now, account.totpLastStep)
    if (step === null) return null
    return (await claimTotpStep(db, account.id, step, now.toISOString())) ? 'totp' : null
  }

  const recoveryCode = normalizeRecoveryCode(code)
  if (recoveryCode === null) return null
  return (await useRecoveryCode(db, account.id, hashRecoveryCode(recoveryCode), now.toISOString())) ? 'recovery' : null
}
