import type { ErrorCode } from '../../server/contract/index.js'

/** Error codes the PWA adds for failures that never reached the API. */
export type ClientErrorCode = 'network_error' | 'aborted' | 'invalid_response'

/** A failed API call: the contract's error body, or a client-side failure with status 0. */
export class ApiRequestError extends Error {
  readonly status: number
  readonly code: ErrorCode | ClientErrorCode
  readonly field: string | undefined
  /** Seconds from the `Retry-After` header of a 429, when the server sent one. */
  readonly retryAfterSeconds: number | undefined

  constructor(init: {
    status: number
    code: ErrorCode | ClientErrorCode
    message: string
    field?: string
    retryAfterSeconds?: number
  }) {
    super(init.message)
    this.name = 'ApiRequestError'
    this.status = init.status
    this.code = init.code
    this.field = init.field
    this.retryAfterSeconds = init.retryAfterSeconds
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError
}

/** Codes that end the session: the app returns to the sign-in screen. */
export const SESSION_ENDED_CODES = ['not_signed_in', 'session_expired'] as const
export type SessionEndedCode = (typeof SESSION_ENDED_CODES)[number]

/** 403 codes that render a refused screen in place of the requested one. */
export const REFUSAL_CODES = ['m365_disabled', 'm365_not_permitted', 'alerts_disabled', 'tab_not_permitted'] as const
export type RefusalCode = (typeof REFUSAL_CODES)[number]

export function isRefusalCode(code: string): code is RefusalCode {
  return (REFUSAL_CODES as readonly string[]).includes(code)
}
