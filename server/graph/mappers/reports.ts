import { createHash } from 'node:crypto'
import { fold, searchNorm } from '../../db/fold.js'
import { reportBoolean, reportDate, reportNumber, type ReportColumns, type ReportRow } from '../report-csv.js'
import { GraphDataError } from '../errors.js'
import type { MailboxRow, SiteRow, TeamRow } from './rows.js'

// Usage reports (CSV, period D7). Columns are matched by header name because Microsoft adds,
// drops and re-cases them without notice; only the identifying column is required.

export const MAILBOX_COLUMNS: ReportColumns = {
  fields: {
    refreshDate: 'Report Refresh Date',
    principalName: 'User Principal Name',
    displayName: 'Display Name',
    isDeleted: 'Is Deleted',
    createdDate: 'Created Date',
    lastActivityDate: 'Last Activity Date',
    itemCount: 'Item Count',
    storageUsed: 'Storage Used (Byte)',
    issueWarningQuota: 'Issue Warning Quota (Byte)',
    prohibitSendQuota: 'Prohibit Send Quota (Byte)',
    prohibitSendReceiveQuota: 'Prohibit Send/Receive Quota (Byte)',
    deletedItemCount: 'Deleted Item Count',
    deletedItemSize: 'Deleted Item Size (Byte)',
    hasArchive: 'Has Archive',
  },
  required: ['principalName'],
}

export const TEAMS_COLUMNS: ReportColumns = {
  fields: {
    refreshDate: 'Report Refresh Date',
    teamName: 'Team Name',
    teamId: 'Team Id',
    teamType: 'Team Type',
    isDeleted: 'Is Deleted',
    lastActivityDate: 'Last Activity Date',
    activeUsers: 'Active Users',
    activeChannels: 'Active Channels',
    guests: 'Guests',
    meetingsOrganized: 'Meetings Organized',
    postMessages: 'Post Messages',
    replyMessages: 'Reply Messages',
  },
  required: ['teamName'],
}

export const SITES_COLUMNS: ReportColumns = {
  fields: {
    refreshDate: 'Report Refresh Date',
    siteId: 'Site Id',
    siteUrl: 'Site URL',
    ownerDisplayName: 'Owner Display Name',
    isDeleted: 'Is Deleted',
    lastActivityDate: 'Last Activity Date',
    fileCount: 'File Count',
    activeFileCount: 'Active File Count',
    pageViewCount: 'Page View Count',
    storageUsed: 'Storage Used (Byte)',
    storageAllocated: 'Storage Allocated (Byte)',
    rootWebTemplate: 'Root Web Template',
  },
  required: ['siteId'],
}

/**
 * True when a report value is a concealed name: a 32-hex-digit hash, a `<PII:…>` token or
 * `(Unknown)`, the forms seen when the tenant hides user, group and site names in reports.
 */
export function looksConcealed(value: string | undefined): boolean {
  const text = value?.trim() ?? ''
  return /^[0-9a-f]{32}$/i.test(text) || text.startsWith('<PII:') || text === '(Unknown)'
}

function flag(value: boolean | null): number | null {
  if (value === null) return null
  return value ? 1 : 0
}

export function mapMailbox(row: ReportRow, where: string, namesConcealed: boolean): MailboxRow {
  const principalName = row.principalName?.trim() ?? ''
  if (!principalName) throw new GraphDataError(`${where}: "User Principal Name" is empty.`)
  const concealed = namesConcealed || looksConcealed(principalName)
  const displayName = row.displayName?.trim() || null
  const used = reportNumber(row.storageUsed)
  const quota = reportNumber(row.prohibitSendReceiveQuota)
  return {
    id: principalName,
    display_name: displayName,
    user_principal_name: principalName || null,
    concealed: concealed ? 1 : 0,
    is_deleted: flag(reportBoolean(row.isDeleted)),
    created_date: reportDate(row.createdDate),
    last_activity_date: reportDate(row.lastActivityDate),
    item_count: reportNumber(row.itemCount),
    storage_used_bytes: used,
    issue_warning_quota_bytes: reportNumber(row.issueWarningQuota),
    prohibit_send_quota_bytes: reportNumber(row.prohibitSendQuota),
    prohibit_send_receive_quota_bytes: quota,
    deleted_item_count: reportNumber(row.deletedItemCount),
    deleted_item_size_bytes: reportNumber(row.deletedItemSize),
    has_archive: flag(reportBoolean(row.hasArchive)),
    report_refresh_date: reportDate(row.refreshDate),
    used_ratio: quota && quota > 0 && used !== null ? used / quota : -1,
    sort_key: `${fold(displayName ?? principalName)}\u0000${principalName}`,
    search_norm: searchNorm(displayName, principalName),
    raw_json: JSON.stringify(row),
  }
}

export function mapTeam(row: ReportRow, namesConcealed: boolean): TeamRow {
  const name = row.teamName?.trim() ?? ''
  const concealed = namesConcealed || looksConcealed(name)
  // A concealed report may blank the team id too; a hash of the row keeps the key stable.
  const id = row.teamId?.trim() || `concealed:${createHash('sha256').update(JSON.stringify(row)).digest('hex').slice(0, 32)}`
  return {
    id,
    name: name || '(name hidden)',
    concealed: concealed ? 1 : 0,
    team_type: row.teamType?.trim() || null,
    is_deleted: flag(reportBoolean(row.isDeleted)),
    last_activity_date: reportDate(row.lastActivityDate),
    active_users: reportNumber(row.activeUsers),
    active_channels: reportNumber(row.activeChannels),
    guests: reportNumber(row.guests),
    post_messages: reportNumber(row.postMessages),
    reply_messages: reportNumber(row.replyMessages),
    meetings_organized: reportNumber(row.meetingsOrganized),
    report_refresh_date: reportDate(row.refreshDate),
    sort_key: `${fold(name)}\u0000${id}`,
    raw_json: JSON.stringify(row),
  }
}

export function mapSite(row: ReportRow, where: string, namesConcealed: boolean): SiteRow {
  const id = row.siteId?.trim() ?? ''
  if (!id) throw new GraphDataError(`${where}: "Site Id" is empty.`)
  const url = row.siteUrl?.trim() || null
  const concealed = namesConcealed || looksConcealed(url ?? '') || looksConcealed(row.ownerDisplayName)
  const name = siteName(url) ?? id
  return {
    id,
    name,
    url,
    concealed: concealed ? 1 : 0,
    owner_display_name: row.ownerDisplayName?.trim() || null,
    is_deleted: flag(reportBoolean(row.isDeleted)),
    last_activity_date: reportDate(row.lastActivityDate),
    file_count: reportNumber(row.fileCount),
    active_file_count: reportNumber(row.activeFileCount),
    page_view_count: reportNumber(row.pageViewCount),
    storage_used_bytes: reportNumber(row.storageUsed),
    storage_allocated_bytes: reportNumber(row.storageAllocated),
    root_web_template: row.rootWebTemplate?.trim() || null,
    report_refresh_date: reportDate(row.refreshDate),
    sort_key: `${fold(name)}\u0000${id}`,
    raw_json: JSON.stringify(row),
  }
}

/** Returns the readable part of a site URL: the last path segment (`/sites/Marketing` → `Marketing`), or the host. */
function siteName(url: string | null): string | null {
  if (!url || looksConcealed(url)) return null
  try {
    const parsed = new URL(url)
    const segments = parsed.pathname.split('/').filter(Boolean)
    return decodeURIComponent(segments.at(-1) ?? parsed.hostname)
  } catch {
    return url
  }
}
