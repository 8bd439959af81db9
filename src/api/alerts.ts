import type { AlertDetail, AlertsPage, AlertsQuery } from '../../server/contract/index.js'
import { apiRequest, type ApiResponse } from './http'

export function listAlerts(query: AlertsQuery = {}, signal?: AbortSignal): Promise<ApiResponse<AlertsPage>> {
  return apiRequest<AlertsPage>('GET', '/alerts', { query, signal })
}

export function getAlert(id: string, signal?: AbortSignal): Promise<ApiResponse<AlertDetail>> {
  return apiRequest<AlertDetail>('GET', `/alerts/${encodeURIComponent(id)}`, { signal })
}
