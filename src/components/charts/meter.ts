/** Colour role of a meter fill; the matching icon and words always go with warning and danger. */
export type MeterTone = 'primary' | 'warning' | 'danger'

/** Share of `max` used by `value`, clamped to 0–1. A missing or zero max gives 0. */
export function meterRatio(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0) return 0
  return Math.min(Math.max(value / max, 0), 1)
}

/** Warning from 90 % used, danger from 100 %: the thresholds for licences and mailboxes. */
export function meterTone(value: number, max: number): MeterTone {
  if (max <= 0) return 'primary'
  const ratio = value / max
  if (ratio >= 1) return 'danger'
  if (ratio >= 0.9) return 'warning'
  return 'primary'
}
