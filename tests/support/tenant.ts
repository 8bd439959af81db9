import type { Insertable } from 'kysely'
import type { CapabilityStatus } from '../../server/contract/common.js'
import type { Db } from '../../server/db/database.js'
import { fold, searchNorm } from '../../server/db/fold.js'
import {
  DATASETS,
  type Database,
  type Dataset,
  type M365AlertsTable,
  type M365DevicesTable,
  type M365GroupsTable,
  type M365MailboxesTable,
  type M365SignInsTable,
  type M365SitesTable,
  type M365SkusTable,
  type M365TeamsTable,
  type M365UsersTable,
} from '../../server/db/schema.js'

// Writes a tenant's synced rows straight into the database, the way a finished sync leaves
// them: one sync_runs row, every row tagged with its run_id, org_datasets pointing at the run
// with the totals a sync computes, and capability flags in org_sync_state.
// Inputs use API-like camelCase fields with defaults, so a test states only what it checks.

type Row<Table> = Omit<Table, 'org_id' | 'run_id'>

export interface UserInput {
  id?: string
  displayName?: string
  userPrincipalName?: string
  mail?: string | null
  jobTitle?: string | null
  department?: string | null
  officeLocation?: string | null
  accountEnabled?: boolean | null
  isGuest?: boolean
  licenses?: Array<{ skuId: string; name: string }>
  lastSignInAt?: string | null
  lastSuccessfulSignInAt?: string | null
}

export interface MailboxInput {
  userPrincipalName: string
  displayName?: string | null
  concealed?: boolean
  storageUsedBytes?: number | null
  quotaBytes?: number | null
  itemCount?: number | null
  hasArchive?: boolean | null
  reportRefreshDate?: string | null
}

export interface GroupInput {
  id?: string
  displayName: string
  kind?: M365GroupsTable['kind']
  isTeam?: boolean
  memberCount?: number | null
  mail?: string | null
  description?: string | null
  /** User ids that are direct members. */
  members?: string[]
}

export interface SignInInput {
  id?: string
  createdAt: string
  userDisplayName?: string
  userPrincipalName?: string
  appDisplayName?: string
  ipAddress?: string
  city?: string
  countryOrRegion?: string
  success?: boolean
}

export interface DeviceInput {
  id?: string
  displayName: string
  operatingSystem?: string | null
  ownerDisplayName?: string | null
  /** Compliance as Intune reports it; null means unknown. Default true. */
  isCompliant?: boolean | null
}

export interface AlertInput {
  id?: string
  title: string
  description?: string
  severity?: string
  status?: string
  source?: M365AlertsTable['source']
  createdAt?: string
  evidence?: unknown[]
  risk?: { riskLevel: string | null; riskState: string | null; riskDetail: string | null } | null
  raw?: Record<string, unknown>
  category?: string | null
}

export interface TriageInput {
  hidden?: boolean
  note?: string | null
  noteUpdatedAt?: string | null
  needsConfirmation?: boolean
}

export interface TeamInput {
  id?: string
  name: string
  concealed?: boolean
  lastActivityDate?: string | null
  activeUsers?: number | null
}

export interface SiteInput {
  id?: string
  name: string
  url?: string | null
  concealed?: boolean
  storageUsedBytes?: number | null
  lastActivityDate?: string | null
}

export interface WriteOptions {
  /** Status of the recorded sync run. Default `succeeded`. */
  status?: 'succeeded' | 'partial' | 'failed' | 'running'
  error?: string | null
  finishedAt?: string
  /** Datasets whose pointer moves to this run. Default: all of them; a failed run moves none. */
  datasets?: readonly Dataset[]
  capabilities?: Partial<Record<'signIns' | 'signInActivity' | 'mfaRegistration' | 'riskyUsers', CapabilityStatus>>
  reportNames?: 'visible' | 'concealed'
  /** Summary overrides merged over the computed totals, per dataset. */
  summaries?: Partial<Record<Dataset, Record<string, unknown>>>
}

let sequence = 0
const nextId = (prefix: string) => `${prefix}-${String(++sequence).padStart(6, '0')}`

