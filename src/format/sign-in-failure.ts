/**
 * Plain-language reasons for the Microsoft Entra (AADSTS) error codes that staff see most often
 * in sign-in logs. Codes come from `signIn.status.errorCode` in Microsoft Graph; the wording is
 * ours, written for people who are not administrators.
 *
 * NOTE: Microsoft changes and adds codes over time, so an unmapped code is normal. The caller then
 * shows the `failureReason` text that Graph sent.
 */
const FAILURE_REASONS: ReadonlyMap<number, string> = new Map([
  [50126, 'Wrong password'],
  [50053, 'Account locked after too many attempts'],
  [50057, 'Account disabled'],
  [50034, 'Account not found in the organisation'],
  [50055, 'Password expired'],
  [50144, 'Password expired'],
  [50056, 'No password set for this account'],
  [50133, 'Session ended after a password change'],
  [50173, 'Session ended after a password change'],
  [53003, 'Blocked by a Conditional Access policy'],
  [53000, 'Blocked: the device must be managed or compliant'],
  [53001, 'Blocked: the device must be domain joined'],
  [53002, 'Blocked: the app is not approved by policy'],
  [50074, 'MFA required'],
  [50076, 'MFA required'],
  [50079, 'MFA registration required'],
  [50072, 'MFA registration required'],
  [500121, 'MFA not completed'],
  [50158, 'Extra security check not completed'],
  [50125, 'Interrupted by a password reset or registration step'],
  [50140, 'Interrupted by the "Stay signed in?" prompt'],
  [50058, 'No signed-in session for a silent sign-in'],
  [50097, 'Device authentication required'],
  [50105, 'User not assigned to this app'],
  [65001, 'Consent to the app not given'],
  [90095, 'Administrator consent required for the app'],
  [700016, 'App not found in the organisation'],
  [7000218, 'App sent no client secret or certificate'],
  [16000, 'Account selection needed'],
  [70044, 'Session expired'],
  [700082, 'Session expired after a long period of inactivity'],
])

/** Entra's code for a successful sign-in. */
export const SIGN_IN_SUCCESS_CODE = 0

/**
 * Describes a failed sign-in in plain words: our wording for a known error code, otherwise the
 * `failureReason` text from Microsoft, otherwise a generic phrase. The code itself is left out
 * because list rows must not show it; the detail sheet prints it separately.
 */
export function describeSignInFailure(errorCode: number, failureReason: string | null): string {
  const known = FAILURE_REASONS.get(errorCode)
  if (known !== undefined) return known

  const given = failureReason?.trim()
  if (given) return given

  return 'Reason not given'
}

/** Whether the code has our own plain-language wording (the rest fall back to Microsoft's text). */
export function isKnownSignInFailure(errorCode: number): boolean {
  return FAILURE_REASONS.has(errorCode)
}
