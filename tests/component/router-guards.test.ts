import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, type Router } from 'vue-router'
import App from '../../src/App.vue'
import { emitApiEvent } from '../../src/api/events'
import { purgeAccountData } from '../../src/pwa/account-cache'
import { createAppRouter } from '../../src/router'
import { useSessionStore } from '../../src/stores/session'
import HomeView from '../../src/views/HomeView.vue'
import { alertsPage, errorReply, installMockApi, makeMe, type MockApi } from './support/mock-api'

let api: MockApi
let pinia: Pinia

beforeEach(async () => {
  await purgeAccountData()
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  api = installMockApi()
  api.on('GET /api/v1/alerts', { body: alertsPage([]) })
  api.on('GET /api/v1/m365/overview', errorReply(500, 'internal_error'))
})

afterEach(() => {
  vi.unstubAllGlobals()
})

async function openApp(path: string): Promise<{ router: Router; wrapper: ReturnType<typeof mount> }> {
  const router = createAppRouter(createMemoryHistory())
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await router.push(path)
  await router.isReady()
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
  return { router, wrapper }
}

/** Returns the component instance id of the mounted HomeView; a kept-alive screen keeps its id. */
function homeInstanceId(wrapper: ReturnType<typeof mount>): number {
  return (wrapper.findComponent(HomeView).vm as unknown as { $: { uid: number } }).$.uid
}

