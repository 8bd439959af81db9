import { onScopeDispose, ref, watch, type Ref, type WatchSource } from 'vue'

/**
 * A flag that turns true only after `source` has stayed true for `delayMs`, and false at once
 * when it turns false. Used for the 300 ms skeleton delay and the 10 s "Still loading…" line.
 */
export function useDelayedFlag(source: WatchSource<boolean>, delayMs: number): Ref<boolean> {
  const flag = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  function clear(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  watch(
    source,
    (active) => {
      clear()
      if (!active) {
        flag.value = false
        return
      }
      timer = setTimeout(() => {
        flag.value = true
      }, delayMs)
    },
    { immediate: true },
  )

  onScopeDispose(clear)
  return flag
}
