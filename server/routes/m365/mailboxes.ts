import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assertTab } from '../../auth/permissions.js'
import { MailboxesPage, MailboxesQuery } from '../../contract/m365.js'
import { listMailboxes } from '../../db/repositories/m365/mailboxes.js'
import { readSync } from '../../db/repositories/sync-state.js'
import { DEFAULT_PAGE_LIMIT, ERROR_RESPONSES, tabGuard } from './guard.js'

/** Serves the Mailbox tab: mailbox usage from the Exchange report, nearest the quota first. */
const mailboxesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/mailboxes',
    {
      onRequest: tabGuard('mailboxes'),
      schema: { tags: ['m365'], querystring: MailboxesQuery, response: { 200: MailboxesPage, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const auth = assertTab(request.auth, 'mailboxes')
      const orgId = auth.organization.id
      const { limit = DEFAULT_PAGE_LIMIT, cursor, search } = request.query

      const sync = await readSync(app.db.reader, orgId)
      const page = await listMailboxes(app.db.reader, orgId, { limit, cursor, search }, sync.reportNames)
      return { ...page, sync }
    },
  )
}

export default mailboxesRoutes
