import { computed, shallowRef } from 'vue'

// Install support: Chromium's beforeinstallprompt event (saved so the More menu can show it
// later), and the Add to Home Screen route that iOS Safari needs instead.

/** Chromium's install event, missing from TypeScript's DOM library because it is not a web standard. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>
}

const savedPrompt = shallowRef<BeforeInstallPromptEvent | null>(null)
const installed = shallowRef(false)

/** True when the browser offered to install the app and the offer is still open. */
export const canPromptInstall = computed(() => savedPrompt.value !== null && !installed.value)

/** True when the app runs as an installed app (home screen or app window). */
export function isRunningStandalone(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true
  return iosStandalone || window.matchMedia('(display-mode: standalone)').matches
}

/** True on iPhone, iPod and iPad (iPadOS reports itself as a Mac with touch). */
export function isIosDevice(): boolean {
  const { userAgent, maxTouchPoints } = navigator
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)
}

/** Saves the install offer. Call it at startup, because the browser fires the event once and early. */
export function captureInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Suppresses the browser's own mini-infobar, because the More menu offers the install instead.
    event.preventDefault()
    savedPrompt.value = event as BeforeInstallPromptEvent
  })
  window.addEventListener('appinstalled', () => {
    installed.value = true
    savedPrompt.value = null
  })
}

/** Shows the browser's install dialog and resolves true when the user accepted. */
export async function promptInstall(): Promise<boolean> {
  const event = savedPrompt.value
  if (!event) return false

  // The event can be used only once.
  savedPrompt.value = null
  await event.prompt()
  const choice = await event.userChoice
  return choice.outcome === 'accepted'
}
