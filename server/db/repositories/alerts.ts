import type { AlertDetail, AlertEvidence, AlertListItem, AlertsQuery, AlertSource } from '../../contract/alerts.js'
import type { PortalSettings } from '../../contract/settings.js'
import type { ExpressionBuilder } from 'kysely'
import type { Db } from '../database.js'
import type { AlertTriageTable, Database, M365AlertsTable } from '../schema.js'
import { decodeCursor, listFingerprint, matchesSearch, searchText, toPage, type KeyShape } from '../pagination.js'
import { parseJson } from './m365/values.js'
import { readDataset } from './sync-state.js'

// Alerts visible to the customer are the visible run's alerts, minus those the provider hid,
// from the sources the portal settings enable, at or above the minimum severity.
// Severities other than high, medium, low and informational (Graph's `unknownFutureValue`,
// an empty value) rank as informational: they are shown unless the minimum is above
// informational, so an alert of a new kind is never lost silently.

const SEVERITY_RANKS = ['informational', 'low', 'medium', 'high'] as const
const KNOWN_SEVERITIES: readonly string[] = SEVERITY_RANKS
const SUMMARY_LENGTH = 160

/** Default order: alerts that need the customer's confirmation, then the newest, then by id. */
const CURSOR_SHAPE: KeyShape = ['number', 'string', 'string']

/** The part of the portal settings that decides which alerts are visible. */
export type AlertVisibility = Pick<PortalSettings, 'alertSources' | 'alertMinSeverity'>

function enabledSources(visibility: AlertVisibility): AlertSource[] {
  const sources: AlertSource[] = []
  if (visibility.alertSources.defender) sources.push('defender')
  if (visibility.alertSources.riskySignIns) sources.push('riskySignIn')
  if (visibility.alertSources.riskyUsers) sources.push('riskyUser')
  return sources
}

/** Severities (lower case) at or above the minimum; undefined when every severity is shown. */
function shownSeverities(visibility: AlertVisibility): string[] | undefined {
  const minimum = SEVERITY_RANKS.indexOf(visibility.alertMinSeverity)
  return minimum <= 0 ? undefined : SEVERITY_RANKS.slice(minimum)
}

type AlertExpressions = ExpressionBuilder<Database & { a: M365AlertsTable; t: AlertTriageTable }, 'a' | 't'>

/** Builds the query of one run's visible alerts joined to their triage, before list filters. */
function visibleAlerts(db: Db, orgId: number, runId: number, visibility: AlertVisibility) {
  const sources = enabledSources(visibility)
  const severities = shownSeverities(visibility)

  let query = db
    .selectFrom('m365_alerts as a')
    .leftJoin('alert_triage as t', (join) => join.onRef('t.org_id', '=', 'a.org_id').onRef('t.alert_id', '=', 'a.id'))
    .where('a.org_id', '=', orgId)
    .where('a.run_id', '=', runId)
    .where((eb) => eb(eb.fn.coalesce('t.hidden', eb.lit(0)), '=', 0))
    // An empty IN list is not valid SQL, so no enabled source is a condition that is never true.
    .where((eb) => (sources.length ? eb('a.source', 'in', sources) : eb.lit(false)))
  if (severities) query = query.where((eb) => eb(eb.fn('lower', ['a.severity']), 'in', severities))
  return query
}

export interface AlertsListInput extends Omit<AlertsQuery, 'limit' | 'from' | 'to'> {
  limit: number
  /** Inclusive bounds on created_at as ISO 8601 UTC text with milliseconds. */
  from?: string | undefined
  to?: string | undefined
}

export interface AlertsList {
  items: AlertListItem[]
  nextCursor: string | null
  /** Number of visible alerts, regardless of the list's filters and search. */
  total: number
}

