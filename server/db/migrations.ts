import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely'

// Versioned migrations, in code so they run the same under tsx, compiled output and bundles.
// Types stay portable: integer 0/1 for booleans and ISO text for timestamps.
// NOTE: `autoIncrement()` is SQLite syntax; a PostgreSQL dialect needs identity columns here.

const migrations: Record<string, Migration> = {
  '001_accounts_and_organizations': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('organizations')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('settings_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('graph_connections')
        .addColumn('org_id', 'integer', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_secret_enc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('accounts')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('m365_permitted', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('password_hash', 'text')
        .addColumn('totp_secret_enc', 'text')
        .addColumn('totp_pending_secret_enc', 'text')
        .addColumn('totp_last_step', 'integer')
        .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('accounts_org').on('accounts').columns(['org_id', 'email']).execute()

      await db.schema
        .createTable('recovery_codes')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute()
      await db.schema.createIndex('recovery_codes_account').on('recovery_codes').column('account_id').execute()

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('mfa_pending', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute()
      await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute()

      await db.schema
        .createTable('invitations')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
    },
    async down(db: Kysely<any>) {
      for (const table of ['invitations', 'sessions', 'recovery_codes', 'accounts', 'graph_connections', 'organizations']) {
        await db.schema.dropTable(table).execute()
      }
    },
  },

  '002_sync_and_tenant_data': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sync_runs')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('error', 'text')
        .addColumn('datasets_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute()
      await db.schema.createIndex('sync_runs_org').on('sync_runs').columns(['org_id', 'id']).execute()

      await db.schema
        .createTable('org_datasets')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('synced_at', 'text', (c) => c.notNull())
        .addColumn('summary_json', 'text', (c) => c.notNull().defaultTo('{}'))
        .addPrimaryKeyConstraint('org_datasets_pk', ['org_id', 'dataset'])
        .execute()

      await db.schema
        .createTable('org_sync_state')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('org_sync_state_pk', ['org_id', 'key'])
        .execute()

      await db.schema
        .createTable('m365_tenant')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('domains_json', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_tenant_pk', ['org_id', 'run_id'])
        .execute()

      await db.schema
        .createTable('m365_skus')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('sku_id', 'text', (c) => c.notNull())
        .addColumn('sku_part_number', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('applies_to', 'text')
        .addColumn('capability_status', 'text')
        .addColumn('consumed_units', 'integer', (c) => c.notNull())
        .addColumn('enabled_units', 'integer', (c) => c.notNull())
        .addColumn('suspended_units', 'integer', (c) => c.notNull())
        .addColumn('warning_units', 'integer', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_skus_pk', ['org_id', 'run_id', 'sku_id'])
        .execute()

      await db.schema
        .createTable('m365_users')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('user_principal_name', 'text', (c) => c.notNull())
        .addColumn('mail', 'text')
        .addColumn('job_title', 'text')
        .addColumn('department', 'text')
        .addColumn('office_location', 'text')
        .addColumn('account_enabled', 'integer')
        .addColumn('user_type', 'text')
        .addColumn('is_guest', 'integer', (c) => c.notNull())
        .addColumn('is_licensed', 'integer', (c) => c.notNull())
        .addColumn('licenses_json', 'text', (c) => c.notNull())
        .addColumn('last_sign_in_at', 'text')
        .addColumn('last_successful_sign_in_at', 'text')
        .addColumn('created_at', 'text')
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('search_norm', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_users_pk', ['org_id', 'run_id', 'id'])
        .execute()
      await db.schema
        .createIndex('m365_users_order')
        .on('m365_users')
        .columns(['org_id', 'run_id', 'is_licensed', 'sort_key', 'id'])
        .execute()

      await db.schema
        .createTable('m365_mfa_registrations')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('user_principal_name', 'text')
        .addColumn('is_mfa_registered', 'integer', (c) => c.notNull())
        .addColumn('is_mfa_capable', 'integer', (c) => c.notNull())
        .addColumn('is_admin', 'integer')
        .addColumn('methods_json', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_mfa_pk', ['org_id', 'run_id', 'user_id'])
        .execute()

      await db.schema
        .createTable('m365_mailboxes')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('user_principal_name', 'text')
        .addColumn('concealed', 'integer', (c) => c.notNull())
        .addColumn('is_deleted', 'integer')
        .addColumn('created_date', 'text')
        .addColumn('last_activity_date', 'text')
        .addColumn('item_count', 'integer')
        .addColumn('storage_used_bytes', 'integer')
        .addColumn('issue_warning_quota_bytes', 'integer')
        .addColumn('prohibit_send_quota_bytes', 'integer')
        .addColumn('prohibit_send_receive_quota_bytes', 'integer')
        .addColumn('deleted_item_count', 'integer')
        .addColumn('deleted_item_size_bytes', 'integer')
        .addColumn('has_archive', 'integer')
        .addColumn('report_refresh_date', 'text')
        .addColumn('used_ratio', 'real', (c) => c.notNull())
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('search_norm', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_mailboxes_pk', ['org_id', 'run_id', 'id'])
        .execute()
      await db.schema
        .createIndex('m365_mailboxes_order')
        .on('m365_mailboxes')
        .columns(['org_id', 'run_id', 'used_ratio', 'sort_key'])
        .execute()

      await db.schema
        .createTable('m365_groups')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('mail', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('is_team', 'integer', (c) => c.notNull())
        .addColumn('is_dynamic', 'integer', (c) => c.notNull())
        .addColumn('visibility', 'text')
        .addColumn('member_count', 'integer')
        .addColumn('created_at', 'text')
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('search_norm', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_groups_pk', ['org_id', 'run_id', 'id'])
        .execute()
      await db.schema.createIndex('m365_groups_order').on('m365_groups').columns(['org_id', 'run_id', 'sort_key']).execute()

      await db.schema
        .createTable('m365_group_members')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_group_members_pk', ['org_id', 'run_id', 'group_id', 'user_id'])
        .execute()
      await db.schema
        .createIndex('m365_group_members_user')
        .on('m365_group_members')
        .columns(['org_id', 'run_id', 'user_id'])
        .execute()

      await db.schema
        .createTable('m365_teams')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('concealed', 'integer', (c) => c.notNull())
        .addColumn('team_type', 'text')
        .addColumn('is_deleted', 'integer')
        .addColumn('last_activity_date', 'text')
        .addColumn('active_users', 'integer')
        .addColumn('active_channels', 'integer')
        .addColumn('guests', 'integer')
        .addColumn('post_messages', 'integer')
        .addColumn('reply_messages', 'integer')
        .addColumn('meetings_organized', 'integer')
        .addColumn('report_refresh_date', 'text')
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_teams_pk', ['org_id', 'run_id', 'id'])
        .execute()

      await db.schema
        .createTable('m365_sites')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('concealed', 'integer', (c) => c.notNull())
        .addColumn('owner_display_name', 'text')
        .addColumn('is_deleted', 'integer')
        .addColumn('last_activity_date', 'text')
        .addColumn('file_count', 'integer')
        .addColumn('active_file_count', 'integer')
        .addColumn('page_view_count', 'integer')
        .addColumn('storage_used_bytes', 'integer')
        .addColumn('storage_allocated_bytes', 'integer')
        .addColumn('root_web_template', 'text')
        .addColumn('report_refresh_date', 'text')
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_sites_pk', ['org_id', 'run_id', 'id'])
        .execute()

      await db.schema
        .createTable('m365_sign_ins')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('user_display_name', 'text')
        .addColumn('user_principal_name', 'text')
        .addColumn('app_display_name', 'text')
        .addColumn('client_app_used', 'text')
        .addColumn('ip_address', 'text')
        .addColumn('city', 'text')
        .addColumn('state', 'text')
        .addColumn('country_or_region', 'text')
        .addColumn('error_code', 'integer', (c) => c.notNull())
        .addColumn('failure_reason', 'text')
        .addColumn('additional_details', 'text')
        .addColumn('is_success', 'integer', (c) => c.notNull())
        .addColumn('device_display_name', 'text')
        .addColumn('device_operating_system', 'text')
        .addColumn('device_browser', 'text')
        .addColumn('device_is_compliant', 'integer')
        .addColumn('device_is_managed', 'integer')
        .addColumn('device_trust_type', 'text')
        .addColumn('conditional_access_status', 'text')
        .addColumn('risk_level_during_sign_in', 'text')
        .addColumn('is_interactive', 'integer')
        .addColumn('search_norm', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_sign_ins_pk', ['org_id', 'id'])
        .execute()
      await db.schema
        .createIndex('m365_sign_ins_order')
        .on('m365_sign_ins')
        .columns(['org_id', 'created_at', 'id'])
        .execute()

      await db.schema
        .createTable('m365_devices')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text')
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('operating_system', 'text')
        .addColumn('operating_system_version', 'text')
        .addColumn('trust_type', 'text')
        .addColumn('is_compliant', 'integer')
        .addColumn('is_managed', 'integer')
        .addColumn('account_enabled', 'integer')
        .addColumn('approximate_last_sign_in_at', 'text')
        .addColumn('registered_at', 'text')
        .addColumn('owner_display_name', 'text')
        .addColumn('manufacturer', 'text')
        .addColumn('model', 'text')
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('search_norm', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_devices_pk', ['org_id', 'run_id', 'id'])
        .execute()
      await db.schema.createIndex('m365_devices_order').on('m365_devices').columns(['org_id', 'run_id', 'sort_key']).execute()

      await db.schema
        .createTable('m365_alerts')
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('service_source', 'text')
        .addColumn('detection_source', 'text')
        .addColumn('product_name', 'text')
        .addColumn('classification', 'text')
        .addColumn('determination', 'text')
        .addColumn('recommended_actions', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_update_at', 'text')
        .addColumn('first_activity_at', 'text')
        .addColumn('last_activity_at', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('evidence_json', 'text', (c) => c.notNull())
        .addColumn('risk_json', 'text')
        .addColumn('search_norm', 'text', (c) => c.notNull())
        .addColumn('raw_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('m365_alerts_pk', ['org_id', 'run_id', 'id'])
        .execute()
      await db.schema
        .createIndex('m365_alerts_order')
        .on('m365_alerts')
        .columns(['org_id', 'run_id', 'created_at', 'id'])
        .execute()

      await db.schema
        .createTable('alert_triage')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('note', 'text')
        .addColumn('note_updated_at', 'text')
        .addColumn('needs_confirmation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_triage_pk', ['org_id', 'alert_id'])
        .execute()
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'alert_triage', 'm365_alerts', 'm365_devices', 'm365_sign_ins', 'm365_sites', 'm365_teams',
        'm365_group_members', 'm365_groups', 'm365_mailboxes', 'm365_mfa_registrations', 'm365_users',
        'm365_skus', 'm365_tenant', 'org_sync_state', 'org_datasets', 'sync_runs',
      ]) {
        await db.schema.dropTable(table).execute()
      }
    },
  },
  // A trigram index over the folded sign-in search text, so a rare search term does not scan
  // every stored sign-in. Triggers keep it in step with inserts, updates and deletes.
  // NOTE: it indexes by rowid, which VACUUM may renumber because m365_sign_ins has no
  // INTEGER PRIMARY KEY. After a VACUUM, run
  // `insert into m365_sign_ins_fts(m365_sign_ins_fts) values ('rebuild')`. FTS5 is SQLite-only.
  '003_sign_ins_search_index': {
    async up(db: Kysely<any>) {
      await sql`create virtual table m365_sign_ins_fts using fts5(search_norm, content='m365_sign_ins', tokenize='trigram')`.execute(db)
      await sql`create trigger m365_sign_ins_fts_insert after insert on m365_sign_ins begin
        insert into m365_sign_ins_fts (rowid, search_norm) values (new.rowid, new.search_norm);
      end`.execute(db)
      await sql`create trigger m365_sign_ins_fts_delete after delete on m365_sign_ins begin
        insert into m365_sign_ins_fts (m365_sign_ins_fts, rowid, search_norm) values ('delete', old.rowid, old.search_norm);
      end`.execute(db)
      await sql`create trigger m365_sign_ins_fts_update after update of search_norm on m365_sign_ins begin
        insert into m365_sign_ins_fts (m365_sign_ins_fts, rowid, search_norm) values ('delete', old.rowid, old.search_norm);
        insert into m365_sign_ins_fts (rowid, search_norm) values (new.rowid, new.search_norm);
      end`.execute(db)
      await sql`insert into m365_sign_ins_fts (m365_sign_ins_fts) values ('rebuild')`.execute(db)
    },
    async down(db: Kysely<any>) {
      for (const trigger of ['m365_sign_ins_fts_insert', 'm365_sign_ins_fts_delete', 'm365_sign_ins_fts_update']) {
        await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db)
      }
      await sql`drop table if exists m365_sign_ins_fts`.execute(db)
    },
  },
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  },
}
