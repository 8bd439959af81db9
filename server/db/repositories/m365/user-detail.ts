import type { CapabilityStatus } from '../../../contract/common.js'
import type { UserDetail } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import { toBool } from '../../database.js'
import { readDataset } from '../sync-state.js'
import { parseStringArray } from './values.js'
import { toUserListItem } from './users.js'

type DetailUser = UserDetail['user']

/** The caller of the detail route. Managers, and everyone for their own user, get the extended fields. */
export interface DetailViewer {
  /** The signed-in account's email, lower-cased. */
  email: string
  isManager: boolean
  mfaCapability: CapabilityStatus
}

/**
 * Reads one visible user of the organization, or null when there is none with that id.
 * Fields beyond identity, status and licences are left out (absent, not null) unless the
 * viewer is a manager or the user is the viewer's own.
 */
export async function readUserDetail(db: Db, orgId: number, userId: string, viewer: DetailViewer): Promise<DetailUser | null> {
  const pointer = await readDataset(db, orgId, 'users')
  if (!pointer) return null

  const row = await db
    .selectFrom('m365_users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!row) return null

  const isSelf = [row.mail, row.user_principal_name].some((address) => address?.toLowerCase() === viewer.email)
  const user: DetailUser = {
    ...toUserListItem(row),
    officeLocation: row.office_location,
    isSelf,
  }
  if (!viewer.isManager && !isSelf) return user

  const [mfaRegistration, mailbox, groups] = await Promise.all([
    readMfaRegistration(db, orgId, row.id, viewer.mfaCapability),
    readMailbox(db, orgId, row.user_principal_name),
    readGroups(db, orgId, row.id),
  ])
  return {
    ...user,
    lastSignInAt: row.last_sign_in_at,
    lastSuccessfulSignInAt: row.last_successful_sign_in_at,
    mfaRegistration,
    mailbox,
    groups,
  }
}

async function readMfaRegistration(
  db: Db,
  orgId: number,
  userId: string,
  capability: CapabilityStatus,
): Promise<NonNullable<DetailUser['mfaRegistration']>> {
  const unavailable = { status: 'unavailable' as const, methods: [], capability }
  if (capability !== 'available') return unavailable

  const pointer = await readDataset(db, orgId, 'mfaRegistrations')
  if (!pointer) return unavailable
  const row = await db
    .selectFrom('m365_mfa_registrations')
    .select(['is_mfa_registered', 'methods_json'])
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return unavailable

  return {
    status: row.is_mfa_registered ? 'registered' : 'notRegistered',
    methods: parseStringArray(row.methods_json),
    capability,
  }
}

/**
 * Finds the user's mailbox in the usage report by principal name. The report's row id is the
 * principal name as the report spells it, so the lookup tries it as stored and lower-cased.
 * Concealed rows carry a hash instead of the name and never match.
 */
async function readMailbox(db: Db, orgId: number, principalName: string): Promise<NonNullable<DetailUser['mailbox']> | null> {
  const pointer = await readDataset(db, orgId, 'mailboxes')
  if (!pointer) return null
  const row = await db
    .selectFrom('m365_mailboxes')
    .select(['storage_used_bytes', 'prohibit_send_receive_quota_bytes', 'item_count', 'last_activity_date', 'has_archive'])
    .where('org_id', '=', orgId)
    .where('run_id', '=', pointer.runId)
    .where('id', 'in', [...new Set([principalName, principalName.toLowerCase()])])
    .where('concealed', '=', 0)
    .executeTakeFirst()
  if (!row) return null

  return {
    storageUsedBytes: row.storage_used_bytes,
    quotaBytes: row.prohibit_send_receive_quota_bytes,
    itemCount: row.item_count,
    lastActivityDate: row.last_activity_date,
    hasArchive: toBool(row.has_archive),
  }
}

/** Groups the user is a direct member of, by name; membership and groups are separate datasets. */
async function readGroups(db: Db, orgId: number, userId: string): Promise<NonNullable<DetailUser['groups']>> {
  const [membersPointer, groupsPointer] = await Promise.all([
    readDataset(db, orgId, 'groupMembers'),
    readDataset(db, orgId, 'groups'),
  ])
  if (!membersPointer || !groupsPointer) return []

  return db
    .selectFrom('m365_group_members as m')
    .innerJoin('m365_groups as g', (join) =>
      join.onRef('g.org_id', '=', 'm.org_id').onRef('g.id', '=', 'm.group_id').on('g.run_id', '=', groupsPointer.runId),
    )
    .select(['g.id as id', 'g.display_name as displayName', 'g.kind as kind'])
    .where('m.org_id', '=', orgId)
    .where('m.run_id', '=', membersPointer.runId)
    .where('m.user_id', '=', userId)
    .orderBy('g.sort_key')
    .orderBy('g.id')
    .execute()
}
