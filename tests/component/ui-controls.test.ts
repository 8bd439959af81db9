import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import FilterChips from '../../src/components/ui/FilterChips.vue'
import PullToRefresh from '../../src/components/ui/PullToRefresh.vue'
import SearchField from '../../src/components/ui/SearchField.vue'
import StateBlock from '../../src/components/ui/StateBlock.vue'
import InlineBanner from '../../src/components/ui/InlineBanner.vue'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Dispatches a touch event with one finger at (x, y) on the document. */
function touch(type: 'touchstart' | 'touchmove' | 'touchend', x = 0, y = 0): void {
  const point = { clientX: x, clientY: y, identifier: 1, target: document.body }
  const event = new Event(type, { bubbles: true, cancelable: true }) as Event & { touches: unknown[] }
  Object.defineProperty(event, 'touches', { value: type === 'touchend' ? [] : [point] })
  document.dispatchEvent(event)
}

describe('SearchField', () => {
  it('updates the model after 120 ms', async () => {
    vi.useFakeTimers()
    const model = ref('')
    const wrapper = mount(SearchField, {
      props: { label: 'Search users', modelValue: model.value, 'onUpdate:modelValue': (value: string) => (model.value = value) },
    })
    await wrapper.find('input').setValue('jan')

    await vi.advanceTimersByTimeAsync(119)
    expect(model.value).toBe('')
    await vi.advanceTimersByTimeAsync(1)
    expect(model.value).toBe('jan')
  })

  it('clears on Escape and with the button', async () => {
    const model = ref('x')
    const wrapper = mount(SearchField, {
      props: { label: 'Search users', modelValue: 'smith', 'onUpdate:modelValue': (value: string) => (model.value = value) },
    })
    await wrapper.find('input').trigger('keydown', { key: 'Escape' })
    expect(model.value).toBe('')

    model.value = 'typed'
    await wrapper.find('input').setValue('doe')
    await wrapper.find('button[aria-label="Clear search"]').trigger('click')
    expect(model.value).toBe('')
  })
})

describe('FilterChips', () => {
  const options = [
    { value: 'enabled', label: 'Enabled' },
    { value: 'disabled', label: 'Disabled' },
  ]

  it('toggles a single choice off again', async () => {
    const updates: unknown[] = []
    const wrapper = mount(FilterChips, {
      props: { options, label: 'Status', modelValue: null, 'onUpdate:modelValue': (value: unknown) => updates.push(value) },
    })
    await wrapper.findAll('button')[1]!.trigger('click')
    await wrapper.setProps({ modelValue: 'disabled' })
    expect(wrapper.findAll('button')[1]!.attributes('aria-pressed')).toBe('true')
    await wrapper.findAll('button')[1]!.trigger('click')

    expect(updates).toEqual(['disabled', null])
  })

  it('keeps a required choice selected', async () => {
    const updates: unknown[] = []
    const wrapper = mount(FilterChips, {
      props: { options, label: 'Status', required: true, modelValue: 'enabled', 'onUpdate:modelValue': (value: unknown) => updates.push(value) },
    })
    await wrapper.findAll('button')[0]!.trigger('click')

    expect(updates).toEqual([])
  })

  it('adds and removes in multi-select', async () => {
    const updates: unknown[] = []
    const wrapper = mount(FilterChips, {
      props: { options, label: 'Status', multiple: true, modelValue: ['enabled'], 'onUpdate:modelValue': (value: unknown) => updates.push(value) },
    })
    await wrapper.findAll('button')[1]!.trigger('click')
    await wrapper.findAll('button')[0]!.trigger('click')

    expect(updates).toEqual([['enabled', 'disabled'], []])
  })
})

describe('PullToRefresh', () => {
  function mountPull(refresh: () => Promise<unknown>) {
    return mount(
      defineComponent({
        setup: () => () => h(PullToRefresh, { refresh }, () => h('p', 'content')),
      }),
      { attachTo: document.body },
    )
  }

  it('refreshes after a long enough pull', async () => {
    vi.useFakeTimers()
    const refresh = vi.fn(async () => undefined)
    const wrapper = mountPull(refresh)
    touch('touchstart', 100, 100)
    touch('touchmove', 100, 140)
    touch('touchmove', 102, 240)
    await flushPromises()
    expect(wrapper.text()).toContain('Release to refresh')
    touch('touchend')
    await vi.advanceTimersByTimeAsync(0)

    expect(refresh).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toContain('Refreshing…')
    await vi.advanceTimersByTimeAsync(500)
    wrapper.unmount()
  })

  it('does nothing for a short pull', async () => {
    const refresh = vi.fn(async () => undefined)
    const wrapper = mountPull(refresh)
    touch('touchstart', 100, 100)
    touch('touchmove', 100, 150)
    touch('touchend')
    await flushPromises()

    expect(refresh).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('leaves horizontal swipes alone', async () => {
    const refresh = vi.fn(async () => undefined)
    const wrapper = mountPull(refresh)
    touch('touchstart', 100, 100)
    touch('touchmove', 200, 120)
    touch('touchmove', 300, 300)
    touch('touchend')
    await flushPromises()

    expect(refresh).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('does not refresh offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    window.dispatchEvent(new Event('offline'))
    const refresh = vi.fn(async () => undefined)
    const wrapper = mountPull(refresh)
    touch('touchstart', 100, 100)
    touch('touchmove', 100, 140)
    touch('touchmove', 100, 300)
    await flushPromises()
    expect(wrapper.text()).toContain("You're offline")
    touch('touchend')
    await flushPromises()

    expect(refresh).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

describe('StateBlock', () => {
  it('names the search in the empty state', () => {
    const wrapper = mount(StateBlock, { props: { kind: 'empty', search: 'smith' } })

    expect(wrapper.text()).toContain('No results for “smith”')
    expect(wrapper.text()).toContain('Check the spelling or try a shorter name.')
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('offers Clear filters when filtered', async () => {
    const wrapper = mount(StateBlock, { props: { kind: 'empty', title: 'No guest users', filtered: true } })
    await wrapper.find('button').trigger('click')

    expect(wrapper.text()).toContain('Nobody matches these filters.')
    expect(wrapper.find('button').text()).toBe('Clear filters')
    expect(wrapper.emitted('action')).toHaveLength(1)
  })

  it('words the error state', () => {
    const wrapper = mount(StateBlock, { props: { kind: 'error', what: 'sign-in logs' } })

    expect(wrapper.find('[role="alert"]').text()).toContain("Couldn't load sign-in logs")
    expect(wrapper.text()).toContain('Something went wrong. Try again in a moment.')
    expect(wrapper.find('button').text()).toBe('Try again')
  })
})

describe('InlineBanner', () => {
  it('words the refresh failure with the data time', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB'])
    const today = new Date()
    today.setHours(14, 5, 0, 0)
    const wrapper = mount(InlineBanner, { props: { kind: 'error', since: today.toISOString() } })
    await wrapper.find('button').trigger('click')

    expect(wrapper.text()).toContain("Couldn't refresh. Showing data from 14:05.")
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })
})
