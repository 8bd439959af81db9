import type { Sync } from '../../../contract/common.js'
import type { Collaboration, SiteItem, TeamItem } from '../../../contract/m365.js'
import type { Db } from '../../database.js'
import type { M365SitesTable, M365TeamsTable } from '../../schema.js'
import { readDataset, summaryCount, type DatasetPointer } from '../sync-state.js'

/** Days of report activity that count a team or site as active, as the sync computes it. */
export const ACTIVE_WINDOW_DAYS = 30

export type CollaborationSummary = Omit<Collaboration, 'teams' | 'sites' | 'sync'>

/** Reads the Teams and SharePoint totals every caller of the Collaboration tab may see. */
export async function readCollaborationSummary(
  db: Db,
  orgId: number,
  reportNames: Sync['reportNames'],
): Promise<{ summary: CollaborationSummary; teamsPointer: DatasetPointer | null; sitesPointer: DatasetPointer | null }> {
  const [teamsPointer, sitesPointer] = await Promise.all([readDataset(db, orgId, 'teams'), readDataset(db, orgId, 'sites')])

  const [teamFacts, siteFacts] = await Promise.all([
    teamsPointer ? reportFacts(db, 'm365_teams', orgId, teamsPointer.runId, reportNames) : undefined,
    sitesPointer ? reportFacts(db, 'm365_sites', orgId, sitesPointer.runId, reportNames) : undefined,
  ])
  const storageUsed = sitesPointer?.summary.storageUsedBytes

  const summary: CollaborationSummary = {
    summary: {
      teams: summaryCount(teamsPointer, 'total'),
      activeTeams: summaryCount(teamsPointer, 'active'),
      sites: summaryCount(sitesPointer, 'total'),
      activeSites: summaryCount(sitesPointer, 'active'),
      storageUsedBytes: typeof storageUsed === 'number' && Number.isFinite(storageUsed) ? storageUsed : 0,
      activeWindowDays: ACTIVE_WINDOW_DAYS,
    },
    namesConcealed: reportNames === 'concealed' || Boolean(teamFacts?.concealed) || Boolean(siteFacts?.concealed),
    reportRefreshDate: latestDate(teamFacts?.refreshDate, siteFacts?.refreshDate),
  }
  return { summary, teamsPointer, sitesPointer }
}

/**
 * Reads a report's refresh date from one of its rows (every row of a report carries the same
 * date), and whether it has concealed rows. The sync stores `reportNames` as `concealed`
 * whenever it writes a concealed row, so the rows are checked only when that state is unknown.
 */
async function reportFacts(
  db: Db,
  table: 'm365_teams' | 'm365_sites',
  orgId: number,
  runId: number,
  reportNames: Sync['reportNames'],
): Promise<{ concealed: boolean; refreshDate: string | null }> {
  const [concealedRow, refreshRow] = await Promise.all([
    reportNames === 'unknown'
      ? db
          .selectFrom(table)
          .select('id')
          .where('org_id', '=', orgId)
          .where('run_id', '=', runId)
          .where('concealed', '=', 1)
          .limit(1)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom(table)
      .select('report_refresh_date')
      .where('org_id', '=', orgId)
      .where('run_id', '=', runId)
      .where('report_refresh_date', 'is not', null)
      .limit(1)
      .executeTakeFirst(),
  ])
  return { concealed: concealedRow !== undefined, refreshDate: refreshRow?.report_refresh_date ?? null }
}

function latestDate(...dates: Array<string | null | undefined>): string | null {
  const known = dates.filter((date): date is string => typeof date === 'string')
  return known.length ? known.sort().at(-1) ?? null : null
}

/**
 * Lists every visible team by name, with its member count from the groups dataset (a team's
 * id is its group's id).
 * NOTE: the list is not paged because the contract returns Collaboration as one resource; a
 * tenant with thousands of teams makes this response large.
 */
export async function listTeams(db: Db, orgId: number, teamsPointer: DatasetPointer | null): Promise<TeamItem[]> {
  if (!teamsPointer) return []
  const groupsPointer = await readDataset(db, orgId, 'groups')

  const rows = await db
    .selectFrom('m365_teams as t')
    .leftJoin('m365_groups as g', (join) =>
      join
        .onRef('g.org_id', '=', 't.org_id')
        .onRef('g.id', '=', 't.id')
        .on('g.run_id', '=', groupsPointer?.runId ?? -1),
    )
    .selectAll('t')
    .select('g.member_count as member_count')
    .where('t.org_id', '=', orgId)
    .where('t.run_id', '=', teamsPointer.runId)
    .orderBy('t.sort_key')
    .orderBy('t.id')
    .execute()

  return rows.map((row) => toTeamItem(row, row.member_count))
}

function toTeamItem(row: M365TeamsTable, memberCount: number | null): TeamItem {
  return {
    id: row.id,
    name: row.name,
    concealed: row.concealed !== 0,
    teamType: row.team_type,
    memberCount,
    activeUsers: row.active_users,
    activeChannels: row.active_channels,
    guests: row.guests,
    postMessages: row.post_messages,
    meetingsOrganized: row.meetings_organized,
    lastActivityDate: row.last_activity_date,
  }
}

/** Lists every visible SharePoint site by name; unpaged for the same reason as the teams. */
export async function listSites(db: Db, orgId: number, sitesPointer: DatasetPointer | null): Promise<SiteItem[]> {
  if (!sitesPointer) return []
  const rows = await db
    .selectFrom('m365_sites')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', '=', sitesPointer.runId)
    .orderBy('sort_key')
    .orderBy('id')
    .execute()
  return rows.map(toSiteItem)
}

function toSiteItem(row: M365SitesTable): SiteItem {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    concealed: row.concealed !== 0,
    ownerDisplayName: row.owner_display_name,
    fileCount: row.file_count,
    activeFileCount: row.active_file_count,
    pageViewCount: row.page_view_count,
    storageUsedBytes: row.storage_used_bytes,
    storageAllocatedBytes: row.storage_allocated_bytes,
    lastActivityDate: row.last_activity_date,
    rootWebTemplate: row.root_web_template,
  }
}
