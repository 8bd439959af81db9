import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ExportFolderSource } from '../../server/sync/export-folder-source.js'
import { generateTenant } from '../../server/sync/generator.js'
import { runSync } from '../../server/sync/run-sync.js'
import { memoryLogger, openTestDatabase } from './helpers.js'

const NOW = new Date('2026-12-04T12:00:00Z')
const folders: string[] = []

function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientone-generated-'))
  folders.push(dir)
  return dir
}

/** SHA-256 of every file under `dir`, keyed by relative path. */
function digest(dir: string, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {}
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) Object.assign(result, digest(full, `${prefix}${name}/`))
    else result[`${prefix}${name}`] = createHash('sha256').update(readFileSync(full)).digest('hex')
  }
  return result
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('large-tenant generator', () => {
  it('writes identical files for the same seed', async () => {
    const first = tempFolder()
    const second = tempFolder()
    await generateTenant({ users: 120, outDir: first, seed: 9, now: NOW, pageSize: 50 })
    await generateTenant({ users: 120, outDir: second, seed: 9, now: NOW, pageSize: 50 })
    expect(digest(first)).toEqual(digest(second))
  })

  it('writes different data for another seed', async () => {
    const first = tempFolder()
    const second = tempFolder()
    await generateTenant({ users: 20, outDir: first, seed: 1, now: NOW })
    await generateTenant({ users: 20, outDir: second, seed: 2, now: NOW })
    expect(readFileSync(path.join(first, 'users', '0001.json'), 'utf8')).not.toEqual(readFileSync(path.join(second, 'users', '0001.json'), 'utf8'))
  })

  it('pages users and keeps sign-ins in the window', async () => {
    const dir = tempFolder()
    const summary = await generateTenant({ users: 120, outDir: dir, seed: 3, now: NOW, pageSize: 50 })
    expect(readdirSync(path.join(dir, 'users'))).toEqual(['0001.json', '0002.json', '0003.json'])
    // About 4 sign-ins per user in the default week.
    expect(summary.signIns).toBe(Math.round((120 * 4) / 7) * 7)

    const page = JSON.parse(readFileSync(path.join(dir, 'signIns', '0001.json'), 'utf8')) as { value: Array<{ createdDateTime: string }> }
    const times = page.value.map((signIn) => Date.parse(signIn.createdDateTime))
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('writes sign-ins for the days asked', async () => {
    const dir = tempFolder()
    const summary = await generateTenant({ users: 70, outDir: dir, seed: 3, now: NOW, signInDays: 30 })
    expect(summary.signIns).toBe(40 * 30)

    const times = readdirSync(path.join(dir, 'signIns')).flatMap((file) => {
      const page = JSON.parse(readFileSync(path.join(dir, 'signIns', file), 'utf8')) as { value: Array<{ createdDateTime: string }> }
      return page.value.map((signIn) => Date.parse(signIn.createdDateTime))
    })
    expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - 30 * 86_400_000)
    expect(Math.min(...times)).toBeLessThan(NOW.getTime() - 29 * 86_400_000)
  })

  it('imports the generated tenant', async () => {
    const dir = tempFolder()
    const summary = await generateTenant({ users: 200, outDir: dir, seed: 5, now: new Date(), pageSize: 60 })
    const test = await openTestDatabase()
    try {
      const source = await ExportFolderSource.open(dir, { kind: 'import' })
      const result = await runSync({ db: test.db.writer, orgId: test.orgId, source, log: memoryLogger() })
      expect(result.status).toBe('succeeded')
      expect(result.datasets.users).toEqual({ status: 'succeeded', count: 200 })
      expect(result.datasets.devices).toEqual({ status: 'succeeded', count: summary.devices })
      expect(result.datasets.signIns?.count).toBeGreaterThan(summary.signIns * 0.9)
    } finally {
      await test.close()
    }
  })

  it('rejects a user count below one', async () => {
    await expect(generateTenant({ users: 0, outDir: tempFolder(), seed: 1, now: NOW })).rejects.toThrow(/Invalid user count 0/)
  })
})
