import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.js'
import { openDatabase, type DatabaseConnections } from '../../server/db/database.js'
import { findOrganizationBySlug } from '../../server/accounts/service.js'
import { verifyPassword } from '../../server/accounts/password.js'
import { findAccountByEmail } from '../../server/db/repositories/accounts.js'
import { runCli } from '../../server/cli/index.js'
import type { CliContext } from '../../server/cli/context.js'

interface FakeCli {
  ctx: CliContext
  stdout: string[]
  stderr: string[]
  stdin: string[]
  db: DatabaseConnections
}

let dataDir: string
let cli: FakeCli

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'clientone-cli-'))
  const config = loadConfig({ DATA_DIR: dataDir, PORTAL_SECRET_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent' })
  const db = await openDatabase(dataDir)
  const stdout: string[] = []
  const stderr: string[] = []
  const stdin: string[] = []
  const ctx: CliContext = {
    config,
    openDb: async () => db,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    readSecret: async () => {
      const line = stdin.shift()
      if (line === undefined) throw new Error('The test gave no more standard input.')
      return line
    },
  }
  cli = { ctx, stdout, stderr, stdin, db }
})

afterEach(async () => {
  await cli.db.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function run(...argv: string[]): Promise<number> {
  cli.stdout.length = 0
  cli.stderr.length = 0
  return runCli(argv, cli.ctx)
}

describe('portal org', () => {
  it('creates, lists and deletes an organization', async () => {
    expect(await run('org', 'create', 'contoso', '--name', 'Contoso Ltd')).toBe(0)
    expect(await run('org', 'list')).toBe(0)
    expect(cli.stdout).toEqual(['contoso\tContoso Ltd\t0 accounts'])

    expect(await run('org', 'delete', 'contoso')).toBe(2)
    expect(cli.stderr.join('\n')).toContain('--yes')

    cli.stdin.push('a long enough password')
    await run('account', 'create', '--org', 'contoso', '--email', 'ann@contoso.example', '--name', 'Ann', '--role', 'manager', '--password-stdin')
    expect(await run('org', 'delete', 'contoso', '--yes')).toBe(0)
    expect(await findOrganizationBySlug(cli.db.writer, 'contoso')).toBeNull()
    expect(await findAccountByEmail(cli.db.writer, 'ann@contoso.example')).toBeNull()
  })

  it('rejects a duplicate or invalid slug', async () => {
    await run('org', 'create', 'contoso', '--name', 'Contoso')

    expect(await run('org', 'create', 'contoso', '--name', 'Again')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('"contoso" already exists')
    expect(await run('org', 'create', 'Bad Slug', '--name', 'Bad')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('Invalid organization slug "Bad Slug"')
    expect(await run('org', 'create', 'nameless')).toBe(2)
  })

  it('prints and changes settings', async () => {
    await run('org', 'create', 'contoso', '--name', 'Contoso')

    const status = await run(
      'org', 'settings', 'contoso',
      '--m365', 'on', '--alerts', 'off', '--standard-tabs', 'users,devices', '--alert-sources', 'defender',
      '--alert-min-severity', 'medium', '--provider-name', 'Northwind IT', '--provider-email', 'help@northwind.example',
      '--ticket-url', 'https://tickets.northwind.example', '--idle-minutes', '15', '--absolute-hours', '8',
      '--offline-cache', 'off', '--offline-max-age-hours', '24',
    )

    expect(status).toBe(0)
    expect(cli.stdout).toContain('  alerts: off')
    const { settings } = (await findOrganizationBySlug(cli.db.writer, 'contoso'))!
    expect(settings.securityAlertsEnabled).toBe(false)
    expect(settings.standardTabs).toEqual(['users', 'devices'])
    expect(settings.alertSources).toEqual({ defender: true, riskySignIns: false, riskyUsers: false })
    expect(settings.alertMinSeverity).toBe('medium')
    expect(settings.provider).toEqual({ name: 'Northwind IT', email: 'help@northwind.example', phone: null, ticketUrl: 'https://tickets.northwind.example' })
    expect(settings.session).toEqual({ idleMinutes: 15, absoluteHours: 8 })
    expect(settings.offlineCache).toEqual({ enabled: false, maxAgeHours: 24 })
  })

  it('names the invalid settings value', async () => {
    await run('org', 'create', 'contoso', '--name', 'Contoso')

    expect(await run('org', 'settings', 'contoso', '--standard-tabs', 'users,inbox')).toBe(2)
    expect(cli.stderr.join('\n')).toContain('"inbox"')
    expect(await run('org', 'settings', 'contoso', '--idle-minutes', '2')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('session.idleMinutes')
    expect(await run('org', 'settings', 'contoso', '--colour', 'blue')).toBe(2)
    expect(await run('org', 'settings', 'fabrikam')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('Organization "fabrikam" not found')
  })
})

describe('portal account', () => {
  beforeEach(async () => {
    await run('org', 'create', 'contoso', '--name', 'Contoso')
  })

  it('creates an account and prints an invitation link', async () => {
    const status = await run('account', 'create', '--org', 'contoso', '--email', 'Ann@Contoso.example', '--name', 'Ann', '--role', 'manager', '--base-url', 'https://portal.example.com/')

    expect(status).toBe(0)
    expect(cli.stdout.at(-1)).toMatch(/^https:\/\/portal\.example\.com\/invitation\/[\w-]{43}$/)
    const account = await findAccountByEmail(cli.db.writer, 'ann@contoso.example')
    expect(account).toMatchObject({ role: 'manager', passwordHash: null, m365Permitted: true })
  })

  it('reads a password from standard input', async () => {
    cli.stdin.push('a long enough password')

    const status = await run('account', 'create', '--org', 'contoso', '--email', 'bob@contoso.example', '--name', 'Bob', '--role', 'standard', '--no-m365', '--password-stdin')

    expect(status).toBe(0)
    const account = await findAccountByEmail(cli.db.writer, 'bob@contoso.example')
    expect(account?.passwordHash).toMatch(/^scrypt\$/)
    expect(account?.m365Permitted).toBe(false)
  })

  it('changes role, permission and state', async () => {
    await run('account', 'create', '--org', 'contoso', '--email', 'ann@contoso.example', '--name', 'Ann', '--role', 'standard')

    expect(await run('account', 'set-role', 'ann@contoso.example', 'manager')).toBe(0)
    expect(await run('account', 'deny', 'ann@contoso.example')).toBe(0)
    expect(await run('account', 'disable', 'ann@contoso.example')).toBe(0)
    expect(await findAccountByEmail(cli.db.writer, 'ann@contoso.example')).toMatchObject({ role: 'manager', m365Permitted: false, disabled: true })

    expect(await run('account', 'invite', 'ann@contoso.example')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('is disabled')

    expect(await run('account', 'permit', 'ann@contoso.example')).toBe(0)
    expect(await run('account', 'enable', 'ann@contoso.example')).toBe(0)
    expect(await run('account', 'reset-mfa', 'ann@contoso.example')).toBe(0)
    expect(await findAccountByEmail(cli.db.writer, 'ann@contoso.example')).toMatchObject({ m365Permitted: true, disabled: false, totpSecretEnc: null })

    expect(await run('account', 'reset-password', 'ann@contoso.example', '--valid-hours', '2')).toBe(0)
    expect(cli.stdout.at(-1)).toMatch(/^http:\/\/127\.0\.0\.1:8080\/invitation\//)

    expect(await run('account', 'list', '--org', 'contoso')).toBe(0)
    expect(cli.stdout).toEqual(['ann@contoso.example\tAnn\tmanager\tenabled, m365 permitted, mfa off, invited'])
  })

  it('explains an unknown email or organization', async () => {
    expect(await run('account', 'disable', 'nobody@contoso.example')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('Account "nobody@contoso.example" not found')
    expect(await run('account', 'list', '--org', 'fabrikam')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('Organization "fabrikam" not found')
    expect(await run('account', 'set-role', 'nobody@contoso.example')).toBe(1)
    expect(await run('account', 'create', '--org', 'contoso', '--email', 'x@contoso.example', '--name', 'X', '--role', 'owner')).toBe(2)
    expect(await run('account', 'fly')).toBe(2)
  })
})

describe('portal alert', () => {
  beforeEach(async () => {
    await run('org', 'create', 'contoso', '--name', 'Contoso')
    const org = (await findOrganizationBySlug(cli.db.writer, 'contoso'))!
    await cli.db.writer
      .insertInto('m365_alerts')
      .values({
        org_id: org.id, run_id: 1, id: 'alert-1', source: 'defender', title: 'Suspicious sign-in', description: '', severity: 'high',
        status: 'new', category: null, service_source: null, detection_source: null, product_name: null, classification: null,
        determination: null, recommended_actions: '', created_at: '2026-01-01T00:00:00.000Z', last_update_at: null,
        first_activity_at: null, last_activity_at: null, resolved_at: null, evidence_json: '[]', risk_json: null, search_norm: '', raw_json: '{}',
      })
      .execute()
  })

  async function triage() {
    return cli.db.writer.selectFrom('alert_triage').selectAll().where('alert_id', '=', 'alert-1').executeTakeFirst()
  }

  it('hides, annotates and flags an alert', async () => {
    expect(await run('alert', 'hide', '--org', 'contoso', 'alert-1')).toBe(0)
    expect((await triage())?.hidden).toBe(1)

    expect(await run('alert', 'note', '--org', 'contoso', 'alert-1', '--text', 'We reset the password.')).toBe(0)
    cli.stdin.push('Read from standard input.')
    expect(await run('alert', 'needs-confirmation', '--org', 'contoso', 'alert-1', 'on')).toBe(0)
    expect(await triage()).toMatchObject({ hidden: 1, note: 'We reset the password.', needs_confirmation: 1 })

    expect(await run('alert', 'note', '--org', 'contoso', 'alert-1')).toBe(0)
    expect((await triage())?.note).toBe('Read from standard input.')

    expect(await run('alert', 'unhide', '--org', 'contoso', 'alert-1')).toBe(0)
    expect(await run('alert', 'note', '--org', 'contoso', 'alert-1', '--clear')).toBe(0)
    expect(await triage()).toMatchObject({ hidden: 0, note: null, needs_confirmation: 1 })
  })

  it('explains an unknown alert and rejects bad usage', async () => {
    expect(await run('alert', 'hide', '--org', 'contoso', 'alert-404')).toBe(1)
    expect(cli.stderr.join('\n')).toContain('Alert "alert-404" not found in contoso')
    expect(await run('alert', 'needs-confirmation', '--org', 'contoso', 'alert-1', 'maybe')).toBe(2)
    expect(await run('alert', 'hide', '--org', 'contoso')).toBe(2)
    expect(await run('alert', 'hide', 'alert-1')).toBe(2)
    expect(cli.stderr.join('\n')).toContain('Missing --org SLUG')
  })
})

describe('portal CLI entry point', () => {
  it('prints each verb\'s help', async () => {
    for (const verb of ['org', 'account', 'alert']) {
      expect(await run(verb, '--help')).toBe(0)
      expect(cli.stdout.join('\n')).toContain(`Usage: portal ${verb}`)
    }
    expect(await run('teleport')).toBe(2)
    expect(cli.stderr.join('\n')).toContain('Unknown command "teleport"')
  })

  it('runs as a real process with --help', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'server/cli/index.ts', '--help'], { cwd: process.cwd(), timeout: 60_000 })

    expect(stdout).toContain('Usage: npm run portal -- VERB')
    expect(stdout).toContain('account')
  })

  it('exits 2 on an unknown option in a real process', async () => {
    const child = promisify(execFile)('npx', ['tsx', 'server/cli/index.ts', 'org', 'list', '--bogus'], {
      cwd: process.cwd(),
      timeout: 60_000,
      env: { ...process.env, DATA_DIR: dataDir, PORTAL_DEMO: '1' },
    })

    await expect(child).rejects.toMatchObject({ code: 2 })
  })

  it('reads a piped password in a real process', async () => {
    await run('org', 'create', 'contoso', '--name', 'Contoso')
    const env = { ...process.env, DATA_DIR: dataDir, PORTAL_SECRET_KEY: randomBytes(32).toString('base64') }
    const args = ['tsx', 'server/cli/index.ts', 'account', 'create', '--org', 'contoso', '--email', 'pipe@contoso.example', '--name', 'Pipe', '--role', 'standard', '--password-stdin']

    const child = spawn('npx', args, { cwd: process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stdin.end('a piped long password\n')
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve))

    expect(status).toBe(0)
    expect(output).toContain('Created standard account pipe@contoso.example')
    const account = await findAccountByEmail(cli.db.writer, 'pipe@contoso.example')
    expect(await verifyPassword('a piped long password', account!.passwordHash!)).toBe(true)
  })
})
