import { computed } from 'vue'
import type { ListPageOf } from '../../../server/contract/common.js'
import type { ApiResponse } from '@/api/http'
import { useOnlineStatus } from '@/composables/useOnlineStatus'
import { usePagedResource } from '@/composables/usePagedResource'
import { viewStateOf } from './view-state'

/** Page size of the Microsoft 365 and alerts lists: the API's maximum, to keep round trips few. */
export const LIST_PAGE_SIZE = 200

/**
 * Loads a cursor list for one tab again whenever `query()` changes (search, chips), keeps the
 * old rows on screen until the new ones arrive, and derives the one state to show.
 */
export function useListTab<P extends ListPageOf<unknown>>(
  name: string,
  query: () => object,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<ApiResponse<P>>,
) {
  const online = useOnlineStatus()
  const list = usePagedResource<P>(() => `${name}:${JSON.stringify(query())}`, fetchPage, { keepPreviousData: true })

  const page = computed(() => list.firstPage.value)
  const state = computed(() =>
    viewStateOf({
      hasData: page.value !== null,
      error: list.error.value,
      sync: page.value?.sync,
      isEmpty: list.items.value.length === 0,
      online: online.value,
    }),
  )
  const dataTime = computed(() => list.cachedAt.value ?? list.receivedAt.value)

  return { list, page, state, dataTime }
}
