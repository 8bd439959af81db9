import { GraphDataError } from '../errors.js'
import { searchNorm } from '../../db/fold.js'
import type { AlertRow } from './rows.js'
import {
  optionalDateTime, optionalObject, optionalString, requiredDateTime, requiredString, type GraphRecord,
} from './values.js'

interface Evidence {
  type: string
  label: string
  details: Array<{ name: string; value: string }>
  verdict: string | null
}

const EVIDENCE_PREFIX = /^#?microsoft\.graph\.security\./i
/** Evidence properties that are shown elsewhere or are noise in a details list. */
const SKIPPED_DETAILS = new Set(['@odata.type', 'verdict', 'roles', 'detailedRoles', 'tags'])
const MAX_DETAILS = 12

export function mapAlert(record: GraphRecord, where: string): AlertRow {
  const id = requiredString(record, 'id', where)
  const title = optionalString(record, 'title') || 'Untitled alert'
  const description = optionalString(record, 'description') ?? ''
  const serviceSource = optionalString(record, 'serviceSource')
  const evidence = (Array.isArray(record.evidence) ? record.evidence : [])
    .filter((item): item is GraphRecord => item !== null && typeof item === 'object')
    .map(normalizeEvidence)

  return {
    id,
    source: serviceSource?.toLowerCase() === 'azureadidentityprotection' ? 'riskySignIn' : 'defender',
    title,
    description,
    severity: optionalString(record, 'severity') ?? 'unknown',
    status: optionalString(record, 'status') ?? 'unknown',
    category: optionalString(record, 'category'),
    service_source: serviceSource,
    detection_source: optionalString(record, 'detectionSource'),
    product_name: optionalString(record, 'productName'),
    classification: optionalString(record, 'classification'),
    determination: optionalString(record, 'determination'),
    recommended_actions: optionalString(record, 'recommendedActions') ?? '',
    created_at: requiredDateTime(record, 'createdDateTime', where),
    last_update_at: optionalDateTime(record, 'lastUpdateDateTime'),
    first_activity_at: optionalDateTime(record, 'firstActivityDateTime'),
    last_activity_at: optionalDateTime(record, 'lastActivityDateTime'),
    resolved_at: optionalDateTime(record, 'resolvedDateTime'),
    evidence_json: JSON.stringify(evidence),
    risk_json: null,
    search_norm: searchNorm(title, description, ...evidence.map((item) => item.label)),
    raw_json: JSON.stringify(record),
  }
}

function normalizeEvidence(item: GraphRecord): Evidence {
  const type = (optionalString(item, '@odata.type') ?? 'evidence').replace(EVIDENCE_PREFIX, '')
  const details: Evidence['details'] = []
  const add = (name: string, value: unknown) => {
    if (details.length >= MAX_DETAILS) return
    if (typeof value === 'string' && value !== '') details.push({ name, value })
    else if (typeof value === 'number' || typeof value === 'boolean') details.push({ name, value: String(value) })
  }
  for (const [key, value] of Object.entries(item)) {
    if (SKIPPED_DETAILS.has(key)) continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [innerKey, innerValue] of Object.entries(value as GraphRecord)) add(`${key}.${innerKey}`, innerValue)
    } else {
      add(key, value)
    }
  }
  return { type, label: evidenceLabel(type, item), details, verdict: optionalString(item, 'verdict') }
}

