import type { Context, Middleware } from '@microsoft/microsoft-graph-client'

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>

/**
 * Last link of the Graph client's middleware chain: sends one HTTP request with its own
 * timeout. It replaces the library's HTTPMessageHandler, which always calls the global
 * fetch with no timeout, so that each attempt (and each retry) can time out and tests can
 * pass a fetch that trusts their throwaway certificate.
 */
export class FetchHandler implements Middleware {
  constructor(
    private readonly fetchFunction: FetchFunction,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url
    const init: RequestInit = { ...(context.options ?? {}), signal: AbortSignal.timeout(this.timeoutMs) }
    context.response = await this.fetchFunction(url, init)
  }
}
