import type { PortalSettings } from '../contract/settings.js'

/** Returns which timeout ended the session, or null while it is still valid at `now`. */
export function sessionExpiry(
  session: { createdAt: string; lastSeenAt: string },
  settings: PortalSettings['session'],
  now: Date,
): 'idle' | 'absolute' | null {
  const nowMs = now.getTime()
  if (nowMs - Date.parse(session.createdAt) >= settings.absoluteHours * 3_600_000) return 'absolute'
  if (nowMs - Date.parse(session.lastSeenAt) >= settings.idleMinutes * 60_000) return 'idle'
  return null
}

/** last_seen_at is written at most this often, so reads do not turn into a write per request. */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000
