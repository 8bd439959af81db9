import { shallowRef, type ShallowRef } from 'vue'

export interface ToastMessage {
  id: number
  text: string
  actionLabel?: string
  onAction?: () => void
  /** Milliseconds on screen; toasts with an action stay until dismissed when this is 0. */
  durationMs: number
}

export type ToastInput = Omit<ToastMessage, 'id' | 'durationMs'> & { durationMs?: number }

/** Toasts without an action stay 6 s, inside the usual 4 to 10 s range. */
const DEFAULT_DURATION_MS = 6000

// Module-level queue: any screen can show a toast, and the one ToastHost shows them one at a time.
const queue: ToastMessage[] = []
const current = shallowRef<ToastMessage | null>(null)
let nextId = 1

/** Queues a toast; it shows when the one before it has gone. */
export function showToast(input: ToastInput): number {
  const toast: ToastMessage = { durationMs: DEFAULT_DURATION_MS, ...input, id: nextId++ }
  queue.push(toast)
  if (!current.value) advance()
  return toast.id
}

/** Removes the shown toast and shows the next one in the queue, if any. */
export function dismissToast(id?: number): void {
  if (id !== undefined && current.value?.id !== id) {
    const index = queue.findIndex((toast) => toast.id === id)
    if (index >= 0) queue.splice(index, 1)
    return
  }
  current.value = null
  advance()
}

function advance(): void {
  current.value = queue.shift() ?? null
}

export function useToastQueue(): { current: ShallowRef<ToastMessage | null> } {
  return { current }
}

/** Empties the queue, e.g. at sign-out. */
export function clearToasts(): void {
  queue.length = 0
  current.value = null
}
