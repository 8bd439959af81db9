export const invitationStrings = {
  title: 'Set your password',
  intro: 'Choose a password for your ClientOne account. You will use it with your email address to sign in.',
  newPassword: 'New password',
  repeatPassword: 'Repeat the password',
  hint: (min: number) => `At least ${min} characters. A few unrelated words make a strong password.`,
  tooShort: (min: number, length: number) => `Use at least ${min} characters. This one has ${length}.`,
  mismatch: "The passwords don't match. Type the same password twice.",
  submit: 'Set password and sign in',
  invalidTitle: 'This invitation link no longer works',
  invalidBody:
    'It may have expired or been used already. Ask your IT provider for a new invitation link.',
  goToSignIn: 'Go to sign-in',
  offline: 'Setting a password needs a connection. Connect to the internet and try again.',
  rejected: (message: string) => `The password was not accepted: ${message}`,
  failed: 'Something went wrong. Try again in a moment.',
  rateLimited: 'Too many attempts. Wait a few minutes, then try again.',
}
