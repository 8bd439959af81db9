import { Type, type Static } from 'typebox'
import { TabId } from './common.js'

export const Severity = Type.Union([
  Type.Literal('high'),
  Type.Literal('medium'),
  Type.Literal('low'),
  Type.Literal('informational'),
  Type.Literal('unknown'),
])
export type Severity = Static<typeof Severity>
export const SEVERITIES = ['high', 'medium', 'low', 'informational', 'unknown'] as const

export const ProviderContact = Type.Object({
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  ticketUrl: Type.Union([Type.String(), Type.Null()]),
})
export type ProviderContact = Static<typeof ProviderContact>

export const OfflineCacheSettings = Type.Object({
  enabled: Type.Boolean(),
  /** How long the service worker may serve cached API data, in hours (1 to 168). */
  maxAgeHours: Type.Integer({ minimum: 1, maximum: 168 }),
})
export type OfflineCacheSettings = Static<typeof OfflineCacheSettings>

/** The organization's portal settings, set by the provider through the CLI. */
export const PortalSettings = Type.Object({
  m365Enabled: Type.Boolean(),
  securityAlertsEnabled: Type.Boolean(),
  /** Tabs a standard user may open; managers always get all. */
  standardTabs: Type.Array(TabId),
  /** Which alert sources reach the customer. */
  alertSources: Type.Object({
    defender: Type.Boolean(),
    riskySignIns: Type.Boolean(),
    riskyUsers: Type.Boolean(),
  }),
  /** Alerts below this severity are not shown. Unknown severities count as informational, so `informational` shows every alert. */
  alertMinSeverity: Type.Union([
    Type.Literal('high'),
    Type.Literal('medium'),
    Type.Literal('low'),
    Type.Literal('informational'),
  ]),
  provider: ProviderContact,
  session: Type.Object({
    idleMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
    absoluteHours: Type.Integer({ minimum: 1, maximum: 720 }),
  }),
  offlineCache: OfflineCacheSettings,
})
export type PortalSettings = Static<typeof PortalSettings>

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  m365Enabled: true,
  securityAlertsEnabled: true,
  standardTabs: ['overview', 'users', 'mailboxes', 'groups', 'collaboration', 'devices'],
  alertSources: { defender: true, riskySignIns: true, riskyUsers: true },
  alertMinSeverity: 'informational',
  provider: { name: 'Your IT provider', email: null, phone: null, ticketUrl: null },
  session: { idleMinutes: 30, absoluteHours: 12 },
  offlineCache: { enabled: true, maxAgeHours: 72 },
}
