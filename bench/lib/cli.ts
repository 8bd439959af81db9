import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { PortalEnvironment } from './portal-env.js'
import { REPO_ROOT } from './paths.js'

export interface CliRun {
  args: string[]
  exitCode: number | null
  stdout: string
  stderr: string
  durationMs: number
  /** Peak resident set size of the CLI process in bytes, from GNU time; null without it. */
  maxRssBytes: number | null
}

export interface CliOptions {
  /** Written to standard input, then closed (passwords and secrets are read from there). */
  input?: string
  timeoutMs?: number
  /** Run under /usr/bin/time -v to record the peak RSS. */
  measureMemory?: boolean
  extraEnv?: Record<string, string>
  /** Aborting sends SIGTERM to the command (and to /usr/bin/time's child with it). */
  signal?: AbortSignal
}

const GNU_TIME = '/usr/bin/time'

/**
 * Runs the provider CLI (`server/cli/index.ts`) as one Node process with the tsx loader, so its
 * time and memory are the command's own and not an npm or npx wrapper's.
 */
export async function runCli(environment: PortalEnvironment, args: string[], options: CliOptions = {}): Promise<CliRun> {
  const nodeArgs = ['--import', 'tsx', 'server/cli/index.ts', ...args]
  const timeFile = path.join(environment.dataDir, `time-${process.pid}-${Date.now()}.txt`)
  const useTime = options.measureMemory === true && existsSync(GNU_TIME)
  const [file, fileArgs] = useTime
    ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs]

  const started = performance.now()
  const child = spawn(file, fileArgs, {
    cwd: REPO_ROOT,
    env: environment.variables(options.extraEnv),
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so a timeout also ends the node process under /usr/bin/time.
    detached: true,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdin.end(options.input ?? '')

  const timeoutMs = options.timeoutMs ?? 120_000
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
  }, timeoutMs)
  const terminate = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
  }
  options.signal?.addEventListener('abort', terminate, { once: true })
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  clearTimeout(timer)
  options.signal?.removeEventListener('abort', terminate)
  const durationMs = performance.now() - started

  let maxRssBytes: number | null = null
  if (useTime && existsSync(timeFile)) {
    const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1]
    maxRssBytes = kilobytes === undefined ? null : Number(kilobytes) * 1024
    rmSync(timeFile, { force: true })
  }
  if (timedOut) stderr += `\n(bench: killed after ${timeoutMs / 1000} s timeout)`
  return { args, exitCode, stdout, stderr, durationMs, maxRssBytes }
}

/** Runs the CLI and throws with its output when it exits non-zero. */
export async function runCliOrThrow(environment: PortalEnvironment, args: string[], options: CliOptions = {}): Promise<CliRun> {
  const run = await runCli(environment, args, options)
  if (run.exitCode !== 0) {
    const output = `${run.stderr.trim()} ${run.stdout.trim()}`.trim().slice(0, 800)
    throw new Error(`\`npm run portal -- ${args.join(' ')}\` exited with ${run.exitCode}: ${output}`)
  }
  return run
}
