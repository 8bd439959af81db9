import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertTab, permissionsFor } from '../../auth/permissions.js'
import { Overview } from '../../contract/m365.js'
import { countOpenAlerts } from '../../db/repositories/alerts.js'
import {
  readDeviceTotals,
  readLicenses,
  readMfaTotals,
  readSignInDays,
  readTenant,
  readUserTotals,
} from '../../db/repositories/m365/overview.js'
import { readSync } from '../../db/repositories/sync-state.js'
import { ERROR_RESPONSES, tabGuard } from './guard.js'

/**
 * Serves the Overview tab, the tenant summary. Each section appears only when the caller may open
 * the tab it summarizes (users, licences and MFA need Users; sign-ins need Sign-in logs;
 * devices need Entra devices; alerts need security alerts), so it leaks nothing else.
 */
const overviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/overview',
    {
      onRequest: tabGuard('overview'),
      schema: { tags: ['m365'], response: { 200: Overview, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'overview')
      const orgId = auth.organization.id
      const db = app.db.reader
      const permissions = permissionsFor(auth)
      const tabs = new Set(permissions.tabs)

      const sync = await readSync(db, orgId)
      const overview: Overview = { tenant: await readTenant(db, orgId), sync }

      if (tabs.has('users')) {
        const [users, licenses, mfa] = await Promise.all([readUserTotals(db, orgId), readLicenses(db, orgId), readMfaTotals(db, orgId)])
        overview.users = users
        overview.licenses = licenses
        overview.mfaRegistration = { ...mfa, capability: sync.capabilities.mfaRegistration }
      }
      if (tabs.has('sign-ins')) {
        overview.signIns = { capability: sync.capabilities.signIns, days: await readSignInDays(db, orgId, app.now()) }
      }
      if (tabs.has('devices')) {
        overview.devices = await readDeviceTotals(db, orgId)
      }
      if (permissions.alerts) {
        overview.alerts = await countOpenAlerts(db, orgId, auth.settings)
      }
      return overview
    },
  )
}

export default overviewRoutes
