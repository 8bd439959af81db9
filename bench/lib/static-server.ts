import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

export interface StaticServer {
  origin: string
  close(): Promise<void>
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** Returns the portal's Cache-Control rule for a file: hashed assets are immutable and entry files revalidate. */
function cacheControl(relativePath: string): string {
  if (relativePath.startsWith('assets/')) return 'public, max-age=31536000, immutable'
  if (/^(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest)$/.test(relativePath)) return 'no-cache'
  return 'public, max-age=3600'
}

/**
 * Serves a built single-page app from `root` on 127.0.0.1 and a free port: files as they are
 * (no compression, like the portal), a JSON 404 under /api/, and index.html for any other GET so
 * client routes reload.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root)
  if (!existsSync(path.join(absoluteRoot, 'index.html'))) {
    throw new Error(`${absoluteRoot}/index.html is missing: build the app before serving it.`)
  }

  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    if (pathname.startsWith('/api/')) {
      // No API here: a 404 response makes the app render its signed-out first screen, as for a new visitor.
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"No API on the static server."}}')
      return
    }
    const candidate = path.resolve(absoluteRoot, `.${pathname}`)
    const insideRoot = candidate.startsWith(`${absoluteRoot}${path.sep}`)
    const isFile = insideRoot && existsSync(candidate) && statSync(candidate).isFile()
    const file = isFile ? candidate : path.join(absoluteRoot, 'index.html')
    if (!isFile && path.extname(pathname) !== '') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}\n`)
      return
    }
    const relativePath = path.relative(absoluteRoot, file).split(path.sep).join('/')
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': cacheControl(relativePath),
    })
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).pipe(response)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
