import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertTab } from '../../auth/permissions.js'
import { SignInsPage, SignInsQuery } from '../../contract/m365.js'
import { listSignIns } from '../../db/repositories/m365/sign-ins.js'
import { readSync } from '../../db/repositories/sync-state.js'
import { DEFAULT_PAGE_LIMIT, ERROR_RESPONSES, tabGuard } from './guard.js'
import { dateRange } from './date-range.js'

/**
 * Serves the Sign-in logs tab, newest first. Without Entra ID P1 the tenant has no sign-in
 * logs, so the list is empty and `sync.capabilities.signIns` gives the reason.
 */
const signInsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sign-ins',
    {
      onRequest: tabGuard('sign-ins'),
      schema: { tags: ['m365'], querystring: SignInsQuery, response: { 200: SignInsPage, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'sign-ins')
      const orgId = auth.organization.id
      const { limit = DEFAULT_PAGE_LIMIT, from, to, ...filters } = request.query
      const range = dateRange(from, to)

      const sync = await readSync(app.db.reader, orgId)
      if (sync.capabilities.signIns === 'needs_entra_p1') return { items: [], nextCursor: null, sync }

      const page = await listSignIns(app.db.reader, orgId, { ...filters, ...range, limit })
      return { ...page, sync }
    },
  )
}

export default signInsRoutes
