import { ResourceMissingError } from '../../graph/errors.js'
import { mapAlert, mapRiskyUser } from '../../graph/mappers/alerts.js'
import type { AlertRow } from '../../graph/mappers/rows.js'
import { asRecord } from '../../graph/mappers/values.js'
import { ChunkWriter } from '../dataset-writer.js'
import { recordWhere, type SyncContext, type SyncStep } from '../context.js'
import { runGated } from './gates.js'

async function writeRiskyUsers(context: SyncContext, writer: ChunkWriter<AlertRow>): Promise<number> {
  let written = 0
  for await (const page of context.source.pages('riskyUsers')) {
    for (const [index, record] of page.records.entries()) {
      const where = recordWhere(page.label, index)
      const row = mapRiskyUser(asRecord(record, where), where)
      if (row) {
        await writer.add(row)
        written += 1
      }
    }
  }
  await writer.flush()
  return written
}

/** Security alerts from alerts_v2, plus Entra ID Protection risky users when the tenant has P2. */
export const alertsStep: SyncStep = {
  name: 'alerts',
  datasets: ['alerts'],
  async run(context) {
    const writer = new ChunkWriter<AlertRow>(context.db, 'm365_alerts', context.orgId, context.runId)
    try {
      for await (const page of context.source.pages('alerts')) {
        for (const [index, record] of page.records.entries()) {
          const where = recordWhere(page.label, index)
          await writer.add(mapAlert(asRecord(record, where), where))
        }
      }
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }
    await writer.flush()
    const defenderCount = writer.count

    // A failed risky-users attempt removes only its own rows; the alerts_v2 rows stay.
    const reset = async () => {
      await context.db
        .deleteFrom('m365_alerts')
        .where('org_id', '=', context.orgId)
        .where('run_id', '=', context.runId)
        .where('source', '=', 'riskyUser')
        .execute()
      writer.count = defenderCount
    }
    try {
      await runGated(context, 'riskyUsers', 'needs_entra_p2', () => writeRiskyUsers(context, writer), reset)
    } catch (error) {
      if (!(error instanceof ResourceMissingError)) throw error
    }
    return [{ dataset: 'alerts', count: writer.count, summary: {} }]
  },
}
