import { Type, type Static } from 'typebox'
import { TabId } from './common.js'
import { OfflineCacheSettings, ProviderContact } from './settings.js'

export const Role = Type.Union([Type.Literal('manager'), Type.Literal('standard')])
export type Role = Static<typeof Role>

export const Me = Type.Object({
  account: Type.Object({
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    role: Role,
    mfaEnabled: Type.Boolean(),
  }),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  settings: Type.Object({
    m365Enabled: Type.Boolean(),
    securityAlertsEnabled: Type.Boolean(),
    offlineCache: OfflineCacheSettings,
    provider: ProviderContact,
  }),
  permissions: Type.Object({
    m365: Type.Boolean(),
    alerts: Type.Boolean(),
    tabs: Type.Array(TabId),
  }),
  /**
   * Opaque per-account key (not derived readably from the email) that names the
   * service worker's API cache for this account.
   */
  cacheKey: Type.String(),
})
export type Me = Static<typeof Me>
