import { formatCount } from '@/format'
import { SEVERITIES, severityStyle, type Severity } from '@/components/alerts/severity'

export type SeverityCounts = Record<Severity, number>

/** Severities with at least one open alert, most severe first. */
export function nonZeroSeverities(counts: SeverityCounts): Severity[] {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
}

/** The text alternative of the severity chips, e.g. "2 high, 5 medium, 1 low, 3 informational". */
export function severitySummary(counts: SeverityCounts): string {
  const parts = nonZeroSeverities(counts).map(
    (severity) => `${formatCount(counts[severity])} ${severityStyle(severity).detailWord.toLowerCase()}`,
  )
  return parts.length > 0 ? parts.join(', ') : 'No open alerts'
}
