import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ResponseRecorder } from '../graph/graph-source.js'
import { exportName } from '../graph/resources.js'
import { MANIFEST_FILE } from './export-folder-source.js'

/**
 * Saves every raw Graph response body of a live sync into an export folder, in the layout
 * the import reads, so a sync can be replayed offline (`sync --save-export DIR`).
 */
export async function createExportRecorder(dir: string, now = new Date()): Promise<ResponseRecorder> {
  const root = path.resolve(dir)
  await mkdir(root, { recursive: true })
  await writeFile(
    path.join(root, MANIFEST_FILE),
    `${JSON.stringify({ format: 'clientone-graph-export', version: 1, exportedAt: now.toISOString(), source: 'graph' }, null, 2)}\n`,
  )
  const write = async (relative: string, text: string) => {
    const file = path.join(root, relative)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, text)
  }
  return {
    entity: (resource, body) => write(`${exportName(resource)}.json`, `${JSON.stringify(body, null, 2)}\n`),
    page: (resource, options, index, body) =>
      write(`${exportName(resource, options)}/${String(index).padStart(4, '0')}.json`, `${JSON.stringify(body)}\n`),
    report: (report, csv) => write(`reports/${report}.csv`, csv),
    error: (name, error) =>
      write(`${name}.error.json`, `${JSON.stringify({ status: error.status, body: { error: { code: error.code, message: error.message } } }, null, 2)}\n`),
  }
}
