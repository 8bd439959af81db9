import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Config } from '../config.js'

/** File under DATA_DIR that keeps the generated demo key, so sealed values survive a restart. */
export const DEMO_SECRET_KEY_FILE = 'demo-secret.key'

/**
 * Returns the base64 key that seals TOTP and Graph client secrets: PORTAL_SECRET_KEY when set,
 * otherwise (demo mode only) a key generated once and kept in DATA_DIR/demo-secret.key (mode 0600).
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKey) return config.secretKey
  if (!config.demo) {
    throw new Error('Missing PORTAL_SECRET_KEY: set it to 32 random bytes in base64 (`openssl rand -base64 32`), or set PORTAL_DEMO=1 for the demo.')
  }

  const file = path.resolve(config.dataDir, DEMO_SECRET_KEY_FILE)
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim()
    if (Buffer.from(stored, 'base64').length !== 32) {
      throw new Error(`Invalid demo key in ${file}: expected 32 bytes in base64. Delete the file and the demo database to start over.`)
    }
    return stored
  }

  mkdirSync(config.dataDir, { recursive: true })
  const key = randomBytes(32).toString('base64')
  // `wx` fails if another process created the file first, so two starts never keep different keys.
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim()
    throw error
  }
  return key
}
