import type { Db } from '../database.js'

export interface OrganizationRow {
  id: number
  slug: string
  name: string
  settingsJson: string
}

const columns = ['id', 'slug', 'name', 'settings_json as settingsJson'] as const

export async function insertOrganization(db: Db, input: { slug: string; name: string; settingsJson: string; now: string }): Promise<number> {
  const row = await db
    .insertInto('organizations')
    .values({ slug: input.slug, name: input.name, settings_json: input.settingsJson, created_at: input.now, updated_at: input.now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findOrganizationRowBySlug(db: Db, slug: string): Promise<OrganizationRow | null> {
  return (await db.selectFrom('organizations').select(columns).where('slug', '=', slug).executeTakeFirst()) ?? null
}

export async function findOrganizationRowById(db: Db, id: number): Promise<OrganizationRow | null> {
  return (await db.selectFrom('organizations').select(columns).where('id', '=', id).executeTakeFirst()) ?? null
}

export async function listOrganizationRows(db: Db): Promise<Array<OrganizationRow & { accountCount: number }>> {
  return db
    .selectFrom('organizations')
    .select(columns)
    .select((eb) => eb.selectFrom('accounts').select(eb.fn.countAll<number>().as('n')).whereRef('accounts.org_id', '=', 'organizations.id').as('accountCount'))
    .orderBy('slug')
    .execute() as Promise<Array<OrganizationRow & { accountCount: number }>>
}

export async function updateOrganizationSettingsJson(db: Db, id: number, settingsJson: string, now: string): Promise<void> {
  await db.updateTable('organizations').set({ settings_json: settingsJson, updated_at: now }).where('id', '=', id).execute()
}

/**
 * Deletes an organization with everything it owns. Tables with a foreign key cascade; the
 * tenant-data tables carry org_id without one, so they are cleared here in the same transaction.
 */
export async function deleteOrganizationRow(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tenantTables = [
      'm365_tenant', 'm365_skus', 'm365_users', 'm365_mfa_registrations', 'm365_mailboxes', 'm365_groups',
      'm365_group_members', 'm365_teams', 'm365_sites', 'm365_sign_ins', 'm365_devices', 'm365_alerts', 'sync_runs',
    ] as const
    for (const table of tenantTables) await trx.deleteFrom(table).where('org_id', '=', id).execute()
    await trx.deleteFrom('sessions').where('org_id', '=', id).execute()
    await trx.deleteFrom('organizations').where('id', '=', id).execute()
  })
}
