import type { Sync } from '../../../server/contract/common.js'
import { isRefusalCode, type ApiRequestError, type RefusalCode } from '@/api/errors'

/** The one state a data screen shows at a time. */
export type ViewState = 'loading' | 'refused' | 'not-found' | 'offline' | 'error' | 'not-synced' | 'empty' | 'data'

export interface ViewStateInput {
  hasData: boolean
  error: ApiRequestError | null
  /** Sync state of the shown response; `lastSuccessAt: null` means the organization was never synced. */
  sync: Sync | null | undefined
  isEmpty: boolean
  online: boolean
}

/**
 * Picks the state to render. A refusal wins even over shown data, because permissions may have
 * changed since it loaded. Other errors with data still shown become a banner over the data.
 */
export function viewStateOf(input: ViewStateInput): ViewState {
  const { error } = input
  if (error && isRefusalCode(error.code)) return 'refused'

  if (input.hasData) {
    if (input.sync && input.sync.lastSuccessAt === null) return 'not-synced'
    return input.isEmpty ? 'empty' : 'data'
  }

  if (error) {
    if (error.code === 'not_found') return 'not-found'
    if (error.code === 'network_error' || !input.online) return 'offline'
    return 'error'
  }
  return 'loading'
}

export function refusalOf(error: ApiRequestError | null): RefusalCode | null {
  return error && isRefusalCode(error.code) ? error.code : null
}
