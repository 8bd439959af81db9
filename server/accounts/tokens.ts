import { createHash, randomBytes } from 'node:crypto'

/** A new random token (session cookie, invitation link): 32 bytes in base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** SHA-256 of a token in hex, the only form stored; the tokens are random, so no salt is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
