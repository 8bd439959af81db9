import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendJson, startGraphStandIn, type GraphStandIn } from '../support/graph-stand-in.js'
import { openTestDatabase, smallExport, visibleRows, type TestDatabase } from './helpers.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `portal` as a separate process, as a provider would, with the egress guard loaded first. */
function portal(args: string[], env: Record<string, string>, input = ''): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './tests/support/egress-guard.ts', 'server/cli/index.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += String(chunk)))
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

// Each step starts a new Node process with tsx, which takes seconds on a busy machine, hence
// the long timeouts.
describe('portal sync as a process', () => {
  let standIn: GraphStandIn
  let exported: Awaited<ReturnType<typeof smallExport>>
  let test: TestDatabase
  let env: Record<string, string>
  let work: string

  beforeAll(async () => {
    exported = await smallExport()
    standIn = await startGraphStandIn(exported.dir)
    test = await openTestDatabase('contoso')
    work = mkdtempSync(path.join(tmpdir(), 'clientone-cli-process-'))
    const caFile = path.join(work, 'stand-in-ca.pem')
    writeFileSync(caFile, standIn.ca)
    env = {
      DATA_DIR: test.dir,
      PORTAL_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
      GRAPH_BASE_URL: standIn.origin,
      GRAPH_AUTHORITY_HOST: standIn.origin,
      // Node reads extra CA certificates only at start, so the child process gets them here.
      NODE_EXTRA_CA_CERTS: caFile,
      LOG_LEVEL: 'silent',
    }
  }, 60_000)
  afterAll(async () => {
    await standIn.close()
    await test.close()
    exported.remove()
    rmSync(work, { recursive: true, force: true })
  })

  it('connects, checks, syncs and saves the export', { timeout: 180_000 }, async () => {
    const connect = await portal(
      ['graph', 'connect', '--org', 'contoso', '--tenant-id', standIn.tenantId, '--client-id', standIn.clientId],
      env,
      `${standIn.clientSecret}\n`,
    )
    expect(connect.stderr).toBe('')
    expect(connect.code).toBe(0)
    expect(connect.stdout).toContain(`${standIn.origin}/${standIn.tenantId}/adminconsent?client_id=${standIn.clientId}`)

    const check = await portal(['graph', 'check', '--org', 'contoso'], env)
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Everything the sync reads is available.')

    const saved = path.join(work, 'saved-export')
    const sync = await portal(['sync', '--org', 'contoso', '--save-export', saved], env)
    expect(sync.code).toBe(0)
    expect(sync.stdout).toMatch(/Sync run \d+ for contoso: succeeded\./)
    expect(sync.stdout).toMatch(/users\s+30 records/)
    expect(sync.stdout + sync.stderr).not.toContain(standIn.clientSecret)
    expect(existsSync(path.join(saved, 'users', '0003.json'))).toBe(true)
    expect(existsSync(path.join(saved, 'reports', 'getMailboxUsageDetail.csv'))).toBe(true)

    // Replaying the saved export gives the same visible rows as the live sync.
    const liveUsers = await visibleRows(test.db, test.orgId, 'm365_users', 'users')
    const liveDevices = await visibleRows(test.db, test.orgId, 'm365_devices', 'devices')
    const other = await openTestDatabase('contoso')
    try {
      const replay = await portal(['import', '--org', 'contoso', saved], { ...env, DATA_DIR: other.dir })
      expect(replay.code).toBe(0)
      expect(await visibleRows(other.db, other.orgId, 'm365_users', 'users')).toEqual(liveUsers)
      expect(await visibleRows(other.db, other.orgId, 'm365_devices', 'devices')).toEqual(liveDevices)
    } finally {
      await other.close()
    }

    const runs = await portal(['sync-runs', '--org', 'contoso', '--limit', '5'], env)
    expect(runs.code).toBe(0)
    expect(runs.stdout).toMatch(/graph\s+succeeded/)
  })

  it('saves a licence error so an import replays it', { timeout: 120_000 }, async () => {
    standIn.override('/auditLogs/signIns', (_request, response) =>
      sendJson(response, 403, { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: 'No premium licence' } }),
    )
    const saved = path.join(work, 'saved-without-p1')
    try {
      const sync = await portal(['sync', '--org', 'contoso', '--save-export', saved], env)
      expect(sync.code).toBe(0)
      expect(sync.stdout).toMatch(/signIns\s+skipped: needs a Microsoft Entra ID P1 licence/)
    } finally {
      standIn.clearOverrides()
    }
    expect(existsSync(path.join(saved, 'signIns.error.json'))).toBe(true)
  })

  it('fails with exit status 1 on a wrong secret', { timeout: 120_000 }, async () => {
    await portal(['graph', 'connect', '--org', 'contoso', '--tenant-id', standIn.tenantId, '--client-id', standIn.clientId], env, 'wrong-secret\n')
    const sync = await portal(['sync', '--org', 'contoso'], env)
    expect(sync.code).toBe(1)
    expect(sync.stdout).toMatch(/: failed\./)
    expect(sync.stdout).toContain('AADSTS7000215')
    expect(sync.stdout + sync.stderr).not.toContain('wrong-secret')
  })
})
