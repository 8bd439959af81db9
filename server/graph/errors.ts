// Errors the Graph layer raises. Sync code decides per type whether a dataset fails,
// a licence-gated capability is switched off, or the whole run stops.

/** Graph error code for a tenant without Entra ID P1/P2 (or a B2C tenant). */
export const NON_PREMIUM_TENANT_CODE = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'

/** A non-2xx response from Graph, with Graph's own error code when the body carried one. */
export class GraphApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string,
  ) {
    super(message)
    this.name = 'GraphApiError'
  }

  /** True for the 403 Graph sends when the tenant lacks an Entra ID P1/P2 licence. */
  get isNonPremiumTenant(): boolean {
    return this.status === 403 && this.code === NON_PREMIUM_TENANT_CODE
  }

  /** True for a 403 caused by a missing application permission (not by licensing). */
  get isPermissionDenied(): boolean {
    return this.status === 403 && !this.isNonPremiumTenant
  }
}

/** The token request or Graph rejected the app's credentials (wrong secret, unknown tenant, 401). */
export class GraphAuthError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GraphAuthError'
  }
}

/** A Graph response or an export file that does not have the expected shape. */
export class GraphDataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GraphDataError'
  }
}

/** An export folder has no file for a resource, so an import skips that dataset. */
export class ResourceMissingError extends Error {
  constructor(
    readonly resource: string,
    message: string,
  ) {
    super(message)
    this.name = 'ResourceMissingError'
  }
}

/** Builds a GraphApiError from a status and a Graph error body (`{ error: { code, message } }`) of any shape. */
export function graphApiErrorFromBody(status: number, body: unknown, path: string): GraphApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  const code = typeof error?.code === 'string' ? error.code : ''
  const detail = typeof error?.message === 'string' && error.message ? error.message : `HTTP ${status}`
  return new GraphApiError(status, code, `GET ${path} failed with HTTP ${status}${code ? ` ${code}` : ''}: ${detail}`, path)
}
