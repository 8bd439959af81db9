import { GraphDataError } from './errors.js'

/** Parses a Graph JSON body that must be an object; `source` names the request or file in the error. */
export function parseJsonBody(text: string, source: string): Record<string, unknown> {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new GraphDataError(`${source} returned invalid JSON: ${reason}`)
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GraphDataError(`${source} returned JSON that is not an object.`)
  }
  return body as Record<string, unknown>
}
