import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig, type Config } from '../../server/config.js'
import { DEMO_TRIAGE, seedDemo } from '../../server/demo/seed.js'
import { memoryLogger, openTestDatabase, type TestDatabase } from './helpers.js'

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

function demoConfig(dataDir: string, demo = true): Config {
  return loadConfig({
    DATA_DIR: dataDir,
    PORTAL_DEMO: demo ? '1' : '',
    ...(demo ? {} : { PORTAL_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }),
    DEMO_PASSWORD: 'demo-password-for-tests',
    DEMO_TOTP_SECRET: TOTP_SECRET,
    LOG_LEVEL: 'silent',
  })
}

describe('demo seeding', () => {
  let test: TestDatabase

  beforeEach(async () => {
    test = await openTestDatabase('placeholder')
    // Start from an empty database: remove the helper's organization.
    await test.db.writer.deleteFrom('organizations').execute()
  })
  afterEach(async () => {
    await test.close()
  })

  it('creates the organizations, accounts and tenant data', async () => {
    const lines: string[] = []
    const result = await seedDemo({ config: demoConfig(test.dir), db: test.db, log: memoryLogger(), out: (line) => lines.push(line) })

    expect(result?.password).toBe('demo-password-for-tests')
    const organizations = await test.db.reader.selectFrom('organizations').select(['slug', 'name', 'settings_json']).orderBy('id').execute()
    expect(organizations.map((organization) => organization.slug)).toEqual(['contoso', 'fabrikam'])
    expect(organizations[0]!.name).toBe('Contoso (demo tenant)')
    expect(JSON.parse(organizations[1]!.settings_json).m365Enabled).toBe(false)

    const accounts = await test.db.reader.selectFrom('accounts').select(['email', 'role', 'm365_permitted', 'totp_secret_enc']).orderBy('email').execute()
    expect(accounts.map((account) => account.email)).toEqual([
      'manager@contoso.example', 'mfa@contoso.example', 'owner@fabrikam.example', 'restricted@contoso.example', 'standard@contoso.example',
    ])
    expect(accounts.find((account) => account.email === 'restricted@contoso.example')?.m365_permitted).toBe(0)
    expect(accounts.find((account) => account.email === 'mfa@contoso.example')?.totp_secret_enc).not.toBeNull()
    expect(accounts.find((account) => account.email === 'manager@contoso.example')?.role).toBe('manager')

    const run = await test.db.reader.selectFrom('sync_runs').selectAll().executeTakeFirstOrThrow()
    expect(run.source).toBe('demo')
    expect(run.status).toBe('succeeded')
    const users = await test.db.reader.selectFrom('m365_users').select(['display_name', 'is_guest', 'account_enabled']).execute()
    expect(users).toHaveLength(40)
    expect(users.filter((user) => user.is_guest === 1)).toHaveLength(1)
    expect(users.some((user) => user.display_name === 'José Ramírez')).toBe(true)

    const triage = await test.db.reader.selectFrom('alert_triage').selectAll().execute()
    expect(triage.find((row) => row.alert_id === DEMO_TRIAGE.needsConfirmation)?.needs_confirmation).toBe(1)
    expect(triage.find((row) => row.alert_id === DEMO_TRIAGE.hidden)?.hidden).toBe(1)

    expect(lines.join('\n')).toContain('demo-password-for-tests')
    expect(lines.join('\n')).toContain(TOTP_SECRET)
  })

  it('shifts sign-ins into the last seven days', async () => {
    await seedDemo({ config: demoConfig(test.dir), db: test.db, log: memoryLogger(), out: () => undefined })
    const range = await test.db.reader
      .selectFrom('m365_sign_ins')
      .select((eb) => [eb.fn.min('created_at').as('oldest'), eb.fn.max('created_at').as('newest')])
      .executeTakeFirstOrThrow()
    const now = Date.now()
    expect(Date.parse(String(range.newest))).toBeLessThanOrEqual(now)
    expect(Date.parse(String(range.oldest))).toBeGreaterThan(now - 8 * 86_400_000)

    const mailbox = await test.db.reader.selectFrom('m365_mailboxes').select('report_refresh_date').executeTakeFirstOrThrow()
    expect(Date.parse(String(mailbox.report_refresh_date))).toBeGreaterThan(now - 4 * 86_400_000)
  })

  it('leaves a database with organizations alone', async () => {
    await test.db.writer
      .insertInto('organizations')
      .values({ slug: 'existing', name: 'Existing', settings_json: '{}', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })
      .execute()
    const result = await seedDemo({ config: demoConfig(test.dir), db: test.db, log: memoryLogger(), out: () => undefined })
    expect(result).toBeNull()
    expect(await test.db.reader.selectFrom('accounts').select('id').execute()).toHaveLength(0)
    expect(await test.db.reader.selectFrom('sync_runs').select('id').execute()).toHaveLength(0)
  })

  it('refuses to run without demo mode', async () => {
    await expect(seedDemo({ config: demoConfig(test.dir, false), db: test.db, log: memoryLogger(), out: () => undefined })).rejects.toThrow(/PORTAL_DEMO=1/)
    expect(await test.db.reader.selectFrom('organizations').select('id').execute()).toHaveLength(0)
  })
})
