import type { InvitationBody, InvitationReply, MfaBody, SignInBody, SignInReply } from '../../server/contract/index.js'
import { apiRequest, type ApiResponse } from './http'

export function signIn(body: SignInBody, signal?: AbortSignal): Promise<ApiResponse<SignInReply>> {
  return apiRequest<SignInReply>('POST', '/auth/sign-in', { body, signal })
}

/** Completes sign-in with a TOTP code or a recovery code. */
export function verifyMfa(body: MfaBody, signal?: AbortSignal): Promise<ApiResponse<Record<string, never>>> {
  return apiRequest<Record<string, never>>('POST', '/auth/mfa', { body, signal })
}

export function signOut(signal?: AbortSignal): Promise<ApiResponse<void>> {
  return apiRequest<void>('POST', '/auth/sign-out', { signal })
}

/** Sets the password of an invited account and signs it in. */
export function acceptInvitation(body: InvitationBody, signal?: AbortSignal): Promise<ApiResponse<InvitationReply>> {
  return apiRequest<InvitationReply>('POST', '/auth/invitation', { body, signal })
}
