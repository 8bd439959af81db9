import { formatCount } from '@/format'
import { m365Strings } from '@/strings/m365'

/**
 * Words the count line above a list: "12,480 users" when nothing narrows it, else "Showing 38
 * of 12,480". Totals come from the last sync, not from the search, so while more pages match
 * than are loaded the shown count reads as a lower bound ("Showing 200+ of 12,480").
 */
export function listCountLine(input: {
  total: number
  shown: number
  hasMore: boolean
  narrowed: boolean
  whole: (total: string) => string
}): string {
  const total = formatCount(input.total)
  if (!input.narrowed) return input.whole(total)
  const shown = formatCount(input.shown)
  return input.hasMore ? m365Strings.showingAtLeast(shown, total) : m365Strings.showing(shown, total)
}
