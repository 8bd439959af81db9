import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import { ApiError } from '../errors.js'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Security headers with a strict Content-Security-Policy (no inline script), `no-store` on
 * API responses, and an Origin check on state-changing API requests.
 */
export default fp(async (app) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Vue and Reka UI set style attributes at runtime; no script is allowed inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  })

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || !STATE_CHANGING.has(request.method)) return
    const origin = request.headers.origin
    const fetchSite = request.headers['sec-fetch-site']
    const host = request.headers.host
    const sameOrigin = origin === undefined || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`))
    if (!sameOrigin || fetchSite === 'cross-site') {
      request.log.warn({ event: 'origin_rejected', origin, host }, 'state-changing request from another origin rejected')
      throw new ApiError('origin_rejected', 'This request came from another site and was rejected.')
    }
  })

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  })
})
