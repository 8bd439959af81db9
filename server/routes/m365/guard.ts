import type { onRequestAsyncHookHandler } from 'fastify'
import { Type } from 'typebox'
import { ErrorBody, type TabId } from '../../contract/common.js'
import { assertTab } from '../../auth/permissions.js'

/**
 * An onRequest hook that rejects callers who may not open `tab`. It runs before query
 * validation, so a caller without access gets 401 or 403, never a 400 that reveals the
 * route's parameters. Handlers call `assertTab` again to get the typed caller.
 */
export function tabGuard(tab: TabId): onRequestAsyncHookHandler {
  return async (request) => {
    assertTab(request.auth, tab)
  }
}

/** Page size when a list request has no `limit`; the schema default sets the same value. */
export const DEFAULT_PAGE_LIMIT = 50

/** Error responses every data route declares, so the OpenAPI document lists them. */
export const ERROR_RESPONSES = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
} as const

/** Path parameters of a single resource; ids are Graph ids or `riskyUser:{id}` keys. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) })
