import { fold, searchNorm } from '../../db/fold.js'
import type { SkuNames } from '../sku-catalog.js'
import type { MfaRegistrationRow, UserRow } from './rows.js'
import {
  optionalDateTime, optionalFlag, optionalObject, optionalString, requiredString, stringArray, type GraphRecord,
} from './values.js'

export function mapUser(record: GraphRecord, where: string, names: SkuNames): UserRow {
  const id = requiredString(record, 'id', where)
  const principalName = requiredString(record, 'userPrincipalName', where)
  // Rooms and shared mailboxes can have no display name, so the principal name is used instead.
  const displayName = optionalString(record, 'displayName') || principalName
  const userType = optionalString(record, 'userType')
  const licenses = (Array.isArray(record.assignedLicenses) ? record.assignedLicenses : [])
    .map((license) => optionalString(license as GraphRecord, 'skuId'))
    .filter((skuId): skuId is string => Boolean(skuId))
    .map((skuId) => ({ skuId, name: names.nameOf(skuId) }))
  const activity = optionalObject(record, 'signInActivity')

  return {
    id,
    display_name: displayName,
    user_principal_name: principalName,
    mail: optionalString(record, 'mail'),
    job_title: optionalString(record, 'jobTitle'),
    department: optionalString(record, 'department'),
    office_location: optionalString(record, 'officeLocation'),
    account_enabled: optionalFlag(record, 'accountEnabled'),
    user_type: userType,
    is_guest: userType?.toLowerCase() === 'guest' || principalName.toUpperCase().includes('#EXT#') ? 1 : 0,
    is_licensed: licenses.length > 0 ? 1 : 0,
    licenses_json: JSON.stringify(licenses),
    last_sign_in_at: optionalDateTime(activity, 'lastSignInDateTime'),
    last_successful_sign_in_at: optionalDateTime(activity, 'lastSuccessfulSignInDateTime'),
    created_at: optionalDateTime(record, 'createdDateTime'),
    sort_key: `${fold(displayName)}\u0000${id}`,
    search_norm: searchNorm(displayName, principalName, optionalString(record, 'mail')),
    raw_json: JSON.stringify(record),
  }
}

export function mapMfaRegistration(record: GraphRecord, where: string): MfaRegistrationRow {
  return {
    user_id: requiredString(record, 'id', where),
    user_principal_name: optionalString(record, 'userPrincipalName'),
    is_mfa_registered: record.isMfaRegistered === true ? 1 : 0,
    is_mfa_capable: record.isMfaCapable === true ? 1 : 0,
    is_admin: optionalFlag(record, 'isAdmin'),
    methods_json: JSON.stringify(stringArray(record, 'methodsRegistered')),
    raw_json: JSON.stringify(record),
  }
}
