import type { GraphGateway } from './gateway.js'
import { GraphApiError, GraphDataError } from './errors.js'
import {
  entityPath, exportName, listPath, reportPath, type EntityResource, type ListOptions, type ListResource, type ReportName,
  type SourcePage, type TenantSource,
} from './resources.js'

/** Receives every raw response body the live source reads (used by `sync --save-export`). */
export interface ResponseRecorder {
  entity(resource: EntityResource, body: Record<string, unknown>): Promise<void>
  page(resource: ListResource, options: ListOptions, index: number, body: Record<string, unknown>): Promise<void>
  report(report: ReportName, csv: string): Promise<void>
  /** Saves a Graph error response as `<name>.error.json`, so an import replays it. */
  error(name: string, error: GraphApiError): Promise<void>
}

/** The live Microsoft Graph API as a TenantSource. */
export class GraphSource implements TenantSource {
  readonly kind = 'graph' as const

  constructor(
    private readonly gateway: GraphGateway,
    private readonly recorder?: ResponseRecorder,
  ) {}

  async entity(resource: EntityResource): Promise<Record<string, unknown>> {
    const body = await this.gateway.get(entityPath(resource))
    await this.recorder?.entity(resource, body)
    return unwrapEntity(body, `GET ${entityPath(resource)}`)
  }

  async *pages(resource: ListResource, options: ListOptions = {}): AsyncIterable<SourcePage> {
    const path = listPath(resource, options)
    let index = 0
    try {
      for await (const page of this.gateway.pages(path)) {
        index += 1
        await this.recorder?.page(resource, options, index, page.body)
        yield { records: page.records, label: `GET ${page.url}` }
      }
    } catch (error) {
      if (error instanceof GraphApiError && error.status === 403 && index === 0) {
        const name = resource === 'users' && options.signInActivity ? 'users.signInActivity' : exportName(resource, options)
        await this.recorder?.error(name, error)
      }
      throw error
    }
  }

  async report(report: ReportName): Promise<string> {
    const csv = await this.gateway.downloadReport(reportPath(report))
    await this.recorder?.report(report, csv)
    return csv
  }
}

/**
 * Returns the entity inside a body. GET /organization returns a one-item collection, and the
 * reportSettings docs example wraps the entity in `value`. A bare entity is returned as is.
 */
export function unwrapEntity(body: Record<string, unknown>, source: string): Record<string, unknown> {
  const value = body.value
  if (Array.isArray(value)) {
    const first: unknown = value[0]
    if (first === null || typeof first !== 'object') throw new GraphDataError(`${source} returned an empty collection.`)
    return first as Record<string, unknown>
  }
  if (value !== null && typeof value === 'object') return value as Record<string, unknown>
  return body
}
