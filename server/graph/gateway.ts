import { ClientSecretCredential } from '@azure/identity'
import {
  AuthenticationHandler,
  Client,
  GraphError,
  RedirectHandler,
  RedirectHandlerOptions,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client'
import { GraphApiError, GraphAuthError, GraphDataError, graphApiErrorFromBody } from './errors.js'
import { FetchHandler, type FetchFunction } from './fetch-handler.js'
import { parseJsonBody } from './json-body.js'

// The one module that talks HTTP to Microsoft Graph: app-only token, retries, redirects,
// timeouts and paging. Callers get parsed bodies and typed errors.

const MICROSOFT_AUTHORITY_HOST = 'login.microsoftonline.com'
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default'

export interface GraphGatewayOptions {
  tenantId: string
  clientId: string
  clientSecret: string
  /** Graph root without the version, e.g. `https://graph.microsoft.com`. */
  baseUrl: string
  /** Token host, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string
  /** Extra CA certificate (PEM) to trust, for a local stand-in with a test certificate. */
  ca?: string
  /** Replaces the global fetch for Graph requests (tests pass one that trusts `ca`). */
  fetch?: FetchFunction
  /** Timeout of one HTTP attempt, in milliseconds. */
  timeoutMs?: number
  /** Base delay (seconds) and maximum retries for 429/503/504 responses. */
  retry?: { delaySeconds: number; maxRetries: number }
}

export interface RequestOptions {
  headers?: Record<string, string>
}

export interface GraphPage {
  /** The whole response body as Graph sent it. */
  body: Record<string, unknown>
  records: unknown[]
  /** The path or URL this page was read from. */
  url: string
}

export interface GraphGateway {
  /** GETs one resource and returns its parsed JSON body. */
  get(path: string, options?: RequestOptions): Promise<Record<string, unknown>>
  /** Yields every page of a collection, following the whole @odata.nextLink. */
  pages(path: string, options?: RequestOptions): AsyncIterable<GraphPage>
  /** Collects every record of a collection. */
  listAll(path: string, options?: RequestOptions): Promise<unknown[]>
  /** Downloads a report. Graph responds 302 to a pre-authenticated URL, which is fetched without the token. */
  downloadReport(path: string): Promise<string>
}

/** Header requesting evolvable enum members added after `unknownFutureValue` instead of that placeholder. */
const PREFER_HEADER = { Prefer: 'include-unknown-enum-members' }

/** Creates the gateway for one tenant's app registration; the token is requested on first use and cached. */
export function createGraphGateway(options: GraphGatewayOptions): GraphGateway {
  const authority = new URL(options.authorityHost)
  const credential = new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret, {
    authorityHost: options.authorityHost,
    // Instance discovery sends a request to login.microsoftonline.com about any other authority,
    // which a local stand-in (or a sovereign cloud host given explicitly) must not depend on.
    disableInstanceDiscovery: authority.hostname !== MICROSOFT_AUTHORITY_HOST,
    ...(options.ca ? { tlsOptions: { ca: options.ca } } : {}),
  })

  const authentication = new AuthenticationHandler({
    async getAccessToken() {
      const token = await credential.getToken(GRAPH_SCOPE)
      return token.token
    },
  })
  const retry = new RetryHandler(
    new RetryHandlerOptions(options.retry?.delaySeconds ?? 3, options.retry?.maxRetries ?? 3),
  )
  const redirect = new RedirectHandler(new RedirectHandlerOptions())
  const send = new FetchHandler(options.fetch ?? ((input, init) => fetch(input, init)), options.timeoutMs ?? 60_000)
  authentication.setNext(retry)
  retry.setNext(redirect)
  redirect.setNext(send)

  const graphHost = new URL(options.baseUrl).hostname
  const client = Client.initWithMiddleware({
    middleware: authentication,
    baseUrl: `${options.baseUrl}/`,
    defaultVersion: 'v1.0',
    // The library sends the token only to Graph's own hosts and these, matched without the port.
    customHosts: graphHost === 'graph.microsoft.com' ? undefined : new Set([graphHost]),
  })

  async function getText(path: string, headers: Record<string, string>): Promise<string> {
    try {
      const text: unknown = await client.api(path).headers({ ...PREFER_HEADER, ...headers }).responseType(ResponseType.TEXT).get()
      return typeof text === 'string' ? text : String(text ?? '')
    } catch (error) {
      throw translateError(error, path, options.tenantId)
    }
  }

  async function get(path: string, request: RequestOptions = {}): Promise<Record<string, unknown>> {
    const text = await getText(path, request.headers ?? {})
    return parseJsonBody(text, `GET ${path}`)
  }

  async function* pages(path: string, request: RequestOptions = {}): AsyncIterable<GraphPage> {
    const seen = new Set<string>()
    let next: string | undefined = path
    while (next) {
      seen.add(next)
      // Headers such as ConsistencyLevel are not carried into nextLink requests: send them on every page.
      const body = await get(next, request)
      const records = body.value
      if (!Array.isArray(records)) throw new GraphDataError(`GET ${next} returned no "value" array.`)
      yield { body, records, url: next }

      const link = body['@odata.nextLink']
      if (link === undefined || link === null) break
      if (typeof link !== 'string' || link === '') throw new GraphDataError(`GET ${next} returned an invalid @odata.nextLink.`)
      if (seen.has(link)) throw new GraphDataError(`GET ${next} returned a nextLink that was already followed (${link}); paging stopped to avoid a loop.`)
      next = link
    }
  }

  async function listAll(path: string, request: RequestOptions = {}): Promise<unknown[]> {
    const all: unknown[] = []
    for await (const page of pages(path, request)) all.push(...page.records)
    return all
  }

  async function downloadReport(path: string): Promise<string> {
    return getText(path, {})
  }

  return { get, pages, listAll, downloadReport }
}

/** Turns the client library's errors into ours, with the request path and no secrets. */
function translateError(error: unknown, path: string, tenantId: string): Error {
  if (error instanceof GraphApiError || error instanceof GraphAuthError || error instanceof GraphDataError) return error
  if (error instanceof GraphError) {
    if (error.statusCode === -1) {
      const code = error.code ?? ''
      if (/Authentication|Credential/i.test(code)) {
        return new GraphAuthError(`Token request for tenant ${tenantId} failed: ${firstLine(error.body)}`)
      }
      if (/Timeout|Abort/i.test(code)) return new GraphApiError(0, 'timeout', `GET ${path} timed out.`, path)
      return new GraphApiError(0, code, `GET ${path} failed: ${firstLine(error.body) || code}`, path)
    }
    // With a text response type the library keeps the raw error body; for JSON it keeps the inner `error`.
    let body: unknown = { error: { code: error.code, message: error.message } }
    try {
      const parsed: unknown = JSON.parse(String(error.body))
      if (parsed && typeof parsed === 'object') body = 'error' in parsed ? parsed : { error: parsed }
    } catch {
      // Not JSON (an HTML error page, for example): keep the status and the library's code.
    }
    const apiError = graphApiErrorFromBody(error.statusCode, body, path)
    if (error.statusCode === 401) return new GraphAuthError(`${apiError.message} Check the tenant id, client id and client secret.`)
    return apiError
  }
  return error instanceof Error ? error : new Error(String(error))
}

function firstLine(value: unknown): string {
  return String(value ?? '').split('\n')[0]?.trim() ?? ''
}
