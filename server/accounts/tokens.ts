import { createHash, randomBytes } from 'node:crypto'

/** Generates a random token for a session cookie or invitation link: 32 bytes in base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Hashes a token with SHA-256 (hex), the only form stored. The tokens are random, so no salt is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
