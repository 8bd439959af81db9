import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import BarList from '@/components/charts/BarList.vue'
import MeterBar from '@/components/charts/MeterBar.vue'
import MiniColumns from '@/components/charts/MiniColumns.vue'
import SeverityChips from '@/components/charts/SeverityChips.vue'
import ShowAsTable from '@/components/charts/ShowAsTable.vue'
import StatTile from '@/components/charts/StatTile.vue'

describe('MeterBar', () => {
  it('should fill the share of the track that is used', () => {
    const wrapper = mount(MeterBar, { props: { value: 23, max: 25 } })
    const fill = wrapper.find('.meter__fill')
    expect(Number(fill.attributes('width'))).toBeCloseTo(92)
    expect(wrapper.attributes('aria-hidden')).toBe('true')
  })

  it('should draw a stub for zero', () => {
    const wrapper = mount(MeterBar, { props: { value: 0, max: 25 } })
    expect(Number(wrapper.find('.meter__fill').attributes('width'))).toBeGreaterThan(0)
  })

  it('should carry the tone as a class', () => {
    const wrapper = mount(MeterBar, { props: { value: 25, max: 25, tone: 'danger' } })
    expect(wrapper.classes()).toContain('meter--danger')
  })
})

describe('MiniColumns', () => {
  const props = {
    labels: ['M', 'T', 'W', 'T', 'F', 'S', 'S'],
    series: [
      { name: 'Successful', tone: 'primary' as const, values: [300, 312, 250, 280, 290, 10, 0] },
      { name: 'Failed', tone: 'danger' as const, values: [1, 12, 3, 0, 6, 0, 0] },
    ],
  }

  it('should label each row with its own maximum', () => {
    const wrapper = mount(MiniColumns, { props })
    const maxima = wrapper.findAll('.mini-columns__max').map((node) => node.text())
    expect(maxima.slice(0, 2)).toEqual(['max 312', 'max 12'])
  })

  it('should scale each row separately', () => {
    const wrapper = mount(MiniColumns, { props })
    const failedBars = wrapper.findAll('.mini-columns__plot--danger rect')
    expect(failedBars).toHaveLength(7)
    expect(Number(failedBars[1]!.attributes('height'))).toBe(32)
  })

  it('should print weekday letters, chart hidden', () => {
    const wrapper = mount(MiniColumns, { props })
    expect(wrapper.find('.mini-columns__labels').text().replace(/\s/g, '')).toBe('MTWTFSS')
    expect(wrapper.attributes('aria-hidden')).toBe('true')
  })
})

describe('BarList', () => {
  it('should print a grouped count on every bar', () => {
    const wrapper = mount(BarList, {
      props: { items: [{ label: 'Windows', value: 1812 }, { label: 'iOS', value: 0 }] },
    })
    const values = wrapper.findAll('.bar-list__value').map((node) => node.text())
    expect(values).toEqual(['1,812', '0'])
    const widths = wrapper.findAll('rect').map((rect) => Number(rect.attributes('width')))
    expect(widths[0]).toBe(100)
    expect(widths[1]).toBeGreaterThan(0)
  })
})

describe('StatTile', () => {
  it('should show the label and the grouped value', () => {
    const wrapper = mount(StatTile, { props: { label: 'Licensed', value: 11902 } })
    expect(wrapper.text()).toContain('Licensed')
    expect(wrapper.text()).toContain('11,902')
  })
})

describe('ShowAsTable', () => {
  const props = {
    caption: 'Sign-ins per day',
    columns: ['Day', 'Successful', 'Failed'],
    rows: [
      ['Mon', '300', '1'],
      ['Tue', '312', '12'],
    ],
  }

  it('should start collapsed and expand on click', async () => {
    const wrapper = mount(ShowAsTable, { props, attachTo: document.body })
    const button = wrapper.get('button')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.find('table').isVisible()).toBe(false)

    await button.trigger('click')

    expect(button.attributes('aria-expanded')).toBe('true')
    expect(wrapper.find('table').isVisible()).toBe(true)
    expect(button.attributes('aria-controls')).toBe(wrapper.find('.show-as-table__scroll').attributes('id'))
    wrapper.unmount()
  })

  it('should render a real table with caption and scoped headers', () => {
    const wrapper = mount(ShowAsTable, { props })
    expect(wrapper.get('caption').text()).toBe('Sign-ins per day')
    expect(wrapper.findAll('th[scope="col"]').map((th) => th.text())).toEqual(['Day', 'Successful', 'Failed'])
    expect(wrapper.findAll('th[scope="row"]').map((th) => th.text())).toEqual(['Mon', 'Tue'])
    expect(wrapper.findAll('td').map((td) => td.text())).toEqual(['300', '1', '312', '12'])
  })
})

describe('SeverityChips', () => {
  it('should show icon, word and count for each severity with alerts', () => {
    const wrapper = mount(SeverityChips, {
      props: {
        counts: { high: 2, medium: 0, low: 1, informational: 3, unknown: 0 },
        linkFor: (severity: string) => ({ path: '/alerts', query: { severity } }),
      },
      global: { stubs: { RouterLink: RouterLinkStub } },
    })
    const chips = wrapper.findAll('.severity-chip')
    expect(chips.map((chip) => chip.text().replace(/\s+/g, ' ').trim())).toEqual([
      'High 2',
      'Low 1',
      'Informational 3',
    ])
    expect(chips.every((chip) => chip.find('svg').exists())).toBe(true)
    expect(wrapper.findAllComponents(RouterLinkStub)[0]!.props('to')).toEqual({
      path: '/alerts',
      query: { severity: 'high' },
    })
  })
})
