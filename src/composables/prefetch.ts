import type { ApiResponse } from '../api/http'

/**
 * Requests started before their screen exists, keyed like useResource. The router guard starts
 * a screen's request here so it runs in parallel with the screen's chunk and the `/me` check,
 * and useResource adopts the in-flight promise when the screen mounts.
 */

/** A prefetched response older than this is not adopted; the screen requests its own. */
const MAX_AGE_MS = 10_000

interface Prefetched {
  promise: Promise<ApiResponse<unknown>>
  startedAt: number
}

const prefetched = new Map<string, Prefetched>()

/** Starts `fetcher` under `key` unless a fresh request for that key is already in flight. */
export function prefetchResource<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<ApiResponse<T>>): void {
  if (key === null) return
  const existing = prefetched.get(key)
  if (existing && Date.now() - existing.startedAt < MAX_AGE_MS) return

  const promise = fetcher(new AbortController().signal)
  // The screen may never adopt it (navigation cancelled); its failure is then dropped here.
  promise.catch(() => undefined)
  prefetched.set(key, { promise, startedAt: Date.now() })
}

/** Removes and returns the prefetched request for `key`, if one started in the last 10 s. */
export function takePrefetched<T>(key: string): Promise<ApiResponse<T>> | null {
  const entry = prefetched.get(key)
  if (!entry) return null
  prefetched.delete(key)
  if (Date.now() - entry.startedAt >= MAX_AGE_MS) return null
  return entry.promise as Promise<ApiResponse<T>>
}

/** Drops every prefetched request, e.g. at sign-out. */
export function clearPrefetched(): void {
  prefetched.clear()
}
