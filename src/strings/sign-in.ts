export const signInStrings = {
  title: 'Sign in to ClientOne',
  email: 'Email',
  password: 'Password',
  continue: 'Continue',
  forgotPassword: 'Forgot password?',
  forgotPasswordHelp:
    'Ask your IT provider for a new invitation link. Opening it lets you set a new password for your account.',
  missingEmail: 'Enter your email address.',
  invalidEmail: 'Enter an email address such as name@company.com.',
  missingPassword: 'Enter your password.',
  wrongCredentials: 'Email or password is incorrect.',
  lockedOut: (wait: string) => `Too many attempts. Try again ${wait}.`,
  lockedOutUnknown: 'Too many attempts. Wait a few minutes, then try again.',
  sessionExpired: 'Your session expired. Sign in again to continue.',
  signedOutElsewhere: 'You were signed out. Sign in again to continue.',
  offline: 'Signing in needs a connection. Connect to the internet and try again.',
  failed: 'Something went wrong. Try again in a moment.',

}

/** "in 5 minutes" or "at 14:05" for a lockout that ends in `seconds`. */
export function retryWait(seconds: number, now = new Date()): string {
  if (seconds < 60) return 'in a minute'
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `in ${minutes} minutes`
  const until = new Date(now.getTime() + seconds * 1000)
  // Plain toLocaleTimeString keeps the Intl helpers out of the sign-in chunk.
  return `at ${until.toLocaleTimeString([...navigator.languages], { timeStyle: 'short' })}`
}
