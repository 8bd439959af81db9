import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Overview } from '../../../server/contract/m365.js'
import * as m365Api from '@/api/m365'
import OverviewTab from '@/views/m365/OverviewTab.vue'
import { apiError, mountAt, NEVER_SYNCED, ok, pending, rejectWith, SYNCED } from './fixtures'

vi.mock('@/api/m365')

const FULL: Overview = {
  tenant: {
    tenantId: 't-1',
    displayName: 'Contoso Ltd',
    domains: [
      { name: 'contoso.onmicrosoft.com', isDefault: false, isInitial: true },
      { name: 'contoso.com', isDefault: true, isInitial: false },
    ],
  },
  users: { total: 12480, licensed: 11902, guests: 412, disabled: 166 },
  licenses: [
    { skuId: 's1', skuPartNumber: 'EXCHANGESTANDARD', name: 'Exchange Online (Plan 1)', used: 6, available: 20, capabilityStatus: 'Enabled' },
    { skuId: 's2', skuPartNumber: 'SPB', name: 'Microsoft 365 Business Premium', used: 23, available: 25, capabilityStatus: 'Enabled' },
  ],
  mfaRegistration: { registered: 164, total: 200, capability: 'available' },
  signIns: {
    capability: 'available',
    days: [
      { date: '2026-03-09', success: 300, failure: 1 },
      { date: '2026-03-10', success: 312, failure: 12 },
      { date: '2026-03-11', success: 250, failure: 3 },
      { date: '2026-03-12', success: 280, failure: 0 },
      { date: '2026-03-13', success: 290, failure: 6 },
      { date: '2026-03-14', success: 60, failure: 10 },
      { date: '2026-03-15', success: 250, failure: 5 },
    ],
  },
  devices: {
    total: 1300,
    byOs: [
      { os: 'Windows', count: 812 },
      { os: 'iOS', count: 301 },
      { os: 'Android', count: 120 },
      { os: 'macOS', count: 60 },
      { os: 'Linux', count: 4 },
      { os: 'ChromeOS', count: 3 },
    ],
  },
  alerts: { high: 2, medium: 5, low: 1, informational: 3, unknown: 0, needsConfirmation: 1 },
  sync: SYNCED,
}

describe('OverviewTab', () => {
  beforeEach(() => {
    vi.mocked(m365Api.getOverview).mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should show skeleton cards only after 300 ms', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(pending())
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })

    expect(wrapper.find('.overview__skeleton').exists()).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(wrapper.find('.overview__skeleton').exists()).toBe(true)
  })

  it('should show every section the response carries', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(ok(FULL))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    const text = wrapper.text()

    expect(text).toContain('Contoso Ltd')
    expect(wrapper.find('.overview__domains').text()).toBe('contoso.com · contoso.onmicrosoft.com')
    expect(text).toContain('12,480')
    expect(text).toContain('23 of 25 used')
    expect(text).toContain('Almost all used')
    expect(text).toContain('164 of 200 users registered (82%). Informational.')
    expect(text).toContain('1,742 successful · 37 failed (2%)')
    expect(text).toContain('2 high, 5 medium, 1 low, 3 informational')
    expect(text).toContain('1 need your confirmation')
  })

  it('should sort licences by share used, fullest first', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(ok(FULL))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    const names = wrapper.findAll('.licences-card__name').map((node) => node.text())
    expect(names).toEqual(['Microsoft 365 Business Premium', 'Exchange Online (Plan 1)'])
  })

  it('should group devices beyond the top four as Other', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(ok(FULL))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    const labels = wrapper.findAll('.bar-list__label').map((node) => node.text())
    expect(labels).toEqual(['Windows', 'iOS', 'Android', 'macOS', 'Other'])
  })

  it('should leave out sections absent from the response', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(ok({ tenant: FULL.tenant, users: FULL.users, sync: SYNCED }))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    expect(wrapper.text()).toContain('12,480')
    expect(wrapper.text()).not.toContain('Licences')
    expect(wrapper.text()).not.toContain('Sign-ins · last 7 days')
    expect(wrapper.text()).not.toContain('Open alerts')
  })

  it('should show the licence state when sign-ins need Entra ID P1', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(
      ok({ ...FULL, signIns: { capability: 'needs_entra_p1', days: [] } }),
    )
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    expect(wrapper.text()).toContain("doesn't include Microsoft Entra ID P1")
    expect(wrapper.find('.mini-columns').exists()).toBe(false)
  })

  it('should offer a table for the sign-in chart', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(ok(FULL))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    const card = wrapper.findAll('section.overview-card').find((node) => node.text().includes('Sign-ins'))!
    const toggle = card.get('button[aria-expanded]')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(card.findAll('tbody tr')).toHaveLength(7)
  })

  it('should show the never-synced state', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValue(ok({ tenant: null, sync: NEVER_SYNCED }))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    expect(wrapper.text()).toContain('No Microsoft 365 data yet')

    await wrapper.get('.state-block .action').trigger('click')
    expect(wrapper.text()).toContain('Northwind IT')
  })

  it('should show the error state with Try again', async () => {
    vi.mocked(m365Api.getOverview).mockImplementationOnce(rejectWith(apiError(500, 'internal_error'))).mockReturnValueOnce(ok(FULL))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    expect(wrapper.text()).toContain("Couldn't load the overview")

    await wrapper.get('.state-block .action').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Contoso Ltd')
  })

  it('should keep data and show the banner when a refresh fails', async () => {
    vi.mocked(m365Api.getOverview).mockReturnValueOnce(ok(FULL)).mockImplementationOnce(rejectWith(apiError(500, 'internal_error')))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    // A pull-to-refresh or the app bar's Refresh button calls the same refresh.
    const view = wrapper.findComponent(OverviewTab)
    await (view.vm as unknown as { overview: { refresh: () => Promise<void> } }).overview.refresh()
    await flushPromises()
    expect(wrapper.text()).toContain("Couldn't refresh.")
    expect(wrapper.text()).toContain('Contoso Ltd')
  })

  it('should render the refused screen on a 403', async () => {
    vi.mocked(m365Api.getOverview).mockImplementation(rejectWith(apiError(403, 'm365_not_permitted')))
    const { wrapper } = await mountAt(OverviewTab, { path: '/m365/overview' })
    expect(wrapper.text()).toContain('Microsoft 365 is not permitted for your account')
  })
})
