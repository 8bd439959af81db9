import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { resolveSecretKey } from '../accounts/secret-key.js'
import { createAccount, createOrganization, enrollTotp } from '../accounts/service.js'
import { newTotpSecret } from '../accounts/totp.js'
import type { Config } from '../config.js'
import type { DatabaseConnections } from '../db/database.js'
import { upsertAlertTriage } from '../db/repositories/triage.js'
import type { SyncLogger } from '../sync/context.js'
import { ExportFolderSource } from '../sync/export-folder-source.js'
import { runSync } from '../sync/run-sync.js'

// Demo data for `npm start`: the Contoso organization with its Microsoft 365 tenant imported
// from the committed export folder, Fabrikam with Microsoft 365 turned off, and one account
// per demo role. It runs only in demo mode and only on a database without organizations.

export const DEMO_EXPORT_DIR = fileURLToPath(new URL('./graph-export/', import.meta.url))

/** Alerts of the demo export that get provider triage. */
export const DEMO_TRIAGE = {
  needsConfirmation: 'da638680012345678901_1122334455',
  hidden: 'da638678000000000000_0000000001',
}

export const DEMO_PROVIDER = {
  name: 'Northwind IT Services',
  email: 'help@northwind-it.example',
  phone: '+1 425 555 0142',
  ticketUrl: 'https://support.northwind-it.example/tickets/new',
}

export interface DemoAccount {
  email: string
  organization: string
  role: 'manager' | 'standard'
  note: string
}

export interface SeedDemoOptions {
  config: Config
  db: DatabaseConnections
  log: SyncLogger
  /** Output for the sign-in instructions; standard output by default. */
  out?: (line: string) => void
}

export interface DemoSeedResult {
  password: string
  totpSecret: string
  accounts: DemoAccount[]
}

/** Generates a 20-character password from the base64url alphabet. */
function generatePassword(): string {
  return randomBytes(15).toString('base64url')
}

/**
 * Creates the demo organizations, accounts and tenant data. Returns null (and changes nothing)
 * when the database already has an organization; throws when demo mode is off.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<DemoSeedResult | null> {
  const { config, db, log } = options
  const out = options.out ?? ((line: string) => void process.stdout.write(`${line}\n`))
  if (!config.demo) throw new Error('Demo data is only created with PORTAL_DEMO=1.')

  const existing = await db.writer.selectFrom('organizations').select('id').limit(1).executeTakeFirst()
  if (existing) {
    log.info({}, 'demo data not created: the database already has organizations')
    return null
  }

  const secretKey = resolveSecretKey(config)
  const password = config.demoPassword ?? generatePassword()
  const totpSecret = config.demoTotpSecret ?? newTotpSecret()

  const contoso = await createOrganization(db.writer, { slug: 'contoso', name: 'Contoso (demo tenant)', settings: { provider: DEMO_PROVIDER } })
  const source = await ExportFolderSource.open(DEMO_EXPORT_DIR, { kind: 'demo', shiftTo: new Date() })
  const result = await runSync({ db: db.writer, orgId: contoso.id, source, log })
  if (result.status !== 'succeeded') throw new Error(`Demo import failed: ${result.error ?? result.status}`)

  const now = new Date().toISOString()
  await upsertAlertTriage(
    db.writer,
    contoso.id,
    DEMO_TRIAGE.needsConfirmation,
    {
      needsConfirmation: true,
      note: 'We removed the forwarding rule and reset the password. Megan, please confirm you did not create this rule yourself.',
    },
    now,
  )
  await upsertAlertTriage(db.writer, contoso.id, DEMO_TRIAGE.hidden, { hidden: true, note: 'Test alert from our monitoring check; hidden from users.' }, now)

  const fabrikam = await createOrganization(db.writer, {
    slug: 'fabrikam',
    name: 'Fabrikam',
    settings: { m365Enabled: false, provider: DEMO_PROVIDER },
  })

  await createAccount(db.writer, { orgId: contoso.id, email: 'manager@contoso.example', displayName: 'Patti Fernandez', role: 'manager', password })
  await createAccount(db.writer, { orgId: contoso.id, email: 'standard@contoso.example', displayName: 'Alex Wilber', role: 'standard', password })
  const mfa = await createAccount(db.writer, { orgId: contoso.id, email: 'mfa@contoso.example', displayName: 'Megan Bowen', role: 'standard', password })
  await enrollTotp(db.writer, secretKey, mfa.id, totpSecret)
  await createAccount(db.writer, {
    orgId: contoso.id,
    email: 'restricted@contoso.example',
    displayName: 'Joni Sherman',
    role: 'standard',
    m365Permitted: false,
    password,
  })
  await createAccount(db.writer, { orgId: fabrikam.id, email: 'owner@fabrikam.example', displayName: 'Inês Duarte', role: 'manager', password })

  const accounts: DemoAccount[] = [
    { email: 'manager@contoso.example', organization: 'Contoso (demo tenant)', role: 'manager', note: 'all tabs' },
    { email: 'standard@contoso.example', organization: 'Contoso (demo tenant)', role: 'standard', note: 'default standard tabs, no sign-in logs' },
    { email: 'mfa@contoso.example', organization: 'Contoso (demo tenant)', role: 'standard', note: 'asks for a TOTP code' },
    { email: 'restricted@contoso.example', organization: 'Contoso (demo tenant)', role: 'standard', note: 'Microsoft 365 not permitted' },
    { email: 'owner@fabrikam.example', organization: 'Fabrikam', role: 'manager', note: 'Microsoft 365 turned off' },
  ]
  out('Demo data created. Sign in with any of these accounts:')
  for (const account of accounts) out(`  ${account.email.padEnd(28)} ${account.role.padEnd(9)} ${account.organization}: ${account.note}`)
  out(`Password for every demo account: ${password}${config.demoPassword ? ' (from DEMO_PASSWORD)' : ''}`)
  out(`TOTP secret of mfa@contoso.example (add it to an authenticator app): ${totpSecret}${config.demoTotpSecret ? ' (from DEMO_TOTP_SECRET)' : ''}`)
  log.info({ orgId: contoso.id, runId: result.runId }, 'demo data created')
  return { password, totpSecret, accounts }
}
