import { useIntersectionObserver } from '@vueuse/core'
import { ref, type MaybeRefOrGetter } from 'vue'

/**
 * Tracks whether a search field is on screen. The app bar shows a search icon once it has
 * scrolled away, and `reveal` scrolls the page to the top and focuses the field.
 */
export function useSearchVisibility(
  target: MaybeRefOrGetter<HTMLElement | null | undefined>,
  focus: () => void,
  /** Height of the sticky bars over the page (app bar and tab strip, without safe area), in px. */
  coveredTopPx = 104,
) {
  const hidden = ref(false)

  // The field counts as gone once it has slid under the sticky bars, not only off the screen.
  useIntersectionObserver(
    target,
    (entries) => {
      const entry = entries[entries.length - 1]
      if (entry) hidden.value = !entry.isIntersecting
    },
    { rootMargin: `-${coveredTopPx}px 0px 0px 0px` },
  )

  function reveal(): void {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
    window.scrollTo({ top: 0, behavior: smooth ? 'smooth' : 'auto' })
    focus()
  }

  return { hidden, reveal }
}
