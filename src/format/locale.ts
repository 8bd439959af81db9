/** Returns the user's preferred locales, most preferred first; Intl uses its default when empty. */
export function userLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  if (navigator.languages && navigator.languages.length > 0) return navigator.languages
  return navigator.language ? [navigator.language] : []
}

/** Intl formatters are costly to build, so each option set is built once per locale list. */
const cache = new Map<string, unknown>()

export function cachedFormatter<F>(kind: string, options: object, build: (locales: string[]) => F): F {
  const locales = [...userLocales()]
  const cacheKey = `${kind}|${locales.join(',')}|${JSON.stringify(options)}`
  let formatter = cache.get(cacheKey) as F | undefined
  if (!formatter) {
    formatter = build(locales)
    cache.set(cacheKey, formatter)
  }
  return formatter
}
