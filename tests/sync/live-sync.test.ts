import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GraphSource } from '../../server/graph/graph-source.js'
import { ExportFolderSource } from '../../server/sync/export-folder-source.js'
import { runSync } from '../../server/sync/run-sync.js'
import { readState } from '../../server/sync/state.js'
import { sendJson, startGraphStandIn, type GraphStandIn } from '../support/graph-stand-in.js'
import { memoryLogger, openTestDatabase, smallExport, standInGateway, visibleRows, type TestDatabase } from './helpers.js'

const NON_PREMIUM = {
  error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license" },
}

const TABLES: Array<[string, string]> = [
  ['m365_tenant', 'tenant'], ['m365_skus', 'skus'], ['m365_users', 'users'], ['m365_mfa_registrations', 'mfaRegistrations'],
  ['m365_groups', 'groups'], ['m365_group_members', 'groupMembers'], ['m365_devices', 'devices'], ['m365_sign_ins', 'signIns'],
  ['m365_alerts', 'alerts'], ['m365_mailboxes', 'mailboxes'], ['m365_teams', 'teams'], ['m365_sites', 'sites'],
]

describe('live sync through the Graph stand-in', () => {
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

  const liveSync = (log = memoryLogger()) =>
    runSync({ db: test.db.writer, orgId: test.orgId, source: new GraphSource(standInGateway(standIn)), log })

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const result: Record<string, unknown[]> = {}
    for (const [table, dataset] of TABLES) result[table] = await visibleRows(test.db, test.orgId, table, dataset)
    return result
  }

  it('stores the same rows as an import of the folder', async () => {
    const live = await liveSync()
    expect(live.status).toBe('succeeded')
    expect(live.datasets.users).toEqual({ status: 'succeeded', count: 30 })
    const liveRows = await snapshot()

    const other = await openTestDatabase('imported')
    try {
      const source = await ExportFolderSource.open(exported.dir, { kind: 'import' })
      const imported = await runSync({ db: other.db.writer, orgId: other.orgId, source, log: memoryLogger() })
      expect(imported.status).toBe('succeeded')
      for (const [table, dataset] of TABLES) {
        const importedRows = await visibleRows(other.db, other.orgId, table, dataset)
        expect(importedRows.length, table).toBeGreaterThan(0)
        expect(importedRows, table).toEqual(liveRows[table])
      }
    } finally {
      await other.close()
    }
  })

  it('records the run, summaries and capabilities', async () => {
    const result = await liveSync()
    const run = await test.db.reader.selectFrom('sync_runs').selectAll().where('id', '=', result.runId).executeTakeFirstOrThrow()
    expect(run.status).toBe('succeeded')
    expect(run.source).toBe('graph')
    expect(run.finished_at).not.toBeNull()
    expect(JSON.parse(run.datasets_json).devices.status).toBe('succeeded')

    const users = await test.db.reader.selectFrom('org_datasets').select('summary_json').where('dataset', '=', 'users').executeTakeFirstOrThrow()
    expect(JSON.parse(users.summary_json).total).toBe(30)
    const signIns = await test.db.reader.selectFrom('org_datasets').select('summary_json').where('dataset', '=', 'signIns').executeTakeFirstOrThrow()
    expect(JSON.parse(signIns.summary_json).days).toHaveLength(30)
    expect(await readState(test.db.reader, test.orgId, 'capability.signIns')).toBe('available')
    expect(await readState(test.db.reader, test.orgId, 'reportNames')).toBe('visible')
  })

  it('reads sign-ins incrementally from the cursor', async () => {
    await liveSync()
    const cursor = await readState(test.db.reader, test.orgId, 'cursor.signIns')
    const before = await visibleRows(test.db, test.orgId, 'm365_sign_ins', 'signIns')
    expect(cursor).not.toBeNull()

    standIn.requests.length = 0
    const second = await liveSync()
    expect(second.datasets.signIns?.status).toBe('succeeded')
    const request = standIn.requests.find((entry) => entry.url.startsWith('/v1.0/auditLogs/signIns'))
    const filter = new URL(request!.url, standIn.origin).searchParams.get('$filter')
    const expectedSince = new Date(Date.parse(cursor!) - 60 * 60 * 1000).toISOString()
    expect(filter).toBe(`createdDateTime ge ${expectedSince}`)

    // Rows stored by the first run stay visible, and nothing is stored twice.
    const after = await visibleRows(test.db, test.orgId, 'm365_sign_ins', 'signIns')
    expect(after).toEqual(before)
  })

  it('keeps the previous rows when a dataset fails mid-way', async () => {
    await liveSync()
    const before = await snapshot()

    let pausedCheck: unknown[] | null = null
    standIn.override('/devices', async (_request, response, url) => {
      if (url.searchParams.get('$skiptoken')) {
        // The first page is written under the new run but must not be visible yet.
        pausedCheck = await visibleRows(test.db, test.orgId, 'm365_devices', 'devices')
        return sendJson(response, 500, { error: { code: 'InternalServerError', message: 'Something went wrong.' } })
      }
      const body = { value: [{ id: 'new-device', displayName: 'NEW-DEVICE' }], '@odata.nextLink': `${url.href}&$skiptoken=1` }
      sendJson(response, 200, body)
    })
    try {
      const result = await liveSync()
      expect(result.status).toBe('partial')
      expect(result.datasets.devices?.status).toBe('failed')
      expect(result.error).toMatch(/devices: GET .*devices.* failed with HTTP 500/)
      expect(result.datasets.users?.status).toBe('succeeded')
      expect(pausedCheck).toEqual(before.m365_devices)
    } finally {
      standIn.clearOverrides()
    }

    const after = await snapshot()
    expect(after.m365_devices).toEqual(before.m365_devices)
    const leftovers = await test.db.reader.selectFrom('m365_devices').select('id').where('id', '=', 'new-device').execute()
    expect(leftovers).toHaveLength(0)
  })

  it('fails a dataset whose nextLink repeats', async () => {
    await liveSync()
    const before = await snapshot()
    standIn.override('/devices', (_request, response, url) => {
      const loop = new URL(url.href)
      loop.searchParams.set('$skiptoken', 'again')
      sendJson(response, 200, { value: [{ id: `loop-${url.searchParams.get('$skiptoken') ?? 'first'}`, displayName: 'LOOP' }], '@odata.nextLink': loop.href })
    })
    try {
      const result = await liveSync()
      expect(result.status).toBe('partial')
      expect(result.datasets.devices?.status).toBe('failed')
      expect(result.error).toMatch(/devices: .*nextLink that was already followed/)
    } finally {
      standIn.clearOverrides()
    }
    const after = await snapshot()
    expect(after.m365_devices).toEqual(before.m365_devices)
    const run = await test.db.reader.selectFrom('sync_runs').select(['status', 'error']).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(run.status).toBe('partial')
    expect(run.error).toMatch(/nextLink/)
  })

  it('turns off licence-gated capabilities on the non-premium 403', async () => {
    const calls: Record<string, number> = { signIns: 0, registration: 0, risky: 0 }
    standIn.override('/auditLogs/signIns', (_request, response) => {
      calls.signIns! += 1
      sendJson(response, 403, NON_PREMIUM)
    })
    standIn.override('/reports/authenticationMethods/userRegistrationDetails', (_request, response) => {
      calls.registration! += 1
      sendJson(response, 403, NON_PREMIUM)
    })
    standIn.override('/identityProtection/riskyUsers', (_request, response) => {
      calls.risky! += 1
      sendJson(response, 403, NON_PREMIUM)
    })
    try {
      const result = await liveSync()
      expect(result.status).toBe('succeeded')
      expect(result.datasets.signIns?.status).toBe('skipped')
      expect(result.datasets.mfaRegistrations?.status).toBe('skipped')
      expect(result.datasets.alerts?.status).toBe('succeeded')
      expect(calls.signIns).toBe(2)
      expect(await readState(test.db.reader, test.orgId, 'capability.signIns')).toBe('needs_entra_p1')
      expect(await readState(test.db.reader, test.orgId, 'capability.mfaRegistration')).toBe('needs_entra_p1')
      expect(await readState(test.db.reader, test.orgId, 'capability.riskyUsers')).toBe('needs_entra_p2')
      const risky = await test.db.reader.selectFrom('m365_alerts').select('id').where('source', '=', 'riskyUser').execute()
      expect(risky).toHaveLength(0)
    } finally {
      standIn.clearOverrides()
    }
  })

  it('reads users again without signInActivity on a tenant without P1', async () => {
    writeFileSync(path.join(exported.dir, 'users.signInActivity.error.json'), JSON.stringify({ status: 403, body: NON_PREMIUM }))
    standIn.requests.length = 0
    try {
      const result = await liveSync()
      expect(result.datasets.users).toEqual({ status: 'succeeded', count: 30 })
      const userRequests = standIn.requests.filter((request) => request.url.startsWith('/v1.0/users'))
      const withActivity = userRequests.filter((request) => decodeURIComponent(request.url).includes('signInActivity'))
      expect(withActivity).toHaveLength(2)
      expect(await readState(test.db.reader, test.orgId, 'capability.signInActivity')).toBe('needs_entra_p1')
    } finally {
      await import('node:fs').then((fs) => fs.rmSync(path.join(exported.dir, 'users.signInActivity.error.json')))
    }
  })

  it('keeps the previous groups when a page is malformed JSON', async () => {
    await liveSync()
    const before = await snapshot()
    standIn.override('/groups', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end('{"value": [{"id": "g1", ')
    })
    try {
      const result = await liveSync()
      expect(result.datasets.groups?.status).toBe('failed')
      expect(result.datasets.groupMembers?.status).toBe('failed')
      expect(result.error).toMatch(/groups: GET \/groups.* returned invalid JSON/)
    } finally {
      standIn.clearOverrides()
    }
    const after = await snapshot()
    expect(after.m365_groups).toEqual(before.m365_groups)
    expect(after.m365_group_members).toEqual(before.m365_group_members)
  })

  it('reads a report with a BOM and reordered, extra columns', async () => {
    const csv =
      '\ufeffHas Archive,Storage Used (Byte),Display Name,User Principal Name,Brand New Column,Prohibit Send/Receive Quota (Byte),Report Refresh Date\r\n' +
      'True,99,"Ramírez, José",jose@northwind.example,x,100,2026-12-02\r\n' +
      'False,5,Mailbox Without Quota,noquota@northwind.example,y,,2026-12-02\r\n'
    standIn.override("/reports/getMailboxUsageDetail(period='D7')", (_request, response) => {
      response.writeHead(302, { Location: `${standIn.downloadOrigin}/download/custom.csv` })
      response.end()
    })
    writeFileSync(path.join(exported.dir, 'reports', 'custom.csv'), csv)
    try {
      const result = await liveSync()
      expect(result.datasets.mailboxes).toEqual({ status: 'succeeded', count: 2 })
    } finally {
      standIn.clearOverrides()
    }
    const rows = (await visibleRows(test.db, test.orgId, 'm365_mailboxes', 'mailboxes')) as Array<Record<string, unknown>>
    const jose = rows.find((row) => row.id === 'jose@northwind.example')
    expect(jose?.display_name).toBe('Ramírez, José')
    expect(jose?.has_archive).toBe(1)
    expect(jose?.used_ratio).toBeCloseTo(0.99)
    expect(jose?.report_refresh_date).toBe('2026-12-02')
    const noQuota = rows.find((row) => row.id === 'noquota@northwind.example')
    expect(noQuota?.used_ratio).toBe(-1)
  })

  it('fails a report with a ragged row, naming the file and line', async () => {
    await liveSync()
    const before = await snapshot()
    writeFileSync(path.join(exported.dir, 'reports', 'ragged.csv'), 'User Principal Name,Display Name\r\na@b.example,A\r\nb@b.example,B,extra\r\n')
    standIn.override("/reports/getMailboxUsageDetail(period='D7')", (_request, response) => {
      response.writeHead(302, { Location: `${standIn.downloadOrigin}/download/ragged.csv` })
      response.end()
    })
    try {
      const result = await liveSync()
      expect(result.datasets.mailboxes?.status).toBe('failed')
      expect(result.error).toMatch(/getMailboxUsageDetail\.csv is not a valid report CSV: .*line 3/)
    } finally {
      standIn.clearOverrides()
    }
    expect((await snapshot()).m365_mailboxes).toEqual(before.m365_mailboxes)
  })

  it('waits out throttling during a sync', async () => {
    let calls = 0
    standIn.override('/subscribedSkus', (_request, response) => {
      calls += 1
      if (calls === 1) return sendJson(response, 429, { error: { code: 'TooManyRequests', message: 'Slow down' } }, { 'Retry-After': '0.1' })
      sendJson(response, 200, { value: [] })
    })
    try {
      const result = await liveSync()
      expect(result.status).toBe('succeeded')
      expect(calls).toBe(2)
    } finally {
      standIn.clearOverrides()
    }
  })

  it('fails the run on a rejected client secret and keeps all data', async () => {
    await liveSync()
    const before = await snapshot()
    const log = memoryLogger()
    const source = new GraphSource(standInGateway(standIn, { clientSecret: 'not-the-secret' }))
    const result = await runSync({ db: test.db.writer, orgId: test.orgId, source, log })

    expect(result.status).toBe('failed')
    expect(result.error).toMatch(/Microsoft Graph sign-in failed: .*AADSTS7000215/)
    expect(await snapshot()).toEqual(before)
    expect(JSON.stringify(log.entries)).not.toContain('not-the-secret')
    const run = await test.db.reader.selectFrom('sync_runs').selectAll().where('id', '=', result.runId).executeTakeFirstOrThrow()
    expect(run.status).toBe('failed')
    expect(run.error).toContain('AADSTS7000215')
  })
})
