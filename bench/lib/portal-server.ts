import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { findFreePort } from './free-port.js'
import type { PortalEnvironment } from './portal-env.js'
import { REPO_ROOT } from './paths.js'

export interface RunningPortal {
  origin: string
  pid: number
  logFile: string
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 60_000

/**
 * Starts `server/main.ts` in a child Node process (tsx loader, no npx wrapper, so the pid is the
 * server's own) on 127.0.0.1 and a free port, and resolves once the API responds.
 */
export async function startPortal(environment: PortalEnvironment, options: { staticDir?: string } = {}): Promise<RunningPortal> {
  const port = await findFreePort()
  const origin = `http://127.0.0.1:${port}`
  const logFile = path.join(environment.dataDir, `server-${port}.log`)
  const logFd = openSync(logFile, 'a')
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: environment.variables({
      HOST: '127.0.0.1',
      PORT: String(port),
      STATIC_DIR: options.staticDir ?? path.join(environment.dataDir, 'no-build'),
    }),
    stdio: ['ignore', logFd, logFd],
  })
  closeSync(logFd)

  try {
    await waitUntilReady(child, origin, logFile)
  } catch (error) {
    await stopChild(child)
    throw error
  }
  return {
    origin,
    pid: child.pid ?? -1,
    logFile,
    stop: () => stopChild(child),
  }
}

async function waitUntilReady(child: ChildProcess, origin: string, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The portal server exited with code ${child.exitCode} before responding; log: ${tail(logFile)}`)
    }
    try {
      const response = await fetch(`${origin}/api/v1/openapi.json`)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The portal server did not respond on ${origin} within ${START_TIMEOUT_MS / 1000} s; log: ${tail(logFile)}`)
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ')
  } catch {
    return '(no log)'
  }
}

/** Sends SIGTERM to this child only, then SIGKILL if it has not exited after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
