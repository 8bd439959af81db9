import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { PasswordChangeBody, TotpCodeBody, TotpConfirmReply, TotpStartReply } from '../contract/auth.js'
import { Me } from '../contract/me.js'
import { seal, unseal } from '../crypto/seal.js'
import { hashPassword, verifyPassword } from '../accounts/password.js'
import { generateRecoveryCodes, hashRecoveryCode } from '../accounts/recovery-codes.js'
import { totpSealContext } from '../accounts/service.js'
import { newTotpSecret, totpQrCodeDataUrl, totpUri, verifyTotpCode } from '../accounts/totp.js'
import { cacheKeyFor } from '../auth/cache-key.js'
import { verifySecondFactor } from '../auth/credentials.js'
import { errorResponses } from '../auth/error-responses.js'
import { assertSignedIn, permissionsFor } from '../auth/permissions.js'
import { logSecurityEvent } from '../auth/security-events.js'
import { findAccountById, replaceRecoveryCodes, updateAccount, type AccountRow } from '../db/repositories/accounts.js'
import { revokeAccountSessions } from '../db/repositories/sessions.js'
import { ApiError } from '../errors.js'

const WRONG_CODE = 'The code is incorrect or was already used. Enter the current code from your authenticator app.'

/** Registers the signed-in account's routes: profile, permissions, password change and TOTP enrolment. */
const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rateLimit = { max: app.authRateLimit.max, timeWindow: app.authRateLimit.timeWindowMs }

  async function currentAccount(accountId: number): Promise<AccountRow> {
    const account = await findAccountById(app.db.writer, accountId)
    if (!account) throw new ApiError('not_signed_in', 'Sign in to continue.')
    return account
  }

  app.get('/me', { schema: { tags: ['me'], response: { 200: Me, ...errorResponses(401) } } }, async (request) => {
    const auth = assertSignedIn(request.auth)
    const { settings } = auth
    return {
      account: {
        id: String(auth.account.id),
        email: auth.account.email,
        displayName: auth.account.displayName,
        role: auth.account.role,
        mfaEnabled: auth.account.mfaEnabled,
      },
      organization: { id: String(auth.organization.id), name: auth.organization.name },
      settings: {
        m365Enabled: settings.m365Enabled,
        securityAlertsEnabled: settings.securityAlertsEnabled,
        offlineCache: settings.offlineCache,
        provider: settings.provider,
      },
      permissions: permissionsFor(auth),
      cacheKey: cacheKeyFor(app.portalSecretKey, auth.account.id, auth.organization.id),
    }
  })

  app.post(
    '/me/password',
    { config: { rateLimit }, schema: { tags: ['me'], body: PasswordChangeBody, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 413, 429) } } },
    async (request, reply) => {
      const auth = assertSignedIn(request.auth)
      const account = await currentAccount(auth.account.id)
      if (!account.passwordHash || !(await verifyPassword(request.body.currentPassword, account.passwordHash))) {
        logSecurityEvent(request, 'sign_in_failed', { accountId: account.id, orgId: account.orgId, reason: 'wrong_current_password' })
        throw new ApiError('invalid_credentials', 'The current password is incorrect.')
      }

      const now = app.now().toISOString()
      await updateAccount(app.db.writer, account.id, { passwordHash: await hashPassword(request.body.newPassword) }, now)
      const revoked = await revokeAccountSessions(app.db.writer, account.id, now, auth.sessionId)
      logSecurityEvent(request, 'password_changed', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId, reason: `revoked_${revoked}_sessions` })
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/me/totp',
    { schema: { tags: ['me'], response: { 200: TotpStartReply, ...errorResponses(401, 403, 409, 413) } } },
    async (request) => {
      const auth = assertSignedIn(request.auth)
      const account = await currentAccount(auth.account.id)
      if (account.totpSecretEnc) {
        throw new ApiError('totp_already_enrolled', 'Two-step sign-in is already set up. Remove it first to enrol a new authenticator.')
      }

      // Each start replaces an unconfirmed secret, so only the latest QR code works.
      const secret = newTotpSecret()
      const sealed = seal(secret, app.portalSecretKey, totpSealContext(account.id))
      await updateAccount(app.db.writer, account.id, { totpPendingSecretEnc: sealed }, app.now().toISOString())
      const otpauthUrl = totpUri(secret, account.email)
      return { secret, otpauthUrl, qrCodeDataUrl: await totpQrCodeDataUrl(otpauthUrl) }
    },
  )

  app.post(
    '/me/totp/confirm',
    { config: { rateLimit }, schema: { tags: ['me'], body: TotpCodeBody, response: { 200: TotpConfirmReply, ...errorResponses(400, 401, 403, 409, 413, 429) } } },
    async (request) => {
      const auth = assertSignedIn(request.auth)
      const account = await currentAccount(auth.account.id)
      if (account.totpSecretEnc) throw new ApiError('totp_already_enrolled', 'Two-step sign-in is already set up.')
      if (!account.totpPendingSecretEnc) {
        throw new ApiError('totp_not_enrolled', 'No enrolment is waiting for a code. Start again from your profile to get a new QR code.')
      }

      const now = app.now()
      const secret = unseal(account.totpPendingSecretEnc, app.portalSecretKey, totpSealContext(account.id))
      const step = await verifyTotpCode(secret, request.body.code, now, null)
      if (step === null) {
        logSecurityEvent(request, 'mfa_failed', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId, reason: 'enrolment_code' })
        throw new ApiError('invalid_credentials', WRONG_CODE)
      }

      const codes = generateRecoveryCodes()
      await updateAccount(
        app.db.writer,
        account.id,
        { totpSecretEnc: account.totpPendingSecretEnc, totpPendingSecretEnc: null, totpLastStep: step },
        now.toISOString(),
      )
      await replaceRecoveryCodes(app.db.writer, account.id, codes.map(hashRecoveryCode))
      logSecurityEvent(request, 'totp_enrolled', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId })
      return { recoveryCodes: codes }
    },
  )

  app.delete(
    '/me/totp',
    { config: { rateLimit }, schema: { tags: ['me'], body: TotpCodeBody, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 409, 413, 429) } } },
    async (request, reply) => {
      const auth = assertSignedIn(request.auth)
      const account = await currentAccount(auth.account.id)
      if (!account.totpSecretEnc) throw new ApiError('totp_not_enrolled', 'Two-step sign-in is not set up for this account.')

      const now = app.now()
      const method = await verifySecondFactor(app.db.writer, app.portalSecretKey, account, request.body.code, now)
      if (!method) {
        logSecurityEvent(request, 'mfa_failed', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId, reason: 'totp_removal_code' })
        throw new ApiError('invalid_credentials', WRONG_CODE)
      }

      await updateAccount(app.db.writer, account.id, { totpSecretEnc: null, totpPendingSecretEnc: null, totpLastStep: null }, now.toISOString())
      await replaceRecoveryCodes(app.db.writer, account.id, [])
      logSecurityEvent(request, 'totp_removed', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId, reason: method })
      return reply.code(204).send(null)
    },
  )
}

export default meRoutes
