import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { migrationProvider } from './migrations.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>

/**
 * The two connections the server uses: `writer` for sign-in state and sync runs, and
 * `reader`, a read-only connection for API reads. In WAL mode the reader sees the last
 * committed snapshot, so a long sync never blocks API requests.
 */
export interface DatabaseConnections {
  file: string
  writer: Db
  reader: Db
  close(): Promise<void>
}

export const DATABASE_FILE_NAME = 'portal.sqlite'

const sqliteHandles = new WeakMap<Db, SQLite.Database>()

/**
 * Returns the better-sqlite3 connection behind a Kysely instance from openDatabase, for bulk
 * writers that run one prepared statement many times. Run it inside `db.connection().execute()`
 * so no Kysely transaction on the same connection is open at the time.
 */
export function sqliteHandle(db: Db): SQLite.Database {
  const handle = sqliteHandles.get(db)
  if (!handle) throw new Error('No SQLite connection is registered for this Kysely instance: open it with openDatabase().')
  return handle
}

/** Opens (creating if needed) the SQLite file under `dataDir` and applies every pending migration. */
export async function openDatabase(dataDir: string): Promise<DatabaseConnections> {
  mkdirSync(dataDir, { recursive: true })
  const file = path.resolve(dataDir, DATABASE_FILE_NAME)

  const writerHandle = new SQLite(file)
  writerHandle.pragma('journal_mode = WAL')
  writerHandle.pragma('synchronous = NORMAL')
  writerHandle.pragma('foreign_keys = ON')
  writerHandle.pragma('busy_timeout = 5000')
  const writer = new Kysely<Database>({ dialect: new SqliteDialect({ database: writerHandle }) })
  sqliteHandles.set(writer, writerHandle)

  await migrateToLatest(writer)

  const readerHandle = new SQLite(file, { readonly: true })
  readerHandle.pragma('busy_timeout = 5000')
  const reader = new Kysely<Database>({ dialect: new SqliteDialect({ database: readerHandle }) })
  sqliteHandles.set(reader, readerHandle)

  return {
    file,
    writer,
    reader,
    async close() {
      await reader.destroy()
      await writer.destroy()
    },
  }
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error')
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`)
  }
}

/** Current time as ISO 8601 UTC text, the format every timestamp column uses. */
export function nowIso(): string {
  return new Date().toISOString()
}

/** Converts a stored 0/1/null column to a boolean or null. */
export function toBool(value: number | null): boolean | null {
  return value === null ? null : value !== 0
}
