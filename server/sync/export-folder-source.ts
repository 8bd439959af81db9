import { existsSync, readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { GraphDataError, ResourceMissingError, graphApiErrorFromBody } from '../graph/errors.js'
import { unwrapEntity } from '../graph/graph-source.js'
import { parseJsonBody } from '../graph/json-body.js'
import {
  exportName, type EntityResource, type ListOptions, type ListResource, type ReportName, type SourcePage,
  type TenantSource,
} from '../graph/resources.js'
import { shiftCsvDates, shiftJsonTimestamps } from './time-shift.js'

// A folder of saved Graph response bodies read as if it were Graph (layout in
// docs/graph-export-folder.md). Pages are read one file at a time so memory stays flat
// however large the tenant is.

export const MANIFEST_FILE = 'manifest.json'

export interface ExportFolderOptions {
  kind: 'import' | 'demo'
  /** Moves every recorded timestamp so the manifest's `exportedAt` becomes this time (demo only). */
  shiftTo?: Date
}

export class ExportFolderSource implements TenantSource {
  readonly kind: 'import' | 'demo'
  private shiftMs = 0
  private exportedAt: Date | null = null

  private constructor(
    private readonly dir: string,
    options: ExportFolderOptions,
  ) {
    this.kind = options.kind
  }

  /** Opens a folder; rejects a missing folder or an invalid manifest with the path and the fix. */
  static async open(dir: string, options: ExportFolderOptions): Promise<ExportFolderSource> {
    const absolute = path.resolve(dir)
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
      throw new GraphDataError(`Export folder "${absolute}" does not exist or is not a folder.`)
    }
    const source = new ExportFolderSource(absolute, options)
    const manifestPath = path.join(absolute, MANIFEST_FILE)
    if (existsSync(manifestPath)) {
      const manifest = parseJsonBody(await readFile(manifestPath, 'utf8'), MANIFEST_FILE)
      const exportedAt = typeof manifest.exportedAt === 'string' ? new Date(manifest.exportedAt) : null
      if (exportedAt && Number.isNaN(exportedAt.getTime())) {
        throw new GraphDataError(`${MANIFEST_FILE}: field "exportedAt" is not a valid date-time.`)
      }
      source.exportedAt = exportedAt
    }
    if (options.shiftTo) {
      if (!source.exportedAt) {
        throw new GraphDataError(`${MANIFEST_FILE}: field "exportedAt" is required to shift the export's timestamps.`)
      }
      source.shiftMs = options.shiftTo.getTime() - source.exportedAt.getTime()
    }
    return source
  }

  async entity(resource: EntityResource): Promise<Record<string, unknown>> {
    const name = exportName(resource)
    await this.throwRecordedError(name)
    const file = `${name}.json`
    if (!existsSync(path.join(this.dir, file))) {
      throw new ResourceMissingError(resource, `The export folder has no ${file}.`)
    }
    return unwrapEntity(await this.readJson(file), file)
  }

  async *pages(resource: ListResource, options: ListOptions = {}): AsyncIterable<SourcePage> {
    const name = exportName(resource, options)
    if (resource === 'users' && options.signInActivity) await this.throwRecordedError('users.signInActivity')
    await this.throwRecordedError(name)

    for (const file of this.pageFiles(resource, name)) {
      const body = await this.readJson(file)
      const records = body.value
      if (!Array.isArray(records)) throw new GraphDataError(`${file}: field "value" is missing or not an array.`)
      yield { records, label: file }
    }
  }

  async report(report: ReportName): Promise<string> {
    const name = `reports/${report}`
    await this.throwRecordedError(name)
    const file = path.join(this.dir, `${name}.csv`)
    if (!existsSync(file)) throw new ResourceMissingError(report, `The export folder has no ${name}.csv.`)
    const csv = await readFile(file, 'utf8')
    return this.shiftMs === 0 ? csv : shiftCsvDates(csv, this.shiftMs)
  }

  /** Lists a resource's page files: `<name>.json`, or every `*.json` in `<name>/` in name order. */
  private pageFiles(resource: string, name: string): string[] {
    const single = `${name}.json`
    if (existsSync(path.join(this.dir, single))) return [single]
    const folder = path.join(this.dir, name)
    if (existsSync(folder) && statSync(folder).isDirectory()) {
      return readdirSync(folder)
        .filter((file) => file.endsWith('.json') && !file.endsWith('.error.json'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((file) => `${name}/${file}`)
    }
    throw new ResourceMissingError(resource, `The export folder has no ${single} or ${name}/ folder.`)
  }

  /** Replays a recorded error response (`<name>.error.json` = `{ status, body }`) as the live source would throw it. */
  private async throwRecordedError(name: string): Promise<void> {
    const file = `${name}.error.json`
    if (!existsSync(path.join(this.dir, file))) return
    const recorded = parseJsonBody(await readFile(path.join(this.dir, file), 'utf8'), file)
    const status = recorded.status
    if (typeof status !== 'number' || status < 400 || status > 599) {
      throw new GraphDataError(`${file}: field "status" must be an HTTP error status (400 to 599).`)
    }
    throw graphApiErrorFromBody(status, recorded.body, file)
  }

  private async readJson(file: string): Promise<Record<string, unknown>> {
    const body = parseJsonBody(await readFile(path.join(this.dir, file), 'utf8'), file)
    return this.shiftMs === 0 ? body : (shiftJsonTimestamps(body, this.shiftMs) as Record<string, unknown>)
  }
}
