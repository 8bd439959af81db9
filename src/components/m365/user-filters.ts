import type { LocationQuery } from 'vue-router'
import type { UsersQuery } from '../../../server/contract/m365.js'

export const USER_FILTERS = ['licensed', 'guests', 'disabled'] as const
export type UserFilter = (typeof USER_FILTERS)[number]

/** Chips combine with AND and map to the API's `licensed`, `type` and `status` parameters. */
export function usersQueryFor(filters: readonly UserFilter[], search: string): UsersQuery {
  const query: UsersQuery = {}
  if (filters.includes('licensed')) query.licensed = 'true'
  if (filters.includes('guests')) query.type = 'guest'
  if (filters.includes('disabled')) query.status = 'disabled'
  const trimmed = search.trim()
  if (trimmed) query.search = trimmed
  return query
}

/** Reads chips from a deep link such as `/m365/users?licensed=true` (the Licences card uses it). */
export function filtersFromRoute(query: LocationQuery): UserFilter[] | null {
  const filters: UserFilter[] = []
  if (query.licensed === 'true') filters.push('licensed')
  if (query.type === 'guest') filters.push('guests')
  if (query.status === 'disabled') filters.push('disabled')
  return filters.length > 0 ? filters : null
}

/** "No disabled guest users", naming the active chips in natural order. */
export function emptyUsersTitle(filters: readonly UserFilter[]): string {
  const words: string[] = []
  if (filters.includes('disabled')) words.push('disabled')
  if (filters.includes('licensed')) words.push('licensed')
  if (filters.includes('guests')) words.push('guest')
  return words.length > 0 ? `No ${words.join(' ')} users` : 'No users'
}
