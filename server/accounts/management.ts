import type { Db } from '../db/database.js'
import type { Role } from '../contract/me.js'
import { findAccountByEmail, replaceRecoveryCodes, updateAccount, type AccountRow } from '../db/repositories/accounts.js'
import { revokeAccountSessions } from '../db/repositories/sessions.js'
import { AccountInputError } from './service.js'

// Changes the provider makes to existing accounts (through the CLI). Each one that reduces what
// an account may do also revokes its sessions, so the change applies at once, not at the next sign-in.

/** Finds an account by email or throws an error naming the email and how to list accounts. */
export async function requireAccountByEmail(db: Db, email: string): Promise<AccountRow> {
  const account = await findAccountByEmail(db, email)
  if (!account) throw new AccountInputError(`Account "${email}" not found: check the email with \`portal account list --org SLUG\`.`)
  return account
}

export async function setAccountRole(db: Db, accountId: number, role: Role, now: Date = new Date()): Promise<void> {
  if (role !== 'manager' && role !== 'standard') throw new AccountInputError(`Invalid role "${String(role)}": use "manager" or "standard".`)
  await updateAccount(db, accountId, { role }, now.toISOString())
}

export async function setM365Permitted(db: Db, accountId: number, permitted: boolean, now: Date = new Date()): Promise<void> {
  await updateAccount(db, accountId, { m365Permitted: permitted }, now.toISOString())
}

/** Disables the account and revokes all its sessions, returning how many sessions ended. */
export async function disableAccount(db: Db, accountId: number, now: Date = new Date()): Promise<number> {
  await updateAccount(db, accountId, { disabled: true }, now.toISOString())
  return revokeAccountSessions(db, accountId, now.toISOString())
}

export async function enableAccount(db: Db, accountId: number, now: Date = new Date()): Promise<void> {
  await updateAccount(db, accountId, { disabled: false, failedSignIns: 0, lockedUntil: null }, now.toISOString())
}

/**
 * Removes the account's TOTP enrolment and recovery codes (for a lost phone) and revokes its
 * sessions. The person then signs in with the password alone and can enrol again from the profile.
 */
export async function resetMfa(db: Db, accountId: number, now: Date = new Date()): Promise<number> {
  await updateAccount(db, accountId, { totpSecretEnc: null, totpPendingSecretEnc: null, totpLastStep: null }, now.toISOString())
  await replaceRecoveryCodes(db, accountId, [])
  return revokeAccountSessions(db, accountId, now.toISOString())
}
