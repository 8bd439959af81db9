export const moreStrings = {
  title: 'More',
  m365Group: 'Microsoft 365',
  m365: 'Microsoft 365',
  alerts: 'Security alerts',
  accountGroup: 'Account',
  profile: 'Profile & security',
  signedInAs: (email: string) => `Signed in as ${email}`,
}
