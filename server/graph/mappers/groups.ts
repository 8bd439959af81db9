import { fold, searchNorm } from '../../db/fold.js'
import type { GroupRow } from './rows.js'
import { optionalDateTime, optionalString, requiredString, stringArray, type GraphRecord } from './values.js'

/** Classifies a group: `Unified` in groupTypes is Microsoft 365, otherwise the mail and security flags decide. */
export function groupKind(record: GraphRecord): GroupRow['kind'] {
  const types = stringArray(record, 'groupTypes').map((type) => type.toLowerCase())
  if (types.includes('unified')) return 'microsoft365'
  const mailEnabled = record.mailEnabled === true
  const securityEnabled = record.securityEnabled === true
  if (mailEnabled && securityEnabled) return 'mailEnabledSecurity'
  if (mailEnabled) return 'distribution'
  return 'security'
}

export function mapGroup(record: GraphRecord, where: string, memberCount: number | null): GroupRow {
  const id = requiredString(record, 'id', where)
  const displayName = optionalString(record, 'displayName') || id
  const options = stringArray(record, 'resourceProvisioningOptions').map((option) => option.toLowerCase())
  const types = stringArray(record, 'groupTypes').map((type) => type.toLowerCase())
  return {
    id,
    display_name: displayName,
    description: optionalString(record, 'description'),
    mail: optionalString(record, 'mail'),
    kind: groupKind(record),
    is_team: options.includes('team') ? 1 : 0,
    is_dynamic: types.includes('dynamicmembership') ? 1 : 0,
    visibility: optionalString(record, 'visibility'),
    member_count: memberCount,
    created_at: optionalDateTime(record, 'createdDateTime'),
    sort_key: `${fold(displayName)}\u0000${id}`,
    search_norm: searchNorm(displayName, optionalString(record, 'mail'), optionalString(record, 'description')),
    raw_json: JSON.stringify(record),
  }
}

/** True when a member record is a user (members can also be devices, groups or apps). */
export function isUserMember(record: GraphRecord): boolean {
  const type = optionalString(record, '@odata.type')
  return type === null || type.toLowerCase() === '#microsoft.graph.user'
}
