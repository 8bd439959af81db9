import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertTab } from '../../auth/permissions.js'
import { Collaboration } from '../../contract/m365.js'
import { listSites, listTeams, readCollaborationSummary } from '../../db/repositories/m365/collaboration.js'
import { readSync } from '../../db/repositories/sync-state.js'
import { ERROR_RESPONSES, tabGuard } from './guard.js'

/**
 * Serves the Collaboration tab: Teams and SharePoint totals for everyone, and the per-team and
 * per-site lists for managers only (absent from a standard user's response, not empty).
 */
const collaborationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/collaboration',
    {
      onRequest: tabGuard('collaboration'),
      schema: { tags: ['m365'], response: { 200: Collaboration, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'collaboration')
      const orgId = auth.organization.id
      const db = app.db.reader

      const sync = await readSync(db, orgId)
      const { summary, teamsPointer, sitesPointer } = await readCollaborationSummary(db, orgId, sync.reportNames)
      if (auth.account.role !== 'manager') return { ...summary, sync }

      const [teams, sites] = await Promise.all([listTeams(db, orgId, teamsPointer), listSites(db, orgId, sitesPointer)])
      return { ...summary, teams, sites, sync }
    },
  )
}

export default collaborationRoutes
