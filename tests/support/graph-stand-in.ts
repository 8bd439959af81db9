import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchFunction } from '../../server/graph/fetch-handler.js'

// A local Microsoft Graph and token endpoint over HTTPS on 127.0.0.1, for sync tests. It
// serves an export folder the way Graph would (pages with nextLinks, reports as a 302 to a
// second host) and lets a test replace any path with its own handler to simulate throttling,
// errors and malformed responses. The certificate is generated per test process with openssl.

export interface RecordedRequest {
  method: string
  /** Path and query as received. */
  url: string
  headers: IncomingMessage['headers']
  /** `graph` for the Graph/token host, `download` for the report download host. */
  host: 'graph' | 'download'
}

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void | Promise<void>

export interface GraphStandIn {
  /** Origin of the Graph and token host, e.g. `https://127.0.0.1:41234`. */
  origin: string
  downloadOrigin: string
  /** PEM of the throwaway CA certificate. */
  ca: string
  /** A fetch that trusts `ca`, for the Graph client. */
  fetch: FetchFunction
  tenantId: string
  clientId: string
  clientSecret: string
  requests: RecordedRequest[]
  /** Replaces the response for a Graph path (without /v1.0), e.g. `/devices`. */
  override(pathname: string, handler: Handler): void
  /** Removes every override, so the export folder is served again. */
  clearOverrides(): void
  /** Serves a different export folder from now on. */
  serve(folder: string): void
  close(): Promise<void>
}

let certificate: { key: string; cert: string } | undefined

function testCertificate(): { key: string; cert: string } {
  if (!certificate) {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-stand-in-cert-'))
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ], { stdio: 'ignore' })
    certificate = { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') }
    rmSync(dir, { recursive: true, force: true })
  }
  return certificate
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

/** Maps a Graph path (after /v1.0) to the export-folder name that contains its pages. */
function exportNameOf(pathname: string): string | null {
  const members = /^\/groups\/([^/]+)\/members$/.exec(pathname)
  if (members) return `groupMembers/${decodeURIComponent(members[1]!)}`
  const names: Record<string, string> = {
    '/organization': 'organization',
    '/admin/reportSettings': 'reportSettings',
    '/subscribedSkus': 'subscribedSkus',
    '/users': 'users',
    '/reports/authenticationMethods/userRegistrationDetails': 'userRegistrationDetails',
    '/groups': 'groups',
    '/devices': 'devices',
    '/auditLogs/signIns': 'signIns',
    '/security/alerts_v2': 'alerts_v2',
    '/identityProtection/riskyUsers': 'riskyUsers',
  }
  return names[pathname] ?? null
}

function pageFiles(folder: string, name: string): string[] | null {
  const single = path.join(folder, `${name}.json`)
  if (existsSync(single)) return [single]
  const dir = path.join(folder, name)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.error.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((file) => path.join(dir, file))
}

