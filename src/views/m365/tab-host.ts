import { inject, onActivated, onDeactivated, onMounted, onUnmounted, provide, shallowRef, type InjectionKey, type ShallowRef } from 'vue'

/**
 * Hooks the visible tab lends the Microsoft 365 screen. One pull-to-refresh gesture, one
 * refresh button and one app bar search icon serve whichever tab is shown. Kept-alive tabs
 * stay mounted, so each registers only while it is active.
 */
export interface TabHandle {
  refresh: () => Promise<unknown>
  /** Time of the shown data, captioned while pulling. */
  updatedAt: () => string | null
  /** Present on tabs with a search field: scrolls it into view and focuses it. */
  focusSearch?: () => void
  /** True while the tab's search field is out of view, so the app bar offers a search icon. */
  searchHidden?: () => boolean
}

const TAB_HOST: InjectionKey<ShallowRef<TabHandle | null>> = Symbol('m365-tab-host')

/** Called by the Microsoft 365 screen: returns the handle of the tab that is shown. */
export function provideTabHost(): ShallowRef<TabHandle | null> {
  const active = shallowRef<TabHandle | null>(null)
  provide(TAB_HOST, active)
  return active
}

/** Called by each tab view. Outside the Microsoft 365 screen (tests, other hosts) it does nothing. */
export function useTabHandle(handle: TabHandle): void {
  const active = inject(TAB_HOST, null)
  if (!active) return

  const claim = (): void => {
    active.value = handle
  }
  const release = (): void => {
    if (active.value === handle) active.value = null
  }

  // onActivated also runs on first mount inside <KeepAlive>; onMounted covers use without it.
  onMounted(claim)
  onActivated(claim)
  onDeactivated(release)
  onUnmounted(release)
}
