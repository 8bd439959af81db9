import { useWindowScroll } from '@vueuse/core'
import { computed, type ComputedRef } from 'vue'

/** True once the page has scrolled under the app bar, which then shows its divider. */
export function useScrolled(threshold = 1): ComputedRef<boolean> {
  const { y } = useWindowScroll()
  return computed(() => y.value >= threshold)
}
