import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import collaborationRoutes from './collaboration.js'
import devicesRoutes from './devices.js'
import groupsRoutes from './groups.js'
import mailboxesRoutes from './mailboxes.js'
import overviewRoutes from './overview.js'
import signInsRoutes from './sign-ins.js'
import usersRoutes from './users.js'

/** Registers the read-only Microsoft 365 tab routes, one file per tab, under /api/v1/m365. */
const m365Routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(overviewRoutes)
  await app.register(usersRoutes)
  await app.register(mailboxesRoutes)
  await app.register(groupsRoutes)
  await app.register(collaborationRoutes)
  await app.register(signInsRoutes)
  await app.register(devicesRoutes)
}

export default m365Routes
