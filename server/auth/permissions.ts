import { TAB_IDS, type TabId } from '../contract/common.js'
import { ApiError } from '../errors.js'
import type { AuthContext } from './context.js'

export interface Permissions {
  m365: boolean
  alerts: boolean
  tabs: TabId[]
}

type Caller = Pick<AuthContext, 'account' | 'settings'>

/** Computes what the caller may open, as `/me` reports it and the guards enforce it. */
export function permissionsFor({ account, settings }: Caller): Permissions {
  const m365 = settings.m365Enabled && account.m365Permitted
  const alerts = m365 && settings.securityAlertsEnabled
  let tabs: TabId[] = []
  if (m365) {
    tabs = account.role === 'manager' ? [...TAB_IDS] : TAB_IDS.filter((tab) => settings.standardTabs.includes(tab))
  }
  return { m365, alerts, tabs }
}

/** Throws the 401 that applies, or returns the full (MFA-complete) caller. */
export function assertSignedIn(auth: AuthContext | null): AuthContext {
  if (!auth) throw new ApiError('not_signed_in', 'Sign in to continue.')
  if (auth.mfaPending) throw new ApiError('mfa_required', 'Enter the code from your authenticator app to finish signing in.')
  return auth
}

/** Throws `m365_disabled` or `m365_not_permitted`, in that order of precedence. */
export function assertM365(auth: AuthContext): void {
  if (!auth.settings.m365Enabled) {
    throw new ApiError('m365_disabled', 'Microsoft 365 is not enabled for your organization.')
  }
  if (!auth.account.m365Permitted) {
    throw new ApiError('m365_not_permitted', 'Microsoft 365 is not permitted for your account.')
  }
}

/** Guards a Microsoft 365 tab route: 401s, then m365 checks, then `tab_not_permitted`. */
export function assertTab(authOrNull: AuthContext | null, tab: TabId): AuthContext {
  const auth = assertSignedIn(authOrNull)
  assertM365(auth)
  if (!permissionsFor(auth).tabs.includes(tab)) {
    throw new ApiError('tab_not_permitted', `Your account may not open the "${tab}" tab.`)
  }
  return auth
}

/** Guards an alerts route: 401s, then m365 checks, then `alerts_disabled`. */
export function assertAlerts(authOrNull: AuthContext | null): AuthContext {
  const auth = assertSignedIn(authOrNull)
  assertM365(auth)
  if (!auth.settings.securityAlertsEnabled) {
    throw new ApiError('alerts_disabled', 'Security alerts are not enabled for your organization.')
  }
  return auth
}
