import { generate } from 'otplib'
import type { PortalSettings } from '../../server/contract/settings.js'
import { createAccount, createOrganization, enrollTotp, findOrganizationBySlug, updateOrganizationSettings } from '../../server/accounts/service.js'
import type { TestServer } from './server.js'

export const SESSION_COOKIE = 'portal_session'

export interface SeedAccountInput {
  /** Organization slug; created (named after the slug) when missing. Default `contoso`. */
  org?: string
  email: string
  role: 'manager' | 'standard'
  password: string
  /** Base32 TOTP secret to enrol as confirmed. */
  totpSecret?: string
  m365Permitted?: boolean
  /** Settings patch applied to the organization. */
  settings?: Partial<PortalSettings>
}

export interface SeededAccount {
  accountId: number
  orgId: number
  recoveryCodes: string[]
}

/** Creates (or reuses) the organization and creates an account in it directly through the service. */
export async function seedAccount(server: TestServer, input: SeedAccountInput): Promise<SeededAccount> {
  const db = server.db.writer
  const slug = input.org ?? 'contoso'
  const organization = (await findOrganizationBySlug(db, slug)) ?? (await createOrganization(db, { slug, name: slug[0]!.toUpperCase() + slug.slice(1) }))
  if (input.settings) await updateOrganizationSettings(db, organization.id, input.settings)

  const { id } = await createAccount(db, {
    orgId: organization.id,
    email: input.email,
    displayName: input.email.split('@')[0]!,
    role: input.role,
    m365Permitted: input.m365Permitted ?? true,
    password: input.password,
  })
  const recoveryCodes = input.totpSecret ? await enrollTotp(db, server.config.secretKey!, id, input.totpSecret) : []
  return { accountId: id, orgId: organization.id, recoveryCodes }
}

/** Returns the `name=value` pair of the session cookie set by a response, or throws. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  let headers: string[] = []
  if (Array.isArray(setCookie)) headers = setCookie
  else if (setCookie) headers = [setCookie]
  const pair = headers.map((header) => header.split(';')[0]!).find((candidate) => candidate.startsWith(`${SESSION_COOKIE}=`))
  if (!pair || pair === `${SESSION_COOKIE}=`) throw new Error(`Expected a ${SESSION_COOKIE} cookie in the response, got: ${JSON.stringify(headers)}`)
  return pair
}

/** Current TOTP code for a secret at the test server's clock. */
export function totpCodeAt(server: TestServer, secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(server.clock.now.getTime() / 1000) + offsetSeconds })
}

/**
 * Signs in through the real endpoints (password, then `code` when MFA is required) and returns
 * the cookie header to send on later requests. Throws with the response body when a step fails.
 */
export async function signIn(server: TestServer, email: string, password: string, code?: string): Promise<string> {
  const signInResponse = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } })
  if (signInResponse.statusCode !== 200) throw new Error(`Sign-in of ${email} failed with ${signInResponse.statusCode}: ${signInResponse.body}`)
  const cookie = sessionCookieFrom(signInResponse.headers['set-cookie'])
  if (!signInResponse.json<{ mfaRequired: boolean }>().mfaRequired) return cookie
  if (code === undefined) throw new Error(`Sign-in of ${email} needs a TOTP code: pass one to signIn().`)

  const mfaResponse = await server.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', payload: { code }, headers: { cookie } })
  if (mfaResponse.statusCode !== 200) throw new Error(`MFA step of ${email} failed with ${mfaResponse.statusCode}: ${mfaResponse.body}`)
  return sessionCookieFrom(mfaResponse.headers['set-cookie'])
}
