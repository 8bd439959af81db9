import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Settings shared by the portal server and the provider CLI of one benchmark: the same data folder
 * and key, the scheduler off, and Graph pointed at a closed local port so nothing leaves 127.0.0.1.
 */
export interface PortalEnvironment {
  dataDir: string
  secretKey: string
  variables(extra?: Record<string, string>): NodeJS.ProcessEnv
  remove(): void
}

/** Port 9 (discard) on 127.0.0.1: nothing listens there, so a Graph call fails at once. */
const CLOSED_LOCAL_URL = 'http://127.0.0.1:9'

/** Creates a temporary data folder; pass `secretKey` to open a database copied from another run. */
export function createPortalEnvironment(label: string, options: { secretKey?: string } = {}): PortalEnvironment {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `clientone-bench-${label}-`))
  const secretKey = options.secretKey ?? randomBytes(32).toString('base64')
  return {
    dataDir,
    secretKey,
    variables(extra = {}) {
      return {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TMPDIR: process.env.TMPDIR,
        DATA_DIR: dataDir,
        PORTAL_SECRET_KEY: secretKey,
        SYNC_INTERVAL_MINUTES: '0',
        GRAPH_BASE_URL: CLOSED_LOCAL_URL,
        GRAPH_AUTHORITY_HOST: CLOSED_LOCAL_URL,
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'info',
        ...extra,
      }
    },
    remove() {
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
