import { readonly, ref } from 'vue'

// The time of the cached data on screen, shared by the HTTP client (which reads the
// X-SW-Cached-At header) and the offline banner (which shows it).

const cachedAt = ref<string | null>(null)

/** ISO time the service worker stored the last API response shown, or null when it came from the network. */
export const lastCachedAt = readonly(cachedAt)

/** Records where the last successful API response came from: its X-SW-Cached-At value, or null for the network. */
export function reportCachedResponse(value: string | null): void {
  cachedAt.value = value !== null && !Number.isNaN(Date.parse(value)) ? value : null
}
