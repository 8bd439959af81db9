import type { SkuNames } from '../sku-catalog.js'
import type { SkuRow, TenantRow } from './rows.js'
import { optionalNumber, optionalObject, optionalString, requiredString, type GraphRecord } from './values.js'

export function mapOrganization(record: GraphRecord, where: string): TenantRow {
  const domains = Array.isArray(record.verifiedDomains) ? record.verifiedDomains : []
  return {
    tenant_id: requiredString(record, 'id', where),
    display_name: optionalString(record, 'displayName') ?? '',
    domains_json: JSON.stringify(
      domains
        .filter((domain): domain is GraphRecord => domain !== null && typeof domain === 'object')
        .map((domain) => ({
          name: optionalString(domain, 'name') ?? '',
          isDefault: domain.isDefault === true,
          isInitial: domain.isInitial === true,
        })),
    ),
    raw_json: JSON.stringify(record),
  }
}

export function mapSku(record: GraphRecord, where: string, names: SkuNames): SkuRow {
  const skuId = requiredString(record, 'skuId', where)
  const units = optionalObject(record, 'prepaidUnits')
  return {
    sku_id: skuId,
    sku_part_number: (optionalString(record, 'skuPartNumber') ?? '').trim(),
    display_name: names.nameOf(skuId),
    applies_to: optionalString(record, 'appliesTo'),
    capability_status: optionalString(record, 'capabilityStatus'),
    consumed_units: optionalNumber(record, 'consumedUnits') ?? 0,
    enabled_units: optionalNumber(units, 'enabled') ?? 0,
    suspended_units: optionalNumber(units, 'suspended') ?? 0,
    warning_units: optionalNumber(units, 'warning') ?? 0,
    raw_json: JSON.stringify(record),
  }
}

/** Service plan ids of Entra ID P1 (AAD_PREMIUM) and P2 (AAD_PREMIUM_P2), from Microsoft's licensing table. */
const ENTRA_P1_PLAN = '41781fb2-bc02-4b7c-bd55-b576c07bb09d'
const ENTRA_P2_PLAN = 'eec0eb4f-6444-4f95-aba0-50c24d67f998'

/** Returns the Entra ID premium level the tenant's active SKUs include. */
export function entraPremiumLevel(skus: GraphRecord[]): 'none' | 'p1' | 'p2' {
  let level: 'none' | 'p1' | 'p2' = 'none'
  for (const sku of skus) {
    const status = optionalString(sku, 'capabilityStatus')
    if (status && !['enabled', 'warning'].includes(status.toLowerCase())) continue
    const plans = Array.isArray(sku.servicePlans) ? (sku.servicePlans as GraphRecord[]) : []
    for (const plan of plans) {
      const id = optionalString(plan, 'servicePlanId')?.toLowerCase()
      const name = optionalString(plan, 'servicePlanName')
      if (id === ENTRA_P2_PLAN || name === 'AAD_PREMIUM_P2') level = 'p2'
      else if ((id === ENTRA_P1_PLAN || name === 'AAD_PREMIUM') && level === 'none') level = 'p1'
    }
  }
  return level
}
