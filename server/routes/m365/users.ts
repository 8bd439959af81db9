import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertTab } from '../../auth/permissions.js'
import { UserDetail, UsersPage, UsersQuery } from '../../contract/m365.js'
import { notFound } from '../../errors.js'
import { readUserDetail } from '../../db/repositories/m365/user-detail.js'
import { listUsers } from '../../db/repositories/m365/users.js'
import { readSync } from '../../db/repositories/sync-state.js'
import { DEFAULT_PAGE_LIMIT, ERROR_RESPONSES, IdParams, tabGuard } from './guard.js'

/** Serves the Users tab: the list with filters and search, and one user's detail by role. */
const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      onRequest: tabGuard('users'),
      schema: { tags: ['m365'], querystring: UsersQuery, response: { 200: UsersPage, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'users')
      const orgId = auth.organization.id
      const { limit = DEFAULT_PAGE_LIMIT, ...filters } = request.query

      const [page, sync] = await Promise.all([listUsers(app.db.reader, orgId, { ...filters, limit }), readSync(app.db.reader, orgId)])
      return { ...page, sync }
    },
  )

  app.get(
    '/users/:id',
    {
      onRequest: tabGuard('users'),
      schema: { tags: ['m365'], params: IdParams, response: { 200: UserDetail, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'users')
      const orgId = auth.organization.id
      const sync = await readSync(app.db.reader, orgId)

      const user = await readUserDetail(app.db.reader, orgId, request.params.id, {
        email: auth.account.email.toLowerCase(),
        isManager: auth.account.role === 'manager',
        mfaCapability: sync.capabilities.mfaRegistration,
      })
      if (!user) throw notFound(`No user with id "${request.params.id}" in your organization's Microsoft 365 data.`)
      return { user, sync }
    },
  )
}

export default usersRoutes