/** Collects one sync's worth of tenant rows for an organization; `write` stores them. */
export class TenantBuilder {
  private tenantRow: Row<Database['m365_tenant']> | null = null
  private readonly skuRows: Array<Row<M365SkusTable>> = []
  private readonly userRows: Array<Row<M365UsersTable>> = []
  private readonly mfaRows: Array<Row<Database['m365_mfa_registrations']>> = []
  private readonly mailboxRows: Array<Row<M365MailboxesTable>> = []
  private readonly groupRows: Array<Row<M365GroupsTable>> = []
  private readonly memberRows: Array<Row<Database['m365_group_members']>> = []
  private readonly teamRows: Array<Row<M365TeamsTable>> = []
  private readonly siteRows: Array<Row<M365SitesTable>> = []
  private readonly signInRows: Array<Row<M365SignInsTable>> = []
  private readonly deviceRows: Array<Row<M365DevicesTable>> = []
  private readonly alertRows: Array<Row<M365AlertsTable>> = []
  private readonly triageRows = new Map<string, TriageInput>()

  constructor(
    private readonly db: Db,
    readonly orgId: number,
  ) {}

  tenant(displayName = 'Contoso Ltd', domains = [{ name: 'contoso.example', isDefault: true, isInitial: false }]): this {
    this.tenantRow = {
      tenant_id: '00000000-0000-4000-8000-000000000001',
      display_name: displayName,
      domains_json: JSON.stringify(domains),
      raw_json: '{}',
    }
    return this
  }

  sku(partNumber: string, name: string, used: number, enabled: number, warning = 0): this {
    this.skuRows.push({
      sku_id: nextId('sku'),
      sku_part_number: partNumber,
      display_name: name,
      applies_to: 'User',
      capability_status: 'Enabled',
      consumed_units: used,
      enabled_units: enabled,
      suspended_units: 0,
      warning_units: warning,
      raw_json: '{}',
    })
    return this
  }

  /** Adds one user and returns its id. */
  addUser(input: UserInput = {}): string {
    const id = input.id ?? nextId('user')
    const displayName = input.displayName ?? `User ${id}`
    const userPrincipalName = input.userPrincipalName ?? `${id}@contoso.example`
    const mail = input.mail === undefined ? userPrincipalName : input.mail
    const licenses = input.licenses ?? [{ skuId: 'sku-e3', name: 'Microsoft 365 E3' }]
    this.userRows.push({
      id,
      display_name: displayName,
      user_principal_name: userPrincipalName,
      mail,
      job_title: input.jobTitle ?? null,
      department: input.department ?? null,
      office_location: input.officeLocation ?? null,
      account_enabled: toFlag(input.accountEnabled, 1),
      user_type: input.isGuest ? 'Guest' : 'Member',
      is_guest: input.isGuest ? 1 : 0,
      is_licensed: licenses.length > 0 ? 1 : 0,
      licenses_json: JSON.stringify(licenses),
      last_sign_in_at: input.lastSignInAt ?? null,
      last_successful_sign_in_at: input.lastSuccessfulSignInAt ?? null,
      created_at: null,
      sort_key: `${fold(displayName)}\u0000${id}`,
      search_norm: searchNorm(displayName, userPrincipalName, mail),
      raw_json: '{}',
    })
    return id
  }

  user(input: UserInput = {}): this {
    this.addUser(input)
    return this
  }

  /** Adds `count` users; `make(index)` returns each one's fields. */
  users(count: number, make: (index: number) => UserInput = () => ({})): this {
    for (let index = 0; index < count; index++) this.addUser(make(index))
    return this
  }

  mfa(userId: string, registered: boolean, methods: string[] = registered ? ['microsoftAuthenticatorPush'] : []): this {
    this.mfaRows.push({
      user_id: userId,
      user_principal_name: null,
      is_mfa_registered: Number(registered),
      is_mfa_capable: Number(registered),
      is_admin: 0,
      methods_json: JSON.stringify(methods),
      raw_json: '{}',
    })
    return this
  }

  mailbox(input: MailboxInput): this {
    const quota = input.quotaBytes === undefined ? 50 * 1024 ** 3 : input.quotaBytes
    const used = input.storageUsedBytes === undefined ? 1024 ** 3 : input.storageUsedBytes
    const name = input.displayName === undefined ? input.userPrincipalName : input.displayName
    this.mailboxRows.push({
      id: input.userPrincipalName,
      display_name: name,
      user_principal_name: input.userPrincipalName,
      concealed: input.concealed ? 1 : 0,
      is_deleted: 0,
      created_date: null,
      last_activity_date: '2026-11-30',
      item_count: input.itemCount ?? 100,
      storage_used_bytes: used,
      issue_warning_quota_bytes: quota === null ? null : Math.round(quota * 0.9),
      prohibit_send_quota_bytes: quota === null ? null : Math.round(quota * 0.95),
      prohibit_send_receive_quota_bytes: quota,
      deleted_item_count: 0,
      deleted_item_size_bytes: 0,
      has_archive: toFlag(input.hasArchive, 0),
      report_refresh_date: input.reportRefreshDate === undefined ? '2026-12-01' : input.reportRefreshDate,
      used_ratio: quota && used !== null ? used / quota : -1,
      sort_key: `${fold(name ?? input.userPrincipalName)}\u0000${input.userPrincipalName}`,
      search_norm: searchNorm(name, input.userPrincipalName),
      raw_json: '{}',
    })
    return this
  }

