/** Median of the finite numbers in `values`, or null when there are none. */
export function median(values: ReadonlyArray<number | null | undefined>): number | null {
  return percentile(values, 50)
}

/**
 * Percentile by the nearest-rank method (the smallest value with at least p % of the values at
 * or below it), except that the median of an even count is the mean of the two middle values.
 */
export function percentile(values: ReadonlyArray<number | null | undefined>, p: number): number | null {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  if (p === 50 && sorted.length % 2 === 0) {
    const upper = sorted.length / 2
    return ((sorted[upper - 1] ?? 0) + (sorted[upper] ?? 0)) / 2
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] ?? null
}

export function round(value: number | null | undefined, digits = 0): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export function kilobytes(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10
}
