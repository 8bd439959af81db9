import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.js'
import { saveGraphConnection } from '../../server/sync/connection.js'
import { createScheduler, startSyncService } from '../../server/sync/scheduler.js'
import { startGraphStandIn, type GraphStandIn } from '../support/graph-stand-in.js'
import { memoryLogger, openTestDatabase, smallExport, type TestDatabase } from './helpers.js'

describe('sync scheduler', () => {
  let standIn: GraphStandIn
  let exported: Awaited<ReturnType<typeof smallExport>>
  let test: TestDatabase

  beforeAll(async () => {
    exported = await smallExport()
    standIn = await startGraphStandIn(exported.dir)
  })
  afterAll(async () => {
    await standIn.close()
    exported.remove()
  })
  beforeEach(async () => {
    test = await openTestDatabase()
  })
  afterEach(async () => {
    await test.close()
  })

  function config(intervalMinutes: number) {
    return loadConfig({
      DATA_DIR: test.dir,
      PORTAL_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
      SYNC_INTERVAL_MINUTES: String(intervalMinutes),
      GRAPH_BASE_URL: standIn.origin,
      GRAPH_AUTHORITY_HOST: standIn.origin,
      LOG_LEVEL: 'silent',
    })
  }

  async function connect(intervalMinutes: number) {
    const settings = config(intervalMinutes)
    await saveGraphConnection(test.db.writer, settings, test.orgId, {
      tenantId: standIn.tenantId,
      clientId: standIn.clientId,
      clientSecret: standIn.clientSecret,
    })
    return settings
  }

  const runs = () => test.db.reader.selectFrom('sync_runs').selectAll().orderBy('id').execute()

  it('syncs a connected organization that is due', async () => {
    const settings = await connect(30)
    const log = memoryLogger()
    const scheduler = createScheduler({ config: settings, db: test.db, log, tickMs: 3_600_000, gatewayOptions: { ca: standIn.ca, fetch: standIn.fetch } })
    await scheduler.tick()
    await scheduler.stop()

    const stored = await runs()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.source).toBe('graph')
    expect(stored[0]!.status).toBe('succeeded')
    expect(log.entries.some((entry) => entry.message === 'sync finished' && 'runId' in entry.object)).toBe(true)
    expect(JSON.stringify(log.entries)).not.toContain(standIn.clientSecret)
  })

  it('waits for the interval after the last run', async () => {
    const settings = await connect(30)
    const options = { config: settings, db: test.db, log: memoryLogger(), tickMs: 3_600_000, gatewayOptions: { ca: standIn.ca, fetch: standIn.fetch } }
    const first = createScheduler(options)
    await first.tick()
    await first.stop()

    // A new scheduler (as after a restart) computes the due time from the stored run.
    const restarted = createScheduler(options)
    await restarted.tick()
    expect(await runs()).toHaveLength(1)

    const later = createScheduler({ ...options, now: () => new Date(Date.now() + 31 * 60_000) })
    await later.tick()
    await later.stop()
    await restarted.stop()
    expect(await runs()).toHaveLength(2)
  })

  it('skips organizations without a connection', async () => {
    const scheduler = createScheduler({ config: config(30), db: test.db, log: memoryLogger(), tickMs: 3_600_000 })
    await scheduler.tick()
    await scheduler.stop()
    expect(await runs()).toHaveLength(0)
  })

  it('marks runs interrupted by a restart as failed', async () => {
    await test.db.writer
      .insertInto('sync_runs')
      .values({ org_id: test.orgId, source: 'graph', status: 'running', started_at: '2026-12-04T10:00:00.000Z', datasets_json: '{}' })
      .execute()
    const stop = await startSyncService({ config: config(0), db: test.db, log: memoryLogger() })
    await stop()
    const [run] = await runs()
    expect(run!.status).toBe('failed')
    expect(run!.error).toMatch(/interrupted by a restart/)
    expect(run!.finished_at).not.toBeNull()
  })
})
