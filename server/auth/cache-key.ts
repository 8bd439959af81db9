import { createHmac } from 'node:crypto'

/**
 * Derives the per-account name of the service worker's API cache. It is an HMAC under the server
 * key, so it reveals nothing about the account and cannot be guessed for another account.
 */
export function cacheKeyFor(secretKey: string, accountId: number, orgId: number): string {
  return createHmac('sha256', Buffer.from(secretKey, 'base64')).update(`cache:${accountId}:${orgId}`).digest('base64url').slice(0, 22)
}
