import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { purgeAccountData } from '../../src/pwa/account-cache'
import SignInView from '../../src/views/SignInView.vue'
import { errorReply, installMockApi, makeMe, type MockApi } from './support/mock-api'

let api: MockApi
let pinia: Pinia
let router: Router

beforeEach(async () => {
  await purgeAccountData()
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  api = installMockApi()
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sign-in', name: 'sign-in', component: SignInView },
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/m365/users', component: { template: '<p>users</p>' } },
    ],
  })
  await router.push('/sign-in?redirect=/m365/users')
  await router.isReady()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function mountView() {
  return mount(SignInView, { global: { plugins: [pinia, router] }, attachTo: document.body })
}

async function submitPassword(wrapper: ReturnType<typeof mountView>, password = 'correct horse battery') {
  await wrapper.find('input[autocomplete="username"]').setValue('jane@contoso.example')
  await wrapper.find('input[autocomplete="current-password"]').setValue(password)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('SignInView', { timeout: 20_000 }, () => {
  it('labels the fields for password managers', () => {
    const wrapper = mountView()

    const email = wrapper.find('input[type="email"]')
    expect(email.attributes('autocomplete')).toBe('username')
    expect(wrapper.find(`label[for="${email.attributes('id')}"]`).text()).toBe('Email')
    expect(wrapper.find('input[type="password"]').attributes('autocomplete')).toBe('current-password')
    wrapper.unmount()
  })

  it('checks empty fields before sending', async () => {
    const wrapper = mountView()
    await wrapper.find('form').trigger('submit')

    expect(wrapper.text()).toContain('Enter your email address.')
    expect(wrapper.text()).toContain('Enter your password.')
    expect(api.calls).toHaveLength(0)
    wrapper.unmount()
  })

  it('shows wrong credentials', async () => {
    api.on('POST /api/v1/auth/sign-in', errorReply(401, 'invalid_credentials'))
    const wrapper = mountView()
    await submitPassword(wrapper, 'wrong')

    expect(wrapper.find('[role="alert"]').text()).toBe('Email or password is incorrect.')
    wrapper.unmount()
  })

  it('shows when a lockout ends', async () => {
    api.on('POST /api/v1/auth/sign-in', errorReply(429, 'rate_limited', 'Locked.', { 'Retry-After': '300' }))
    const wrapper = mountView()
    await submitPassword(wrapper)

    expect(wrapper.find('[role="alert"]').text()).toBe('Too many attempts. Try again in 5 minutes.')
    wrapper.unmount()
  })

  it('explains that signing in needs a connection', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const wrapper = mountView()
    await submitPassword(wrapper)

    expect(wrapper.find('[role="alert"]').text()).toContain('Signing in needs a connection')
    wrapper.unmount()
  })

  it('explains forgotten passwords', async () => {
    const wrapper = mountView()
    const toggle = wrapper.findAll('button').find((button) => button.text() === 'Forgot password?')!
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')

    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(wrapper.find('#forgot-help').isVisible()).toBe(true)
    expect(wrapper.find('#forgot-help').text()).toContain('new invitation link')
    wrapper.unmount()
  })

  it('returns to the redirect after sign-in', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    const wrapper = mountView()
    await submitPassword(wrapper)
    await flushPromises()

    expect(router.currentRoute.value.fullPath).toBe('/m365/users')
    wrapper.unmount()
  })

  it('ignores a redirect to another origin', async () => {
    await router.replace('/sign-in?redirect=https://evil.example/')
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    const wrapper = mountView()
    await submitPassword(wrapper)
    await flushPromises()

    expect(router.currentRoute.value.fullPath).toBe('/')
    wrapper.unmount()
  })

  it('auto-submits a six-digit code', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: true } })
    api.on('POST /api/v1/auth/mfa', { body: {} })
    api.on('GET /api/v1/me', { body: makeMe({ mfaEnabled: true }) })
    const wrapper = mountView()
    await submitPassword(wrapper)
    await vi.dynamicImportSettled()
    await flushPromises()

    const code = wrapper.find('input[autocomplete="one-time-code"]')
    expect(code.attributes('inputmode')).toBe('numeric')
    expect(code.attributes('maxlength')).toBe('6')
    expect(wrapper.text()).toContain('Signed in as jane@contoso.example')
    await code.setValue('123456')
    await flushPromises()

    expect(api.callsTo('POST /api/v1/auth/mfa')[0]!.body).toEqual({ code: '123456' })
    expect(router.currentRoute.value.fullPath).toBe('/m365/users')
    wrapper.unmount()
  })

  it('shows a wrong code and clears the field', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: true } })
    api.on('POST /api/v1/auth/mfa', errorReply(401, 'invalid_credentials'))
    const wrapper = mountView()
    await submitPassword(wrapper)
    await vi.dynamicImportSettled()
    await flushPromises()

    await wrapper.find('input[autocomplete="one-time-code"]').setValue('000000')
    await flushPromises()

    expect(wrapper.text()).toContain("That code didn't work. Codes change every 30 seconds.")
    expect((wrapper.find('input[autocomplete="one-time-code"]').element as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })

  it('accepts a recovery code', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: true } })
    api.on('POST /api/v1/auth/mfa', { body: {} })
    api.on('GET /api/v1/me', { body: makeMe({ mfaEnabled: true }) })
    const wrapper = mountView()
    await submitPassword(wrapper)
    await vi.dynamicImportSettled()
    await flushPromises()

    const toggle = wrapper.findAll('button').find((button) => button.text() === 'Use a recovery code')!
    await toggle.trigger('click')
    await wrapper.find('input[name="recovery-code"]').setValue('abcde-12345')
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(api.callsTo('POST /api/v1/auth/mfa')[0]!.body).toEqual({ code: 'abcde-12345' })
    wrapper.unmount()
  })
})