/** Picks the value people recognise an evidence item by: a user, an address, a device, a file. */
function evidenceLabel(type: string, item: GraphRecord): string {
  const account = optionalObject(item, 'userAccount')
  const candidates: Array<string | null> = {
    userEvidence: [optionalString(account, 'displayName'), optionalString(account, 'userPrincipalName'), optionalString(account, 'accountName')],
    ipEvidence: [optionalString(item, 'ipAddress')],
    deviceEvidence: [optionalString(item, 'deviceDnsName'), optionalString(item, 'hostName')],
    mailboxEvidence: [optionalString(item, 'primaryAddress'), optionalString(item, 'displayName')],
    analyzedMessageEvidence: [optionalString(item, 'subject'), optionalString(item, 'senderIp')],
    urlEvidence: [optionalString(item, 'url')],
    fileEvidence: [optionalString(optionalObject(item, 'fileDetails'), 'fileName')],
    processEvidence: [optionalString(optionalObject(item, 'imageFile'), 'fileName'), optionalString(item, 'processCommandLine')],
    cloudApplicationEvidence: [optionalString(item, 'displayName')],
    registryKeyEvidence: [optionalString(item, 'registryKey')],
    registryValueEvidence: [optionalString(item, 'registryValueName'), optionalString(item, 'registryKey')],
  }[type] ?? [optionalString(item, 'displayName'), optionalString(item, 'name')]
  return candidates.find((value): value is string => Boolean(value)) ?? type
}

const RISK_SEVERITY: Record<string, string> = { high: 'high', medium: 'medium', low: 'low', none: 'informational' }
const RISK_STATUS: Record<string, string> = {
  atrisk: 'new',
  confirmedcompromised: 'inProgress',
  remediated: 'resolved',
  dismissed: 'resolved',
  confirmedsafe: 'resolved',
}

/**
 * Maps an Entra ID Protection risky user to an alert, or returns null for users whose risk
 * state is `none` (nothing to report).
 */
export function mapRiskyUser(record: GraphRecord, where: string): AlertRow | null {
  const userId = requiredString(record, 'id', where)
  const riskState = optionalString(record, 'riskState')
  const status = RISK_STATUS[riskState?.toLowerCase() ?? '']
  if (!status) return null

  const riskLevel = optionalString(record, 'riskLevel')
  const riskDetail = optionalString(record, 'riskDetail')
  const principalName = optionalString(record, 'userPrincipalName')
  const name = optionalString(record, 'userDisplayName') || principalName || userId
  const updatedAt = optionalDateTime(record, 'riskLastUpdatedDateTime')
  if (!updatedAt) throw new GraphDataError(`${where}: field "riskLastUpdatedDateTime" is missing or not a valid date-time.`)

  const description = [
    `Microsoft Entra ID Protection rates ${name}${principalName && principalName !== name ? ` (${principalName})` : ''} as a user at risk.`,
    `Risk level: ${riskLevel ?? 'unknown'}. Risk state: ${riskState}.${riskDetail && riskDetail !== 'none' ? ` Detail: ${riskDetail}.` : ''}`,
  ].join('\n')
  const recommendedActions =
    status === 'resolved'
      ? 'No action is needed unless the user reports activity they do not recognise.'
      : 'Ask the user whether their recent sign-ins were their own.\nIf not, reset their password, revoke their sessions and review their MFA methods.'

  return {
    id: `riskyUser:${userId}`,
    source: 'riskyUser',
    title: `User at risk: ${name}`,
    description,
    severity: RISK_SEVERITY[riskLevel?.toLowerCase() ?? ''] ?? 'unknown',
    status,
    category: null,
    service_source: 'azureAdIdentityProtection',
    detection_source: null,
    product_name: 'Microsoft Entra ID Protection',
    classification: null,
    determination: null,
    recommended_actions: recommendedActions,
    created_at: updatedAt,
    last_update_at: updatedAt,
    first_activity_at: null,
    last_activity_at: null,
    resolved_at: status === 'resolved' ? updatedAt : null,
    evidence_json: JSON.stringify([
      {
        type: 'userEvidence',
        label: name,
        details: principalName ? [{ name: 'userPrincipalName', value: principalName }] : [],
        verdict: null,
      },
    ]),
    risk_json: JSON.stringify({ riskLevel, riskState, riskDetail }),
    search_norm: searchNorm(`User at risk: ${name}`, principalName),
    raw_json: JSON.stringify(record),
  }
}
