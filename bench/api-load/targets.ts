import { getJson } from '../lib/session.js'

interface ListPage {
  items: Array<Record<string, unknown>>
  nextCursor: string | null
}

/**
 * Walks a list endpoint for up to `maxPages` pages and returns the path of each page, so the load
 * spreads over first and later pages as scrolling would. Throws when the first page is empty.
 */
export async function collectPagePaths(origin: string, cookie: string, basePath: string, maxPages: number): Promise<{ paths: string[]; firstPage: ListPage }> {
  const paths = [basePath]
  const firstPage = await getJson<ListPage>(origin, basePath, cookie)
  if (firstPage.items.length === 0) throw new Error(`GET ${basePath} returned no items; the imported tenant should fill it.`)

  let cursor = firstPage.nextCursor
  while (cursor !== null && paths.length < maxPages) {
    const separator = basePath.includes('?') ? '&' : '?'
    const path = `${basePath}${separator}cursor=${encodeURIComponent(cursor)}`
    paths.push(path)
    const page = await getJson<ListPage>(origin, path, cookie)
    cursor = page.nextCursor
  }
  return { paths, firstPage }
}

/**
 * Builds user search paths from words in display names (3 to 8 letters, the length people type),
 * so some terms match many users and some only a few.
 */
export function userSearchPaths(users: Array<Record<string, unknown>>, count: number): string[] {
  const words = users
    .flatMap((user) => String(user.displayName ?? '').split(/\s+/))
    .filter((word) => /^\p{L}{3,}$/u.test(word))
    .map((word) => word.toLowerCase().slice(0, 3 + (word.length % 6)))
  const terms = [...new Set(words)].slice(0, count)
  if (terms.length === 0) throw new Error('No search terms: the users on the first pages have no alphabetic names.')
  return terms.map((term) => `/api/v1/m365/users?${new URLSearchParams({ search: term }).toString()}`)
}
