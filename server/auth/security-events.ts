import type { FastifyRequest } from 'fastify'

export type SecurityEvent =
  | 'sign_in_succeeded'
  | 'sign_in_failed'
  | 'mfa_succeeded'
  | 'mfa_failed'
  | 'account_locked'
  | 'signed_out'
  | 'password_changed'
  | 'totp_enrolled'
  | 'totp_removed'
  | 'invitation_accepted'
  | 'invitation_rejected'
  | 'session_expired'
  | 'access_refused'

export interface SecurityEventFields {
  accountId?: number | null
  orgId?: number | null
  sessionId?: number | null
  /** Short machine-readable cause, such as `wrong_password` or an error code. */
  reason?: string
}

/**
 * Writes one structured log line for a security event through the request's pino logger (which
 * carries the request id). Only ids and reasons go in: never an email, password, code or token.
 */
export function logSecurityEvent(request: FastifyRequest, event: SecurityEvent, fields: SecurityEventFields = {}): void {
  const level = event === 'sign_in_succeeded' || event === 'mfa_succeeded' || event === 'signed_out' ? 'info' : 'warn'
  request.log[level]({ event, ...fields }, `security event ${event}`)
}