export async function startGraphStandIn(folder: string): Promise<GraphStandIn> {
  const { key, cert } = testCertificate()
  const requests: RecordedRequest[] = []
  const overrides = new Map<string, Handler>()
  let exportFolder = folder
  const tenantId = '0c6f4d1e-2b7a-4a55-9d61-7c3f1e2a9b80'
  const clientId = '5a1c9e7b-3f2d-4c8a-b6e0-2d9f8a7c6b54'
  const clientSecret = 'stand-in-client-secret'
  let origin = ''
  let downloadOrigin = ''

  const download = createServer({ key, cert }, (request, response) => {
    requests.push({ method: request.method ?? 'GET', url: request.url ?? '', headers: request.headers, host: 'download' })
    const url = new URL(request.url ?? '/', downloadOrigin)
    const report = /^\/download\/(\w+)\.csv$/.exec(url.pathname)?.[1]
    const file = report ? path.join(exportFolder, 'reports', `${report}.csv`) : ''
    if (!report || !existsSync(file)) return sendJson(response, 404, { error: 'not found' })
    response.writeHead(200, { 'Content-Type': 'application/octet-stream' })
    response.end(readFileSync(file))
  })

  const graph = createServer({ key, cert }, async (request, response) => {
    requests.push({ method: request.method ?? 'GET', url: request.url ?? '', headers: request.headers, host: 'graph' })
    const url = new URL(request.url ?? '/', origin)
    try {
      if (await serveToken(request, response, url)) return
      if (!url.pathname.startsWith('/v1.0/')) return sendJson(response, 404, { error: { code: 'NotFound', message: 'Unknown path' } })
      if (request.headers.authorization !== 'Bearer stand-in-token') {
        return sendJson(response, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } })
      }
      const pathname = decodeURIComponent(url.pathname.slice('/v1.0'.length))
      const override = overrides.get(pathname)
      if (override) return await override(request, response, url)
      serveExport(response, url, pathname)
    } catch (error) {
      sendJson(response, 500, { error: { code: 'standInError', message: String(error) } })
    }
  })

  async function serveToken(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    const tenantPath = `/${tenantId}`
    if (url.pathname === `${tenantPath}/v2.0/.well-known/openid-configuration`) {
      sendJson(response, 200, {
        token_endpoint: `${origin}${tenantPath}/oauth2/v2.0/token`,
        authorization_endpoint: `${origin}${tenantPath}/oauth2/v2.0/authorize`,
        issuer: `${origin}${tenantPath}/v2.0`,
        jwks_uri: `${origin}${tenantPath}/discovery/v2.0/keys`,
        end_session_endpoint: `${origin}${tenantPath}/oauth2/v2.0/logout`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      })
      return true
    }
    if (url.pathname === `${tenantPath}/oauth2/v2.0/token` && request.method === 'POST') {
      let body = ''
      for await (const chunk of request) body += String(chunk)
      const form = new URLSearchParams(body)
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        sendJson(response, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' })
      } else {
        sendJson(response, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'stand-in-token' })
      }
      return true
    }
    if (url.pathname.startsWith(`/${tenantId}/`) || url.pathname.startsWith('/common/')) {
      sendJson(response, 400, { error: 'invalid_request', error_description: `Unexpected token path ${url.pathname}` })
      return true
    }
    return false
  }

  function serveExport(response: ServerResponse, url: URL, pathname: string): void {
    const report = /^\/reports\/(\w+)\(period='D7'\)$/.exec(pathname)?.[1]
    if (report) {
      response.writeHead(302, { Location: `${downloadOrigin}/download/${report}.csv?sig=stand-in` })
      response.end()
      return
    }
    const name = exportNameOf(pathname)
    if (!name) return sendJson(response, 404, { error: { code: 'Request_ResourceNotFound', message: `No stand-in data for ${pathname}` } })
    const selectsSignInActivity = (url.searchParams.get('$select') ?? '').includes('signInActivity')
    for (const errorName of selectsSignInActivity ? [`${name}.signInActivity`, name] : [name]) {
      const errorFile = path.join(exportFolder, `${errorName}.error.json`)
      if (existsSync(errorFile)) {
        const recorded = JSON.parse(readFileSync(errorFile, 'utf8')) as { status: number; body: unknown }
        return sendJson(response, recorded.status, recorded.body)
      }
    }
    const files = pageFiles(exportFolder, name)
    if (!files) return sendJson(response, 404, { error: { code: 'Request_ResourceNotFound', message: `No stand-in data for ${pathname}` } })
    const index = Number(url.searchParams.get('$skiptoken') ?? '0')
    const body = JSON.parse(readFileSync(files[index]!, 'utf8')) as Record<string, unknown>
    delete body['@odata.nextLink']
    if (index + 1 < files.length) {
      const next = new URL(url.href)
      next.searchParams.set('$skiptoken', String(index + 1))
      body['@odata.nextLink'] = next.href
    }
    sendJson(response, 200, body)
  }

  origin = `https://127.0.0.1:${await listen(graph)}`
  // "localhost" makes the download a different origin than Graph, as reports.office.com is.
  downloadOrigin = `https://localhost:${await listen(download)}`
  const agent = new Agent({ connect: { ca: cert } })

  return {
    origin,
    downloadOrigin,
    ca: cert,
    fetch: (input, init) => undiciFetch(input, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>,
    tenantId,
    clientId,
    clientSecret,
    requests,
    override: (pathname, handler) => void overrides.set(pathname, handler),
    clearOverrides: () => overrides.clear(),
    serve: (next) => {
      exportFolder = next
    },
    async close() {
      graph.closeAllConnections()
      download.closeAllConnections()
      await Promise.all([new Promise((resolve) => graph.close(resolve)), new Promise((resolve) => download.close(resolve))])
      await agent.close()
    },
  }
}
