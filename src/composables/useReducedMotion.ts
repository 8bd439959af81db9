import { useMediaQuery } from '@vueuse/core'
import type { Ref } from 'vue'

/** True when the user asked the system for reduced motion; drives the JS-animated parts. */
export function useReducedMotion(): Ref<boolean> {
  return useMediaQuery('(prefers-reduced-motion: reduce)')
}
