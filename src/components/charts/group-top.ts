export interface BarItem {
  label: string
  value: number
}

/**
 * Sorts items by value, keeps the `keep` largest and sums the rest into one `otherLabel` item,
 * which is left out when it would be empty.
 */
export function groupTop(items: readonly BarItem[], keep: number, otherLabel: string): BarItem[] {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
  if (sorted.length <= keep + 1) return sorted

  const top = sorted.slice(0, keep)
  const rest = sorted.slice(keep).reduce((sum, item) => sum + item.value, 0)
  return [...top, { label: otherLabel, value: rest }]
}
