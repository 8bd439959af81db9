/** One figure compared with its budget. `pass` is null when the figure could not be measured. */
export interface BudgetCheck {
  name: string
  measured: number | null
  unit: string
  /** The budget as people read it, for example `< 50 ms` or `<= 1.5 x reference`. */
  budget: string
  pass: boolean | null
  note?: string
  /** Replaces the number in tables, for example `yes` or `no` for a check measured as 1 or 0. */
  measuredText?: string
}

export type Comparison = '<' | '<=' | '>' | '>='

/** Compares `measured` with `limit`; an unmeasured figure (null) neither passes nor fails. */
export function checkBudget(
  name: string,
  measured: number | null,
  comparison: Comparison,
  limit: number | null,
  unit: string,
  options: { budgetText?: string; note?: string; measuredText?: string } = {},
): BudgetCheck {
  let pass: boolean | null = null
  if (measured !== null && limit !== null) {
    if (comparison === '<') pass = measured < limit
    else if (comparison === '<=') pass = measured <= limit
    else if (comparison === '>') pass = measured > limit
    else pass = measured >= limit
  }
  const budget = options.budgetText ?? `${comparison} ${limit ?? '?'} ${unit}`.trim()
  return {
    name,
    measured,
    unit,
    budget,
    pass,
    ...(options.note ? { note: options.note } : {}),
    ...(options.measuredText ? { measuredText: options.measuredText } : {}),
  }
}
