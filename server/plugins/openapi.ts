import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'

/** Generates the OpenAPI document from the route schemas and serves it at /api/v1/openapi.json. */
export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ClientOne portal API', version: '1' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'portal_session' } },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `schema${index}`),
    },
  })

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger())
})
