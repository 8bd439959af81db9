/** Up to two initials from a display name: the first letters of its first and last words. */
export function initialsOf(displayName: string): string {
  const words = displayName
    .trim()
    .split(/[\s._-]+/u)
    .filter((word) => /\p{L}|\p{N}/u.test(word))
  const first = words[0]
  if (first === undefined) return '?'

  const last = words.length > 1 ? words[words.length - 1] : undefined
  const letters = [firstLetter(first), last === undefined ? '' : firstLetter(last)]
  return letters.join('').toLocaleUpperCase()
}

function firstLetter(word: string): string {
  const match = word.match(/\p{L}|\p{N}/u)
  return match ? match[0] : ''
}

/**
 * The address to show for a user. Guests carry a `name_domain#EXT#@tenant` UPN that means
 * nothing to staff, so their `mail` is shown, or the address rebuilt from that UPN.
 */
export function displayEmail(user: { mail: string | null; userPrincipalName: string }): string {
  if (user.mail) return user.mail

  const upn = user.userPrincipalName
  const marker = upn.toUpperCase().indexOf('#EXT#')
  if (marker === -1) return upn

  const original = upn.slice(0, marker)
  const at = original.lastIndexOf('_')
  return at === -1 ? original : `${original.slice(0, at)}@${original.slice(at + 1)}`
}

export type UserChip = 'disabled' | 'guest' | 'unlicensed'

/** Picks the one trailing chip of a user row, by priority Disabled > Guest > Unlicensed. Returns null for none. */
export function userChip(user: { accountEnabled: boolean | null; isGuest: boolean; licenses: readonly unknown[] }): UserChip | null {
  if (user.accountEnabled === false) return 'disabled'
  if (user.isGuest) return 'guest'
  if (user.licenses.length === 0) return 'unlicensed'
  return null
}
