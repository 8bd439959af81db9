import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertAlerts } from '../auth/permissions.js'
import { AlertDetail, AlertsPage, AlertsQuery } from '../contract/alerts.js'
import { notFound } from '../errors.js'
import { listAlerts, readAlert } from '../db/repositories/alerts.js'
import { readSync } from '../db/repositories/sync-state.js'
import { dateRange } from './m365/date-range.js'
import { DEFAULT_PAGE_LIMIT, ERROR_RESPONSES, IdParams } from './m365/guard.js'

/**
 * Serves the security alerts visible to the customer, read-only, with the provider's
 * visibility settings and triage (hidden alerts, notes, requests for confirmation) applied.
 */
const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Runs before query validation, like the tab guard, so 401 and 403 responses come before 400.
  const alertsGuard = async (request: { auth: Parameters<typeof assertAlerts>[0] }) => {
    assertAlerts(request.auth)
  }

  app.get(
    '/alerts',
    {
      onRequest: alertsGuard,
      schema: { tags: ['alerts'], querystring: AlertsQuery, response: { 200: AlertsPage, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertAlerts(request.auth)
      const orgId = auth.organization.id
      const { limit = DEFAULT_PAGE_LIMIT, from, to, ...filters } = request.query
      const range = dateRange(from, to)

      const [page, sync] = await Promise.all([
        listAlerts(app.db.reader, orgId, auth.settings, { ...filters, ...range, limit }),
        readSync(app.db.reader, orgId),
      ])
      return { ...page, sync }
    },
  )

  app.get(
    '/alerts/:id',
    {
      onRequest: alertsGuard,
      schema: { tags: ['alerts'], params: IdParams, response: { 200: AlertDetail, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertAlerts(request.auth)
      const orgId = auth.organization.id

      const [alert, sync] = await Promise.all([
        readAlert(app.db.reader, orgId, auth.settings, request.params.id, auth.settings.provider.name),
        readSync(app.db.reader, orgId),
      ])
      if (!alert) throw notFound(`No security alert with id "${request.params.id}" for your organization.`)
      return { alert, sync }
    },
  )
}

export default alertRoutes
