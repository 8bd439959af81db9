import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import generateTenantCommand from '../../server/cli/commands/generate-tenant.js'
import graphCommand from '../../server/cli/commands/graph.js'
import importCommand from '../../server/cli/commands/import.js'
import syncCommand from '../../server/cli/commands/sync.js'
import syncRunsCommand from '../../server/cli/commands/sync-runs.js'
import type { CliContext } from '../../server/cli/context.js'
import { loadConfig } from '../../server/config.js'
import { checkGraphAccess } from '../../server/sync/graph-check.js'
import { sendJson, startGraphStandIn, type GraphStandIn } from '../support/graph-stand-in.js'
import { openTestDatabase, smallExport, standInGateway, type TestDatabase } from './helpers.js'

interface FakeContext extends CliContext {
  output: string[]
  errors: string[]
}

function fakeContext(test: TestDatabase, input: string[] = []): FakeContext {
  const output: string[] = []
  const errors: string[] = []
  return {
    config: loadConfig({ DATA_DIR: test.dir, PORTAL_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), LOG_LEVEL: 'silent' }),
    openDb: async () => test.db,
    out: (line) => output.push(line),
    err: (line) => errors.push(line),
    readSecret: async () => {
      const line = input.shift()
      if (line === undefined) throw new Error('No input left')
      return line
    },
    output,
    errors,
  }
}

describe('sync CLI verbs', () => {
  let test: TestDatabase
  let folder: string

  beforeEach(async () => {
    test = await openTestDatabase('contoso')
    folder = mkdtempSync(path.join(tmpdir(), 'clientone-cli-'))
  })
  afterEach(async () => {
    await test.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('generates, imports and lists runs', async () => {
    const ctx = fakeContext(test)
    expect(await generateTenantCommand(['--users', '25', '--out', folder, '--seed', '4', '--page-size', '10'], ctx)).toBe(0)
    expect(readdirSync(path.join(folder, 'users'))).toHaveLength(3)

    expect(await importCommand(['--org', 'contoso', folder], ctx)).toBe(0)
    expect(ctx.output.join('\n')).toMatch(/Sync run 1 for contoso: succeeded\./)
    expect(ctx.output.join('\n')).toMatch(/users\s+25 records/)

    expect(await syncRunsCommand(['--org', 'contoso'], ctx)).toBe(0)
    expect(ctx.output.at(-1)).toMatch(/^#1 .* import\s+succeeded/)
  })

  it('rejects invalid options with exit status 2', async () => {
    const ctx = fakeContext(test)
    expect(await generateTenantCommand(['--users', 'many', '--out', folder], ctx)).toBe(2)
    expect(ctx.errors.at(-1)).toMatch(/Invalid --users "many"/)
    expect(await syncRunsCommand(['--org', 'contoso', '--limit', '0'], ctx)).toBe(2)
    expect(ctx.errors.at(-1)).toMatch(/Invalid --limit "0"/)
    expect(await importCommand(['--org', 'contoso'], ctx)).toBe(2)
    expect(ctx.errors.at(-1)).toMatch(/Missing export folder/)
  })

  it('explains an unwritable output folder', async () => {
    const ctx = fakeContext(test)
    const blocked = path.join(folder, 'file-not-folder')
    writeFileSync(blocked, 'x')
    expect(await generateTenantCommand(['--users', '2', '--out', path.join(blocked, 'out')], ctx)).toBe(1)
    expect(ctx.errors.at(-1)).toMatch(/Failed to write the export folder .*file-not-folder\/out/)
  })

  it('explains an unknown organization or folder', async () => {
    const ctx = fakeContext(test)
    expect(await importCommand(['--org', 'nowhere', folder], ctx)).toBe(1)
    expect(ctx.errors.at(-1)).toMatch(/Organization "nowhere" not found/)
    expect(await importCommand(['--org', 'contoso', path.join(folder, 'missing')], ctx)).toBe(1)
    expect(ctx.errors.at(-1)).toMatch(/does not exist or is not a folder/)
    expect(await syncCommand(['--org', 'contoso'], ctx)).toBe(1)
    expect(ctx.errors.at(-1)).toMatch(/has no Microsoft Graph connection/)
  })

  it('stores a connection with the secret sealed', async () => {
    const secret = 'client-secret-from-stdin'
    const ctx = fakeContext(test, [secret])
    const tenantId = '0c6f4d1e-2b7a-4a55-9d61-7c3f1e2a9b80'
    const clientId = '5a1c9e7b-3f2d-4c8a-b6e0-2d9f8a7c6b54'
    expect(await graphCommand(['connect', '--org', 'contoso', '--tenant-id', tenantId, '--client-id', clientId], ctx)).toBe(0)

    expect(ctx.output.join('\n')).toContain(`https://login.microsoftonline.com/${tenantId}/adminconsent?client_id=${clientId}`)
    expect(ctx.output.join('\n')).not.toContain(secret)
    const row = await test.db.reader.selectFrom('graph_connections').selectAll().executeTakeFirstOrThrow()
    expect(row.client_secret_enc).not.toContain(secret)
    expect(row.tenant_id).toBe(tenantId)
  })

  it('rejects a tenant id that is not a GUID', async () => {
    const ctx = fakeContext(test, ['secret'])
    expect(await graphCommand(['connect', '--org', 'contoso', '--tenant-id', 'contoso.onmicrosoft.com', '--client-id', '5a1c9e7b-3f2d-4c8a-b6e0-2d9f8a7c6b54'], ctx)).toBe(2)
    expect(ctx.errors.at(-1)).toMatch(/Invalid tenant id "contoso.onmicrosoft.com"/)
  })
})

describe('graph check', () => {
  let standIn: GraphStandIn
  let exported: Awaited<ReturnType<typeof smallExport>>

  beforeAll(async () => {
    exported = await smallExport()
    standIn = await startGraphStandIn(exported.dir)
  })
  afterAll(async () => {
    await standIn.close()
    exported.remove()
  })

  it('lists missing permissions and licences in plain words', async () => {
    standIn.override('/devices', (_request, response) =>
      sendJson(response, 403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }),
    )
    standIn.override('/auditLogs/signIns', (_request, response) =>
      sendJson(response, 403, { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: 'No premium licence' } }),
    )
    try {
      const results = await checkGraphAccess(standInGateway(standIn))
      const byArea = Object.fromEntries(results.map((result) => [result.area, result]))
      expect(byArea['Users']?.status).toBe('ok')
      expect(byArea['Entra devices']?.status).toBe('missing_permission')
      expect(byArea['Entra devices']?.detail).toMatch(/Device\.Read\.All/)
      expect(byArea['Sign-in logs']?.status).toBe('needs_licence')
      expect(byArea['Sign-in logs']?.detail).toMatch(/Microsoft Entra ID P1/)
      expect(byArea['Usage reports']?.status).toBe('ok')
    } finally {
      standIn.clearOverrides()
    }
  })
})
