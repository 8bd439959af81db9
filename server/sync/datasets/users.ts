import { ResourceMissingError } from '../../graph/errors.js'
import { mapMfaRegistration, mapUser } from '../../graph/mappers/users.js'
import type { MfaRegistrationRow, UserRow } from '../../graph/mappers/rows.js'
import { asRecord } from '../../graph/mappers/values.js'
import { ChunkWriter, deleteRunRows } from '../dataset-writer.js'
import { recordWhere, type DatasetResult, type SyncContext, type SyncStep } from '../context.js'
import { runGated } from './gates.js'

async function writeUsers(context: SyncContext, signInActivity: boolean): Promise<DatasetResult> {
  const writer = new ChunkWriter<UserRow>(context.db, 'm365_users', context.orgId, context.runId)
  const summary = { total: 0, licensed: 0, guests: 0, disabled: 0 }
  for await (const page of context.source.pages('users', { signInActivity })) {
    for (const [index, record] of page.records.entries()) {
      const where = recordWhere(page.label, index)
      const row = mapUser(asRecord(record, where), where, context.skuNames)
      summary.total += 1
      summary.licensed += row.is_licensed
      summary.guests += row.is_guest
      if (row.account_enabled === 0) summary.disabled += 1
      await writer.add(row)
    }
  }
  await writer.flush()
  return { dataset: 'users', count: writer.count, summary }
}

/**
 * Reads users with signInActivity when the tenant allows it (Entra ID P1 and AuditLog.Read.All).
 * Otherwise the capability is switched off and users are read again without it.
 */
export const usersStep: SyncStep = {
  name: 'users',
  datasets: ['users'],
  async run(context) {
    const reset = () => deleteRunRows(context.db, 'm365_users', context.orgId, context.runId)
    try {
      const gated = await runGated(context, 'signInActivity', 'needs_entra_p1', () => writeUsers(context, true), reset)
      if (gated.available) return [gated.value]
      return [await writeUsers(context, false)]
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }
  },
}

export const mfaRegistrationsStep: SyncStep = {
  name: 'mfaRegistrations',
  datasets: ['mfaRegistrations'],
  async run(context) {
    const write = async (): Promise<DatasetResult> => {
      const writer = new ChunkWriter<MfaRegistrationRow>(context.db, 'm365_mfa_registrations', context.orgId, context.runId)
      let registered = 0
      for await (const page of context.source.pages('userRegistrationDetails')) {
        for (const [index, record] of page.records.entries()) {
          const where = recordWhere(page.label, index)
          const row = mapMfaRegistration(asRecord(record, where), where)
          registered += row.is_mfa_registered
          await writer.add(row)
        }
      }
      await writer.flush()
      return { dataset: 'mfaRegistrations', count: writer.count, summary: { registered, total: writer.count } }
    }
    const reset = () => deleteRunRows(context.db, 'm365_mfa_registrations', context.orgId, context.runId)
    try {
      const gated = await runGated(context, 'mfaRegistration', 'needs_entra_p1', write, reset)
      return gated.available ? [gated.value] : { skipped: gated.reason }
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }
  },
}
