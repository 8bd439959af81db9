import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertTab } from '../../auth/permissions.js'
import { GroupsPage, GroupsQuery } from '../../contract/m365.js'
import { listGroups } from '../../db/repositories/m365/groups.js'
import { readSync } from '../../db/repositories/sync-state.js'
import { DEFAULT_PAGE_LIMIT, ERROR_RESPONSES, tabGuard } from './guard.js'

/** Serves the Groups tab: Microsoft 365, security and distribution groups by name. */
const groupsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/groups',
    {
      onRequest: tabGuard('groups'),
      schema: { tags: ['m365'], querystring: GroupsQuery, response: { 200: GroupsPage, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'groups')
      const orgId = auth.organization.id
      const { limit = DEFAULT_PAGE_LIMIT, ...filters } = request.query

      const [page, sync] = await Promise.all([listGroups(app.db.reader, orgId, { ...filters, limit }), readSync(app.db.reader, orgId)])
      return { ...page, sync }
    },
  )
}

export default groupsRoutes
