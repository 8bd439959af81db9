import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

// Secrets at rest (Graph client secrets, TOTP secrets) are sealed with AES-256-GCM under the
// 32-byte PORTAL_SECRET_KEY. Sealed format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.

const VERSION = 'v1'

export class SealError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SealError'
  }
}

function keyFrom(secretKeyBase64: string): Buffer {
  const key = Buffer.from(secretKeyBase64, 'base64')
  if (key.length !== 32) throw new SealError('Invalid secret key: expected 32 bytes encoded as base64.')
  return key
}

/** Encrypts `plaintext`; `context` (for example `totp:42`) is authenticated so a sealed value cannot be moved to another row. */
export function seal(plaintext: string, secretKeyBase64: string, context = ''): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secretKeyBase64), iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.')
}

/** Decrypts a value made by `seal`; throws SealError when the key, context or value does not match. */
export function unseal(sealed: string, secretKeyBase64: string, context = ''): string {
  const [version, iv, tag, ciphertext] = sealed.split('.')
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SealError('Invalid sealed value: unknown format.')
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secretKeyBase64), Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(context, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new SealError('Sealed value could not be decrypted: wrong PORTAL_SECRET_KEY or tampered data.')
  }
}
