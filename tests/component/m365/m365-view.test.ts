import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import type { TabId } from '../../../server/contract/common.js'
import M365View from '@/views/m365/M365View.vue'
import { useTabHandle } from '@/views/m365/tab-host'
import { useSessionStore } from '@/stores/session'
import { makeMe } from './fixtures'

const refreshes: string[] = []

function fakeTab(name: string) {
  return defineComponent({
    name,
    setup() {
      useTabHandle({ refresh: async () => void refreshes.push(name), updatedAt: () => null })
      return () => h('p', { class: 'fake-tab' }, name)
    },
  })
}

async function mountView(tabs: TabId[], path = '/m365/overview') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = makeMe('standard', tabs)

  const ids: TabId[] = ['overview', 'users', 'mailboxes', 'groups', 'collaboration', 'sign-ins', 'devices']
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/m365',
        component: M365View,
        children: ids.map((tab) => ({ path: tab, name: `m365-${tab}`, component: fakeTab(tab) })),
      },
      { path: '/:rest(.*)*', component: { render: () => h('div') } },
    ],
  })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

describe('M365View', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    refreshes.length = 0
  })

  it('should show only the tabs the account may open, in order', async () => {
    const { wrapper } = await mountView(['overview', 'users', 'groups', 'devices'])
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.text())).toEqual(['Overview', 'Users', 'Groups', 'Entra devices'])
  })

  it('should select the tab from the URL', async () => {
    const { wrapper } = await mountView(['overview', 'users'], '/m365/users')
    const selected = wrapper.get('[role="tab"][aria-selected="true"]')
    expect(selected.text()).toBe('Users')
    expect(wrapper.text()).toContain('users')
  })

  it('should navigate when a tab is activated', async () => {
    const { wrapper, router } = await mountView(['overview', 'users'])
    const users = wrapper.findAll('[role="tab"]')[1]!
    await users.trigger('mousedown', { button: 0 })
    await users.trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('m365-users'))
  })

  it('should refresh the tab that is shown', async () => {
    const { wrapper } = await mountView(['overview', 'users'], '/m365/users')
    const refresh = wrapper.get('button[aria-label="Refresh"]')
    await refresh.trigger('click')
    await flushPromises()
    expect(refreshes).toEqual(['users'])
  })
})
