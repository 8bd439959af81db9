import net from 'node:net'
import tls from 'node:tls'

// Every test process loads this first: a connection to any host other than the loopback
// addresses fails before DNS, so a forgotten default (Microsoft's login host, a binary
// download) fails the test instead of reaching the network.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

export class EgressBlockedError extends Error {
  constructor(host: string) {
    super(`Outbound connection to "${host}" blocked: tests may only connect to 127.0.0.1, localhost or ::1.`)
    this.name = 'EgressBlockedError'
  }
}

/** Returns the host a `connect` call targets, or undefined for a local socket path. */
function targetHost(args: unknown[]): string | undefined {
  const first = args[0]
  if (Array.isArray(first)) return targetHost(first)
  if (first && typeof first === 'object') {
    const options = first as { host?: string; hostname?: string; path?: string }
    if (options.path && !options.host) return undefined
    return options.host ?? options.hostname ?? 'localhost'
  }
  if (typeof first === 'number') return typeof args[1] === 'string' ? args[1] : 'localhost'
  return undefined
}

function assertLoopback(host: string | undefined): void {
  if (host !== undefined && !LOOPBACK_HOSTS.has(host) && !host.startsWith('127.')) throw new EgressBlockedError(host)
}

const guardKey = Symbol.for('clientone.egressGuard')
const state = globalThis as unknown as Record<symbol, boolean>

if (!state[guardKey]) {
  state[guardKey] = true

  const socketConnect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    assertLoopback(targetHost(args))
    return (socketConnect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof socketConnect

  const tlsConnect = tls.connect
  tls.connect = function guardedTlsConnect(...args: unknown[]) {
    assertLoopback(targetHost(args))
    return (tlsConnect as (...a: unknown[]) => tls.TLSSocket)(...args)
  } as typeof tls.connect
}
