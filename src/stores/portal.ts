import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { ProviderContact, Role, TabId } from '../../server/contract/index.js'
import type { RefusalCode } from '../api/errors'
import { useSessionStore } from './session'

/** What a route needs from the account: Microsoft 365, one of its tabs, or security alerts. */
export interface RouteAccess {
  area: 'm365' | 'alerts'
  tab?: TabId
}

/** A 403 refusal from the API, tied to the route path that was open when it arrived. */
export interface ApiRefusal {
  code: RefusalCode
  path: string
}

const NO_PROVIDER: ProviderContact = { name: 'Your IT provider', email: null, phone: null, ticketUrl: null }

/** The organization's settings, the account's role and what it may open, all derived from `/me`. */
export const usePortalStore = defineStore('portal', () => {
  const session = useSessionStore()

  const role = computed<Role | null>(() => session.me?.account.role ?? null)
  const isManager = computed(() => role.value === 'manager')
  const settings = computed(() => session.me?.settings ?? null)
  const permissions = computed(() => session.me?.permissions ?? { m365: false, alerts: false, tabs: [] as TabId[] })
  const organizationName = computed(() => session.me?.organization.name ?? '')
  const provider = computed<ProviderContact>(() => settings.value?.provider ?? NO_PROVIDER)

  const m365Enabled = computed(() => settings.value?.m365Enabled ?? false)
  const m365Permitted = computed(() => permissions.value.m365)
  /** True when the account may open security alerts (organization setting and account permission). */
  const alertsEnabled = computed(() => permissions.value.alerts)
  const tabs = computed(() => permissions.value.tabs)

  const apiRefusal = shallowRef<ApiRefusal | null>(null)

  function canOpenTab(tab: TabId): boolean {
    return permissions.value.m365 && permissions.value.tabs.includes(tab)
  }

  /**
   * Returns the refusal that applies to a route, in the API's order of precedence:
   * Microsoft 365 off, then not permitted, then alerts off or the tab not permitted.
   */
  function refusalFor(access: RouteAccess | undefined): RefusalCode | null {
    if (!access || !session.me) return null
    if (!m365Enabled.value) return 'm365_disabled'
    if (!m365Permitted.value) return 'm365_not_permitted'
    if (access.area === 'alerts') return alertsEnabled.value ? null : 'alerts_disabled'
    if (access.tab && !canOpenTab(access.tab)) return 'tab_not_permitted'
    return null
  }

  function recordApiRefusal(code: RefusalCode, path: string): void {
    apiRefusal.value = { code, path }
  }

  function reset(): void {
    apiRefusal.value = null
  }

  return {
    role,
    isManager,
    settings,
    permissions,
    organizationName,
    provider,
    m365Enabled,
    m365Permitted,
    alertsEnabled,
    tabs,
    apiRefusal,
    canOpenTab,
    refusalFor,
    recordApiRefusal,
    reset,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePortalStore, import.meta.hot))