  /** Adds one group (and its memberships) and returns its id. */
  addGroup(input: GroupInput): string {
    const id = input.id ?? nextId('group')
    this.groupRows.push({
      id,
      display_name: input.displayName,
      description: input.description ?? null,
      mail: input.mail ?? null,
      kind: input.kind ?? 'microsoft365',
      is_team: input.isTeam ? 1 : 0,
      is_dynamic: 0,
      visibility: 'Private',
      member_count: input.memberCount === undefined ? (input.members?.length ?? 0) : input.memberCount,
      created_at: null,
      sort_key: `${fold(input.displayName)}\u0000${id}`,
      search_norm: searchNorm(input.displayName, input.mail, input.description),
      raw_json: '{}',
    })
    for (const userId of input.members ?? []) this.memberRows.push({ group_id: id, user_id: userId })
    return id
  }

  group(input: GroupInput): this {
    this.addGroup(input)
    return this
  }

  team(input: TeamInput): this {
    this.teamRows.push({
      id: input.id ?? nextId('team'),
      name: input.name,
      concealed: input.concealed ? 1 : 0,
      team_type: 'Private',
      is_deleted: 0,
      last_activity_date: input.lastActivityDate === undefined ? '2026-11-28' : input.lastActivityDate,
      active_users: input.activeUsers ?? 3,
      active_channels: 1,
      guests: 0,
      post_messages: 10,
      reply_messages: 4,
      meetings_organized: 2,
      report_refresh_date: '2026-12-01',
      sort_key: fold(input.name),
      raw_json: '{}',
    })
    return this
  }

  site(input: SiteInput): this {
    this.siteRows.push({
      id: input.id ?? nextId('site'),
      name: input.name,
      url: input.url === undefined ? `https://contoso.sharepoint.example/sites/${encodeURIComponent(input.name)}` : input.url,
      concealed: input.concealed ? 1 : 0,
      owner_display_name: 'Site Owner',
      is_deleted: 0,
      last_activity_date: input.lastActivityDate === undefined ? '2026-11-20' : input.lastActivityDate,
      file_count: 40,
      active_file_count: 5,
      page_view_count: 12,
      storage_used_bytes: input.storageUsedBytes === undefined ? 1024 ** 2 : input.storageUsedBytes,
      storage_allocated_bytes: 1024 ** 4,
      root_web_template: 'Group',
      report_refresh_date: '2026-11-30',
      sort_key: fold(input.name),
      raw_json: '{}',
    })
    return this
  }

  signIn(input: SignInInput): this {
    const row: Row<M365SignInsTable> = {
      id: input.id ?? nextId('signin'),
      created_at: input.createdAt,
      user_id: null,
      user_display_name: input.userDisplayName ?? 'Adele Vance',
      user_principal_name: input.userPrincipalName ?? 'adele@contoso.example',
      app_display_name: input.appDisplayName ?? 'Office 365 Exchange Online',
      client_app_used: 'Browser',
      ip_address: input.ipAddress ?? '203.0.113.10',
      city: input.city ?? 'Lisboa',
      state: null,
      country_or_region: input.countryOrRegion ?? 'PT',
      error_code: input.success === false ? 50126 : 0,
      failure_reason: input.success === false ? 'Invalid username or password.' : null,
      additional_details: null,
      is_success: input.success === false ? 0 : 1,
      device_display_name: null,
      device_operating_system: 'Windows 11',
      device_browser: 'Edge 130',
      device_is_compliant: null,
      device_is_managed: null,
      device_trust_type: null,
      conditional_access_status: 'success',
      risk_level_during_sign_in: 'none',
      is_interactive: 1,
      search_norm: '',
      raw_json: '{}',
    }
    row.search_norm = searchNorm(row.user_display_name, row.user_principal_name, row.app_display_name, row.city, row.country_or_region, row.ip_address)
    this.signInRows.push(row)
    return this
  }

  /** Adds `count` sign-ins; `make(index)` returns each one's fields. */
  signIns(count: number, make: (index: number) => SignInInput): this {
    for (let index = 0; index < count; index++) this.signIn(make(index))
    return this
  }

