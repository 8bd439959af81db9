import type { Generated } from 'kysely'

// Row types of every table, as Kysely sees them. Booleans are stored as 0/1 integers and
// timestamps as ISO 8601 text in UTC, so one migration serves SQLite and PostgreSQL.
// Every tenant-data table starts with org_id, and every m365_* table also carries the
// sync run (run_id) that wrote the row: readers only see rows of the run that
// org_datasets points at, so a sync becomes visible all at once.

export interface OrganizationsTable {
  id: Generated<number>
  slug: string
  name: string
  /** PortalSettings as JSON, validated on write. */
  settings_json: string
  created_at: string
  updated_at: string
}

export interface GraphConnectionsTable {
  org_id: number
  tenant_id: string
  client_id: string
  /** Client secret sealed with AES-256-GCM under PORTAL_SECRET_KEY. */
  client_secret_enc: string
  created_at: string
  updated_at: string
}

export interface AccountsTable {
  id: Generated<number>
  org_id: number
  /** Lower-cased. */
  email: string
  display_name: string
  role: 'manager' | 'standard'
  m365_permitted: number
  disabled: number
  /** scrypt hash; null until the invitation is accepted. */
  password_hash: string | null
  /** Sealed TOTP secret once enrolment is confirmed. */
  totp_secret_enc: string | null
  /** Sealed TOTP secret while enrolment waits for its first code. */
  totp_pending_secret_enc: string | null
  /** Time step of the last accepted TOTP code, so a code is accepted once. */
  totp_last_step: number | null
  failed_sign_ins: number
  locked_until: string | null
  created_at: string
  updated_at: string
}

export interface RecoveryCodesTable {
  id: Generated<number>
  account_id: number
  code_hash: string
  used_at: string | null
}

export interface SessionsTable {
  id: Generated<number>
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string
  account_id: number
  org_id: number
  mfa_pending: number
  created_at: string
  last_seen_at: string
  revoked_at: string | null
}

export interface InvitationsTable {
  id: Generated<number>
  account_id: number
  token_hash: string
  expires_at: string
  used_at: string | null
  created_at: string
}

export interface SyncRunsTable {
  id: Generated<number>
  org_id: number
  /** `graph`, `import` or `demo`. */
  source: string
  status: 'running' | 'succeeded' | 'partial' | 'failed'
  started_at: string
  finished_at: string | null
  error: string | null
  /** Per-dataset result: `{ [dataset]: { status, count, error? } }`. */
  datasets_json: string
}

/** Points each organization's dataset at the sync run whose rows are visible. */
export interface OrgDatasetsTable {
  org_id: number
  dataset: string
  run_id: number
  synced_at: string
  /** Totals computed at sync time (lists never count(*) per request). */
  summary_json: string
}

/** Capability flags and sync cursors per organization (`capability.signIns`, `cursor.signIns`, ...). */
export interface OrgSyncStateTable {
  org_id: number
  key: string
  value: string
  updated_at: string
}

export interface M365TenantTable {
  org_id: number
  run_id: number
  tenant_id: string
  display_name: string
  domains_json: string
  raw_json: string
}

export interface M365SkusTable {
  org_id: number
  run_id: number
  sku_id: string
  sku_part_number: string
  display_name: string
  applies_to: string | null
  capability_status: string | null
  consumed_units: number
  enabled_units: number
  suspended_units: number
  warning_units: number
  raw_json: string
}

export interface M365UsersTable {
  org_id: number
  run_id: number
  id: string
  display_name: string
  user_principal_name: string
  mail: string | null
  job_title: string | null
  department: string | null
  office_location: string | null
  account_enabled: number | null
  user_type: string | null
  is_guest: number
  is_licensed: number
  /** `[{ skuId, name }]` with friendly names resolved at sync time. */
  licenses_json: string
  last_sign_in_at: string | null
  last_successful_sign_in_at: string | null
  created_at: string | null
  /** Folded display name + id: the keyset order (licensed first via is_licensed). */
  sort_key: string
  /** Folded name, principal name and mail for case- and accent-insensitive search. */
  search_norm: string
  raw_json: string
}

export interface M365MfaRegistrationsTable {
  org_id: number
  run_id: number
  user_id: string
  user_principal_name: string | null
  is_mfa_registered: number
  is_mfa_capable: number
  is_admin: number | null
  methods_json: string
  raw_json: string
}

export interface M365MailboxesTable {
  org_id: number
  run_id: number
  /** User principal name as reported (or its concealed hash). */
  id: string
  display_name: string | null
  user_principal_name: string | null
  concealed: number
  is_deleted: number | null
  created_date: string | null
  last_activity_date: string | null
  item_count: number | null
  storage_used_bytes: number | null
  issue_warning_quota_bytes: number | null
  prohibit_send_quota_bytes: number | null
  prohibit_send_receive_quota_bytes: number | null
  deleted_item_count: number | null
  deleted_item_size_bytes: number | null
  has_archive: number | null
  report_refresh_date: string | null
  /** Used fraction of the send/receive quota; -1 without a quota so such rows sort last. */
  used_ratio: number
  sort_key: string
  search_norm: string
  raw_json: string
}

