import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { UserListItem, UsersPage } from '../../../server/contract/m365.js'
import * as m365Api from '@/api/m365'
import UsersTab from '@/views/m365/UsersTab.vue'
import { apiError, mountAt, NEVER_SYNCED, ok, pending, rejectWith, SYNCED } from './fixtures'

vi.mock('@/api/m365')

function user(index: number, extra: Partial<UserListItem> = {}): UserListItem {
  return {
    id: `u-${index}`,
    displayName: `Person ${index}`,
    userPrincipalName: `person${index}@contoso.com`,
    mail: `person${index}@contoso.com`,
    jobTitle: null,
    department: null,
    accountEnabled: true,
    userType: 'Member',
    isGuest: false,
    licenses: [{ skuId: 's1', name: 'Microsoft 365 Business Premium' }],
    ...extra,
  }
}

function page(items: UserListItem[], extra: Partial<UsersPage> = {}): UsersPage {
  return { items, nextCursor: null, sync: SYNCED, total: 12480, ...extra }
}

describe('UsersTab', () => {
  beforeEach(() => {
    vi.mocked(m365Api.listUsers).mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should list users with the total count line', async () => {
    vi.mocked(m365Api.listUsers).mockReturnValue(ok(page([user(1), user(2)])))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })

    expect(wrapper.get('.list-toolbar__count').text()).toBe('12,480 users')
    expect(wrapper.get('.list-toolbar__count').attributes('aria-live')).toBe('polite')
    expect(wrapper.findAll('.user-row')).toHaveLength(2)
    expect(wrapper.get('.user-row').attributes('href')).toBe('/m365/users/u-1')
  })

  it('should show one chip per row by priority', async () => {
    vi.mocked(m365Api.listUsers).mockReturnValue(
      ok(
        page([
          user(1, { accountEnabled: false, isGuest: true }),
          user(2, { isGuest: true, licenses: [], mail: null, userPrincipalName: 'ali_fabrikam.com#EXT#@contoso.onmicrosoft.com' }),
          user(3, { licenses: [] }),
          user(4),
        ]),
      ),
    )
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })
    const rows = wrapper.findAll('.user-row')

    expect(rows[0]!.get('.user-row__chip').text()).toBe('Disabled')
    expect(rows[1]!.get('.user-row__chip').text()).toBe('Guest')
    expect(rows[1]!.get('.user-row__email').text()).toBe('ali@fabrikam.com')
    expect(rows[2]!.get('.user-row__chip').text()).toBe('Unlicensed')
    expect(rows[3]!.find('.user-row__chip').exists()).toBe(false)
  })

  it('should send chips to the API combined with AND', async () => {
    vi.mocked(m365Api.listUsers).mockReturnValue(ok(page([user(1)])))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })

    const chips = wrapper.findAll('.chip')
    await chips[1]!.trigger('click')
    await chips[2]!.trigger('click')
    await flushPromises()

    const lastQuery = vi.mocked(m365Api.listUsers).mock.calls.at(-1)![0]
    expect(lastQuery).toMatchObject({ type: 'guest', status: 'disabled' })
    expect(lastQuery?.licensed).toBeUndefined()
    expect(wrapper.get('.list-toolbar__count').text()).toBe('Showing 1 of 12,480')
  })

  it('should take the licensed filter from a deep link', async () => {
    vi.mocked(m365Api.listUsers).mockReturnValue(ok(page([user(1)])))
    await mountAt(UsersTab, { path: '/m365/users?licensed=true', routePath: '/m365/users' })
    expect(vi.mocked(m365Api.listUsers).mock.calls[0]![0]).toMatchObject({ licensed: 'true' })
  })

  it('should name the filters when nothing matches and clear them', async () => {
    vi.mocked(m365Api.listUsers).mockImplementation((query) => ok(page(query?.type === 'guest' ? [] : [user(1)])))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })

    await wrapper.findAll('.chip')[1]!.trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('No guest users')
    expect(wrapper.text()).toContain('Nobody matches these filters.')

    await wrapper.get('.state-block .action').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.user-row')).toHaveLength(1)
  })

  it('should search on the server after the debounce', async () => {
    vi.mocked(m365Api.listUsers).mockReturnValue(ok(page([])))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })

    await wrapper.get('input[type="search"]').setValue('smith')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await flushPromises()

    expect(vi.mocked(m365Api.listUsers).mock.calls.at(-1)![0]).toMatchObject({ search: 'smith' })
    expect(wrapper.text()).toContain('No results for')
  })

  it('should load the next page near the end of the list', async () => {
    const first = Array.from({ length: 5 }, (_, index) => user(index))
    vi.mocked(m365Api.listUsers)
      .mockReturnValueOnce(ok(page(first, { nextCursor: 'c2' })))
      .mockReturnValueOnce(ok(page([user(99)])))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })
    await flushPromises()

    expect(vi.mocked(m365Api.listUsers).mock.calls[1]![0]).toMatchObject({ cursor: 'c2' })
    expect(wrapper.findAll('.user-row')).toHaveLength(6)
  })

  it('should show skeleton rows while loading', async () => {
    vi.mocked(m365Api.listUsers).mockReturnValue(pending())
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(wrapper.find('.skeleton').exists()).toBe(true)
  })

  it('should show the never-synced state', async () => {
    vi.mocked(m365Api.listUsers).mockReturnValue(ok(page([], { sync: NEVER_SYNCED, total: 0 })))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })
    expect(wrapper.text()).toContain('No Microsoft 365 data yet')
  })

  it('should show the error state', async () => {
    vi.mocked(m365Api.listUsers).mockImplementation(rejectWith(apiError(500, 'internal_error')))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })
    expect(wrapper.text()).toContain("Couldn't load users")
    expect(wrapper.text()).toContain('Try again')
  })

  it('should show the refused screen for a tab not permitted', async () => {
    vi.mocked(m365Api.listUsers).mockImplementation(rejectWith(apiError(403, 'tab_not_permitted')))
    const { wrapper } = await mountAt(UsersTab, { path: '/m365/users' })
    expect(wrapper.text()).toContain("You don't have access to this")
  })
})
