import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportFolderSource } from '../../server/sync/export-folder-source.js'
import { generateTenant } from '../../server/sync/generator.js'
import { runSync } from '../../server/sync/run-sync.js'
import { memoryLogger, openTestDatabase, type TestDatabase } from './helpers.js'

describe('dataset replacement under reads', () => {
  let test: TestDatabase
  let folder: string

  beforeAll(async () => {
    test = await openTestDatabase()
    folder = mkdtempSync(path.join(tmpdir(), 'clientone-atomic-'))
    await generateTenant({ users: 2000, outDir: path.join(folder, 'first'), seed: 1, now: new Date() })
    await generateTenant({ users: 1200, outDir: path.join(folder, 'second'), seed: 2, now: new Date() })
  }, 120_000)
  afterAll(async () => {
    await test.close()
    rmSync(folder, { recursive: true, force: true })
  })

  /** Counts the users visible to readers: the rows of the run that org_datasets points at. */
  async function visibleUserCount(): Promise<number> {
    const row = await test.db.reader
      .selectFrom('m365_users')
      .innerJoin('org_datasets', (join) =>
        join.onRef('org_datasets.org_id', '=', 'm365_users.org_id').onRef('org_datasets.run_id', '=', 'm365_users.run_id'),
      )
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('org_datasets.dataset', '=', 'users')
      .where('m365_users.org_id', '=', test.orgId)
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }

  it('shows readers the old or the new users, never a mix', { timeout: 180_000 }, async () => {
    const first = await runSync({ db: test.db.writer, orgId: test.orgId, source: await ExportFolderSource.open(path.join(folder, 'first'), { kind: 'import' }), log: memoryLogger() })
    expect(first.status).toBe('succeeded')
    expect(await visibleUserCount()).toBe(2000)

    const seen = new Set<number>()
    let reads = 0
    let longestGapMs = 0
    let last = performance.now()
    let done = false
    const sampler = (async () => {
      while (!done) {
        seen.add(await visibleUserCount())
        reads += 1
        await new Promise((resolve) => setTimeout(resolve, 5))
        const now = performance.now()
        longestGapMs = Math.max(longestGapMs, now - last)
        last = now
      }
    })()

    const second = await runSync({ db: test.db.writer, orgId: test.orgId, source: await ExportFolderSource.open(path.join(folder, 'second'), { kind: 'import' }), log: memoryLogger() })
    done = true
    await sampler

    expect(second.status).toBe('succeeded')
    for (const count of seen) expect([1200, 2000]).toContain(count)
    expect(seen.has(2000)).toBe(true)
    expect(seen.has(1200)).toBe(true)
    expect(reads).toBeGreaterThan(10)
    // Chunks of 1,000 rows yield to the event loop; a generous bound keeps this stable on a busy machine.
    expect(longestGapMs).toBeLessThan(2000)
    const leftovers = await test.db.reader.selectFrom('m365_users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
    expect(Number(leftovers.count)).toBe(1200)
  })
})
