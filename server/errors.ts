import type { ErrorCode } from './contract/common.js'

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_parameter: 400,
  not_signed_in: 401,
  session_expired: 401,
  mfa_required: 401,
  invalid_credentials: 401,
  m365_disabled: 403,
  m365_not_permitted: 403,
  alerts_disabled: 403,
  tab_not_permitted: 403,
  origin_rejected: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  invitation_invalid: 400,
  totp_not_enrolled: 409,
  totp_already_enrolled: 409,
  internal_error: 500,
}

/** An error the API returns as `{ error: { code, message, field? } }` with the code's HTTP status. */
export class ApiError extends Error {
  readonly statusCode: number

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.statusCode = STATUS_BY_CODE[code]
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } }
  }
}

export const notFound = (message = 'Not found.') => new ApiError('not_found', message)
export const invalidParameter = (field: string, message: string) => new ApiError('invalid_parameter', message, field)
