import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CookieSerializeOptions } from '@fastify/cookie'

export const SESSION_COOKIE = 'portal_session'

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Cookie attributes: HttpOnly, SameSite=Strict, Path=/, and Secure except for plain http on a
 * loopback host, where browsers would drop a Secure cookie and break local use of the demo.
 */
function cookieOptions(request: FastifyRequest): CookieSerializeOptions {
  const plainLocal = request.protocol === 'http' && LOOPBACK_HOSTNAMES.has(request.hostname)
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: !plainLocal }
}

/** Sets the session cookie as a browser-session cookie; the server enforces the timeouts. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request))
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request))
}

/** Returns the raw session token from the request's cookie, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE]
  return token && token.length <= 128 ? token : undefined
}
