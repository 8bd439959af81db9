import type { Db } from '../db/database.js'
import { DEFAULT_PORTAL_SETTINGS, type PortalSettings } from '../contract/settings.js'
import { seal } from '../crypto/seal.js'
import { findAccountById, insertAccount, replaceRecoveryCodes, updateAccount } from '../db/repositories/accounts.js'
import { closeOpenInvitations, insertInvitation } from '../db/repositories/invitations.js'
import {
  findOrganizationRowById,
  findOrganizationRowBySlug,
  insertOrganization,
  updateOrganizationSettingsJson,
} from '../db/repositories/organizations.js'
import { hashPassword } from './password.js'
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.js'
import { mergeSettings, parseStoredSettings } from './settings.js'
import { hashToken, newToken } from './tokens.js'

// Account and organization operations shared by the CLI, the demo seeding and the tests.
// Each takes the writer connection, and `now` defaults to the wall clock.

/** Default life of an invitation link, in hours. */
export const DEFAULT_INVITATION_HOURS = 72

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export class AccountInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AccountInputError'
  }
}

/** Seal context of an account's TOTP secret, so a sealed secret cannot be copied to another account. */
export function totpSealContext(accountId: number): string {
  return `totp:${accountId}`
}

export async function createOrganization(
  db: Db,
  input: { slug: string; name: string; settings?: Partial<PortalSettings> },
  now: Date = new Date(),
): Promise<{ id: number; slug: string; name: string }> {
  if (!SLUG_PATTERN.test(input.slug)) {
    throw new AccountInputError(`Invalid organization slug "${input.slug}": use lower-case letters, digits and hyphens (for example "contoso").`)
  }
  const name = input.name.trim()
  if (!name) throw new AccountInputError('Missing organization name: give a display name such as "Contoso Ltd".')
  if (await findOrganizationRowBySlug(db, input.slug)) {
    throw new AccountInputError(`Organization "${input.slug}" already exists: choose another slug.`)
  }

  const settings = mergeSettings(DEFAULT_PORTAL_SETTINGS, input.settings ?? {})
  const id = await insertOrganization(db, { slug: input.slug, name, settingsJson: JSON.stringify(settings), now: now.toISOString() })
  return { id, slug: input.slug, name }
}

/** Merges `patch` over the stored settings, validates the result and stores it. */
export async function updateOrganizationSettings(db: Db, orgId: number, patch: Partial<PortalSettings>, now: Date = new Date()): Promise<PortalSettings> {
  const organization = await findOrganizationRowById(db, orgId)
  if (!organization) throw new AccountInputError(`Organization ${orgId} not found.`)
  const settings = mergeSettings(parseStoredSettings(organization.settingsJson), patch)
  await updateOrganizationSettingsJson(db, orgId, JSON.stringify(settings), now.toISOString())
  return settings
}

export async function findOrganizationBySlug(db: Db, slug: string): Promise<{ id: number; slug: string; name: string; settings: PortalSettings } | null> {
  const row = await findOrganizationRowBySlug(db, slug)
  if (!row) return null
  return { id: row.id, slug: row.slug, name: row.name, settings: parseStoredSettings(row.settingsJson) }
}

/** Creates an account; without a password it can only sign in after accepting an invitation. */
export async function createAccount(
  db: Db,
  input: { orgId: number; email: string; displayName: string; role: 'manager' | 'standard'; m365Permitted?: boolean; password?: string },
  now: Date = new Date(),
): Promise<{ id: number }> {
  const email = input.email.trim().toLowerCase()
  if (!EMAIL_PATTERN.test(email) || email.length > 254) {
    throw new AccountInputError(`Invalid email "${input.email}": expected an address such as "name@example.com".`)
  }
  if (input.role !== 'manager' && input.role !== 'standard') {
    throw new AccountInputError(`Invalid role "${String(input.role)}": use "manager" or "standard".`)
  }
  const displayName = input.displayName.trim()
  if (!displayName) throw new AccountInputError('Missing display name: give the person\'s name.')
  if (input.password !== undefined && input.password.length < 12) {
    throw new AccountInputError('Invalid password: use at least 12 characters.')
  }
  if (!(await findOrganizationRowById(db, input.orgId))) throw new AccountInputError(`Organization ${input.orgId} not found.`)

  const existing = await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst()
  if (existing) throw new AccountInputError(`An account with email "${email}" already exists: use another email or change that account.`)

  const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
  const id = await insertAccount(db, {
    orgId: input.orgId,
    email,
    displayName,
    role: input.role,
    m365Permitted: input.m365Permitted ?? true,
    passwordHash,
    now: now.toISOString(),
  })
  return { id }
}

/**
 * Enrols a TOTP secret as confirmed, without asking for a first code, for the demo accounts and
 * tests. Replaces any earlier enrolment and returns fresh recovery codes.
 */
export async function enrollTotp(db: Db, secretKey: string, accountId: number, base32Secret: string, now: Date = new Date()): Promise<string[]> {
  const secret = base32Secret.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z2-7]{16,}=*$/.test(secret)) {
    throw new AccountInputError('Invalid TOTP secret: expected at least 16 base32 characters (A-Z, 2-7).')
  }
  if (!(await findAccountById(db, accountId))) throw new AccountInputError(`Account ${accountId} not found.`)

  const codes = generateRecoveryCodes()
  await updateAccount(
    db,
    accountId,
    { totpSecretEnc: seal(secret, secretKey, totpSealContext(accountId)), totpPendingSecretEnc: null, totpLastStep: null },
    now.toISOString(),
  )
  await replaceRecoveryCodes(db, accountId, codes.map(hashRecoveryCode))
  return codes
}

/** Issues a one-time invitation link token (stored hashed) and closes earlier open invitations. */
export async function createInvitation(
  db: Db,
  accountId: number,
  validHours: number = DEFAULT_INVITATION_HOURS,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  if (!Number.isFinite(validHours) || validHours <= 0 || validHours > 24 * 30) {
    throw new AccountInputError(`Invalid invitation validity ${validHours} hours: use 1 to 720 hours.`)
  }
  if (!(await findAccountById(db, accountId))) throw new AccountInputError(`Account ${accountId} not found.`)

  const token = newToken()
  const expiresAt = new Date(now.getTime() + validHours * 3_600_000).toISOString()
  await closeOpenInvitations(db, accountId, now.toISOString())
  await insertInvitation(db, { accountId, tokenHash: hashToken(token), expiresAt, now: now.toISOString() })
  return { token, expiresAt }
}
