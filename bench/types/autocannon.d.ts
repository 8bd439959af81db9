// Types for the part of autocannon 9's programmatic API the benchmarks use (the package ships none).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest
  }

  interface AutocannonOptions {
    url: string
    connections?: number
    pipelining?: number
    /** Seconds. */
    duration?: number
    /** Requests per second across all connections. */
    overallRate?: number
    /** Seconds before a request counts as timed out. */
    timeout?: number
    headers?: Record<string, string>
    requests?: AutocannonRequest[]
    ignoreCoordinatedOmission?: boolean
  }

  interface AutocannonResult {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    requests: { total: number; sent: number; average: number }
    statusCodeStats: Record<string, { count: number }>
  }

  interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
    stop(): void
    on(event: 'response', listener: (client: unknown, statusCode: number, responseBytes: number, responseTimeMs: number) => void): this
    on(event: 'reqError', listener: (error: Error) => void): this
    on(event: 'done', listener: (result: AutocannonResult) => void): this
  }

  function autocannon(options: AutocannonOptions, callback?: (error: Error | null, result: AutocannonResult) => void): AutocannonInstance

  export default autocannon
  export type { AutocannonOptions, AutocannonResult, AutocannonInstance, AutocannonRequest }
}
