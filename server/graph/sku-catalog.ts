import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

// Friendly licence names from Microsoft's "Product names and service plan identifiers for
// licensing" table (sku-names.csv: skuId, skuPartNumber, productDisplayName).

export interface SkuNames {
  /** Product name for a SKU: the catalogue name, else the tenant's part number, else the GUID. */
  nameOf(skuId: string): string
}

let catalogue: Map<string, string> | undefined

function loadCatalogue(): Map<string, string> {
  if (!catalogue) {
    const text = readFileSync(new URL('./sku-names.csv', import.meta.url), 'utf8')
    const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>
    catalogue = new Map(rows.map((row) => [(row.skuId ?? '').trim().toLowerCase(), (row.productDisplayName ?? '').trim()]))
  }
  return catalogue
}

/** Builds the name lookup; `partNumbers` (skuId → skuPartNumber) come from the tenant's subscribedSkus. */
export function skuNames(partNumbers: Map<string, string>): SkuNames {
  const names = loadCatalogue()
  return {
    nameOf(skuId) {
      const key = skuId.toLowerCase()
      return names.get(key) || partNumbers.get(key)?.trim() || skuId
    },
  }
}
