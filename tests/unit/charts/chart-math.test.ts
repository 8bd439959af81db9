import { describe, expect, it } from 'vitest'
import { columnHeights } from '@/components/charts/columns'
import { groupTop } from '@/components/charts/group-top'
import { meterRatio, meterTone } from '@/components/charts/meter'
import { nonZeroSeverities, severitySummary } from '@/components/charts/severity-counts'

describe('meterRatio', () => {
  it('should divide value by max', () => {
    expect(meterRatio(23, 25)).toBeCloseTo(0.92)
  })

  it('should clamp above 100 % and below 0', () => {
    expect(meterRatio(30, 25)).toBe(1)
    expect(meterRatio(-3, 25)).toBe(0)
  })

  it('should give 0 for a zero or invalid max', () => {
    expect(meterRatio(5, 0)).toBe(0)
    expect(meterRatio(5, Number.NaN)).toBe(0)
  })
})

describe('meterTone', () => {
  it.each([
    [89, 100, 'primary'],
    [90, 100, 'warning'],
    [99, 100, 'warning'],
    [100, 100, 'danger'],
    [120, 100, 'danger'],
    [5, 0, 'primary'],
  ])('should give %i of %i the %s tone', (value, max, tone) => {
    expect(meterTone(value, max)).toBe(tone)
  })
})

describe('columnHeights', () => {
  it('should scale each value to the row maximum', () => {
    expect(columnHeights([10, 5, 0], 40)).toEqual([40, 20, 2])
  })

  it('should draw stubs when every value is zero', () => {
    expect(columnHeights([0, 0], 40)).toEqual([2, 2])
  })

  it('should keep small non-zero values visible', () => {
    const [big, small] = columnHeights([1000, 1], 32)
    expect(big).toBe(32)
    expect(small).toBe(2)
  })
})

describe('groupTop', () => {
  const items = [
    { label: 'iOS', value: 301 },
    { label: 'Windows', value: 812 },
    { label: 'Android', value: 120 },
    { label: 'macOS', value: 45 },
    { label: 'Linux', value: 3 },
    { label: 'ChromeOS', value: 2 },
  ]

  it('should keep the four largest and sum the rest as Other', () => {
    expect(groupTop(items, 4, 'Other')).toEqual([
      { label: 'Windows', value: 812 },
      { label: 'iOS', value: 301 },
      { label: 'Android', value: 120 },
      { label: 'macOS', value: 45 },
      { label: 'Other', value: 5 },
    ])
  })

  it('should not make an Other of a single item', () => {
    expect(groupTop(items.slice(0, 5), 4, 'Other').map((item) => item.label)).toEqual([
      'Windows',
      'iOS',
      'Android',
      'macOS',
      'Linux',
    ])
  })
})

describe('severitySummary', () => {
  const counts = { high: 2, medium: 5, low: 1, informational: 3, unknown: 0 }

  it('should list non-zero severities in order', () => {
    expect(severitySummary(counts)).toBe('2 high, 5 medium, 1 low, 3 informational')
    expect(nonZeroSeverities(counts)).toEqual(['high', 'medium', 'low', 'informational'])
  })

  it('should say there are none when every count is zero', () => {
    expect(severitySummary({ high: 0, medium: 0, low: 0, informational: 0, unknown: 0 })).toBe('No open alerts')
  })
})
