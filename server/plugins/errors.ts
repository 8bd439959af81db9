import fp from 'fastify-plugin'
import type { FastifyError } from 'fastify'
import { ApiError } from '../errors.js'

/** Field name from an Ajv error: `querystring/limit` → `limit`, `body` + missingProperty → that property. */
function invalidField(error: FastifyError): string {
  const [first] = error.validation ?? []
  const params = (first?.params ?? {}) as { missingProperty?: string; additionalProperty?: string }
  if (params.missingProperty) return params.missingProperty
  if (params.additionalProperty) return params.additionalProperty
  const path = first?.instancePath?.replace(/^\//, '').split('/')[0]
  return path || error.validationContext || 'request'
}

function allowedValues(error: FastifyError): string {
  const [first] = error.validation ?? []
  const params = (first?.params ?? {}) as { allowedValues?: unknown[]; additionalProperty?: string }
  if (first?.keyword === 'additionalProperties') return `Unknown parameter "${params.additionalProperty}": remove it.`
  if (Array.isArray(params.allowedValues)) return `Allowed values: ${params.allowedValues.join(', ')}.`
  // A union of literals fails as one `const` error per branch on the same value.
  const constants = (error.validation ?? [])
    .filter((entry) => entry.keyword === 'const' && entry.instancePath === first?.instancePath)
    .map((entry) => String((entry.params as { allowedValue?: unknown }).allowedValue))
  if (constants.length) return `Allowed values: ${constants.join(', ')}.`
  return first?.message ? `It ${first.message}.` : 'Check the value and try again.'
}

/** Turns every error into the contract's JSON body and logs what went wrong with the request id. */
export default fp(async (app) => {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed')
      return reply.code(error.statusCode).headers(error.headers).send(error.toBody())
    }

    if (error.validation) {
      const field = invalidField(error)
      const body = new ApiError('invalid_parameter', `Invalid value for "${field}". ${allowedValues(error)}`, field).toBody()
      return reply.code(400).send(body)
    }

    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(new ApiError('payload_too_large', 'The request body is too large.').toBody())
    }

    if (error.statusCode === 429) {
      return reply.code(429).send(new ApiError('rate_limited', error.message || 'Too many attempts. Try again later.').toBody())
    }

    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.statusCode === 404 ? 'not_found' : 'invalid_parameter'
      return reply.code(error.statusCode === 404 ? 404 : 400).send(new ApiError(code, error.message).toBody())
    }

    request.log.error({ err: error }, 'unhandled error')
    return reply.code(500).send(new ApiError('internal_error', 'Something went wrong on the server. Try again in a moment.').toBody())
  })
})
