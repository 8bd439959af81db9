import { GraphDataError } from '../errors.js'
import { searchNorm } from '../../db/fold.js'
import type { SignInRow } from './rows.js'
import {
  optionalFlag, optionalNumber, optionalObject, optionalString, requiredDateTime, requiredString, type GraphRecord,
} from './values.js'

export function mapSignIn(record: GraphRecord, where: string): SignInRow {
  const status = optionalObject(record, 'status')
  const errorCode = optionalNumber(status, 'errorCode')
  if (errorCode === null) throw new GraphDataError(`${where}: field "status.errorCode" is missing or not a number.`)
  const location = optionalObject(record, 'location')
  const device = optionalObject(record, 'deviceDetail')
  const userDisplayName = optionalString(record, 'userDisplayName')
  const principalName = optionalString(record, 'userPrincipalName')
  const app = optionalString(record, 'appDisplayName')
  const city = optionalString(location, 'city') || null
  const country = optionalString(location, 'countryOrRegion') || null

  return {
    id: requiredString(record, 'id', where),
    created_at: requiredDateTime(record, 'createdDateTime', where),
    user_id: optionalString(record, 'userId'),
    user_display_name: userDisplayName,
    user_principal_name: principalName,
    app_display_name: app,
    client_app_used: optionalString(record, 'clientAppUsed'),
    ip_address: optionalString(record, 'ipAddress'),
    city,
    state: optionalString(location, 'state') || null,
    country_or_region: country,
    error_code: errorCode,
    failure_reason: errorCode === 0 ? null : optionalString(status, 'failureReason'),
    additional_details: optionalString(status, 'additionalDetails'),
    // Graph documents 0 as success; every other code is a failure or an interrupted sign-in.
    is_success: errorCode === 0 ? 1 : 0,
    device_display_name: optionalString(device, 'displayName') || null,
    device_operating_system: optionalString(device, 'operatingSystem') || null,
    device_browser: optionalString(device, 'browser') || null,
    device_is_compliant: optionalFlag(device, 'isCompliant'),
    device_is_managed: optionalFlag(device, 'isManaged'),
    device_trust_type: optionalString(device, 'trustType') || null,
    conditional_access_status: optionalString(record, 'conditionalAccessStatus'),
    risk_level_during_sign_in: optionalString(record, 'riskLevelDuringSignIn'),
    is_interactive: optionalFlag(record, 'isInteractive'),
    search_norm: searchNorm(userDisplayName, principalName, app, optionalString(record, 'ipAddress'), city, country),
    raw_json: JSON.stringify(record),
  }
}