/** Lists one page of the organization's visible alerts with filters and search. */
export async function listAlerts(db: Db, orgId: number, visibility: AlertVisibility, input: AlertsListInput): Promise<AlertsList> {
  const pointer = await readDataset(db, orgId, 'alerts')
  if (!pointer) return { items: [], nextCursor: null, total: 0 }

  const search = searchText(input.search)
  const severityFilter = input.severity ? [...new Set(input.severity)].sort() : undefined
  const statusFilter = input.status ? [...new Set(input.status)].sort() : undefined
  const fingerprint = listFingerprint('alerts', {
    search,
    severity: severityFilter,
    status: statusFilter,
    needsConfirmation: input.needsConfirmation,
    from: input.from,
    to: input.to,
  })
  const after = input.cursor ? decodeCursor(input.cursor, CURSOR_SHAPE, fingerprint) : undefined

  let query = visibleAlerts(db, orgId, pointer.runId, visibility).select((eb) => [
    'a.id',
    'a.title',
    'a.severity',
    'a.status',
    'a.created_at',
    'a.last_update_at',
    'a.description',
    'a.source',
    'a.service_source',
    eb.fn.coalesce('t.needs_confirmation', eb.lit(0)).as('needs_confirmation'),
    't.note',
  ])

  if (after) {
    const [needsConfirmation, createdAt, id] = after as [number, string, string]
    query = query.where((eb) => {
      const confirmation = eb.fn.coalesce('t.needs_confirmation', eb.lit(0))
      return eb.or([
        eb(confirmation, '<', needsConfirmation),
        eb.and([
          eb(confirmation, '=', needsConfirmation),
          eb.or([eb('a.created_at', '<', createdAt), eb.and([eb('a.created_at', '=', createdAt), eb('a.id', '>', id)])]),
        ]),
      ])
    })
  }
  if (severityFilter) query = query.where((eb) => severityCondition(eb, severityFilter))
  if (statusFilter) query = query.where('a.status', 'in', statusFilter)
  if (input.needsConfirmation === 'true') query = query.where('t.needs_confirmation', '=', 1)
  if (input.from) query = query.where('a.created_at', '>=', input.from)
  if (input.to) query = query.where('a.created_at', '<=', input.to)
  if (search) query = query.where(matchesSearch('a.search_norm', search))

  const [rows, totalRow] = await Promise.all([
    query
      .orderBy('needs_confirmation', 'desc')
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id')
      .limit(input.limit + 1)
      .execute(),
    visibleAlerts(db, orgId, pointer.runId, visibility)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ])

  const page = toPage(rows, input.limit, (row) => [Number(row.needs_confirmation), row.created_at, row.id], fingerprint)
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      title: row.title,
      severity: row.severity,
      status: row.status,
      createdAt: row.created_at,
      lastUpdateAt: row.last_update_at,
      summary: summarize(row.description),
      source: row.source,
      serviceSource: row.service_source,
      needsConfirmation: Number(row.needs_confirmation) === 1,
      hasProviderNote: Boolean(row.note?.trim()),
    })),
    nextCursor: page.nextCursor,
    total: Number(totalRow.count),
  }
}

/** `unknown` in the severity filter matches every value other than the four Graph severities. */
function severityCondition(eb: AlertExpressions, filter: string[]) {
  const severity = eb.fn<string>('lower', ['a.severity'])
  const known = filter.filter((value) => value !== 'unknown')
  const conditions = known.length ? [eb(severity, 'in', known)] : []
  if (filter.includes('unknown')) conditions.push(eb(severity, 'not in', [...KNOWN_SEVERITIES]))
  return eb.or(conditions)
}

/** Shortens a description to its start on one line, cut at a word boundary. */
function summarize(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim()
  if (text.length <= SUMMARY_LENGTH) return text
  const cut = text.slice(0, SUMMARY_LENGTH)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > SUMMARY_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}

