import type {
  Me,
  PasswordChangeBody,
  TotpCodeBody,
  TotpConfirmReply,
  TotpStartReply,
} from '../../server/contract/index.js'
import { apiRequest, type ApiResponse } from './http'

export function getMe(signal?: AbortSignal): Promise<ApiResponse<Me>> {
  return apiRequest<Me>('GET', '/me', { signal })
}

/** Changes the password; the server revokes the account's other sessions. */
export function changePassword(body: PasswordChangeBody, signal?: AbortSignal): Promise<ApiResponse<void>> {
  return apiRequest<void>('POST', '/me/password', { body, signal })
}

export function startTotpEnrolment(signal?: AbortSignal): Promise<ApiResponse<TotpStartReply>> {
  return apiRequest<TotpStartReply>('POST', '/me/totp', { signal })
}

export function confirmTotpEnrolment(body: TotpCodeBody, signal?: AbortSignal): Promise<ApiResponse<TotpConfirmReply>> {
  return apiRequest<TotpConfirmReply>('POST', '/me/totp/confirm', { body, signal })
}

export function removeTotp(body: TotpCodeBody, signal?: AbortSignal): Promise<ApiResponse<void>> {
  return apiRequest<void>('DELETE', '/me/totp', { body, signal })
}
