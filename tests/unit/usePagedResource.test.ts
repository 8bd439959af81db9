import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import type { ListPageOf } from '../../server/contract/index.js'
import { usePagedResource, type UsePagedResourceReturn } from '../../src/composables/usePagedResource'
import { emptySync } from '../component/support/mock-api'

type Page = ListPageOf<string>

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function page(items: string[], nextCursor: string | null): Page {
  return { items, nextCursor, sync: emptySync }
}

function mountPaged(key: () => string | null, fetchPage: (cursor: string | null) => Promise<Page>) {
  let resource!: UsePagedResourceReturn<Page>
  mount(
    defineComponent({
      setup() {
        resource = usePagedResource<Page>(key, async (cursor) => ({ data: await fetchPage(cursor), cachedAt: null }))
        return () => h('div')
      },
    }),
  )
  return () => resource
}

describe('usePagedResource', () => {
  it('appends pages with loadMore', async () => {
    const cursors: (string | null)[] = []
    const resource = mountPaged(
      () => 'users',
      async (cursor) => {
        cursors.push(cursor)
        return cursor === null ? page(['a', 'b'], 'c1') : page(['c'], null)
      },
    )
    await flush()
    expect(resource().items.value).toEqual(['a', 'b'])
    expect(resource().hasMore.value).toBe(true)

    await resource().loadMore()
    expect(resource().items.value).toEqual(['a', 'b', 'c'])
    expect(resource().hasMore.value).toBe(false)
    expect(cursors).toEqual([null, 'c1'])

    await resource().loadMore()
    expect(cursors).toHaveLength(2)
  })

  it('resets the list when the key changes', async () => {
    const search = ref('')
    const resource = mountPaged(
      () => `users?search=${search.value}`,
      async () => page(search.value ? ['match'] : ['a', 'b'], null),
    )
    await flush()
    search.value = 'mat'
    await nextTick()

    expect(resource().items.value).toEqual([])
    expect(resource().status.value).toBe('pending')
    await flush()
    expect(resource().items.value).toEqual(['match'])
  })

  it('drops a page that arrives after a reset', async () => {
    const search = ref('')
    let releaseMore!: (value: Page) => void
    const resource = mountPaged(
      () => `users?search=${search.value}`,
      (cursor) => {
        if (cursor) return new Promise<Page>((resolve) => (releaseMore = resolve))
        return Promise.resolve(page(search.value ? ['x'] : ['a'], search.value ? null : 'c1'))
      },
    )
    await flush()
    const more = resource().loadMore()
    search.value = 'x'
    await nextTick()
    await flush()
    releaseMore(page(['stale'], null))
    await more

    expect(resource().items.value).toEqual(['x'])
  })

  it('keeps items when loadMore fails', async () => {
    const resource = mountPaged(
      () => 'users',
      async (cursor) => {
        if (cursor) throw new Error('Offline')
        return page(['a'], 'c1')
      },
    )
    await flush()
    await resource().loadMore()

    expect(resource().items.value).toEqual(['a'])
    expect(resource().loadMoreError.value?.message).toBe('Offline')
    expect(resource().status.value).toBe('success')
  })
})
