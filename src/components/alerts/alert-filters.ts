import type { LocationQuery } from 'vue-router'
import type { AlertsQuery } from '../../../server/contract/alerts.js'
import { SEVERITIES, type Severity } from './severity'

// The contract's ALERT_STATUSES, repeated here because importing a value from it would pull TypeBox into the bundle.
export const ALERT_STATUSES = ['new', 'inProgress', 'resolved'] as const satisfies readonly NonNullable<AlertsQuery['status']>[number][]
export type AlertStatus = (typeof ALERT_STATUSES)[number]

export interface AlertFilters {
  severity: Severity[]
  status: AlertStatus[]
  needsYou: boolean
}

export const NO_ALERT_FILTERS: AlertFilters = { severity: [], status: [], needsYou: false }

export function alertsQueryFor(filters: AlertFilters, search: string): AlertsQuery {
  const query: AlertsQuery = {}
  if (filters.severity.length) query.severity = [...filters.severity]
  if (filters.status.length) query.status = [...filters.status]
  if (filters.needsYou) query.needsConfirmation = 'true'
  const trimmed = search.trim()
  if (trimmed) query.search = trimmed
  return query
}

function listOf(value: LocationQuery[string] | undefined): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string')
}

/** Reads filters from a deep link such as `/alerts?severity=high` (Overview chips); null when the link sets none. */
export function alertFiltersFromRoute(query: LocationQuery): AlertFilters | null {
  const severity = listOf(query.severity).filter((value): value is Severity => (SEVERITIES as readonly string[]).includes(value))
  const status = listOf(query.status).filter((value): value is AlertStatus => (ALERT_STATUSES as readonly string[]).includes(value))
  const needsYou = query.needsConfirmation === 'true'
  if (!severity.length && !status.length && !needsYou) return null
  return { severity, status, needsYou }
}

export function isFiltered(filters: AlertFilters): boolean {
  return filters.severity.length > 0 || filters.status.length > 0 || filters.needsYou
}