  device(input: DeviceInput): this {
    const id = input.id ?? nextId('device')
    this.deviceRows.push({
      id,
      device_id: `${id}-device`,
      display_name: input.displayName,
      operating_system: input.operatingSystem === undefined ? 'Windows' : input.operatingSystem,
      operating_system_version: '10.0.22631',
      trust_type: 'AzureAd',
      is_compliant: input.isCompliant === undefined ? 1 : input.isCompliant === null ? null : Number(input.isCompliant),
      is_managed: 1,
      account_enabled: 1,
      approximate_last_sign_in_at: '2026-11-30T08:00:00.000Z',
      registered_at: '2025-01-10T08:00:00.000Z',
      owner_display_name: input.ownerDisplayName === undefined ? null : input.ownerDisplayName,
      manufacturer: 'Contoso Hardware',
      model: 'Laptop 5',
      sort_key: `${fold(input.displayName)}\u0000${id}`,
      search_norm: searchNorm(input.displayName, input.operatingSystem === undefined ? 'Windows' : input.operatingSystem, input.ownerDisplayName),
      raw_json: '{}',
    })
    return this
  }

  /** Adds one alert and returns its id; `triage` stores the provider's triage for it. */
  addAlert(input: AlertInput, triage?: TriageInput): string {
    const id = input.id ?? nextId('alert')
    const description = input.description ?? `Description of ${input.title}.`
    this.alertRows.push({
      id,
      source: input.source ?? 'defender',
      title: input.title,
      description,
      severity: input.severity ?? 'medium',
      status: input.status ?? 'new',
      category: input.category === undefined ? 'InitialAccess' : input.category,
      service_source: 'microsoftDefenderForOffice365',
      detection_source: 'microsoftDefenderForOffice365',
      product_name: 'Microsoft Defender for Office 365',
      classification: null,
      determination: null,
      recommended_actions: 'Reset the password of the affected user.',
      created_at: input.createdAt ?? '2026-12-01T10:00:00.000Z',
      last_update_at: null,
      first_activity_at: null,
      last_activity_at: null,
      resolved_at: null,
      evidence_json: JSON.stringify(input.evidence ?? []),
      risk_json: input.risk === undefined || input.risk === null ? null : JSON.stringify(input.risk),
      search_norm: searchNorm(input.title, description),
      raw_json: JSON.stringify(input.raw ?? {}),
    })
    if (triage) this.triageRows.set(id, triage)
    return id
  }

  alert(input: AlertInput, triage?: TriageInput): this {
    this.addAlert(input, triage)
    return this
  }

