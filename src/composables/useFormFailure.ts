import { ApiRequestError } from '../api/errors'

export interface FailureWording {
  offline: string
  failed: string
  rateLimited: string
}

/** Maps a failed form request to a sentence for the user; callers handle their own expected codes first. */
export function describeFormFailure(error: unknown, wording: FailureWording): string {
  if (!(error instanceof ApiRequestError)) return wording.failed
  if (error.code === 'network_error') return wording.offline
  if (error.code === 'rate_limited') return wording.rateLimited
  if (error.code === 'invalid_parameter') return error.message
  return wording.failed
}
