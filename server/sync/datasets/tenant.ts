import { ResourceMissingError } from '../../graph/errors.js'
import { entraPremiumLevel, mapOrganization, mapSku } from '../../graph/mappers/tenant.js'
import { asRecord, optionalString, type GraphRecord } from '../../graph/mappers/values.js'
import { skuNames } from '../../graph/sku-catalog.js'
import type { SkuRow, TenantRow } from '../../graph/mappers/rows.js'
import { ChunkWriter } from '../dataset-writer.js'
import { recordWhere, type SyncStep } from '../context.js'

export const tenantStep: SyncStep = {
  name: 'tenant',
  datasets: ['tenant'],
  async run(context) {
    let organization
    try {
      organization = await context.source.entity('organization')
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }
    const writer = new ChunkWriter<TenantRow>(context.db, 'm365_tenant', context.orgId, context.runId)
    await writer.add(mapOrganization(organization, 'organization'))
    await writer.flush()
    return [{ dataset: 'tenant', count: 1, summary: {} }]
  },
}

/** Reads subscribedSkus; also sets the licence names and the Entra ID premium level later steps use. */
export const skusStep: SyncStep = {
  name: 'skus',
  datasets: ['skus'],
  async run(context) {
    const records: Array<{ record: GraphRecord; where: string }> = []
    try {
      for await (const page of context.source.pages('subscribedSkus')) {
        page.records.forEach((record, index) => {
          const where = recordWhere(page.label, index)
          records.push({ record: asRecord(record, where), where })
        })
      }
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }

    const partNumbers = new Map(
      records.map(({ record }) => [(optionalString(record, 'skuId') ?? '').toLowerCase(), optionalString(record, 'skuPartNumber') ?? '']),
    )
    context.skuNames = skuNames(partNumbers)
    context.premium = entraPremiumLevel(records.map(({ record }) => record))

    const writer = new ChunkWriter<SkuRow>(context.db, 'm365_skus', context.orgId, context.runId)
    for (const { record, where } of records) await writer.add(mapSku(record, where, context.skuNames))
    await writer.flush()
    return [{ dataset: 'skus', count: writer.count, summary: {} }]
  },
}
