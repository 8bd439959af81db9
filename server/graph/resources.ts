// The Graph resources a sync reads, with their request paths, page sizes and the names they
// have in an export folder. The live source and the export-folder source share this table,
// so both feed the same mapping code.

export type ListResource =
  | 'subscribedSkus'
  | 'users'
  | 'userRegistrationDetails'
  | 'groups'
  | 'groupMembers'
  | 'devices'
  | 'signIns'
  | 'alerts'
  | 'riskyUsers'

export type EntityResource = 'organization' | 'reportSettings'

export type ReportName = 'getMailboxUsageDetail' | 'getTeamsTeamActivityDetail' | 'getSharePointSiteUsageDetail'

export const REPORT_NAMES: readonly ReportName[] = [
  'getMailboxUsageDetail',
  'getTeamsTeamActivityDetail',
  'getSharePointSiteUsageDetail',
]

export interface ListOptions {
  /** Users only: also select signInActivity (needs Entra ID P1 and AuditLog.Read.All). */
  signInActivity?: boolean
  /** Sign-ins only: ISO timestamp; Graph filters `createdDateTime ge` this value. */
  since?: string
  /** groupMembers only: the group whose members are listed. */
  groupId?: string
}

export const USER_FIELDS = [
  'id', 'displayName', 'userPrincipalName', 'mail', 'accountEnabled', 'userType', 'assignedLicenses',
  'createdDateTime', 'jobTitle', 'department', 'officeLocation', 'usageLocation', 'creationType',
  'externalUserState', 'onPremisesSyncEnabled',
]

/** Largest page size each list endpoint accepts (Graph docs, v1.0). */
export const PAGE_SIZES = {
  users: 999,
  usersWithSignInActivity: 500,
  groups: 999,
  groupMembers: 999,
  devices: 999,
  signIns: 1000,
  // The alerts_v2 docs give no maximum; their paging example uses $top=100.
  alerts: 100,
} as const

/** Builds the request path of the first page of a list resource. */
export function listPath(resource: ListResource, options: ListOptions = {}): string {
  switch (resource) {
    case 'subscribedSkus':
      return '/subscribedSkus'
    case 'users': {
      const fields = options.signInActivity ? [...USER_FIELDS, 'signInActivity'] : USER_FIELDS
      const top = options.signInActivity ? PAGE_SIZES.usersWithSignInActivity : PAGE_SIZES.users
      return `/users?$select=${fields.join(',')}&$top=${top}`
    }
    case 'userRegistrationDetails':
      return '/reports/authenticationMethods/userRegistrationDetails'
    case 'groups':
      return `/groups?$select=id,displayName,description,mail,mailEnabled,securityEnabled,groupTypes,visibility,resourceProvisioningOptions,membershipRule,createdDateTime&$top=${PAGE_SIZES.groups}`
    case 'groupMembers':
      if (!options.groupId) throw new Error('groupMembers needs a groupId.')
      return `/groups/${encodeURIComponent(options.groupId)}/members?$select=id&$top=${PAGE_SIZES.groupMembers}`
    case 'devices':
      return `/devices?$top=${PAGE_SIZES.devices}`
    case 'signIns': {
      const filter = options.since ? `&$filter=createdDateTime ge ${options.since}` : ''
      return `/auditLogs/signIns?$top=${PAGE_SIZES.signIns}${filter}`
    }
    case 'alerts':
      return `/security/alerts_v2?$top=${PAGE_SIZES.alerts}`
    case 'riskyUsers':
      return '/identityProtection/riskyUsers'
  }
}

export function entityPath(resource: EntityResource): string {
  return resource === 'organization' ? '/organization' : '/admin/reportSettings'
}

export function reportPath(report: ReportName): string {
  return `/reports/${report}(period='D7')`
}

/** Name of a resource in an export folder: `<name>.json` (one page) or `<name>/` (page files). */
export function exportName(resource: ListResource | EntityResource, options: ListOptions = {}): string {
  switch (resource) {
    case 'alerts':
      return 'alerts_v2'
    case 'groupMembers':
      return `groupMembers/${options.groupId ?? ''}`
    default:
      return resource
  }
}

export interface SourcePage {
  records: unknown[]
  /** Origin of the page (a request path or a file), for error messages. */
  label: string
}

/** A source of Graph response bodies: the live API, or an export folder of saved responses. */
export interface TenantSource {
  readonly kind: 'graph' | 'import' | 'demo'
  /** Returns one entity; a `value`-wrapped or one-item collection body is unwrapped. */
  entity(resource: EntityResource): Promise<Record<string, unknown>>
  /** Yields each page in order, following every nextLink to the end. */
  pages(resource: ListResource, options?: ListOptions): AsyncIterable<SourcePage>
  /** Returns the CSV text of a usage report (period D7). */
  report(report: ReportName): Promise<string>
}
