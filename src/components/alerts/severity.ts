import type { Component } from 'vue'
import { CircleAlert, CircleQuestionMark, Info, OctagonAlert, TriangleAlert } from 'lucide-vue-next'

/** Graph alert severities in display order, most severe first. Unknown values fall into `unknown`. */
export const SEVERITIES = ['high', 'medium', 'low', 'informational', 'unknown'] as const
export type Severity = (typeof SEVERITIES)[number]

export interface SeverityStyle {
  /** Word shown in lists ("Info" for informational, to fit the row). */
  listWord: string
  /** Word shown on detail screens and in chips with room for it. */
  detailWord: string
  /** Suffix of the `--c-sev-*` colour tokens. */
  token: 'high' | 'medium' | 'low' | 'info'
  /** The shape carries the meaning for people who cannot tell the colours apart. */
  icon: Component
}

const STYLES: Record<Severity, SeverityStyle> = {
  high: { listWord: 'High', detailWord: 'High', token: 'high', icon: OctagonAlert },
  medium: { listWord: 'Medium', detailWord: 'Medium', token: 'medium', icon: TriangleAlert },
  low: { listWord: 'Low', detailWord: 'Low', token: 'low', icon: CircleAlert },
  informational: { listWord: 'Info', detailWord: 'Informational', token: 'info', icon: Info },
  unknown: { listWord: 'Unknown', detailWord: 'Unknown', token: 'info', icon: CircleQuestionMark },
}

/** Maps a severity string as Graph sends it to one of ours; anything unrecognised becomes `unknown`. */
export function toSeverity(value: string): Severity {
  const lower = value.toLowerCase()
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : 'unknown'
}

export function severityStyle(value: string): SeverityStyle {
  return STYLES[toSeverity(value)]
}

/** Sort key: 0 for high through 4 for unknown. */
export function severityRank(value: string): number {
  return SEVERITIES.indexOf(toSeverity(value))
}

/** The accessible name of a severity icon or tile, e.g. "High severity". */
export function severityLabel(value: string): string {
  return `${severityStyle(value).detailWord} severity`
}
