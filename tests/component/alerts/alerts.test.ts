import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { AlertDetail, AlertListItem, AlertsPage } from '../../../server/contract/alerts.js'
import * as alertsApi from '@/api/alerts'
import { useAlertBadgeStore } from '@/stores/alert-badge'
import AlertDetailView from '@/views/alerts/AlertDetailView.vue'
import AlertsListView from '@/views/alerts/AlertsListView.vue'
import { apiError, makeMe, mountAt, NEVER_SYNCED, ok, pending, rejectWith, SYNCED } from '../m365/fixtures'

vi.mock('@/api/alerts')

function item(id: string, extra: Partial<AlertListItem> = {}): AlertListItem {
  return {
    id,
    title: `Alert ${id}`,
    severity: 'high',
    status: 'new',
    createdAt: new Date().toISOString(),
    lastUpdateAt: null,
    summary: 'Jane Doe signed in from Lagos for the first time.',
    source: 'defender',
    serviceSource: null,
    needsConfirmation: false,
    hasProviderNote: false,
    ...extra,
  }
}

function page(items: AlertListItem[], extra: Partial<AlertsPage> = {}): AlertsPage {
  return { items, nextCursor: null, sync: SYNCED, total: 11, ...extra }
}

const DETAIL: AlertDetail['alert'] = {
  id: 'da6386800123',
  title: 'Suspicious inbox forwarding rule',
  severity: 'medium',
  status: 'inProgress',
  source: 'defender',
  createdAt: '2026-03-12T14:05:00.000Z',
  lastUpdateAt: null,
  firstActivityAt: null,
  lastActivityAt: null,
  resolvedAt: null,
  description: 'Line one <b>not bold</b>\nLine two',
  recommendedActions: '1. Check the rule.\n2. Reset the password.',
  category: 'Exfiltration',
  categories: ['Exfiltration'],
  serviceSource: 'microsoftDefenderForOffice365',
  detectionSource: null,
  productName: 'Microsoft Defender for Office 365',
  classification: null,
  determination: null,
  mitreTechniques: [],
  evidence: [{ type: 'ipEvidence', label: '203.0.113.7', details: [{ name: 'Country', value: 'NG' }], verdict: 'suspicious' }],
  needsConfirmation: true,
  providerNote: { text: 'We removed the rule.', updatedAt: '2026-03-12T15:00:00.000Z', providerName: 'Northwind IT' },
  risk: null,
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('AlertsListView', () => {
  beforeEach(() => {
    vi.mocked(alertsApi.listAlerts).mockReset()
  })

  it('should show severity by icon, word and accessible name', async () => {
    vi.mocked(alertsApi.listAlerts).mockReturnValue(ok(page([item('a', { needsConfirmation: true }), item('b', { severity: 'informational' })])))
    const { wrapper } = await mountAt(AlertsListView, { path: '/alerts' })
    const rows = wrapper.findAll('.alert-row')

    expect(rows[0]!.get('[role="img"]').attributes('aria-label')).toBe('High severity')
    expect(rows[0]!.text()).toContain('High')
    expect(rows[0]!.text()).toContain('New')
    expect(rows[0]!.text()).toContain('Needs your confirmation')
    expect(rows[1]!.get('[role="img"]').attributes('aria-label')).toBe('Informational severity')
    expect(rows[1]!.text()).toContain('Info')
    expect(wrapper.get('.list-toolbar__count').text()).toBe('11 alerts')
  })

  it('should mark alerts seen when opened', async () => {
    vi.mocked(alertsApi.listAlerts).mockReturnValue(ok(page([])))
    const { pinia } = await mountAt(AlertsListView, { path: '/alerts' })
    const badge = useAlertBadgeStore(pinia)
    expect(badge.lastOpenedAt()).not.toBeNull()
  })

  it('should use the neutral empty wording', async () => {
    vi.mocked(alertsApi.listAlerts).mockReturnValue(ok(page([], { total: 0 })))
    const { wrapper } = await mountAt(AlertsListView, { path: '/alerts' })
    expect(wrapper.text()).toContain('No open alerts')
    expect(wrapper.text()).toContain("Your IT provider hasn't shared any security alerts.")
  })

  it('should apply a severity deep link', async () => {
    vi.mocked(alertsApi.listAlerts).mockReturnValue(ok(page([item('a')])))
    const { wrapper } = await mountAt(AlertsListView, { path: '/alerts?severity=high', routePath: '/alerts' })

    expect(vi.mocked(alertsApi.listAlerts).mock.calls[0]![0]).toMatchObject({ severity: ['high'] })
    expect(wrapper.text()).toContain('Severity · 1')
    expect(wrapper.get('.list-toolbar__count').text()).toBe('Showing 1 of 11')
  })

  it('should filter through the status sheet', async () => {
    vi.mocked(alertsApi.listAlerts).mockReturnValue(ok(page([item('a')])))
    const { wrapper } = await mountAt(AlertsListView, { path: '/alerts' })

    await wrapper.findAll('.alerts__chip')[1]!.trigger('click')
    await flushPromises()
    const boxes = document.body.querySelectorAll<HTMLInputElement>('.checkbox-sheet input[type="checkbox"]')
    expect(boxes).toHaveLength(3)
    boxes[0]!.click()
    await flushPromises()

    expect(vi.mocked(alertsApi.listAlerts).mock.calls.at(-1)![0]).toMatchObject({ status: ['new'] })
    expect(wrapper.text()).toContain('Status · 1')
  })

  it('should toggle Needs you', async () => {
    vi.mocked(alertsApi.listAlerts).mockReturnValue(ok(page([])))
    const { wrapper } = await mountAt(AlertsListView, { path: '/alerts' })
    await wrapper.findAll('.alerts__chip')[2]!.trigger('click')
    await flushPromises()

    expect(vi.mocked(alertsApi.listAlerts).mock.calls.at(-1)![0]).toMatchObject({ needsConfirmation: 'true' })
    expect(wrapper.text()).toContain('No matching alerts')
  })

  it('should show skeleton, never synced, error and refused states', async () => {
    vi.mocked(alertsApi.listAlerts).mockReturnValue(pending())
    let mounted = await mountAt(AlertsListView, { path: '/alerts' })
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(mounted.wrapper.find('.skeleton').exists()).toBe(true)
    document.body.innerHTML = ''

    vi.mocked(alertsApi.listAlerts).mockReturnValue(ok(page([], { sync: NEVER_SYNCED, total: 0 })))
    mounted = await mountAt(AlertsListView, { path: '/alerts' })
    expect(mounted.wrapper.text()).toContain('No Microsoft 365 data yet')
    document.body.innerHTML = ''

    vi.mocked(alertsApi.listAlerts).mockImplementation(rejectWith(apiError(500, 'internal_error')))
    mounted = await mountAt(AlertsListView, { path: '/alerts' })
    expect(mounted.wrapper.text()).toContain("Couldn't load security alerts")
    document.body.innerHTML = ''

    vi.mocked(alertsApi.listAlerts).mockImplementation(rejectWith(apiError(403, 'alerts_disabled')))
    mounted = await mountAt(AlertsListView, { path: '/alerts' })
    expect(mounted.wrapper.text()).toContain('Security alerts are not enabled for your organization')
  })
})

describe('AlertDetailView', () => {
  beforeEach(() => {
    vi.mocked(alertsApi.getAlert).mockReset()
  })

  async function open(alert: AlertDetail['alert'], me = makeMe('standard', ['overview'])) {
    vi.mocked(alertsApi.getAlert).mockReturnValue(ok({ alert, sync: SYNCED }))
    return mountAt(AlertDetailView, { path: `/alerts/${alert.id}`, routePath: '/alerts/:id', props: true, me })
  }

  it('should render provider text as text with its line breaks', async () => {
    const { wrapper } = await open(DETAIL)
    const summary = wrapper.findAll('.alert-detail__text')[0]!
    expect(summary.text()).toContain('<b>not bold</b>')
    expect(summary.find('b').exists()).toBe(false)
    expect(summary.element.textContent).toContain('\n')
  })

  it('should show the confirmation box, note and details', async () => {
    const { wrapper } = await open(DETAIL)
    const text = wrapper.text()
    expect(text).toContain('Your IT provider needs your confirmation')
    expect(text).toContain('We removed the rule.')
    expect(text).toContain('Northwind IT')
    expect(text).toContain('Exfiltration')
    expect(text).toContain('Microsoft Defender for Office 365')
    expect(text).toContain('da6386800123')
    expect(text).toContain('Medium')
    expect(text).toContain('In progress')
  })

  it('should offer copy buttons for addresses and ids and announce Copied', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { wrapper } = await open(DETAIL)

    await wrapper.get('button[aria-label="Copy IP address"]').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('203.0.113.7')
    expect(wrapper.get('.copy-button__status').text()).toBe('Copied')
    expect(wrapper.find('button[aria-label="Copy Alert ID"]').exists()).toBe(true)
  })

  it('should prefill an email to the provider with title and id', async () => {
    const { wrapper } = await open(DETAIL)
    const href = wrapper.get('.alert-detail__ask-button').attributes('href')!
    expect(href.startsWith('mailto:help@northwind.example?subject=')).toBe(true)
    expect(decodeURIComponent(href)).toContain('Suspicious inbox forwarding rule (da6386800123)')
  })

  it('should open the ticket page when the provider has one', async () => {
    const me = makeMe('standard', ['overview'])
    me.settings.provider.ticketUrl = 'https://help.northwind.example/new'
    const { wrapper } = await open(DETAIL, me)
    const link = wrapper.get('.alert-detail__ask-button')
    expect(link.attributes('href')).toBe('https://help.northwind.example/new')
    expect(link.attributes('rel')).toBe('noopener noreferrer')
  })

  it('should show risk details for Entra ID Protection alerts', async () => {
    const { wrapper } = await open({ ...DETAIL, source: 'riskyUser', risk: { riskLevel: 'high', riskState: 'atRisk', riskDetail: null } })
    expect(wrapper.text()).toContain('Risk details')
    expect(wrapper.text()).toContain('atRisk')
  })

  it('should show not found for a missing alert', async () => {
    vi.mocked(alertsApi.getAlert).mockImplementation(rejectWith(apiError(404, 'not_found')))
    const { wrapper } = await mountAt(AlertDetailView, { path: '/alerts/x', routePath: '/alerts/:id', props: true })
    expect(wrapper.text()).toContain('Alert not found')
  })
})