/** Counts of unresolved visible alerts by severity, and how many need confirmation, for the overview. */
export async function countOpenAlerts(
  db: Db,
  orgId: number,
  visibility: AlertVisibility,
): Promise<{ high: number; medium: number; low: number; informational: number; unknown: number; needsConfirmation: number }> {
  const counts = { high: 0, medium: 0, low: 0, informational: 0, unknown: 0, needsConfirmation: 0 }
  const pointer = await readDataset(db, orgId, 'alerts')
  if (!pointer) return counts

  const rows = await visibleAlerts(db, orgId, pointer.runId, visibility)
    .where('a.status', '!=', 'resolved')
    .select((eb) => [
      eb.fn<string>('lower', ['a.severity']).as('severity'),
      eb.fn.coalesce('t.needs_confirmation', eb.lit(0)).as('needs_confirmation'),
      eb.fn.countAll<number>().as('count'),
    ])
    .groupBy(['severity', 'needs_confirmation'])
    .execute()

  for (const row of rows) {
    const count = Number(row.count)
    const bucket = KNOWN_SEVERITIES.includes(row.severity) ? (row.severity as keyof typeof counts) : 'unknown'
    counts[bucket] += count
    if (Number(row.needs_confirmation) === 1) counts.needsConfirmation += count
  }
  return counts
}

type Detail = AlertDetail['alert']

/** Reads one visible alert with its evidence and the provider's note; null when it is missing or not visible. */
export async function readAlert(
  db: Db,
  orgId: number,
  visibility: AlertVisibility,
  alertId: string,
  providerName: string,
): Promise<Detail | null> {
  const pointer = await readDataset(db, orgId, 'alerts')
  if (!pointer) return null

  const row = await visibleAlerts(db, orgId, pointer.runId, visibility)
    .selectAll('a')
    .select(['t.needs_confirmation', 't.note', 't.note_updated_at', 't.updated_at as triage_updated_at'])
    .where('a.id', '=', alertId)
    .executeTakeFirst()
  if (!row) return null

  const raw = parseJson(row.raw_json, {}) as Record<string, unknown>
  const note = row.note?.trim()
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    source: row.source,
    createdAt: row.created_at,
    lastUpdateAt: row.last_update_at,
    firstActivityAt: row.first_activity_at,
    lastActivityAt: row.last_activity_at,
    resolvedAt: row.resolved_at,
    description: row.description,
    recommendedActions: row.recommended_actions,
    category: row.category,
    categories: readCategories(raw, row.category),
    serviceSource: row.service_source,
    detectionSource: row.detection_source,
    productName: row.product_name,
    classification: row.classification,
    determination: row.determination,
    mitreTechniques: stringList(raw.mitreTechniques),
    evidence: parseEvidence(row.evidence_json),
    needsConfirmation: row.needs_confirmation === 1,
    providerNote: note
      ? { text: note, updatedAt: row.note_updated_at ?? row.triage_updated_at ?? row.created_at, providerName }
      : null,
    risk: parseRisk(row.risk_json),
  }
}

/** Categories from the raw alert when it lists several, else the single stored category. */
function readCategories(raw: Record<string, unknown>, category: string | null): string[] {
  const listed = stringList(raw.categories)
  if (listed.length) return listed
  return category ? [category] : []
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : []
}

function parseEvidence(json: string): AlertEvidence[] {
  const value = parseJson(json, [])
  if (!Array.isArray(value)) return []
  return value.flatMap((entry: unknown) => {
    const { type, label, details, verdict } = (entry ?? {}) as Record<string, unknown>
    if (typeof type !== 'string' || typeof label !== 'string') return []
    const pairs = Array.isArray(details)
      ? details.flatMap((detail: unknown) => {
          const { name, value: detailValue } = (detail ?? {}) as Record<string, unknown>
          return typeof name === 'string' && typeof detailValue === 'string' ? [{ name, value: detailValue }] : []
        })
      : []
    return [{ type, label, details: pairs, verdict: typeof verdict === 'string' ? verdict : null }]
  })
}

function parseRisk(json: string | null): Detail['risk'] {
  if (json === null) return null
  const value = parseJson(json, null)
  if (!value || typeof value !== 'object') return null
  const { riskLevel, riskState, riskDetail } = value as Record<string, unknown>
  const text = (item: unknown) => (typeof item === 'string' ? item : null)
  return { riskLevel: text(riskLevel), riskState: text(riskState), riskDetail: text(riskDetail) }
}
