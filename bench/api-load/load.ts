import autocannon from 'autocannon'
import { percentile, round } from '../lib/stats.js'

export interface LoadScenario {
  id: string
  /** Request paths, sent in turn (list cursors or search terms). */
  paths: string[]
  /** Requests per second over all connections. */
  rate: number
  durationSeconds: number
  /** Status every response should have; any other counts as an error. */
  expectedStatus: number
  /** Budget for the 99th percentile latency; null for the reference. */
  p99BudgetMs: number | null
}

export interface LoadFigures {
  id: string
  targetRate: number
  achievedRate: number | null
  requests: number
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  maxMs: number | null
  /** Connection errors and timeouts. */
  errors: number
  /** Responses with another status than `expectedStatus`. */
  unexpectedStatus: number
  statusCodes: Record<string, number>
}

/** Connections per 100 req/s: each connection then sends every 100 ms, so a slow response rarely delays the next send. */
const CONNECTIONS_PER_100_RPS = 10

/**
 * Sends `scenario.rate` requests per second for `durationSeconds` with autocannon and computes exact
 * latency percentiles from every response, measured from when the request was sent.
 */
export async function runLoad(origin: string, cookie: string, scenario: LoadScenario): Promise<LoadFigures> {
  if (scenario.paths.length === 0) throw new Error(`Scenario "${scenario.id}" has no request paths.`)
  let next = 0
  const latencies: number[] = []
  const statusCodes: Record<string, number> = {}

  const instance = autocannon({
    url: origin,
    connections: Math.max(1, Math.ceil((scenario.rate / 100) * CONNECTIONS_PER_100_RPS)),
    pipelining: 1,
    duration: scenario.durationSeconds,
    overallRate: scenario.rate,
    timeout: 10,
    // Raw latencies: autocannon 9 corrects with an expected interval of ceil(1 / per-connection rate) = 1 ms,
    // which adds synthetic samples below the real ones.
    ignoreCoordinatedOmission: true,
    headers: { cookie, accept: 'application/json' },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const path = scenario.paths[next % scenario.paths.length] as string
          next++
          return { ...request, path }
        },
      },
    ],
  })
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    latencies.push(responseTimeMs)
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1
  })
  const result = await instance

  const expected = statusCodes[scenario.expectedStatus] ?? 0
  return {
    id: scenario.id,
    targetRate: scenario.rate,
    achievedRate: result.duration > 0 ? round(latencies.length / result.duration, 1) : null,
    requests: latencies.length,
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    maxMs: round(Math.max(0, ...latencies), 1),
    errors: result.errors + result.timeouts,
    unexpectedStatus: latencies.length - expected,
    statusCodes,
  }
}
