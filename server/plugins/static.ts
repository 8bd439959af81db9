import { existsSync } from 'node:fs'
import path from 'node:path'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { ApiError } from '../errors.js'

/** Files the browser must revalidate on every load, so a deploy reaches users. */
const REVALIDATED = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest'])

/**
 * Serves the built PWA. Unknown paths under /api (and missing assets) get a JSON 404;
 * other GET requests for HTML get index.html, so every client-side route can be reloaded.
 */
export default fp(async (app) => {
  const root = path.resolve(app.config.staticDir)
  const hasBuild = existsSync(path.join(root, 'index.html'))

  if (hasBuild) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies of its text files (scripts/vite-precompress.ts).
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        const name = path.basename(filePath)
        if (REVALIDATED.has(name)) reply.header('cache-control', 'no-cache')
        else if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable')
        else reply.header('cache-control', 'public, max-age=3600')
      },
    })
  } else {
    app.log.warn({ root }, 'no built PWA found; run `npm run build` to serve the app')
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')
    const isApi = request.url === '/api' || request.url.startsWith('/api/')
    const isAsset = /\.[a-z0-9]{1,8}(\?|$)/i.test(request.url)
    if (hasBuild && wantsHtml && !isApi && !isAsset) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html')
    }
    return reply.code(404).send(new ApiError('not_found', `No route or file at ${request.method} ${request.url.split('?')[0]}.`).toBody())
  })
})
