import { cachedFormatter } from './locale'

function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cachedFormatter('number', options, (locales) => new Intl.NumberFormat(locales, options))
}

/** Formats a full, grouped count: 12,480. */
export function formatCount(value: number): string {
  return numberFormat().format(value)
}

/** Formats a ratio (0 to 1 or more) as a whole percent; values between 0 and 1% read "<1%". */
export function formatPercent(ratio: number): string {
  const percent = numberFormat({ style: 'percent', maximumFractionDigits: 0 })
  if (ratio > 0 && ratio < 0.01) return `<${percent.format(0.01)}`
  return percent.format(ratio)
}

const BINARY_UNITS = [
  { unit: 'terabyte', bytes: 2 ** 40 },
  { unit: 'gigabyte', bytes: 2 ** 30 },
  { unit: 'megabyte', bytes: 2 ** 20 },
  { unit: 'kilobyte', bytes: 2 ** 10 },
] as const

type StorageUnit = (typeof BINARY_UNITS)[number]

/**
 * Picks the largest binary unit the value reaches. Exchange quotas are binary
 * (50 GB = 53,687,091,200 bytes), so sizes use the same divisor and match the quota.
 */
export function storageUnitFor(bytes: number): StorageUnit {
  return BINARY_UNITS.find((candidate) => Math.abs(bytes) >= candidate.bytes) ?? BINARY_UNITS[3]
}

function formatInUnit(bytes: number, unit: StorageUnit): string {
  const format = numberFormat({ style: 'unit', unit: unit.unit, maximumFractionDigits: 1 })
  return format.format(bytes / unit.bytes)
}

/** Formats a storage size with one decimal in binary units: 48.1 GB. */
export function formatStorage(bytes: number): string {
  return formatInUnit(bytes, storageUnitFor(bytes))
}

/** Used storage against a quota, both in the quota's unit: "48.1 GB of 50 GB" (the word comes from the caller). */
export function formatStoragePair(usedBytes: number, quotaBytes: number): { used: string; quota: string } {
  const unit = storageUnitFor(quotaBytes)
  return { used: formatInUnit(usedBytes, unit), quota: formatInUnit(quotaBytes, unit) }
}
