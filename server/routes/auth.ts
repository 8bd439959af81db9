import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { InvitationBody, InvitationReply, MfaBody, SignInBody, SignInReply } from '../contract/auth.js'
import { hashPassword } from '../accounts/password.js'
import { hashToken } from '../accounts/tokens.js'
import { checkPassword, clearFailedAttempts, lockedUntil, recordFailedAttempt, verifySecondFactor } from '../auth/credentials.js'
import { errorResponses } from '../auth/error-responses.js'
import { lockedError } from '../auth/rate-limit.js'
import { logSecurityEvent } from '../auth/security-events.js'
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../auth/session-cookie.js'
import { promoteSession, startSession } from '../auth/sessions.js'
import { findAccountById, updateAccount } from '../db/repositories/accounts.js'
import { consumeInvitation } from '../db/repositories/invitations.js'
import { revokeAccountSessions, revokeSession, revokeSessionByTokenHash } from '../db/repositories/sessions.js'
import { ApiError } from '../errors.js'

const WRONG_PASSWORD = 'The email or password is incorrect.'
const WRONG_CODE = 'The code is incorrect or was already used. Enter the current code from your authenticator app, or a recovery code.'
const INVALID_INVITATION = 'This invitation link is invalid, expired or already used. Ask your IT provider for a new one.'

/** Registers sign-in (password, then TOTP when enrolled), sign-out and invitation acceptance. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rateLimit = { max: app.authRateLimit.max, timeWindow: app.authRateLimit.timeWindowMs }

  app.post(
    '/auth/sign-in',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], body: SignInBody, response: { 200: SignInReply, ...errorResponses(400, 401, 403, 413, 429) } },
    },
    async (request, reply) => {
      const now = app.now()
      const db = app.db.writer
      const result = await checkPassword(db, request.body.email, request.body.password, now)

      if (result.kind === 'locked') {
        logSecurityEvent(request, 'sign_in_failed', { accountId: result.account.id, orgId: result.account.orgId, reason: 'locked' })
        throw lockedError(result.until, now)
      }
      if (result.kind === 'invalid') {
        const account = result.account
        logSecurityEvent(request, 'sign_in_failed', { accountId: account?.id ?? null, orgId: account?.orgId ?? null, reason: result.reason })
        if (account && result.reason === 'wrong_password') {
          const until = await recordFailedAttempt(db, account, now)
          if (until) {
            logSecurityEvent(request, 'account_locked', { accountId: account.id, orgId: account.orgId })
            throw lockedError(until, now)
          }
        }
        throw new ApiError('invalid_credentials', WRONG_PASSWORD)
      }

      const { account } = result
      await clearFailedAttempts(db, account, now)

      // Rotation: whatever session the browser held before is revoked, not reused.
      const previousToken = sessionTokenOf(request)
      if (previousToken) await revokeSessionByTokenHash(db, hashToken(previousToken), now.toISOString())

      const mfaRequired = account.totpSecretEnc !== null
      const { token, sessionId } = await startSession(db, { accountId: account.id, orgId: account.orgId, mfaPending: mfaRequired, now })
      setSessionCookie(request, reply, token)
      logSecurityEvent(request, 'sign_in_succeeded', { accountId: account.id, orgId: account.orgId, sessionId, reason: mfaRequired ? 'mfa_pending' : 'password' })
      return { mfaRequired }
    },
  )

  app.post(
    '/auth/mfa',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], body: MfaBody, response: { 200: Type.Object({}), ...errorResponses(400, 401, 403, 413, 429) } },
    },
    async (request, reply) => {
      const auth = request.auth
      if (!auth) throw new ApiError('not_signed_in', 'Sign in with your email and password first.')
      if (!auth.mfaPending) return {}

      const now = app.now()
      const db = app.db.writer
      const account = await findAccountById(db, auth.account.id)
      if (!account) throw new ApiError('not_signed_in', 'Sign in with your email and password first.')
      const until = lockedUntil(account, now)
      if (until) {
        logSecurityEvent(request, 'mfa_failed', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId, reason: 'locked' })
        throw lockedError(until, now)
      }

      const method = await verifySecondFactor(db, app.portalSecretKey, account, request.body.code, now)
      if (!method) {
        logSecurityEvent(request, 'mfa_failed', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId, reason: 'wrong_code' })
        const lockEnd = await recordFailedAttempt(db, account, now)
        if (lockEnd) {
          logSecurityEvent(request, 'account_locked', { accountId: account.id, orgId: account.orgId })
          throw lockedError(lockEnd, now)
        }
        throw new ApiError('invalid_credentials', WRONG_CODE)
      }

      await clearFailedAttempts(db, account, now)
      const token = await promoteSession(db, auth.sessionId, now)
      setSessionCookie(request, reply, token)
      logSecurityEvent(request, 'mfa_succeeded', { accountId: account.id, orgId: account.orgId, sessionId: auth.sessionId, reason: method })
      return {}
    },
  )

  app.post(
    '/auth/sign-out',
    { schema: { tags: ['auth'], response: { 204: Type.Null(), ...errorResponses(403) } } },
    async (request, reply) => {
      const now = app.now()
      if (request.auth) {
        await revokeSession(app.db.writer, request.auth.sessionId, now.toISOString())
        logSecurityEvent(request, 'signed_out', { accountId: request.auth.account.id, orgId: request.auth.organization.id, sessionId: request.auth.sessionId })
      } else {
        const token = sessionTokenOf(request)
        if (token) await revokeSessionByTokenHash(app.db.writer, hashToken(token), now.toISOString())
      }
      clearSessionCookie(request, reply)
      reply.header('clear-site-data', '"cache"')
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/auth/invitation',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], body: InvitationBody, response: { 200: InvitationReply, ...errorResponses(400, 403, 413, 429) } },
    },
    async (request, reply) => {
      const now = app.now()
      const db = app.db.writer
      const accountId = await consumeInvitation(db, hashToken(request.body.token), now.toISOString())
      const account = accountId === null ? null : await findAccountById(db, accountId)
      if (!account || account.disabled) {
        logSecurityEvent(request, 'invitation_rejected', { accountId: account?.id ?? null, orgId: account?.orgId ?? null, reason: account ? 'disabled' : 'invalid_token' })
        throw new ApiError('invitation_invalid', INVALID_INVITATION)
      }

      // A new password ends every earlier session of the account, and of this browser.
      const passwordHash = await hashPassword(request.body.password)
      await updateAccount(db, account.id, { passwordHash, failedSignIns: 0, lockedUntil: null }, now.toISOString())
      await revokeAccountSessions(db, account.id, now.toISOString())
      const previousToken = sessionTokenOf(request)
      if (previousToken) await revokeSessionByTokenHash(db, hashToken(previousToken), now.toISOString())

      const mfaRequired = account.totpSecretEnc !== null
      const { token, sessionId } = await startSession(db, { accountId: account.id, orgId: account.orgId, mfaPending: mfaRequired, now })
      setSessionCookie(request, reply, token)
      logSecurityEvent(request, 'invitation_accepted', { accountId: account.id, orgId: account.orgId, sessionId })
      return { email: account.email, mfaRequired }
    },
  )
}

export default authRoutes
