import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'

export const TOTP_ISSUER = 'ClientOne'
const TOTP_CODE_PATTERN = /^\d{6}$/

/** Returns true when the input has the shape of a TOTP code (six digits). */
export function isTotpCode(input: string): boolean {
  return TOTP_CODE_PATTERN.test(input.trim())
}

/** Generates a new base32 TOTP secret (20 random bytes). */
export function newTotpSecret(): string {
  return generateSecret()
}

/** Builds the otpauth:// URL an authenticator app imports. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret })
}

/** Renders the otpauth URL as an SVG QR code inside a `data:` URL. */
export async function totpQrCodeDataUrl(otpauthUrl: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`
}

/**
 * Verifies a six-digit code at `now`, accepting one 30-second step either side for clock drift.
 * Returns the code's time step, or null when the code is wrong or its step is not after
 * `lastStep` (so each code is accepted once).
 */
export async function verifyTotpCode(secret: string, input: string, now: Date, lastStep: number | null): Promise<number | null> {
  const token = input.trim()
  // otplib throws on a token that is not numeric, so shape is checked first.
  if (!TOTP_CODE_PATTERN.test(token)) return null
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}
