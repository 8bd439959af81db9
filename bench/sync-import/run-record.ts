import path from 'node:path'
import SQLite from 'better-sqlite3'

/** The newest sync run of an organization as the product recorded it in `sync_runs`. */
export interface SyncRunRecord {
  id: number
  source: string
  status: string
  rows: number
  rowsByDataset: Record<string, number>
  error: string | null
}

/** Reads the newest sync run of `slug` from the portal's SQLite file (read-only). */
export function readLatestSyncRun(dataDir: string, slug: string): SyncRunRecord {
  const database = new SQLite(path.join(dataDir, 'portal.sqlite'), { readonly: true })
  try {
    const row = database
      .prepare(
        `SELECT sync_runs.id, sync_runs.source, sync_runs.status, sync_runs.error, sync_runs.datasets_json
         FROM sync_runs JOIN organizations ON organizations.id = sync_runs.org_id
         WHERE organizations.slug = ? ORDER BY sync_runs.id DESC LIMIT 1`,
      )
      .get(slug) as { id: number; source: string; status: string; error: string | null; datasets_json: string } | undefined
    if (row === undefined) throw new Error(`No sync run recorded for organization "${slug}".`)

    const datasets = JSON.parse(row.datasets_json) as Record<string, { count?: number }>
    const rowsByDataset = Object.fromEntries(Object.entries(datasets).map(([name, result]) => [name, result.count ?? 0]))
    const rows = Object.values(rowsByDataset).reduce((sum, count) => sum + count, 0)
    return { id: row.id, source: row.source, status: row.status, rows, rowsByDataset, error: row.error }
  } finally {
    database.close()
  }
}