// The first test to open a screen pays for transforming its lazy chunk, which can take seconds.
describe('router guards', { timeout: 20_000 }, () => {
  it('sends a signed-out visitor to sign-in with the redirect', async () => {
    api.on('GET /api/v1/me', errorReply(401, 'not_signed_in'))
    const { router, wrapper } = await openApp('/m365/users?status=disabled')

    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(router.currentRoute.value.query.redirect).toBe('/m365/users?status=disabled')
    expect(wrapper.text()).toContain('Sign in to ClientOne')
    expect(wrapper.text()).not.toContain('You were signed out')
    wrapper.unmount()
  })

  it('sends a pending code step to sign-in', async () => {
    api.on('GET /api/v1/me', errorReply(401, 'mfa_required'))
    const { router, wrapper } = await openApp('/more')

    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(useSessionStore().status).toBe('mfaPending')
    expect(wrapper.text()).toContain('Enter your 6-digit code')
    wrapper.unmount()
  })

  it('keeps signed-in users off sign-in', async () => {
    api.on('GET /api/v1/me', { body: makeMe() })
    const { router, wrapper } = await openApp('/sign-in?redirect=/more')

    expect(router.currentRoute.value.fullPath).toBe('/more')
    wrapper.unmount()
  })

  it('refuses Microsoft 365 in place when not permitted', async () => {
    api.on('GET /api/v1/me', { body: makeMe({ m365: false }) })
    const { router, wrapper } = await openApp('/m365/users')

    expect(router.currentRoute.value.fullPath).toBe('/m365/users')
    expect(wrapper.text()).toContain('Microsoft 365 is not permitted for your account')
    expect(wrapper.find('a[href="mailto:help@northwind.example"]').exists()).toBe(true)
    expect(wrapper.find('a[href="tel:+15550100"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('refuses alerts when Microsoft 365 is off', async () => {
    api.on('GET /api/v1/me', { body: makeMe({ m365Enabled: false, m365: false }) })
    const { router, wrapper } = await openApp('/alerts/abc')

    expect(router.currentRoute.value.fullPath).toBe('/alerts/abc')
    expect(wrapper.text()).toContain('Microsoft 365 is not enabled for your organization')
    wrapper.unmount()
  })

  it('refuses alerts when they are off', async () => {
    api.on('GET /api/v1/me', { body: makeMe({ alerts: false, m365: true }) })
    const { wrapper } = await openApp('/alerts')

    expect(wrapper.text()).toContain('Security alerts are not enabled for your organization')
    wrapper.unmount()
  })

  it('refuses a tab the account may not open', async () => {
    api.on('GET /api/v1/me', { body: makeMe({ role: 'standard', tabs: ['overview', 'users'] }) })
    const { wrapper } = await openApp('/m365/sign-ins')

    expect(wrapper.text()).toContain("You don't have access to this")
    wrapper.unmount()
  })

  it('refuses in place after an API 403', async () => {
    api.on('GET /api/v1/me', { body: makeMe() })
    const { router, wrapper } = await openApp('/alerts')
    expect(wrapper.text()).not.toContain('Security alerts are not enabled')

    emitApiEvent({ type: 'refused', code: 'alerts_disabled' })
    await flushPromises()
    await vi.dynamicImportSettled()
    await flushPromises()
    expect(wrapper.text()).toContain('Security alerts are not enabled for your organization')

    await router.push('/more')
    await flushPromises()
    await vi.dynamicImportSettled()
    expect(wrapper.text()).not.toContain('Security alerts are not enabled')
    wrapper.unmount()
  })

  it('ignores refusals outside Microsoft 365 screens', async () => {
    api.on('GET /api/v1/me', { body: makeMe() })
    const { wrapper } = await openApp('/more')

    emitApiEvent({ type: 'refused', code: 'alerts_disabled' })
    await flushPromises()
    expect(wrapper.text()).not.toContain('Security alerts are not enabled')
    wrapper.unmount()
  })

  it('returns to sign-in when a session expires', async () => {
    api.on('GET /api/v1/me', { body: makeMe() })
    const { router, wrapper } = await openApp('/more')

    emitApiEvent({ type: 'session-ended', code: 'session_expired' })
    await flushPromises()
    await vi.dynamicImportSettled()
    await flushPromises()

    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(router.currentRoute.value.query.redirect).toBe('/more')
    expect(wrapper.text()).toContain('Your session expired')
    wrapper.unmount()
  })

  it('redirects /m365 to the overview tab', async () => {
    api.on('GET /api/v1/me', { body: makeMe() })
    const { router, wrapper } = await openApp('/m365')

    expect(router.currentRoute.value.fullPath).toBe('/m365/overview')
    wrapper.unmount()
  })

  it('shows not found for unknown paths', async () => {
    api.on('GET /api/v1/me', { body: makeMe() })
    const { wrapper } = await openApp('/no/such/page')

    expect(wrapper.text()).toContain("This page doesn't exist")
    wrapper.unmount()
  })

  it('drops kept-alive screens when the account changes', async () => {
    vi.stubGlobal('caches', { keys: async () => [], delete: async () => true })
    api.on('GET /api/v1/me', { body: makeMe({ accountId: 'first' }) })
    api.on('POST /api/v1/auth/sign-out', { status: 204 })
    const { router, wrapper } = await openApp('/')
    const firstHomeId = homeInstanceId(wrapper)

    await useSessionStore().signOut()
    await router.push('/sign-in')
    await flushPromises()
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe({ accountId: 'second', cacheKey: 'key-2' }) })
    await useSessionStore().signIn('second@contoso.example', 'pw')
    await router.push('/')
    await flushPromises()
    await vi.dynamicImportSettled()
    await flushPromises()

    expect(wrapper.findComponent(HomeView).exists()).toBe(true)
    expect(homeInstanceId(wrapper)).not.toBe(firstHomeId)
    wrapper.unmount()
  })

  it('resolves a reload from the snapshot and revalidates', async () => {
    sessionStorage.setItem('clientone.me', JSON.stringify(makeMe()))
    let releaseMe!: () => void
    api.on('GET /api/v1/me', () => ({ body: makeMe(), delay: new Promise<void>((resolve) => (releaseMe = resolve)) }))
    const { router, wrapper } = await openApp('/')

    // Home requested its data while /me was still in flight.
    expect(router.currentRoute.value.name).toBe('home')
    expect(api.callsTo('GET /api/v1/me')).toHaveLength(1)
    expect(api.callsTo('GET /api/v1/m365/overview').length).toBeGreaterThan(0)
    releaseMe()
    await flushPromises()
    wrapper.unmount()
  })
})
