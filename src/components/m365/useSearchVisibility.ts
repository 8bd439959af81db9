import { useIntersectionObserver } from '@vueuse/core'
import { ref, type MaybeRefOrGetter } from 'vue'

/**
 * Tracks whether a search field is on screen. The app bar shows a search icon once it has
 * scrolled away; `reveal` scrolls the page to the top and focuses the field.
 */
export function useSearchVisibility(target: MaybeRefOrGetter<HTMLElement | null | undefined>, focus: () => void) {
  const hidden = ref(false)

  useIntersectionObserver(target, (entries) => {
    const entry = entries[entries.length - 1]
    if (entry) hidden.value = !entry.isIntersecting
  })

  function reveal(): void {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
    window.scrollTo({ top: 0, behavior: smooth ? 'smooth' : 'auto' })
    focus()
  }

  return { hidden, reveal }
}
