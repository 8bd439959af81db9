import type { FastifyRequest } from 'fastify'
import { ApiError } from '../errors.js'

/** Per-address limit on the sign-in, MFA and invitation routes. */
export interface AuthRateLimit {
  max: number
  timeWindowMs: number
}

/**
 * High enough for a test suite signing in many times from 127.0.0.1, low enough to slow guessing.
 * NOTE: the counters live in this process's memory, so they reset on restart and are not shared between instances.
 */
export const DEFAULT_AUTH_RATE_LIMIT: AuthRateLimit = { max: 30, timeWindowMs: 60_000 }

/** Failed password or code attempts before an account is locked, and for how long. */
export const LOCKOUT_THRESHOLD = 5
export const LOCKOUT_MS = 15 * 60_000

/** Builds the 429 error for @fastify/rate-limit, with Retry-After in seconds. */
export function rateLimitError(_request: FastifyRequest, context: { ttl: number }): ApiError {
  const seconds = Math.max(1, Math.ceil(context.ttl / 1000))
  return new ApiError('rate_limited', `Too many attempts from this address. Try again in ${seconds} seconds.`, undefined, {
    'retry-after': String(seconds),
  })
}

/** Builds the 429 error for a locked account, saying when it unlocks. */
export function lockedError(lockedUntil: Date, now: Date): ApiError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000))
  const minutes = Math.ceil(seconds / 60)
  return new ApiError(
    'rate_limited',
    `Too many failed attempts: this account is locked. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (at ${lockedUntil.toISOString()}).`,
    undefined,
    { 'retry-after': String(seconds) },
  )
}
