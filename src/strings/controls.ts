// Wording inside the form controls of the first screen; kept apart from common.ts so the
// sign-in chunk carries only these few strings.
export const controls = {
  working: 'Working…',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
}
