import type { Config } from '../config.js'
import type { DatabaseConnections } from '../db/database.js'
import type { GraphGatewayOptions } from '../graph/gateway.js'
import { GraphSource } from '../graph/graph-source.js'
import { gatewayFor, loadGraphConnection } from './connection.js'
import type { SyncLogger } from './context.js'
import { failInterruptedRuns } from './recover.js'
import { runSync, SyncBusyError } from './run-sync.js'

// Scheduled syncs: every organization with a Graph connection is synced when its last graph
// run started at least SYNC_INTERVAL_MINUTES ago, so the schedule survives restarts. Due
// organizations are synced one after another; a tick is skipped while the previous one runs.

export interface SchedulerOptions {
  config: Config
  db: DatabaseConnections
  log: SyncLogger
  /** How often due organizations are looked for, in milliseconds. */
  tickMs?: number
  /** Extra gateway options (tests pass the stand-in's CA and fetch). */
  gatewayOptions?: Partial<GraphGatewayOptions>
  now?: () => Date
}

export interface Scheduler {
  /** Runs one pass now: syncs every organization that is due. Resolves when the pass is done. */
  tick(): Promise<void>
  /** Stops scheduling and waits for a running pass to finish. */
  stop(): Promise<void>
}

const DEFAULT_TICK_MS = 60_000

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { config, db, log } = options
  const intervalMs = config.syncIntervalMinutes * 60_000
  const now = options.now ?? (() => new Date())
  let running: Promise<void> | null = null
  let stopped = false

  async function dueOrganizations(): Promise<number[]> {
    const connections = await db.reader.selectFrom('graph_connections').select('org_id').execute()
    const due: number[] = []
    for (const { org_id: orgId } of connections) {
      const last = await db.reader
        .selectFrom('sync_runs')
        .select('started_at')
        .where('org_id', '=', orgId)
        .where('source', '=', 'graph')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (!last || now().getTime() - Date.parse(last.started_at) >= intervalMs) due.push(orgId)
    }
    return due
  }

  async function pass(): Promise<void> {
    for (const orgId of await dueOrganizations()) {
      if (stopped) return
      try {
        const connection = await loadGraphConnection(db.writer, config, orgId)
        if (!connection) continue
        const source = new GraphSource(gatewayFor(config, connection, options.gatewayOptions))
        await runSync({ db: db.writer, orgId, source, log })
      } catch (error) {
        if (error instanceof SyncBusyError) log.info({ orgId }, 'scheduled sync skipped: a sync is already running')
        else log.error({ orgId, err: error }, 'scheduled sync could not start')
      }
    }
  }

  function tick(): Promise<void> {
    if (running) return running
    running = pass().finally(() => {
      running = null
    })
    return running
  }

  const timer = setInterval(() => void tick(), options.tickMs ?? DEFAULT_TICK_MS)
  timer.unref()
  return {
    tick,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

/**
 * Prepares syncing when the server starts: runs left 'running' by a stopped process are marked
 * failed, then the scheduler starts unless SYNC_INTERVAL_MINUTES is 0. Returns a stop function.
 */
export async function startSyncService(options: SchedulerOptions): Promise<() => Promise<void>> {
  const interrupted = await failInterruptedRuns(options.db.writer)
  if (interrupted > 0) options.log.warn({ runs: interrupted }, 'marked sync runs interrupted by a restart as failed')
  if (options.config.syncIntervalMinutes <= 0) {
    options.log.info({}, 'scheduled sync is off (SYNC_INTERVAL_MINUTES=0)')
    return async () => undefined
  }
  const scheduler = createScheduler(options)
  options.log.info({ intervalMinutes: options.config.syncIntervalMinutes }, 'scheduled sync started')
  void scheduler.tick()
  return () => scheduler.stop()
}