  /** Stores everything collected as one sync run and returns the run id. */
  async write(options: WriteOptions = {}): Promise<number> {
    const status = options.status ?? 'succeeded'
    const finishedAt = options.finishedAt ?? new Date().toISOString()
    const datasets = options.datasets ?? (status === 'failed' || status === 'running' ? [] : DATASETS)
    const orgId = this.orgId

    return this.db.transaction().execute(async (trx) => {
      const run = await trx
        .insertInto('sync_runs')
        .values({
          org_id: orgId,
          source: 'import',
          status,
          started_at: new Date(Date.parse(finishedAt) - 1000).toISOString(),
          finished_at: status === 'running' ? null : finishedAt,
          error: options.error ?? null,
          datasets_json: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const runId = run.id
      const tag = <T>(rows: T[]) => rows.map((row) => ({ ...row, org_id: orgId, run_id: runId }))

      await insertAll(trx, 'm365_tenant', tag(this.tenantRow ? [this.tenantRow] : []))
      await insertAll(trx, 'm365_skus', tag(this.skuRows))
      await insertAll(trx, 'm365_users', tag(this.userRows))
      await insertAll(trx, 'm365_mfa_registrations', tag(this.mfaRows))
      await insertAll(trx, 'm365_mailboxes', tag(this.mailboxRows))
      await insertAll(trx, 'm365_groups', tag(this.groupRows))
      await insertAll(trx, 'm365_group_members', tag(this.memberRows))
      await insertAll(trx, 'm365_teams', tag(this.teamRows))
      await insertAll(trx, 'm365_sites', tag(this.siteRows))
      await insertAll(trx, 'm365_sign_ins', tag(this.signInRows))
      await insertAll(trx, 'm365_devices', tag(this.deviceRows))
      await insertAll(trx, 'm365_alerts', tag(this.alertRows))

      for (const [alertId, triage] of this.triageRows) {
        await trx
          .insertInto('alert_triage')
          .values({
            org_id: orgId,
            alert_id: alertId,
            hidden: triage.hidden ? 1 : 0,
            note: triage.note ?? null,
            note_updated_at: triage.noteUpdatedAt ?? (triage.note ? finishedAt : null),
            needs_confirmation: triage.needsConfirmation ? 1 : 0,
            updated_at: finishedAt,
          })
          .onConflict((conflict) =>
            conflict.columns(['org_id', 'alert_id']).doUpdateSet((eb) => ({
              hidden: eb.ref('excluded.hidden'),
              note: eb.ref('excluded.note'),
              note_updated_at: eb.ref('excluded.note_updated_at'),
              needs_confirmation: eb.ref('excluded.needs_confirmation'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute()
      }

      for (const dataset of datasets) {
        const summary = { ...this.summaryOf(dataset), ...options.summaries?.[dataset] }
        await trx
          .insertInto('org_datasets')
          .values({ org_id: orgId, dataset, run_id: runId, synced_at: finishedAt, summary_json: JSON.stringify(summary) })
          .onConflict((conflict) =>
            conflict.columns(['org_id', 'dataset']).doUpdateSet((eb) => ({
              run_id: eb.ref('excluded.run_id'),
              synced_at: eb.ref('excluded.synced_at'),
              summary_json: eb.ref('excluded.summary_json'),
            })),
          )
          .execute()
      }

      const state: Array<[string, string]> = Object.entries(options.capabilities ?? {}).map(([name, value]) => [`capability.${name}`, value])
      if (options.reportNames) state.push(['reportNames', options.reportNames])
      for (const [key, value] of state) {
        await trx
          .insertInto('org_sync_state')
          .values({ org_id: orgId, key, value, updated_at: finishedAt })
          .onConflict((conflict) =>
            conflict.columns(['org_id', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })),
          )
          .execute()
      }
      return runId
    })
  }

  /** Computes the totals a sync stores in org_datasets.summary_json for a dataset. */
  private summaryOf(dataset: Dataset): Record<string, unknown> {
    switch (dataset) {
      case 'users':
        return {
          total: this.userRows.length,
          licensed: this.userRows.filter((row) => row.is_licensed).length,
          guests: this.userRows.filter((row) => row.is_guest).length,
          disabled: this.userRows.filter((row) => row.account_enabled === 0).length,
        }
      case 'mailboxes':
        return { total: this.mailboxRows.length }
      case 'groups':
        return { total: this.groupRows.length }
      case 'devices': {
        const byOs = new Map<string, number>()
        for (const row of this.deviceRows) byOs.set(row.operating_system ?? 'Unknown', (byOs.get(row.operating_system ?? 'Unknown') ?? 0) + 1)
        return { total: this.deviceRows.length, byOs: [...byOs].map(([os, count]) => ({ os, count })).sort((a, b) => b.count - a.count) }
      }
      case 'signIns': {
        const days = new Map<string, { date: string; success: number; failure: number }>()
        for (const row of this.signInRows) {
          const date = row.created_at.slice(0, 10)
          const day = days.get(date) ?? { date, success: 0, failure: 0 }
          if (row.is_success) day.success++
          else day.failure++
          days.set(date, day)
        }
        return { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) }
      }
      case 'mfaRegistrations':
        return { registered: this.mfaRows.filter((row) => row.is_mfa_registered).length, total: this.mfaRows.length }
      case 'teams':
        return { total: this.teamRows.length, active: this.teamRows.filter((row) => isRecent(row.last_activity_date)).length }
      case 'sites':
        return {
          total: this.siteRows.length,
          active: this.siteRows.filter((row) => isRecent(row.last_activity_date)).length,
          storageUsedBytes: this.siteRows.reduce((sum, row) => sum + (row.storage_used_bytes ?? 0), 0),
        }
      default:
        return {}
    }
  }
}

/** Converts an optional boolean input to a 0/1/null column, with `fallback` when it is left out. */
function toFlag(value: boolean | null | undefined, fallback: number): number | null {
  if (value === undefined) return fallback
  if (value === null) return null
  return Number(value)
}

/** Activity within 30 days before the fixtures' report date (2026-12-01). */
function isRecent(date: string | null): boolean {
  return date !== null && date >= '2026-11-01'
}

/** Inserts rows in chunks that stay under SQLite's limit on bound parameters. */
async function insertAll<Table extends keyof Database>(db: Db, table: Table, rows: Array<Insertable<Database[Table]>>): Promise<void> {
  const chunkSize = 400
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + chunkSize) as never)
      .execute()
  }
}

/** Starts a tenant for the organization; chain rows, then `await builder.write()`. */
export function tenantFor(db: Db, orgId: number): TenantBuilder {
  return new TenantBuilder(db, orgId)
}
