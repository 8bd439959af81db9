import { Value } from 'typebox/value'
import { DEFAULT_PORTAL_SETTINGS, PortalSettings } from '../contract/settings.js'

export class InvalidSettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidSettingsError'
  }
}

type SettingsPatch = Partial<PortalSettings>

/**
 * Merges a patch over `base` one level deep, so `{ provider: { name } }` keeps the other
 * provider fields, and validates the result. Throws InvalidSettingsError naming the field.
 */
export function mergeSettings(base: PortalSettings, patch: SettingsPatch): PortalSettings {
  const merged: Record<string, unknown> = structuredClone(base)
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const current = merged[key]
    const isObject = (candidate: unknown) => candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate)
    merged[key] = isObject(current) && isObject(value) ? { ...(current as object), ...(value as object) } : value
  }
  return validateSettings(merged)
}

/** Validates a complete settings object against PortalSettings and throws naming the first invalid field. */
export function validateSettings(candidate: unknown): PortalSettings {
  if (Value.Check(PortalSettings, candidate)) {
    const settings = candidate as PortalSettings
    return { ...settings, standardTabs: [...new Set(settings.standardTabs)] }
  }
  const [first] = [...Value.Errors(PortalSettings, candidate)]
  const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'settings'
  throw new InvalidSettingsError(`Invalid portal setting "${field}": ${first?.message ?? 'check the value'}.`)
}

/** Reads stored settings JSON, filling fields added since it was written from the defaults. */
export function parseStoredSettings(json: string): PortalSettings {
  let stored: unknown
  try {
    stored = JSON.parse(json)
  } catch {
    throw new InvalidSettingsError('Stored portal settings are not valid JSON: set them again with `portal org settings`.')
  }
  return mergeSettings(DEFAULT_PORTAL_SETTINGS, (stored ?? {}) as SettingsPatch)
}
