import { computed, onScopeDispose, ref, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { ApiRequestError } from '../api/errors'
import type { ApiResponse } from '../api/http'
import { takePrefetched } from './prefetch'
import { useDelayedFlag } from './useDelayedFlag'
import { useStaleRefresh } from './useStaleRefresh'

/** Data status, separate from whether a request is in flight (`isLoading`). */
export type ResourceStatus = 'pending' | 'success' | 'error'

export interface UseResourceOptions {
  /** Delay before skeletons appear, so quick loads show nothing. Default 300 ms. */
  skeletonDelayMs?: number
  /** Time after which `stillLoading` turns true. Default 10 s. */
  slowAfterMs?: number
  /** Refresh when the page becomes visible again and the data is older than this. Default 15 min; 0 turns it off. */
  staleAfterMs?: number
  /** Keep the previous key's data while the new key loads (search and filter changes). Default false. */
  keepPreviousData?: boolean
}

export interface UseResourceReturn<T> {
  data: ShallowRef<T | null>
  status: Ref<ResourceStatus>
  isLoading: Ref<boolean>
  error: ShallowRef<ApiRequestError | null>
  /** When the shown data came from the service worker's cache: the time it was stored. */
  cachedAt: Ref<string | null>
  /** When the shown data was received, as an ISO time. */
  receivedAt: Ref<string | null>
  showSkeleton: Ref<boolean>
  stillLoading: Ref<boolean>
  /** True when a refresh failed but older data is still shown (the error banner case). */
  hasStaleData: ComputedRef<boolean>
  refresh: () => Promise<void>
}

export type Fetcher<T> = (signal: AbortSignal) => Promise<ApiResponse<T>>

/** Wraps any thrown value as an ApiRequestError, so views handle one error type. */
export function toApiRequestError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiRequestError({ status: 0, code: 'invalid_response', message })
}

/**
 * Loads a screen's data; this is the one data-loading layer for screens. It loads whenever
 * `key()` changes (null means "do not load") and aborts the previous request. Only the latest
 * request writes state, so a slow old response never overwrites a newer one. The in-flight
 * request is aborted when the owning component unmounts.
 */
export function useResource<T>(
  key: () => string | null,
  fetcher: Fetcher<T>,
  options: UseResourceOptions = {},
): UseResourceReturn<T> {
  const data = shallowRef<T | null>(null)
  const status = ref<ResourceStatus>('pending')
  const isLoading = ref(false)
  const error = shallowRef<ApiRequestError | null>(null)
  const cachedAt = ref<string | null>(null)
  const receivedAt = ref<string | null>(null)

  let execution = 0
  let controller: AbortController | null = null

  const showSkeleton = useDelayedFlag(() => isLoading.value && data.value === null, options.skeletonDelayMs ?? 300)
  const stillLoading = useDelayedFlag(() => isLoading.value && data.value === null, options.slowAfterMs ?? 10_000)
  const hasStaleData = computed(() => error.value !== null && data.value !== null)

  async function run(currentKey: string | null, adoptPrefetched = false): Promise<void> {
    controller?.abort()
    controller = null
    const id = ++execution
    if (currentKey === null) {
      isLoading.value = false
      return
    }

    const own = new AbortController()
    controller = own
    isLoading.value = true
    try {
      const early = adoptPrefetched ? takePrefetched<T>(currentKey) : null
      const response = await (early ?? fetcher(own.signal))
      if (id !== execution) return
      data.value = response.data
      cachedAt.value = response.cachedAt
      receivedAt.value = new Date().toISOString()
      error.value = null
      status.value = 'success'
    } catch (caught) {
      if (id !== execution) return
      const failure = toApiRequestError(caught)
      if (failure.code === 'aborted') return
      error.value = failure
      status.value = 'error'
    } finally {
      if (id === execution) {
        isLoading.value = false
        if (controller === own) controller = null
      }
    }
  }

  watch(
    key,
    (next, previous) => {
      if (next !== previous && !options.keepPreviousData) {
        data.value = null
        cachedAt.value = null
        receivedAt.value = null
        error.value = null
        status.value = 'pending'
      }
      void run(next, true)
    },
    { immediate: true },
  )

  function refresh(): Promise<void> {
    return run(key())
  }

  useStaleRefresh(receivedAt, isLoading, refresh, options.staleAfterMs)

  onScopeDispose(() => {
    execution += 1
    controller?.abort()
    controller = null
  })

  return { data, status, isLoading, error, cachedAt, receivedAt, showSkeleton, stillLoading, hasStaleData, refresh }
}
