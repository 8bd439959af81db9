import type { License } from '../../../contract/m365.js'

// Conversions from stored columns to API values, shared by the Microsoft 365 repositories.

/** Parses JSON written by the sync; a damaged value reads as `fallback` instead of failing the request. */
export function parseJson(json: string | null, fallback: unknown = null): unknown {
  if (json === null) return fallback
  try {
    return JSON.parse(json)
  } catch {
    return fallback
  }
}

/** Reads `licenses_json` (`[{ skuId, name }]`), keeping only well-formed entries. */
export function parseLicenses(json: string): License[] {
  const value = parseJson(json, [])
  if (!Array.isArray(value)) return []
  return value.flatMap((entry: unknown) => {
    if (!entry || typeof entry !== 'object') return []
    const { skuId, name } = entry as { skuId?: unknown; name?: unknown }
    if (typeof skuId !== 'string') return []
    return [{ skuId, name: typeof name === 'string' && name ? name : skuId }]
  })
}

/** Reads a JSON array of strings, dropping anything else. */
export function parseStringArray(json: string | null): string[] {
  const value = parseJson(json, [])
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
