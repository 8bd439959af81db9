import type { PortalSettings } from '../contract/settings.js'

/** Time a session may wait for its TOTP step after the password was accepted. */
export const MFA_PENDING_MAX_MS = 10 * 60_000

/** Returns which timeout ended the session, or null while it is still valid at `now`. */
export function sessionExpiry(
  session: { createdAt: string; lastSeenAt: string; mfaPending: boolean },
  settings: PortalSettings['session'],
  now: Date,
): 'idle' | 'absolute' | 'mfa_pending' | null {
  const nowMs = now.getTime()
  if (session.mfaPending && nowMs - Date.parse(session.createdAt) >= MFA_PENDING_MAX_MS) return 'mfa_pending'
  if (nowMs - Date.parse(session.createdAt) >= settings.absoluteHours * 3_600_000) return 'absolute'
  if (nowMs - Date.parse(session.lastSeenAt) >= settings.idleMinutes * 60_000) return 'idle'
  return null
}

/** last_seen_at is written at most this often, so reads do not turn into a write per request. */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000
