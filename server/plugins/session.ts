import fp from 'fastify-plugin'

// Placeholder: reads the session cookie and sets request.auth (implemented with the auth routes).
export default fp(async (app) => {
  app.decorateRequest('auth', null)
})
