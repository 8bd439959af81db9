import type { LocationQueryValue } from 'vue-router'

/**
 * Returns the `?redirect=` target if it is a path inside this app, else `/`. Absolute URLs,
 * protocol-relative `//host` paths and backslash tricks are rejected, so sign-in can never
 * send the user to another origin.
 */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value
  if (typeof candidate !== 'string' || !candidate.startsWith('/')) return '/'
  if (candidate.startsWith('//') || candidate.includes('\\')) return '/'
  if (/^\/sign-in(?:[/?#]|$)/.test(candidate)) return '/'
  try {
    const url = new URL(candidate, 'http://app.invalid')
    if (url.origin !== 'http://app.invalid') return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}
