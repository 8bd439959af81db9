import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import type { Sync, TabId } from '../../../server/contract/common.js'
import type { Me } from '../../../server/contract/me.js'
import { ApiRequestError } from '@/api/errors'
import type { ApiResponse } from '@/api/http'
import { useSessionStore } from '@/stores/session'

export const SYNCED: Sync = {
  lastSuccessAt: '2026-03-12T14:05:00.000Z',
  lastRunAt: '2026-03-12T14:05:00.000Z',
  lastRunStatus: 'succeeded',
  lastError: null,
  capabilities: { signIns: 'available', signInActivity: 'available', mfaRegistration: 'available', riskyUsers: 'available' },
  reportNames: 'visible',
}

export const NEVER_SYNCED: Sync = { ...SYNCED, lastSuccessAt: null, lastRunAt: null, lastRunStatus: null }

export function ok<T>(data: T): Promise<ApiResponse<T>> {
  return Promise.resolve({ data, cachedAt: null })
}

export function apiError(status: number, code: ConstructorParameters<typeof ApiRequestError>[0]['code']): ApiRequestError {
  return new ApiRequestError({ status, code, message: `Test failure ${code}` })
}

/** An implementation that rejects when called (a rejected promise made up front would count as unhandled). */
export function rejectWith(error: ApiRequestError): () => Promise<never> {
  return () => Promise.reject(error)
}

/** Returns a promise that never settles, so the request stays in flight. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => undefined)
}

export function makeMe(role: 'manager' | 'standard', tabs: TabId[]): Me {
  return {
    account: { id: 'acc-1', email: 'jane@contoso.example', displayName: 'Jane Doe', role, mfaEnabled: true },
    organization: { id: 'org-1', name: 'Contoso' },
    settings: {
      m365Enabled: true,
      securityAlertsEnabled: true,
      offlineCache: { enabled: true, maxAgeHours: 24 },
      provider: { name: 'Northwind IT', email: 'help@northwind.example', phone: '+44 20 7946 0000', ticketUrl: null },
    },
    permissions: { m365: true, alerts: true, tabs },
    cacheKey: 'cache-key-1',
  }
}

const Blank = defineComponent({ render: () => h('div') })

/**
 * Mounts a view at `path` inside a real router and a fresh Pinia, with `me` as the signed-in
 * account. The view is the route's component, so `props: true` routes get their params.
 */
export async function mountAt(
  view: Component,
  options: { path: string; routePath?: string; me?: Me; props?: boolean; mountOptions?: ComponentMountingOptions<Component> },
): Promise<{ wrapper: ReturnType<typeof mount>; router: Router; pinia: Pinia }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.me = options.me ?? makeMe('manager', ['overview', 'users', 'mailboxes', 'groups', 'collaboration', 'sign-ins', 'devices'])

  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: options.routePath ?? options.path.split('?')[0]!, name: nameFor(options.routePath ?? options.path), component: view, props: options.props ?? false },
      { path: '/:rest(.*)*', component: Blank },
    ],
  })
  await router.push(options.path)
  await router.isReady()

  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router, pinia }
}

function nameFor(path: string): string {
  const clean = path.split('?')[0]!
  if (clean.startsWith('/m365/users/')) return 'm365-user'
  if (clean.startsWith('/m365/')) return `m365-${clean.slice('/m365/'.length)}`
  if (clean === '/alerts') return 'alerts'
  return 'alert'
}
