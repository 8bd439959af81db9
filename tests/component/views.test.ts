import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { clearToasts, useToastQueue } from '../../src/composables/useToast'
import { purgeAccountData } from '../../src/pwa/account-cache'
import { useSessionStore } from '../../src/stores/session'
import HomeView from '../../src/views/HomeView.vue'
import InvitationView from '../../src/views/InvitationView.vue'
import MoreView from '../../src/views/MoreView.vue'
import ProfileView from '../../src/views/ProfileView.vue'
import { alertItem, alertsPage, emptySync, errorReply, installMockApi, makeMe, type MockApi } from './support/mock-api'

let api: MockApi
let pinia: Pinia
let router: Router

const Blank = { template: '<p />' }

beforeEach(async () => {
  await purgeAccountData()
  sessionStorage.clear()
  clearToasts()
  pinia = createPinia()
  setActivePinia(pinia)
  api = installMockApi()
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/sign-in', name: 'sign-in', component: Blank },
      { path: '/:rest(.*)*', component: Blank },
    ],
  })
  await router.push('/')
  await router.isReady()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function signIn(me = makeMe()): void {
  useSessionStore().me = me
  useSessionStore().status = 'signedIn'
}

async function mountView(view: Component, props: Record<string, unknown> = {}) {
  const wrapper = mount(view, { props, global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
  return wrapper
}

function overview() {
  return { tenant: null, sync: emptySync }
}

describe('MoreView', { timeout: 20_000 }, () => {
  it('lists Microsoft 365 and alerts when permitted', async () => {
    signIn()
    api.on('GET /api/v1/alerts', (call) =>
      ({ body: alertsPage(call.url.searchParams.get('needsConfirmation') ? [alertItem('a1', { needsConfirmation: true })] : []) }))
    const wrapper = await mountView(MoreView)

    expect(wrapper.text()).toContain('Microsoft 365')
    expect(wrapper.find('a[href="/alerts"]').attributes('aria-label')).toBe('Security alerts, 1 alert needs your attention')
    expect(wrapper.find('a[href="/profile"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('leaves out rows that are not permitted', async () => {
    signIn(makeMe({ m365Enabled: false, m365: false }))
    const wrapper = await mountView(MoreView)

    expect(wrapper.find('a[href="/m365"]').exists()).toBe(false)
    expect(wrapper.find('a[href="/alerts"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Security alerts')
    expect(wrapper.find('a[href="/profile"]').exists()).toBe(true)
    expect(api.callsTo('GET /api/v1/alerts')).toHaveLength(0)
    wrapper.unmount()
  })
})

describe('HomeView', { timeout: 20_000 }, () => {
  it('lists alerts that need attention once each', async () => {
    signIn()
    const waiting = alertItem('a1', { needsConfirmation: true, severity: 'medium', title: 'Forwarding rule created' })
    api.on('GET /api/v1/m365/overview', { body: overview() })
    api.on('GET /api/v1/alerts', (call) =>
      call.url.searchParams.get('needsConfirmation')
        ? { body: alertsPage([waiting]) }
        : { body: alertsPage([waiting, alertItem('a2', { title: 'Atypical travel' })]) })
    const wrapper = await mountView(HomeView)

    expect(wrapper.text()).toContain('Waiting for your confirmation')
    expect(wrapper.text()).toContain('Forwarding rule created')
    expect(wrapper.text()).toContain('Atypical travel')
    expect(wrapper.findAll('a[href="/alerts/a1"]')).toHaveLength(1)
    expect(wrapper.find('a[href="/m365/users"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('says when nothing needs attention', async () => {
    signIn()
    api.on('GET /api/v1/m365/overview', { body: overview() })
    api.on('GET /api/v1/alerts', { body: alertsPage([]) })
    const wrapper = await mountView(HomeView)

    expect(wrapper.text()).toContain('Nothing needs your attention')
    wrapper.unmount()
  })

  it('shows shortcuts only for permitted tabs', async () => {
    signIn(makeMe({ role: 'standard', tabs: ['users', 'groups'], alerts: false }))
    const wrapper = await mountView(HomeView)

    expect(wrapper.find('a[href="/m365/users"]').exists()).toBe(true)
    expect(wrapper.find('a[href="/m365/sign-ins"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Needs your attention')
    expect(api.callsTo('GET /api/v1/alerts')).toHaveLength(0)
    expect(api.callsTo('GET /api/v1/m365/overview')).toHaveLength(0)
    wrapper.unmount()
  })

  it('offers Try again after a failed load', async () => {
    signIn()
    api.on('GET /api/v1/m365/overview', errorReply(500, 'internal_error'))
    api.on('GET /api/v1/alerts', { body: alertsPage([]) })
    const wrapper = await mountView(HomeView)

    expect(wrapper.text()).toContain("Couldn't load your overview")
    api.on('GET /api/v1/m365/overview', { body: overview() })
    const retry = wrapper.findAll('button').find((button) => button.text() === 'Try again')!
    await retry.trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Nothing needs your attention')
    wrapper.unmount()
  })

  it('keeps data with a banner when a refresh fails', async () => {
    signIn()
    api.on('GET /api/v1/m365/overview', { body: overview() })
    api.on('GET /api/v1/alerts', { body: alertsPage([]) })
    const wrapper = await mountView(HomeView)

    api.on('GET /api/v1/m365/overview', errorReply(500, 'internal_error'))
    const refresh = wrapper.find('button[aria-label="Refresh"]')
    await refresh.trigger('click')
    await flushPromises()

    expect(wrapper.text()).toContain("Couldn't refresh. Showing data from")
    expect(wrapper.text()).toContain('Nothing needs your attention')
    wrapper.unmount()
  })

  it('offers the provider when never synced', async () => {
    signIn()
    api.on('GET /api/v1/m365/overview', { body: { tenant: null, sync: { ...emptySync, lastSuccessAt: null, lastRunStatus: null } } })
    api.on('GET /api/v1/alerts', { body: alertsPage([]) })
    const wrapper = await mountView(HomeView)

    expect(wrapper.text()).toContain('No Microsoft 365 data yet')
    const contact = wrapper.findAll('button').find((button) => button.text() === 'Contact your IT provider')!
    await contact.trigger('click')
    expect(wrapper.find('a[href="mailto:help@northwind.example"]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('ProfileView', { timeout: 20_000 }, () => {
  it('shows the account', async () => {
    signIn(makeMe({ role: 'standard' }))
    const wrapper = await mountView(ProfileView)

    expect(wrapper.text()).toContain('Jane Doe')
    expect(wrapper.text()).toContain('jane@contoso.example')
    expect(wrapper.text()).toContain('Standard user')
    expect(wrapper.text()).toContain('Contoso')
    wrapper.unmount()
  })

  it('enrols an authenticator app', async () => {
    signIn()
    api.on('POST /api/v1/me/totp', {
      body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrCodeDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+' },
    })
    api.on('POST /api/v1/me/totp/confirm', { body: { recoveryCodes: ['aaaaa-11111', 'bbbbb-22222'] } })
    const wrapper = await mountView(ProfileView)

    await wrapper.findAll('button').find((button) => button.text() === 'Set up authenticator app')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('img').attributes('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+')
    expect(wrapper.text()).toContain('JBSW Y3DP EHPK 3PXP')

    await wrapper.find('input[autocomplete="one-time-code"]').setValue('123456')
    await wrapper.findAll('form')[0]!.trigger('submit')
    await flushPromises()

    expect(api.callsTo('POST /api/v1/me/totp/confirm')[0]!.body).toEqual({ code: '123456' })
    expect(wrapper.text()).toContain('aaaaa-11111')
    expect(wrapper.text()).toContain('bbbbb-22222')

    await wrapper.findAll('button').find((button) => button.text() === "I've saved them")!.trigger('click')
    expect(wrapper.text()).not.toContain('aaaaa-11111')
    expect(wrapper.text()).toContain('Authenticator app: on')
    expect(useToastQueue().current.value?.text).toBe('Authenticator app turned on.')
    wrapper.unmount()
  })

  it('rejects a QR source that is not an image', async () => {
    signIn()
    api.on('POST /api/v1/me/totp', { body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrCodeDataUrl: 'javascript:alert(1)' } })
    const wrapper = await mountView(ProfileView)
    await wrapper.findAll('button').find((button) => button.text() === 'Set up authenticator app')!.trigger('click')
    await flushPromises()

    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('JBSW Y3DP EHPK 3PXP')
    wrapper.unmount()
  })

  it('removes the authenticator app with a code', async () => {
    signIn(makeMe({ mfaEnabled: true }))
    api.on('DELETE /api/v1/me/totp', { status: 204 })
    const wrapper = await mountView(ProfileView)

    await wrapper.findAll('button').find((button) => button.text() === 'Turn off')!.trigger('click')
    await wrapper.find('input[autocomplete="one-time-code"]').setValue('654321')
    await wrapper.findAll('form')[0]!.trigger('submit')
    await flushPromises()

    expect(api.callsTo('DELETE /api/v1/me/totp')[0]!.body).toEqual({ code: '654321' })
    expect(wrapper.text()).toContain('Authenticator app: off')
    wrapper.unmount()
  })

  it('checks and changes the password', async () => {
    signIn()
    api.on('POST /api/v1/me/password', errorReply(401, 'invalid_credentials'))
    const wrapper = await mountView(ProfileView)
    const passwordForm = wrapper.findAll('form').at(-1)!
    const inputs = passwordForm.findAll('input')

    await inputs[0]!.setValue('old password here')
    await inputs[1]!.setValue('short')
    await passwordForm.trigger('submit')
    expect(wrapper.text()).toContain('Use at least 12 characters. This one has 5.')
    expect(api.callsTo('POST /api/v1/me/password')).toHaveLength(0)

    await inputs[1]!.setValue('a much longer new password')
    await inputs[2]!.setValue('a different new password')
    await passwordForm.trigger('submit')
    expect(wrapper.text()).toContain("The new passwords don't match")

    await inputs[2]!.setValue('a much longer new password')
    await passwordForm.trigger('submit')
    await flushPromises()
    expect(api.callsTo('POST /api/v1/me/password')[0]!.body).toEqual({
      currentPassword: 'old password here',
      newPassword: 'a much longer new password',
    })
    expect(wrapper.text()).toContain('The current password is incorrect.')
    wrapper.unmount()
  })

  it('signs out to the sign-in screen', async () => {
    signIn()
    vi.stubGlobal('caches', { keys: async () => [], delete: async () => true })
    api.on('POST /api/v1/auth/sign-out', { status: 204 })
    const wrapper = await mountView(ProfileView)

    await wrapper.findAll('button').find((button) => button.text() === 'Sign out')!.trigger('click')
    await flushPromises()

    expect(api.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(1)
    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(useSessionStore().status).toBe('signedOut')
    wrapper.unmount()
  })
})

describe('InvitationView', { timeout: 20_000 }, () => {
  const token = 'tok-0123456789abcdef'

  it('requires matching passwords of 12 characters', async () => {
    const wrapper = await mountView(InvitationView, { token })
    const inputs = wrapper.findAll('input')

    await inputs[0]!.setValue('too short')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.text()).toContain('Use at least 12 characters. This one has 9.')

    await inputs[0]!.setValue('twelve chars or more')
    await inputs[1]!.setValue('something else entirely')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.text()).toContain("The passwords don't match")
    expect(api.calls).toHaveLength(0)
    wrapper.unmount()
  })

  it('sets the password and signs in', async () => {
    api.on('POST /api/v1/auth/invitation', { body: { email: 'new@contoso.example', mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    const wrapper = await mountView(InvitationView, { token })
    const inputs = wrapper.findAll('input')

    await inputs[0]!.setValue('twelve chars or more')
    await inputs[1]!.setValue('twelve chars or more')
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(api.callsTo('POST /api/v1/auth/invitation')[0]!.body).toEqual({ token, password: 'twelve chars or more' })
    expect(useSessionStore().status).toBe('signedIn')
    expect(router.currentRoute.value.fullPath).toBe('/')
    wrapper.unmount()
  })

  it('explains an expired link', async () => {
    api.on('POST /api/v1/auth/invitation', errorReply(400, 'invitation_invalid'))
    const wrapper = await mountView(InvitationView, { token })
    const inputs = wrapper.findAll('input')
    await inputs[0]!.setValue('twelve chars or more')
    await inputs[1]!.setValue('twelve chars or more')
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.text()).toContain('This invitation link no longer works')
    expect(wrapper.text()).toContain('Ask your IT provider for a new invitation link.')
    wrapper.unmount()
  })
})
