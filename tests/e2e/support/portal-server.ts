import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo'

// Starts the real portal server (`tsx server/main.ts`) in demo mode on 127.0.0.1 for the
// end-to-end tests, and stops it. Outbound hosts point at a closed local port, so a sync
// attempt fails locally instead of reaching Microsoft.

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')

/** Time allowed for the server to respond to its first request. */
const START_TIMEOUT_MS = 60_000

export interface PortalServer {
  baseURL: string
  port: number
  dataDir: string
  staticDir: string
  pid: number
  stop(): Promise<void>
}

export interface StartPortalOptions {
  /** Folder of a built PWA to serve. */
  staticDir: string
  /** SQLite folder, or a new temporary one when unset. Reuse one to restart with the same accounts. */
  dataDir?: string
  /** Port to listen on, or a free one when unset. Reuse one to restart on the same origin. */
  port?: number
}

/** Returns a port that was free a moment ago (the OS picks it for a listen on port 0). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('Finding a free port failed: the OS assigned no port to a listen on port 0.'))))
    })
  })
}

/** Starts the portal in demo mode and resolves once it responds to HTTP. */
export async function startPortal(options: StartPortalOptions): Promise<PortalServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'clientone-e2e-data-'))
  const port = options.port ?? (await findFreePort())
  const baseURL = `http://127.0.0.1:${port}`

  const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      STATIC_DIR: options.staticDir,
      PORTAL_DEMO: '1',
      DEMO_PASSWORD,
      DEMO_TOTP_SECRET,
      SYNC_INTERVAL_MINUTES: '0',
      GRAPH_BASE_URL: 'http://127.0.0.1:9',
      GRAPH_AUTHORITY_HOST: 'http://127.0.0.1:9',
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)

  try {
    await waitUntilAnswering(baseURL, child)
  } catch (error) {
    await stopProcess(child)
    const log = output.join('').slice(-4000)
    throw new Error(`${(error as Error).message}\nServer output:\n${log}`)
  }

  return {
    baseURL,
    port,
    dataDir,
    staticDir: options.staticDir,
    pid: child.pid ?? -1,
    stop: () => stopProcess(child),
  }
}

async function waitUntilAnswering(baseURL: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  let exited: string | null = null
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`
  })

  while (Date.now() < deadline) {
    if (exited) throw new Error(`The portal server ${exited} before it responded on ${baseURL}.`)
    try {
      await fetch(`${baseURL}/api/v1/me`, { signal: AbortSignal.timeout(2000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`The portal server did not respond on ${baseURL} within ${START_TIMEOUT_MS / 1000} s. Check the server output below.`)
}

/** Sends SIGTERM (the server closes gracefully) and SIGKILL if it is still running after 10 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
