// Case- and diacritic-insensitive search without ICU: SQLite's lower() and LIKE fold only ASCII,
// so names are folded here and stored in search_norm and sort_key columns.

/** Letters that NFKD does not decompose into a base letter plus a mark. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l',
  đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h',
}
const EXTRA_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g')

/**
 * Folds text for matching: compatibility decomposition, combining marks removed, the
 * letters above spelled out, lower case (not locale-aware, so Turkish "I" still matches "i").
 */
export function fold(text: string | null | undefined): string {
  if (!text) return ''
  return text
    .replace(EXTRA_PATTERN, (letter) => EXTRA_FOLDS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** Folds several fields into one search_norm value; a separator keeps matches from spanning fields. */
export function searchNorm(...fields: Array<string | null | undefined>): string {
  return fields.map(fold).filter(Boolean).join('\u0001')
}

/** Builds a `LIKE` pattern that matches `search` anywhere, with `%`, `_` and `\` taken literally. */
export function likePattern(search: string): string {
  return `%${fold(search).replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}
