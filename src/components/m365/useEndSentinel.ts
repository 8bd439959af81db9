import { useIntersectionObserver } from '@vueuse/core'
import type { MaybeRefOrGetter } from 'vue'

/** Calls `onReach` when an element at the end of a list comes within `marginPx` of the viewport. */
export function useEndSentinel(target: MaybeRefOrGetter<HTMLElement | null | undefined>, onReach: () => void, marginPx = 600) {
  useIntersectionObserver(
    target,
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onReach()
    },
    { rootMargin: `0px 0px ${marginPx}px 0px` },
  )
}
