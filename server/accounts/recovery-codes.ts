import { randomInt } from 'node:crypto'
import { hashToken } from './tokens.js'

export const RECOVERY_CODE_COUNT = 10

// Lower-case letters and digits without look-alikes (0/o, 1/l/i), so codes survive being written down.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const RECOVERY_CODE_PATTERN = /^[a-z0-9]{5}-[a-z0-9]{5}$/

function randomGroup(): string {
  let group = ''
  for (let i = 0; i < 5; i++) group += ALPHABET[randomInt(ALPHABET.length)]
  return group
}

/** Generates a fresh set of one-time recovery codes in the form `xxxxx-xxxxx`. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${randomGroup()}-${randomGroup()}`)
}

/** Normalizes what a person typed (case, spaces) and returns null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.trim().toLowerCase().replace(/\s+/g, '')
  return RECOVERY_CODE_PATTERN.test(code) ? code : null
}

/** Hashes a normalized recovery code with SHA-256. The codes are random, so a fast hash is enough. */
export function hashRecoveryCode(code: string): string {
  return hashToken(code)
}
