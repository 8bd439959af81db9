import { useOnline } from '@vueuse/core'
import type { Ref } from 'vue'

/** Returns the browser's online flag; false means no network, so refreshes cannot succeed. */
export function useOnlineStatus(): Readonly<Ref<boolean>> {
  return useOnline()
}
