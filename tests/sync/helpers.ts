import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_PORTAL_SETTINGS } from '../../server/contract/settings.js'
import { openDatabase, type DatabaseConnections } from '../../server/db/database.js'
import { createGraphGateway, type GraphGateway } from '../../server/graph/gateway.js'
import type { SyncLogger } from '../../server/sync/context.js'
import { generateTenant } from '../../server/sync/generator.js'
import type { GraphStandIn } from '../support/graph-stand-in.js'

export interface LogEntry {
  level: 'info' | 'warn' | 'error'
  object: object
  message: string
}

/** Creates a logger that keeps its entries, so tests can check what was logged (and that no secret was). */
export function memoryLogger(): SyncLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = []
  const add = (level: LogEntry['level']) => (object: object, message: string) => void entries.push({ level, object, message })
  return { entries, info: add('info'), warn: add('warn'), error: add('error') }
}

export interface TestDatabase {
  db: DatabaseConnections
  dir: string
  orgId: number
  close(): Promise<void>
}

/** Opens a fresh SQLite file with one organization. */
export async function openTestDatabase(slug = 'contoso'): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientone-sync-'))
  const db = await openDatabase(dir)
  const now = new Date().toISOString()
  const { id } = await db.writer
    .insertInto('organizations')
    .values({ slug, name: slug, settings_json: JSON.stringify(DEFAULT_PORTAL_SETTINGS), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    db,
    dir,
    orgId: id,
    async close() {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Generates a small tenant export (30 users, pages of 10 records) in a temporary folder. */
export async function smallExport(now = new Date()): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientone-export-'))
  await generateTenant({ users: 30, outDir: dir, seed: 42, now, pageSize: 10 })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Creates a gateway for the stand-in, with short retry delays so throttling tests stay fast. */
export function standInGateway(standIn: GraphStandIn, overrides: { clientSecret?: string; timeoutMs?: number } = {}): GraphGateway {
  return createGraphGateway({
    tenantId: standIn.tenantId,
    clientId: standIn.clientId,
    clientSecret: overrides.clientSecret ?? standIn.clientSecret,
    baseUrl: standIn.origin,
    authorityHost: standIn.origin,
    ca: standIn.ca,
    fetch: standIn.fetch,
    timeoutMs: overrides.timeoutMs ?? 5_000,
    retry: { delaySeconds: 0.05, maxRetries: 3 },
  })
}

/** Returns every visible row of a run-scoped table, ordered, without run_id (which differs between runs). */
export async function visibleRows(db: DatabaseConnections, orgId: number, table: string, dataset: string): Promise<unknown[]> {
  const pointer = await db.reader
    .selectFrom('org_datasets')
    .select('run_id')
    .where('org_id', '=', orgId)
    .where('dataset', '=', dataset)
    .executeTakeFirst()
  if (!pointer) return []
  const rows = (await db.reader
    .selectFrom(table as 'm365_users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', dataset === 'signIns' ? '<=' : '=', pointer.run_id)
    .execute()) as Array<Record<string, unknown>>
  return rows
    .map(({ run_id: _runId, ...row }) => row)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}
