import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { ApiRequestError } from '../../src/api/errors'
import type { ApiResponse } from '../../src/api/http'
import { prefetchResource } from '../../src/composables/prefetch'
import { useResource, type Fetcher, type UseResourceReturn } from '../../src/composables/useResource'

interface Deferred<T> {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (reason: unknown) => void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function reply<T>(data: T, cachedAt: string | null = null): ApiResponse<T> {
  return { data, cachedAt }
}

/** Mounts a component that owns the resource, so unmounting disposes its scope. */
function mountResource<T>(key: () => string | null, fetcher: Fetcher<T>, options = {}) {
  let resource!: UseResourceReturn<T>
  const wrapper = mount(
    defineComponent({
      setup() {
        resource = useResource(key, fetcher, options)
        return () => h('div')
      },
    }),
  )
  return { wrapper, resource: () => resource }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('useResource', () => {
  beforeEach(() => {
    vi.useRealTimers()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('goes from pending to success', async () => {
    const request = deferred<ApiResponse<string>>()
    const { resource } = mountResource(() => 'a', () => request.promise)

    expect(resource().status.value).toBe('pending')
    expect(resource().isLoading.value).toBe(true)
    request.resolve(reply('hello', '2026-03-12T14:05:00.000Z'))
    await flush()

    expect(resource().status.value).toBe('success')
    expect(resource().isLoading.value).toBe(false)
    expect(resource().data.value).toBe('hello')
    expect(resource().cachedAt.value).toBe('2026-03-12T14:05:00.000Z')
  })

  it('records an ApiRequestError', async () => {
    const failure = new ApiRequestError({ status: 500, code: 'internal_error', message: 'Broken.' })
    const { resource } = mountResource(() => 'a', async () => Promise.reject(failure))
    await flush()

    expect(resource().status.value).toBe('error')
    expect(resource().error.value).toBe(failure)
    expect(resource().hasStaleData.value).toBe(false)
  })

  it('keeps data when a refresh fails', async () => {
    let attempt = 0
    const { resource } = mountResource(
      () => 'a',
      async () => {
        attempt += 1
        if (attempt === 1) return reply('first')
        throw new ApiRequestError({ status: 0, code: 'network_error', message: 'Offline.' })
      },
    )
    await flush()
    await resource().refresh()

    expect(resource().data.value).toBe('first')
    expect(resource().status.value).toBe('error')
    expect(resource().hasStaleData.value).toBe(true)
  })

  it('ignores a slow response to an old key', async () => {
    const slow = deferred<ApiResponse<string>>()
    const fast = deferred<ApiResponse<string>>()
    const key = ref('old')
    const { resource } = mountResource(
      () => key.value,
      (signal) => {
        const request = key.value === 'old' ? slow : fast
        // Like a server that ignores the abort: the old response still arrives.
        void signal
        return request.promise
      },
    )

    key.value = 'new'
    await nextTick()
    fast.resolve(reply('new data'))
    await flush()
    slow.resolve(reply('old data'))
    await flush()

    expect(resource().data.value).toBe('new data')
    expect(resource().status.value).toBe('success')
  })

  it('ignores a slow earlier refresh', async () => {
    const requests: Deferred<ApiResponse<number>>[] = []
    const { resource } = mountResource(
      () => 'a',
      () => {
        const request = deferred<ApiResponse<number>>()
        requests.push(request)
        return request.promise
      },
    )
    void resource().refresh()
    requests[1]!.resolve(reply(2))
    await flush()
    requests[0]!.resolve(reply(1))
    await flush()

    expect(requests).toHaveLength(2)
    expect(resource().data.value).toBe(2)
  })

  it('aborts the request when the key changes', async () => {
    const signals: AbortSignal[] = []
    const key = ref('a')
    mountResource(
      () => key.value,
      (signal) => {
        signals.push(signal)
        return new Promise<ApiResponse<string>>(() => undefined)
      },
    )
    key.value = 'b'
    await nextTick()

    expect(signals).toHaveLength(2)
    expect(signals[0]!.aborted).toBe(true)
    expect(signals[1]!.aborted).toBe(false)
  })

  it('aborts the request on unmount', async () => {
    const signals: AbortSignal[] = []
    const { wrapper } = mountResource(
      () => 'a',
      (signal) => {
        signals.push(signal)
        return new Promise<ApiResponse<string>>(() => undefined)
      },
    )
    wrapper.unmount()

    expect(signals[0]!.aborted).toBe(true)
  })

  it('clears data when the key changes', async () => {
    const key = ref('a')
    const second = deferred<ApiResponse<string>>()
    const { resource } = mountResource(
      () => key.value,
      () => (key.value === 'a' ? Promise.resolve(reply('data for a')) : second.promise),
    )
    await flush()
    expect(resource().data.value).toBe('data for a')
    key.value = 'b'
    await nextTick()

    expect(resource().data.value).toBeNull()
    expect(resource().status.value).toBe('pending')
    second.resolve(reply('data for b'))
    await flush()
    expect(resource().data.value).toBe('data for b')
  })

  it('does not load with a null key', async () => {
    const fetcher = vi.fn(async () => reply('x'))
    const { resource } = mountResource(() => null, fetcher)
    await flush()

    expect(fetcher).not.toHaveBeenCalled()
    expect(resource().isLoading.value).toBe(false)
  })

  it('shows skeletons only after 300 ms', async () => {
    vi.useFakeTimers()
    const { resource } = mountResource(() => 'a', () => new Promise<ApiResponse<string>>(() => undefined))

    await vi.advanceTimersByTimeAsync(299)
    expect(resource().showSkeleton.value).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(resource().showSkeleton.value).toBe(true)
    expect(resource().stillLoading.value).toBe(false)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(resource().stillLoading.value).toBe(true)
  })

  it('shows no skeleton for a quick load', async () => {
    vi.useFakeTimers()
    const { resource } = mountResource(() => 'a', async () => reply('quick'))
    await vi.advanceTimersByTimeAsync(1000)

    expect(resource().showSkeleton.value).toBe(false)
    expect(resource().data.value).toBe('quick')
  })

  it('adopts a prefetched request', async () => {
    const prefetched = vi.fn(async () => reply('early'))
    prefetchResource('prefetch-key', prefetched)
    const fetcher = vi.fn(async () => reply('late'))
    const { resource } = mountResource(() => 'prefetch-key', fetcher)
    await flush()

    expect(prefetched).toHaveBeenCalledTimes(1)
    expect(fetcher).not.toHaveBeenCalled()
    expect(resource().data.value).toBe('early')
  })
})

describe('useResource foreground refresh', () => {
  function setVisibility(state: 'visible' | 'hidden'): void {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  }

  afterEach(() => {
    vi.useRealTimers()
    setVisibility('visible')
  })

  it('reloads data older than 15 minutes', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-03-12T14:00:00Z'))
    const fetcher = vi.fn(async () => reply('data'))
    mountResource(() => 'a', fetcher)
    await vi.advanceTimersByTimeAsync(0)
    expect(fetcher).toHaveBeenCalledTimes(1)

    vi.setSystemTime(new Date('2026-03-12T14:10:00Z'))
    setVisibility('visible')
    expect(fetcher).toHaveBeenCalledTimes(1)

    vi.setSystemTime(new Date('2026-03-12T14:16:00Z'))
    setVisibility('hidden')
    expect(fetcher).toHaveBeenCalledTimes(1)
    setVisibility('visible')
    expect(fetcher).toHaveBeenCalledTimes(2)
  })
})
