import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertTab } from '../../auth/permissions.js'
import { DevicesPage, DevicesQuery } from '../../contract/m365.js'
import { listDevices } from '../../db/repositories/m365/devices.js'
import { readSync } from '../../db/repositories/sync-state.js'
import { DEFAULT_PAGE_LIMIT, ERROR_RESPONSES, tabGuard } from './guard.js'

/** Serves the Entra devices tab: registered and joined devices by name. */
const devicesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/devices',
    {
      onRequest: tabGuard('devices'),
      schema: { tags: ['m365'], querystring: DevicesQuery, response: { 200: DevicesPage, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'devices')
      const orgId = auth.organization.id
      const { limit = DEFAULT_PAGE_LIMIT, cursor, search, compliant } = request.query

      const [page, sync] = await Promise.all([
        listDevices(app.db.reader, orgId, { limit, cursor, search, compliant: compliant === undefined ? undefined : compliant === 'true' }),
        readSync(app.db.reader, orgId),
      ])
      return { ...page, sync }
    },
  )
}

export default devicesRoutes
