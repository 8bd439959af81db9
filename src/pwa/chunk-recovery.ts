import type { Router } from 'vue-router'
import { STORAGE_PREFIX } from './account-cache'

// After a deploy, a page still running the old version can ask for a lazy route chunk that no
// longer exists. Loading the page again picks up the new version. The reload happens at most
// once per RELOAD_WINDOW_MS, so a chunk that is missing in the new version too cannot cause a
// reload loop: the second failure stays a normal navigation error.

const RELOAD_KEY = `${STORAGE_PREFIX}chunkReloadAt`
const RELOAD_WINDOW_MS = 60_000

/** Messages of a failed dynamic import in Chromium, Firefox and Safari, and of Vite's CSS preload. */
const CHUNK_ERROR_PATTERN =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i

/** Returns true when the error comes from a lazy chunk that could not be loaded. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return CHUNK_ERROR_PATTERN.test(message)
}

/** Reloads the page at the route that failed to load, unless this tab already did so in the last minute. */
export function installChunkRecovery(router: Router): void {
  router.onError((error, to) => {
    if (!isChunkLoadError(error)) return
    reloadOnce(to.fullPath)
  })
}

function reloadOnce(target: string): void {
  const now = Date.now()
  const lastReloadAt = Number(readSession(RELOAD_KEY))
  if (Number.isFinite(lastReloadAt) && now - lastReloadAt >= 0 && now - lastReloadAt < RELOAD_WINDOW_MS) return

  // Without sessionStorage the guard cannot survive the reload, so the page does not reload at all.
  if (!writeSession(RELOAD_KEY, String(now))) return
  window.location.assign(target)
}

function readSession(key: string): string | null {
  try {
    return sessionStorage.getItem(key)
  } catch {
    return null
  }
}

function writeSession(key: string, value: string): boolean {
  try {
    sessionStorage.setItem(key, value)
    return true
  } catch {
    return false
  }
}
