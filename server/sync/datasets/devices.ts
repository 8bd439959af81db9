import { ResourceMissingError } from '../../graph/errors.js'
import { mapDevice } from '../../graph/mappers/devices.js'
import type { DeviceRow } from '../../graph/mappers/rows.js'
import { asRecord } from '../../graph/mappers/values.js'
import { ChunkWriter } from '../dataset-writer.js'
import { recordWhere, type SyncStep } from '../context.js'

/** Counts devices per operating system; spellings that differ only in case ("Windows", "windows") count together. */
export function countByOs(counts: Map<string, { os: string; count: number }>, operatingSystem: string | null): void {
  const label = operatingSystem?.trim() || 'Unknown'
  const key = label.toLowerCase()
  const entry = counts.get(key)
  if (entry) entry.count += 1
  else counts.set(key, { os: label, count: 1 })
}

export const devicesStep: SyncStep = {
  name: 'devices',
  datasets: ['devices'],
  async run(context) {
    const writer = new ChunkWriter<DeviceRow>(context.db, 'm365_devices', context.orgId, context.runId)
    const byOs = new Map<string, { os: string; count: number }>()
    try {
      for await (const page of context.source.pages('devices')) {
        for (const [index, record] of page.records.entries()) {
          const where = recordWhere(page.label, index)
          const row = mapDevice(asRecord(record, where), where)
          countByOs(byOs, row.operating_system)
          await writer.add(row)
        }
      }
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }
    await writer.flush()
    const sorted = [...byOs.values()].sort((a, b) => b.count - a.count || a.os.localeCompare(b.os))
    return [{ dataset: 'devices', count: writer.count, summary: { total: writer.count, byOs: sorted } }]
  },
}
