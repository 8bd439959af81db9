import { GraphApiError, GraphAuthError } from '../graph/errors.js'
import type { GraphGateway } from '../graph/gateway.js'

// `graph check`: one small request per area the sync reads, each mapped to the application
// permission (and licence) it needs, so the provider learns in plain words what to grant.

interface Probe {
  area: string
  path: string
  permission: string
  licence?: 'Microsoft Entra ID P1' | 'Microsoft Entra ID P2'
  report?: boolean
}

const PROBES: Probe[] = [
  { area: 'Tenant details', path: '/organization?$select=id,displayName', permission: 'Organization.Read.All' },
  { area: 'Licences', path: '/subscribedSkus', permission: 'Organization.Read.All' },
  { area: 'Users', path: '/users?$select=id&$top=1', permission: 'User.Read.All' },
  { area: 'Last sign-in of users', path: '/users?$select=id,signInActivity&$top=1', permission: 'AuditLog.Read.All', licence: 'Microsoft Entra ID P1' },
  { area: 'Groups and members', path: '/groups?$select=id&$top=1', permission: 'GroupMember.Read.All' },
  { area: 'Entra devices', path: '/devices?$select=id&$top=1', permission: 'Device.Read.All' },
  { area: 'Sign-in logs', path: '/auditLogs/signIns?$top=1', permission: 'AuditLog.Read.All', licence: 'Microsoft Entra ID P1' },
  { area: 'MFA registration', path: '/reports/authenticationMethods/userRegistrationDetails?$top=1', permission: 'AuditLog.Read.All', licence: 'Microsoft Entra ID P1' },
  { area: 'Security alerts', path: '/security/alerts_v2?$top=1', permission: 'SecurityAlert.Read.All' },
  { area: 'Risky users', path: '/identityProtection/riskyUsers?$top=1', permission: 'IdentityRiskyUser.Read.All', licence: 'Microsoft Entra ID P2' },
  { area: 'Report name setting', path: '/admin/reportSettings', permission: 'ReportSettings.Read.All' },
  { area: 'Usage reports', path: "/reports/getMailboxUsageDetail(period='D7')", permission: 'Reports.Read.All', report: true },
]

export interface CheckResult {
  area: string
  status: 'ok' | 'missing_permission' | 'needs_licence' | 'failed'
  /** Plain-words explanation for anything other than ok. */
  detail: string | null
}

/** Runs every probe; throws GraphAuthError when the app cannot sign in at all. */
export async function checkGraphAccess(gateway: GraphGateway): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const probe of PROBES) {
    try {
      if (probe.report) await gateway.downloadReport(probe.path)
      else await gateway.get(probe.path)
      results.push({ area: probe.area, status: 'ok', detail: null })
    } catch (error) {
      if (error instanceof GraphAuthError) throw error
      if (error instanceof GraphApiError && error.isNonPremiumTenant) {
        results.push({ area: probe.area, status: 'needs_licence', detail: `The tenant needs a ${probe.licence ?? 'Microsoft Entra ID P1'} licence.` })
      } else if (error instanceof GraphApiError && error.isPermissionDenied) {
        results.push({
          area: probe.area,
          status: 'missing_permission',
          detail: `Grant the application permission ${probe.permission} and renew admin consent${probe.licence ? ` (also needs ${probe.licence})` : ''}.`,
        })
      } else {
        results.push({ area: probe.area, status: 'failed', detail: error instanceof Error ? error.message : String(error) })
      }
    }
  }
  return results
}

/** Application permissions the sync needs, for the consent instructions. */
export const REQUIRED_PERMISSIONS = [...new Set(PROBES.map((probe) => probe.permission))]
