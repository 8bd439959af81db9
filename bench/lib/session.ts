/** Signs in through the real API and returns the `portal_session` cookie as `name=value`. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  })
  const body = await response.text()
  if (!response.ok) {
    throw new Error(`Sign-in as ${email} failed with HTTP ${response.status}: ${body.slice(0, 300)}`)
  }
  const parsed = JSON.parse(body) as { mfaRequired?: boolean }
  if (parsed.mfaRequired) {
    throw new Error(`Sign-in as ${email} needs a TOTP code; benchmark accounts must not have MFA enrolled.`)
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('portal_session='))
  if (cookie === undefined) throw new Error(`Sign-in as ${email} returned 200 without a portal_session cookie.`)
  return cookie
}

/** GETs an API path with the session cookie and returns the parsed JSON, or throws naming the status. */
export async function getJson<T>(origin: string, apiPath: string, cookie: string): Promise<T> {
  const response = await fetch(`${origin}${apiPath}`, { headers: { cookie, accept: 'application/json' } })
  const body = await response.text()
  if (!response.ok) throw new Error(`GET ${apiPath} returned HTTP ${response.status}: ${body.slice(0, 300)}`)
  return JSON.parse(body) as T
}
