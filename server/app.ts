import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config.js'
import type { DatabaseConnections } from './db/database.js'
import errorsPlugin from './plugins/errors.js'
import securityPlugin from './plugins/security.js'
import sessionPlugin from './plugins/session.js'
import type { AuthRateLimit } from './auth/rate-limit.js'
import staticPlugin from './plugins/static.js'
import openApiPlugin from './plugins/openapi.js'
import authRoutes from './routes/auth.js'
import meRoutes from './routes/me.js'
import m365Routes from './routes/m365/index.js'
import alertRoutes from './routes/alerts.js'

export interface AppOptions {
  config: Config
  db: DatabaseConnections
  /** Injected clock so tests can move time for session expiry and lockouts. */
  now?: () => Date
  /** Per-address limit on the sign-in routes; tests lower it to reach the limit quickly. */
  authRateLimit?: AuthRateLimit
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: DatabaseConnections
    now: () => Date
  }
}

/** Maximum request body in bytes; every API body is a small JSON object. */
export const BODY_LIMIT_BYTES = 16 * 1024

/**
 * The portal as a Fastify plugin: the API under /api/v1 and the built PWA on the same origin.
 * Tests register it on their own instance and call `inject`, or listen on 127.0.0.1.
 */
export const portalApp: FastifyPluginAsync<AppOptions> = async (app, options) => {
  app.decorate('config', options.config)
  app.decorate('db', options.db)
  app.decorate('now', options.now ?? (() => new Date()))

  await app.register(errorsPlugin)
  await app.register(securityPlugin)
  await app.register(openApiPlugin)
  await app.register(sessionPlugin, options.authRateLimit ? { authRateLimit: options.authRateLimit } : {})

  await app.register(
    async (api) => {
      await api.register(authRoutes)
      await api.register(meRoutes)
      await api.register(m365Routes, { prefix: '/m365' })
      await api.register(alertRoutes)
    },
    { prefix: '/api/v1' },
  )

  await app.register(staticPlugin)
}

/** Fastify options shared by the server entry point and the tests. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id']
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID()
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    forceCloseConnections: true,
  }
}

/** Creates a Fastify instance with the portal registered and ready. */
export async function buildApp(options: AppOptions, overrides: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ ...serverOptions(options.config), ...overrides }).withTypeProvider<TypeBoxTypeProvider>()
  await app.register(portalApp, options)
  await app.ready()
  return app
}
