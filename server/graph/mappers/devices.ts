import { fold, searchNorm } from '../../db/fold.js'
import type { DeviceRow } from './rows.js'
import { optionalDateTime, optionalFlag, optionalString, requiredString, type GraphRecord } from './values.js'

export function mapDevice(record: GraphRecord, where: string): DeviceRow {
  const id = requiredString(record, 'id', where)
  const displayName = optionalString(record, 'displayName') || id
  const operatingSystem = optionalString(record, 'operatingSystem')
  return {
    id,
    device_id: optionalString(record, 'deviceId'),
    display_name: displayName,
    operating_system: operatingSystem,
    operating_system_version: optionalString(record, 'operatingSystemVersion'),
    trust_type: optionalString(record, 'trustType'),
    is_compliant: optionalFlag(record, 'isCompliant'),
    is_managed: optionalFlag(record, 'isManaged'),
    account_enabled: optionalFlag(record, 'accountEnabled'),
    approximate_last_sign_in_at: optionalDateTime(record, 'approximateLastSignInDateTime'),
    registered_at: optionalDateTime(record, 'registrationDateTime'),
    owner_display_name: ownerName(record),
    // Docs examples spell these `Manufacturer` and `Model`; the schema has lower case.
    manufacturer: optionalString(record, 'manufacturer') ?? optionalString(record, 'Manufacturer'),
    model: optionalString(record, 'model') ?? optionalString(record, 'Model'),
    sort_key: `${fold(displayName)}\u0000${id}`,
    search_norm: searchNorm(displayName, operatingSystem, ownerName(record)),
    raw_json: JSON.stringify(record),
  }
}

/** Returns the first registered owner's name when the request expanded registeredOwners. */
function ownerName(record: GraphRecord): string | null {
  const owners = record.registeredOwners
  if (!Array.isArray(owners) || owners.length === 0) return null
  return optionalString(owners[0] as GraphRecord, 'displayName')
}
