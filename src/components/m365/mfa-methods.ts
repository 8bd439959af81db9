/** Words for the authentication method names in Microsoft Graph's userRegistrationDetails.methodsRegistered. */
const METHOD_WORDS: Record<string, string> = {
  microsoftAuthenticatorPush: 'Microsoft Authenticator (push)',
  microsoftAuthenticatorPasswordless: 'Microsoft Authenticator (passwordless)',
  softwareOneTimePasscode: 'Authenticator app code',
  hardwareOneTimePasscode: 'Hardware token code',
  mobilePhone: 'Mobile phone',
  alternateMobilePhone: 'Alternate mobile phone',
  officePhone: 'Office phone',
  email: 'Email',
  fido2: 'Security key (FIDO2)',
  passKeyDeviceBound: 'Passkey',
  passKeyDeviceBoundAuthenticator: 'Passkey in Microsoft Authenticator',
  windowsHelloForBusiness: 'Windows Hello for Business',
  temporaryAccessPass: 'Temporary Access Pass',
  securityQuestion: 'Security questions',
}

/** Words a method name. An unknown camelCase name is spaced out ("someNewMethod" → "Some new method"). */
export function mfaMethodWord(method: string): string {
  const known = METHOD_WORDS[method]
  if (known) return known
  const spaced = method.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLocaleLowerCase()
  return spaced.charAt(0).toLocaleUpperCase() + spaced.slice(1)
}
