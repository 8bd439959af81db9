import type { AlertListItem, AlertsQuery, Overview, Sync } from '../../server/contract/index.js'
import { listAlerts } from '../api/alerts'
import type { ApiResponse } from '../api/http'
import { getOverview } from '../api/m365'
import { usePortalStore } from '../stores/portal'
import { useSessionStore } from '../stores/session'
import { prefetchResource } from './prefetch'

/** Alerts shown per Home section; the full list is one tap away. */
export const HOME_SECTION_LIMIT = 5

export interface HomeData {
  overview: Overview | null
  confirmations: AlertListItem[]
  freshAlerts: AlertListItem[]
  sync: Sync | null
}

/** Returns one key per account and permission set, so a permission change reloads Home. */
export function homeResourceKey(): string | null {
  const me = useSessionStore().me
  if (!me) return null
  const portal = usePortalStore()
  return `home:${me.account.id}:${portal.alertsEnabled}:${portal.canOpenTab('overview')}`
}

/** Loads the overview (for the sync state) and the two alert sections in parallel. */
export async function loadHome(signal: AbortSignal): Promise<ApiResponse<HomeData>> {
  const portal = usePortalStore()
  const newAlertsQuery: AlertsQuery = { severity: ['high', 'medium'], status: ['new'], limit: HOME_SECTION_LIMIT }
  const [overview, confirmations, fresh] = await Promise.all([
    portal.canOpenTab('overview') ? getOverview(signal) : null,
    portal.alertsEnabled ? listAlerts({ needsConfirmation: 'true', limit: HOME_SECTION_LIMIT }, signal) : null,
    portal.alertsEnabled ? listAlerts(newAlertsQuery, signal) : null,
  ])

  const confirmationItems = confirmations?.data.items ?? []
  const confirmationIds = new Set(confirmationItems.map((alert) => alert.id))
  const cachedTimes = [overview, confirmations, fresh]
    .map((response) => response?.cachedAt)
    .filter((time): time is string => !!time)
    .sort()

  return {
    data: {
      overview: overview?.data ?? null,
      confirmations: confirmationItems,
      // An alert that also waits for confirmation is listed once, in the confirmation section.
      freshAlerts: (fresh?.data.items ?? []).filter((alert) => !confirmationIds.has(alert.id)),
      sync: overview?.data.sync ?? confirmations?.data.sync ?? fresh?.data.sync ?? null,
    },
    // The oldest cached part decides how old the screen's data may be.
    cachedAt: cachedTimes[0] ?? null,
  }
}

export function prefetchHome(): void {
  prefetchResource(homeResourceKey(), loadHome)
}