export interface M365GroupsTable {
  org_id: number
  run_id: number
  id: string
  display_name: string
  description: string | null
  mail: string | null
  kind: 'microsoft365' | 'security' | 'mailEnabledSecurity' | 'distribution'
  is_team: number
  is_dynamic: number
  visibility: string | null
  member_count: number | null
  created_at: string | null
  sort_key: string
  search_norm: string
  raw_json: string
}

export interface M365GroupMembersTable {
  org_id: number
  run_id: number
  group_id: string
  user_id: string
}

export interface M365TeamsTable {
  org_id: number
  run_id: number
  /** Team id from the activity report (the group id), or a generated key when concealed. */
  id: string
  name: string
  concealed: number
  team_type: string | null
  is_deleted: number | null
  last_activity_date: string | null
  active_users: number | null
  active_channels: number | null
  guests: number | null
  post_messages: number | null
  reply_messages: number | null
  meetings_organized: number | null
  report_refresh_date: string | null
  sort_key: string
  raw_json: string
}

export interface M365SitesTable {
  org_id: number
  run_id: number
  id: string
  name: string
  url: string | null
  concealed: number
  owner_display_name: string | null
  is_deleted: number | null
  last_activity_date: string | null
  file_count: number | null
  active_file_count: number | null
  page_view_count: number | null
  storage_used_bytes: number | null
  storage_allocated_bytes: number | null
  root_web_template: string | null
  report_refresh_date: string | null
  sort_key: string
  raw_json: string
}

export interface M365SignInsTable {
  org_id: number
  /** Run that first stored the row; sign-ins are appended incrementally and pruned by retention. */
  run_id: number
  id: string
  created_at: string
  user_id: string | null
  user_display_name: string | null
  user_principal_name: string | null
  app_display_name: string | null
  client_app_used: string | null
  ip_address: string | null
  city: string | null
  state: string | null
  country_or_region: string | null
  error_code: number
  failure_reason: string | null
  additional_details: string | null
  is_success: number
  device_display_name: string | null
  device_operating_system: string | null
  device_browser: string | null
  device_is_compliant: number | null
  device_is_managed: number | null
  device_trust_type: string | null
  conditional_access_status: string | null
  risk_level_during_sign_in: string | null
  is_interactive: number | null
  search_norm: string
  raw_json: string
}

export interface M365DevicesTable {
  org_id: number
  run_id: number
  id: string
  device_id: string | null
  display_name: string
  operating_system: string | null
  operating_system_version: string | null
  trust_type: string | null
  is_compliant: number | null
  is_managed: number | null
  account_enabled: number | null
  approximate_last_sign_in_at: string | null
  registered_at: string | null
  owner_display_name: string | null
  manufacturer: string | null
  model: string | null
  sort_key: string
  search_norm: string
  raw_json: string
}

export interface M365AlertsTable {
  org_id: number
  run_id: number
  /** Graph alert id, or `riskyUser:{userId}` for Entra ID Protection risky users. */
  id: string
  source: 'defender' | 'riskySignIn' | 'riskyUser'
  title: string
  description: string
  severity: string
  status: string
  category: string | null
  service_source: string | null
  detection_source: string | null
  product_name: string | null
  classification: string | null
  determination: string | null
  recommended_actions: string
  created_at: string
  last_update_at: string | null
  first_activity_at: string | null
  last_activity_at: string | null
  resolved_at: string | null
  /** Normalized evidence (AlertEvidence[]) as JSON. */
  evidence_json: string
  /** `{ riskLevel, riskState, riskDetail }` for Entra ID Protection alerts. */
  risk_json: string | null
  search_norm: string
  raw_json: string
}

/** The provider's triage of an alert; survives syncs because it is not run-scoped. */
export interface AlertTriageTable {
  org_id: number
  alert_id: string
  hidden: number
  note: string | null
  note_updated_at: string | null
  needs_confirmation: number
  updated_at: string
}

export interface Database {
  organizations: OrganizationsTable
  graph_connections: GraphConnectionsTable
  accounts: AccountsTable
  recovery_codes: RecoveryCodesTable
  sessions: SessionsTable
  invitations: InvitationsTable
  sync_runs: SyncRunsTable
  org_datasets: OrgDatasetsTable
  org_sync_state: OrgSyncStateTable
  m365_tenant: M365TenantTable
  m365_skus: M365SkusTable
  m365_users: M365UsersTable
  m365_mfa_registrations: M365MfaRegistrationsTable
  m365_mailboxes: M365MailboxesTable
  m365_groups: M365GroupsTable
  m365_group_members: M365GroupMembersTable
  m365_teams: M365TeamsTable
  m365_sites: M365SitesTable
  m365_sign_ins: M365SignInsTable
  m365_devices: M365DevicesTable
  m365_alerts: M365AlertsTable
  alert_triage: AlertTriageTable
}

/** Names of the datasets a sync writes; each has one row in org_datasets per organization. */
export const DATASETS = [
  'tenant',
  'skus',
  'users',
  'mfaRegistrations',
  'mailboxes',
  'groups',
  'groupMembers',
  'teams',
  'sites',
  'signIns',
  'devices',
  'alerts',
] as const
export type Dataset = (typeof DATASETS)[number]
