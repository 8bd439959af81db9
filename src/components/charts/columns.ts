/** Column heights for one row of mini columns, in viewBox units, scaled to that row's own maximum. */
export function columnHeights(values: readonly number[], height: number, minStub = 2): number[] {
  const max = Math.max(0, ...values)
  return values.map((value) => {
    if (max === 0 || value <= 0) return minStub
    return Math.max((value / max) * height, minStub)
  })
}
