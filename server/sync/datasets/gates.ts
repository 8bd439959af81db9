import type { CapabilityStatus } from '../../contract/common.js'
import { GraphApiError } from '../../graph/errors.js'
import type { SyncContext } from '../context.js'
import { writeCapability, type CapabilityName } from '../state.js'

export type GatedResult<T> = { available: true; value: T } | { available: false; status: CapabilityStatus; reason: string }

/**
 * Runs a request that needs an Entra ID licence. Graph's non-premium 403 is retried once,
 * because it has been reported intermittently on tenants that do have P1; a second one
 * switches the capability to `licenceStatus`. A 403 for a missing permission switches it to
 * `missing_permission`. Other errors propagate. `reset` removes rows of a failed attempt.
 */
export async function runGated<T>(
  context: SyncContext,
  capability: CapabilityName,
  licenceStatus: 'needs_entra_p1' | 'needs_entra_p2',
  attempt: () => Promise<T>,
  reset: () => Promise<unknown>,
): Promise<GatedResult<T>> {
  for (let tries = 1; ; tries += 1) {
    try {
      const value = await attempt()
      await writeCapability(context.db, context.orgId, capability, 'available')
      return { available: true, value }
    } catch (error) {
      if (!(error instanceof GraphApiError) || error.status !== 403) throw error
      await reset()
      if (error.isNonPremiumTenant && tries < 2) {
        context.log.warn({ orgId: context.orgId, runId: context.runId, capability }, 'Graph returned the non-premium 403, retrying once')
        continue
      }
      const status = error.isNonPremiumTenant ? licenceStatus : 'missing_permission'
      await writeCapability(context.db, context.orgId, capability, status)
      context.log.warn({ orgId: context.orgId, runId: context.runId, capability, status }, 'capability switched off')
      const reason = error.isNonPremiumTenant
        ? `needs a Microsoft Entra ID ${licenceStatus === 'needs_entra_p2' ? 'P2' : 'P1'} licence`
        : `missing permission (${error.message})`
      return { available: false, status, reason }
    }
  }
}
