import type { FastifyPluginAsync } from 'fastify'

// Placeholder until the routes are implemented.
const routes: FastifyPluginAsync = async () => {}
export default routes
