import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.js'
import { loadConfig, type Config } from '../../server/config.js'
import { openDatabase, type DatabaseConnections } from '../../server/db/database.js'

export interface TestServer {
  app: FastifyInstance
  db: DatabaseConnections
  config: Config
  dataDir: string
  /** The clock the app sees; tests move it with `advance`. */
  clock: { now: Date; advance(ms: number): void }
  close(): Promise<void>
}

/**
 * Starts the real app on a fresh SQLite file in a temporary folder. Requests go through
 * `app.inject`; call `app.listen({ host: '127.0.0.1', port: 0 })` for a real socket.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clientone-test-'))
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORTAL_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    SYNC_INTERVAL_MINUTES: '0',
    STATIC_DIR: path.join(dataDir, 'no-build'),
    ...env,
  })
  const db = await openDatabase(dataDir)
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms)
    },
  }
  const app = await buildApp({ config, db, now: () => clock.now })
  return {
    app,
    db,
    config,
    dataDir,
    clock,
    async close() {
      await app.close()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
