import { computed, onScopeDispose, ref, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { ListPageOf } from '../../server/contract/index.js'
import type { ApiRequestError } from '../api/errors'
import type { ApiResponse } from '../api/http'
import { takePrefetched } from './prefetch'
import { useDelayedFlag } from './useDelayedFlag'
import { useStaleRefresh } from './useStaleRefresh'
import { toApiRequestError, type ResourceStatus, type UseResourceOptions } from './useResource'

export type PageFetcher<P extends ListPageOf<unknown>> = (cursor: string | null, signal: AbortSignal) => Promise<ApiResponse<P>>

type ItemOf<P> = P extends ListPageOf<infer I> ? I : never

export interface UsePagedResourceReturn<P extends ListPageOf<unknown>> {
  /** Items of every page loaded so far, in order. */
  items: ShallowRef<ItemOf<P>[]>
  /** The first page's envelope (sync state, totals); later pages only add items. */
  firstPage: ShallowRef<P | null>
  nextCursor: Ref<string | null>
  hasMore: ComputedRef<boolean>
  status: Ref<ResourceStatus>
  isLoading: Ref<boolean>
  isLoadingMore: Ref<boolean>
  error: ShallowRef<ApiRequestError | null>
  /** A failure while loading a further page; the loaded items stay. */
  loadMoreError: ShallowRef<ApiRequestError | null>
  cachedAt: Ref<string | null>
  receivedAt: Ref<string | null>
  showSkeleton: Ref<boolean>
  stillLoading: Ref<boolean>
  hasStaleData: ComputedRef<boolean>
  /** Loads the next page, unless one is loading or there is none. */
  loadMore: () => Promise<void>
  /** Reloads the first page and replaces the items. */
  refresh: () => Promise<void>
}

/**
 * Cursor pagination on top of the same rules as useResource: a key change resets the list and
 * aborts what is in flight, and only the latest request writes state.
 */
export function usePagedResource<P extends ListPageOf<unknown>>(
  key: () => string | null,
  fetchPage: PageFetcher<P>,
  options: UseResourceOptions = {},
): UsePagedResourceReturn<P> {
  const items = shallowRef<ItemOf<P>[]>([])
  const firstPage = shallowRef<P | null>(null) as ShallowRef<P | null>
  const nextCursor = ref<string | null>(null)
  const status = ref<ResourceStatus>('pending')
  const isLoading = ref(false)
  const isLoadingMore = ref(false)
  const error = shallowRef<ApiRequestError | null>(null)
  const loadMoreError = shallowRef<ApiRequestError | null>(null)
  const cachedAt = ref<string | null>(null)
  const receivedAt = ref<string | null>(null)

  // One counter for first-page loads; a key change or refresh also invalidates loadMore calls.
  let execution = 0
  let controller: AbortController | null = null

  const hasMore = computed(() => nextCursor.value !== null)
  const hasStaleData = computed(() => error.value !== null && firstPage.value !== null)
  const showSkeleton = useDelayedFlag(() => isLoading.value && firstPage.value === null, options.skeletonDelayMs ?? 300)
  const stillLoading = useDelayedFlag(() => isLoading.value && firstPage.value === null, options.slowAfterMs ?? 10_000)

  function abortInFlight(): void {
    controller?.abort()
    controller = null
  }

  async function loadFirst(currentKey: string | null, adoptPrefetched = false): Promise<void> {
    abortInFlight()
    const id = ++execution
    isLoadingMore.value = false
    if (currentKey === null) {
      isLoading.value = false
      return
    }

    const own = new AbortController()
    controller = own
    isLoading.value = true
    try {
      const early = adoptPrefetched ? takePrefetched<P>(currentKey) : null
      const response = await (early ?? fetchPage(null, own.signal))
      if (id !== execution) return
      firstPage.value = response.data
      items.value = [...(response.data.items as ItemOf<P>[])]
      nextCursor.value = response.data.nextCursor
      cachedAt.value = response.cachedAt
      receivedAt.value = new Date().toISOString()
      error.value = null
      loadMoreError.value = null
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

  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value
    if (cursor === null || isLoading.value || isLoadingMore.value) return

    const id = execution
    const own = new AbortController()
    controller = own
    isLoadingMore.value = true
    loadMoreError.value = null
    try {
      const response = await fetchPage(cursor, own.signal)
      if (id !== execution) return
      items.value = [...items.value, ...(response.data.items as ItemOf<P>[])]
      nextCursor.value = response.data.nextCursor
      if (response.cachedAt) cachedAt.value = response.cachedAt
    } catch (caught) {
      if (id !== execution) return
      const failure = toApiRequestError(caught)
      if (failure.code !== 'aborted') loadMoreError.value = failure
    } finally {
      if (id === execution) {
        isLoadingMore.value = false
        if (controller === own) controller = null
      }
    }
  }

  watch(
    key,
    (next, previous) => {
      if (next !== previous && !options.keepPreviousData) {
        items.value = []
        firstPage.value = null
        nextCursor.value = null
        cachedAt.value = null
        receivedAt.value = null
        error.value = null
        loadMoreError.value = null
        status.value = 'pending'
      }
      void loadFirst(next, true)
    },
    { immediate: true },
  )

  function refresh(): Promise<void> {
    return loadFirst(key())
  }

  useStaleRefresh(receivedAt, isLoading, refresh, options.staleAfterMs)

  onScopeDispose(() => {
    execution += 1
    abortInFlight()
  })

  return {
    items,
    firstPage,
    nextCursor,
    hasMore,
    status,
    isLoading,
    isLoadingMore,
    error,
    loadMoreError,
    cachedAt,
    receivedAt,
    showSkeleton,
    stillLoading,
    hasStaleData,
    loadMore,
    refresh,
  }
}
