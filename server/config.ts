import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Server configuration, read once from environment variables. */
export const ConfigSchema = Type.Object({
  host: Type.String({ minLength: 1 }),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  dataDir: Type.String({ minLength: 1 }),
  /** 32-byte key (base64) sealing Graph client secrets and TOTP secrets; generated in demo mode when unset. */
  secretKey: Type.Union([Type.String(), Type.Null()]),
  syncIntervalMinutes: Type.Number({ minimum: 0 }),
  graphBaseUrl: Type.String({ minLength: 1 }),
  graphAuthorityHost: Type.String({ minLength: 1 }),
  demo: Type.Boolean(),
  demoPassword: Type.Union([Type.String(), Type.Null()]),
  demoTotpSecret: Type.Union([Type.String(), Type.Null()]),
  logLevel: Type.Union(LOG_LEVELS.map((level) => Type.Literal(level))),
  /** Folder of the built PWA served on the same origin. */
  staticDir: Type.String({ minLength: 1 }),
})
export type Config = Static<typeof ConfigSchema>

/** Environment variable behind each configuration field, for error messages. */
const VARIABLE_BY_FIELD: Partial<Record<keyof Config, string>> = {
  host: 'HOST',
  port: 'PORT',
  dataDir: 'DATA_DIR',
  syncIntervalMinutes: 'SYNC_INTERVAL_MINUTES',
  graphBaseUrl: 'GRAPH_BASE_URL',
  graphAuthorityHost: 'GRAPH_AUTHORITY_HOST',
  logLevel: 'LOG_LEVEL',
  staticDir: 'STATIC_DIR',
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

function integerVariable(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value)) throw new ConfigError(`Invalid ${name}="${raw}": expected a number.`)
  return value
}

function flagVariable(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]
  return raw !== undefined && raw !== '' && raw !== '0' && raw.toLowerCase() !== 'false'
}

/** TOTP secrets must be base32 and at least 16 bytes, the minimum otplib accepts. */
function isUsableTotpSecret(secret: string): boolean {
  const base32 = secret.replace(/=+$/, '')
  return /^[A-Z2-7]+$/.test(base32) && Math.floor((base32.length * 5) / 8) >= 16
}

/** Reads and validates the configuration; throws ConfigError naming the variable and the fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config: Config = {
    host: env.HOST || '127.0.0.1',
    port: integerVariable(env, 'PORT', 8080),
    dataDir: env.DATA_DIR || 'data',
    secretKey: env.PORTAL_SECRET_KEY || null,
    syncIntervalMinutes: integerVariable(env, 'SYNC_INTERVAL_MINUTES', 30),
    graphBaseUrl: (env.GRAPH_BASE_URL || 'https://graph.microsoft.com').replace(/\/+$/, ''),
    graphAuthorityHost: (env.GRAPH_AUTHORITY_HOST || 'https://login.microsoftonline.com').replace(/\/+$/, ''),
    demo: flagVariable(env, 'PORTAL_DEMO'),
    demoPassword: env.DEMO_PASSWORD || null,
    demoTotpSecret: env.DEMO_TOTP_SECRET || null,
    logLevel: (env.LOG_LEVEL || 'info') as Config['logLevel'],
    staticDir: env.STATIC_DIR || 'dist',
  }

  if (!Value.Check(ConfigSchema, config)) {
    const [first] = [...Value.Errors(ConfigSchema, config)]
    const field = (first?.instancePath.replace(/^\//, '') ?? '') as keyof Config
    const variable = VARIABLE_BY_FIELD[field] ?? field
    const allowed = field === 'logLevel' ? ` Allowed values: ${LOG_LEVELS.join(', ')}.` : ''
    throw new ConfigError(`Invalid ${variable}="${String(config[field] ?? '')}": it ${first?.message ?? 'is not valid'}.${allowed}`)
  }
  if (config.demoPassword !== null && config.demoPassword.length < 12) {
    throw new ConfigError('Invalid DEMO_PASSWORD: use at least 12 characters, or leave it unset to generate one.')
  }
  if (config.secretKey !== null && Buffer.from(config.secretKey, 'base64').length !== 32) {
    throw new ConfigError('Invalid PORTAL_SECRET_KEY: expected 32 bytes encoded as base64 (generate one with `openssl rand -base64 32`).')
  }
  if (config.demoTotpSecret !== null && !isUsableTotpSecret(config.demoTotpSecret)) {
    throw new ConfigError(
      'Invalid DEMO_TOTP_SECRET: expected base32 (A–Z, 2–7) of at least 26 characters (16 bytes), or leave it unset to generate one.',
    )
  }
  if (config.secretKey === null && !config.demo) {
    throw new ConfigError('Missing PORTAL_SECRET_KEY: set it to 32 random bytes in base64 (`openssl rand -base64 32`), or set PORTAL_DEMO=1 for the demo.')
  }
  return config
}
