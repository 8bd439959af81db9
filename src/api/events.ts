import type { RefusalCode, SessionEndedCode } from './errors'

// A small publish/subscribe hook so the HTTP client can report session and permission
// changes without importing the stores (which import the client).

export type ApiEvent =
  | { type: 'session-ended'; code: SessionEndedCode }
  | { type: 'mfa-required' }
  | { type: 'refused'; code: RefusalCode }

type Listener = (event: ApiEvent) => void

const listeners = new Set<Listener>()

/** Subscribes to API events; returns the function that unsubscribes. */
export function onApiEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function emitApiEvent(event: ApiEvent): void {
  for (const listener of listeners) listener(event)
}
