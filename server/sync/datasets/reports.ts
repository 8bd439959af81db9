import { ResourceMissingError } from '../../graph/errors.js'
import { MAILBOX_COLUMNS, SITES_COLUMNS, TEAMS_COLUMNS, mapMailbox, mapSite, mapTeam } from '../../graph/mappers/reports.js'
import type { MailboxRow, SiteRow, TeamRow } from '../../graph/mappers/rows.js'
import { parseReportCsv } from '../../graph/report-csv.js'
import type { ReportName } from '../../graph/resources.js'
import { ChunkWriter } from '../dataset-writer.js'
import type { SyncContext, SyncStep } from '../context.js'

/** Teams and sites count as active when they had activity this many days before the report date. */
export const ACTIVE_WINDOW_DAYS = 30
const DAY_MS = 86_400_000

function tally(context: SyncContext, concealed: number): void {
  context.reportRows.total += 1
  context.reportRows.concealed += concealed
}

async function readReport(context: SyncContext, report: ReportName): Promise<string | { skipped: string }> {
  try {
    return await context.source.report(report)
  } catch (error) {
    if (error instanceof ResourceMissingError) return { skipped: error.message }
    throw error
  }
}

/** Line number of data row `index` in a CSV with one header line (for error messages). */
const csvWhere = (report: ReportName, index: number) => `${report}.csv, line ${index + 2}`

function isActive(lastActivity: string | null, refreshDate: string | null): boolean {
  if (!lastActivity || !refreshDate) return false
  return Date.parse(lastActivity) >= Date.parse(refreshDate) - ACTIVE_WINDOW_DAYS * DAY_MS
}

export const mailboxesStep: SyncStep = {
  name: 'mailboxes',
  datasets: ['mailboxes'],
  async run(context) {
    const csv = await readReport(context, 'getMailboxUsageDetail')
    if (typeof csv !== 'string') return csv
    const rows = parseReportCsv(csv, MAILBOX_COLUMNS, 'getMailboxUsageDetail.csv')
    const writer = new ChunkWriter<MailboxRow>(context.db, 'm365_mailboxes', context.orgId, context.runId)
    const ids = new Set<string>()
    for (const [index, row] of rows.entries()) {
      const mailbox = mapMailbox(row, csvWhere('getMailboxUsageDetail', index), context.namesConcealed)
      // The report can list a principal name twice (a deleted and a new mailbox); keep both rows.
      let id = mailbox.id
      for (let copy = 2; ids.has(id); copy += 1) id = `${mailbox.id}#${copy}`
      ids.add(id)
      tally(context, mailbox.concealed)
      await writer.add({ ...mailbox, id })
    }
    await writer.flush()
    return [{ dataset: 'mailboxes', count: writer.count, summary: { total: writer.count } }]
  },
}

export const teamsStep: SyncStep = {
  name: 'teams',
  datasets: ['teams'],
  async run(context) {
    const csv = await readReport(context, 'getTeamsTeamActivityDetail')
    if (typeof csv !== 'string') return csv
    const rows = parseReportCsv(csv, TEAMS_COLUMNS, 'getTeamsTeamActivityDetail.csv')
    const writer = new ChunkWriter<TeamRow>(context.db, 'm365_teams', context.orgId, context.runId)
    const ids = new Set<string>()
    let active = 0
    for (const row of rows) {
      const team = mapTeam(row, context.namesConcealed)
      if (ids.has(team.id)) continue
      ids.add(team.id)
      tally(context, team.concealed)
      if (isActive(team.last_activity_date, team.report_refresh_date)) active += 1
      await writer.add(team)
    }
    await writer.flush()
    return [{ dataset: 'teams', count: writer.count, summary: { total: writer.count, active } }]
  },
}

export const sitesStep: SyncStep = {
  name: 'sites',
  datasets: ['sites'],
  async run(context) {
    const csv = await readReport(context, 'getSharePointSiteUsageDetail')
    if (typeof csv !== 'string') return csv
    const rows = parseReportCsv(csv, SITES_COLUMNS, 'getSharePointSiteUsageDetail.csv')
    const writer = new ChunkWriter<SiteRow>(context.db, 'm365_sites', context.orgId, context.runId)
    const ids = new Set<string>()
    let active = 0
    let storageUsedBytes = 0
    for (const [index, row] of rows.entries()) {
      const site = mapSite(row, csvWhere('getSharePointSiteUsageDetail', index), context.namesConcealed)
      if (ids.has(site.id)) continue
      ids.add(site.id)
      tally(context, site.concealed)
      if (isActive(site.last_activity_date, site.report_refresh_date)) active += 1
      if (site.is_deleted !== 1) storageUsedBytes += site.storage_used_bytes ?? 0
      await writer.add(site)
    }
    await writer.flush()
    return [{ dataset: 'sites', count: writer.count, summary: { total: writer.count, active, storageUsedBytes } }]
  },
}
