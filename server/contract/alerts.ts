import { Type, type Static, type TSchema } from 'typebox'
import { ListPage, NullableString, PageQuery, Sync } from './common.js'

/** A query parameter that may repeat (`?status=new&status=resolved`); Fastify coerces one value to an array. */
const Repeatable = <T extends TSchema>(one: T, maxItems: number) => Type.Optional(Type.Array(one, { maxItems }))

export const ALERT_STATUSES = ['new', 'inProgress', 'resolved'] as const

export const AlertsQuery = Type.Object(
  {
    ...PageQuery,
    severity: Repeatable(
      Type.Union([
        Type.Literal('high'),
        Type.Literal('medium'),
        Type.Literal('low'),
        Type.Literal('informational'),
        Type.Literal('unknown'),
      ]),
      5,
    ),
    status: Repeatable(Type.Union([Type.Literal('new'), Type.Literal('inProgress'), Type.Literal('resolved')]), 3),
    needsConfirmation: Type.Optional(Type.Literal('true')),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
)
export type AlertsQuery = Static<typeof AlertsQuery>

/** Where an alert came from: Defender and other `alerts_v2` products, or Entra ID Protection. */
export const AlertSource = Type.Union([Type.Literal('defender'), Type.Literal('riskySignIn'), Type.Literal('riskyUser')])
export type AlertSource = Static<typeof AlertSource>

export const AlertListItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  /** As Graph sends it; unknown values are kept, not dropped. */
  severity: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  lastUpdateAt: NullableString,
  /** The start of the description as plain text, for two lines in the list. */
  summary: Type.String(),
  source: AlertSource,
  serviceSource: NullableString,
  needsConfirmation: Type.Boolean(),
  hasProviderNote: Type.Boolean(),
})
export type AlertListItem = Static<typeof AlertListItem>

export const AlertsPage = ListPage(AlertListItem, { total: Type.Integer() })
export type AlertsPage = Static<typeof AlertsPage>

export const AlertEvidence = Type.Object({
  /** Evidence kind without the OData prefix, e.g. `userEvidence`, `ipEvidence`, `deviceEvidence`. */
  type: Type.String(),
  /** The main value to show: a user name, an address, a device name. */
  label: Type.String(),
  details: Type.Array(Type.Object({ name: Type.String(), value: Type.String() })),
  verdict: NullableString,
})
export type AlertEvidence = Static<typeof AlertEvidence>

export const AlertDetail = Type.Object({
  alert: Type.Object({
    id: Type.String(),
    title: Type.String(),
    severity: Type.String(),
    status: Type.String(),
    source: AlertSource,
    createdAt: Type.String(),
    lastUpdateAt: NullableString,
    firstActivityAt: NullableString,
    lastActivityAt: NullableString,
    resolvedAt: NullableString,
    /** Plain text with its line breaks; render as text, never as HTML. */
    description: Type.String(),
    recommendedActions: Type.String(),
    category: NullableString,
    categories: Type.Array(Type.String()),
    serviceSource: NullableString,
    detectionSource: NullableString,
    productName: NullableString,
    classification: NullableString,
    determination: NullableString,
    mitreTechniques: Type.Array(Type.String()),
    evidence: Type.Array(AlertEvidence),
    needsConfirmation: Type.Boolean(),
    providerNote: Type.Union([
      Type.Object({ text: Type.String(), updatedAt: Type.String(), providerName: Type.String() }),
      Type.Null(),
    ]),
    /** Risk details for Entra ID Protection alerts; null for other sources. */
    risk: Type.Union([
      Type.Object({ riskLevel: NullableString, riskState: NullableString, riskDetail: NullableString }),
      Type.Null(),
    ]),
  }),
  sync: Sync,
})
export type AlertDetail = Static<typeof AlertDetail>
