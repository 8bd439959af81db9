import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  formatCount,
  formatDayHeader,
  formatDetailDate,
  formatListDate,
  formatPercent,
  formatRelative,
  formatStorage,
  formatStoragePair,
} from '../../src/format'
import { badgeText } from '../../src/strings/common'

// Formats follow navigator.languages; pin them so the expectations are stable.
beforeEach(() => {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB'])
})

afterEach(() => {
  vi.restoreAllMocks()
})

const now = new Date(2026, 2, 12, 16, 5)

describe('number formats', () => {
  it('groups counts', () => {
    expect(formatCount(12480)).toBe('12,480')
  })

  it('shows small percentages as <1%', () => {
    expect(formatPercent(0.82)).toBe('82%')
    expect(formatPercent(0.004)).toBe('<1%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(1.04)).toBe('104%')
  })

  it('uses binary units like Exchange quotas', () => {
    expect(formatStorage(53_687_091_200)).toBe('50 GB')
    expect(formatStorage(1536 * 2 ** 20)).toBe('1.5 GB')
    expect(formatStorage(300 * 2 ** 20)).toBe('300 MB')
  })

  it('formats used storage in the quota unit', () => {
    expect(formatStoragePair(0.5 * 2 ** 30, 50 * 2 ** 30)).toEqual({ used: '0.5 GB', quota: '50 GB' })
  })
})

describe('date formats', () => {
  it('reads recent times as relative', () => {
    expect(formatRelative(new Date(2026, 2, 12, 16, 0), now)).toBe('5 min ago')
    expect(formatRelative(new Date(2026, 2, 11, 12, 0), now)).toBe('yesterday')
    expect(formatRelative(new Date(2026, 2, 12, 16, 4, 50), now)).toBe('now')
  })

  it('uses day and month in lists after a week', () => {
    expect(formatListDate(new Date(2026, 1, 2, 9, 0), now)).toBe('2 Feb')
    expect(formatListDate(new Date(2025, 1, 2, 9, 0), now)).toBe('2 Feb 2025')
    expect(formatListDate(new Date(2026, 2, 12, 14, 5), now)).toBe('2 hr ago')
  })

  it('puts the relative time after the absolute one', () => {
    expect(formatDetailDate(new Date(2026, 2, 12, 14, 5), now)).toBe('12 Mar 2026, 14:05 (2 hr ago)')
    expect(formatDetailDate(new Date(2026, 0, 12, 14, 5), now)).toBe('12 Jan 2026, 14:05')
  })

  it('names today and yesterday in headers', () => {
    expect(formatDayHeader(new Date(2026, 2, 12, 1, 0), now)).toBe('Today')
    expect(formatDayHeader(new Date(2026, 2, 11, 23, 0), now)).toBe('Yesterday')
    expect(formatDayHeader(new Date(2026, 2, 9, 8, 0), now)).toBe('9 Mar')
  })

  it('returns empty text for invalid dates', () => {
    expect(formatListDate('not a date', now)).toBe('')
  })
})

describe('badgeText', () => {
  it('caps at 99+', () => {
    expect(badgeText(7)).toBe('7')
    expect(badgeText(100)).toBe('99+')
  })
})
