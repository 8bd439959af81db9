import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import { resolveSecretKey } from '../accounts/secret-key.js'
import { parseStoredSettings } from '../accounts/settings.js'
import { hashToken } from '../accounts/tokens.js'
import { LAST_SEEN_WRITE_INTERVAL_MS, sessionExpiry } from '../auth/expiry.js'
import { DEFAULT_AUTH_RATE_LIMIT, rateLimitError, type AuthRateLimit } from '../auth/rate-limit.js'
import { logSecurityEvent } from '../auth/security-events.js'
import { clearSessionCookie, sessionTokenOf } from '../auth/session-cookie.js'
import { findLiveSession, revokeSession, touchSession } from '../db/repositories/sessions.js'
import { ApiError } from '../errors.js'

export interface SessionPluginOptions {
  /** Per-address limit on sign-in, MFA and invitation routes, which tests lower. */
  authRateLimit?: AuthRateLimit
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Base64 key sealing TOTP secrets (PORTAL_SECRET_KEY, or the demo's generated key). */
    portalSecretKey: string
    authRateLimit: AuthRateLimit
  }
}

const EXPIRY_MESSAGES = {
  idle: 'Your session ended after a period of inactivity. Sign in again.',
  absolute: 'Your session reached its maximum length. Sign in again.',
  mfa_pending: 'The sign-in waited too long for the code from your authenticator app. Sign in again.',
} as const

/** Routes that work without a session, so an expired cookie must not block them. */
const SESSIONLESS_ROUTES = new Set(['/api/v1/auth/sign-in', '/api/v1/auth/invitation', '/api/v1/auth/sign-out'])

/**
 * Reads the `portal_session` cookie on every API request and sets `request.auth`. A session past
 * its idle or absolute timeout is revoked and gets 401 `session_expired`. Revoked or unknown
 * tokens leave `request.auth` null, so the route returns `not_signed_in`.
 */
export default fp<SessionPluginOptions>(
  async (app, options) => {
    await app.register(cookie)
    await app.register(rateLimit, { global: false, errorResponseBuilder: rateLimitError })
    app.decorate('portalSecretKey', resolveSecretKey(app.config))
    app.decorate('authRateLimit', options.authRateLimit ?? DEFAULT_AUTH_RATE_LIMIT)
    app.decorateRequest('auth', null)

    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return
      const token = sessionTokenOf(request)
      if (!token) return

      const session = await findLiveSession(app.db.reader, hashToken(token))
      if (!session) return

      const now = app.now()
      const settings = parseStoredSettings(session.settingsJson)
      const expiry = sessionExpiry(session, settings.session, now)
      if (expiry) {
        await revokeSession(app.db.writer, session.sessionId, now.toISOString())
        logSecurityEvent(request, 'session_expired', { accountId: session.accountId, orgId: session.orgId, sessionId: session.sessionId, reason: expiry })
        clearSessionCookie(request, reply)
        if (SESSIONLESS_ROUTES.has(request.routeOptions.url ?? '')) return
        throw new ApiError('session_expired', EXPIRY_MESSAGES[expiry])
      }

      if (now.getTime() - Date.parse(session.lastSeenAt) >= LAST_SEEN_WRITE_INTERVAL_MS) {
        await touchSession(app.db.writer, session.sessionId, now.toISOString())
      }

      request.auth = {
        sessionId: session.sessionId,
        mfaPending: session.mfaPending,
        account: {
          id: session.accountId,
          email: session.email,
          displayName: session.displayName,
          role: session.role,
          m365Permitted: session.m365Permitted,
          mfaEnabled: session.mfaEnabled,
        },
        organization: { id: session.orgId, slug: session.orgSlug, name: session.orgName },
        settings,
      }
    })

    // Every 401 and 403 outside the sign-in routes (which log their own events) is recorded once.
    app.addHook('onError', async (request, _reply, error) => {
      if (!(error instanceof ApiError) || (error.statusCode !== 401 && error.statusCode !== 403)) return
      if (!request.url.startsWith('/api/') || request.url.startsWith('/api/v1/auth/')) return
      logSecurityEvent(request, 'access_refused', {
        accountId: request.auth?.account.id ?? null,
        orgId: request.auth?.organization.id ?? null,
        reason: error.code,
      })
    })
  },
  { name: 'session', dependencies: [] },
)
