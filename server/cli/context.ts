import { createInterface, type Interface } from 'node:readline'
import { Writable } from 'node:stream'
import { loadConfig, ConfigError, type Config } from '../config.js'
import { openDatabase, type DatabaseConnections } from '../db/database.js'
import { AccountInputError } from '../accounts/service.js'
import { InvalidSettingsError } from '../accounts/settings.js'

/** Services a CLI command uses. Tests pass a fake with captured output and scripted input. */
export interface CliContext {
  config: Config
  openDb(): Promise<DatabaseConnections>
  out(line: string): void
  err(line: string): void
  /** Reads one line from standard input (never from argv), without echo on a terminal. */
  readSecret(prompt: string): Promise<string>
}

/** Invalid usage (unknown flag, missing argument): exit status 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliUsageError'
  }
}

/** A failure the command explains (unknown organization, no such alert): exit status 1. */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliFailure'
  }
}

/** Maps an error to the CLI's exit status and prints its message; unexpected errors are rethrown. */
export function exitStatusFor(error: unknown, ctx: Pick<CliContext, 'err'>): number {
  if (error instanceof CliUsageError) {
    ctx.err(error.message)
    return 2
  }
  if ((error as { code?: unknown })?.code?.toString().startsWith('ERR_PARSE_ARGS_')) {
    ctx.err(`${(error as Error).message}. Run with --help to see the options.`)
    return 2
  }
  if (error instanceof CliFailure || error instanceof AccountInputError || error instanceof InvalidSettingsError || error instanceof ConfigError) {
    ctx.err(error.message)
    return 1
  }
  throw error
}

/** Wraps a command body so thrown usage errors and explained failures become exit statuses. */
export function cliCommand(body: (args: string[], ctx: CliContext) => Promise<number | void>) {
  return async function run(args: string[], ctx: CliContext): Promise<number> {
    try {
      return (await body(args, ctx)) ?? 0
    } catch (error) {
      return exitStatusFor(error, ctx)
    }
  }
}

function createLineReader(): { next(prompt: string): Promise<string> } {
  let reader: Interface | null = null
  const lines: string[] = []
  const waiting: Array<(line: string | null) => void> = []
  let ended = false
  let muted = false

  function ensureReader(): Interface {
    if (reader) return reader
    // On a terminal the typed characters are not echoed; a pipe has no echo to hide.
    const output = new Writable({
      write(chunk, _encoding, callback) {
        if (!muted) process.stderr.write(chunk)
        callback()
      },
    })
    reader = createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) })
    reader.on('line', (line) => {
      const resolve = waiting.shift()
      if (resolve) resolve(line)
      else lines.push(line)
    })
    reader.on('close', () => {
      ended = true
      for (const resolve of waiting.splice(0)) resolve(null)
    })
    return reader
  }

  return {
    async next(prompt: string) {
      ensureReader()
      if (process.stdin.isTTY) process.stderr.write(prompt)
      muted = Boolean(process.stdin.isTTY)
      let line: string | null = null
      if (lines.length > 0) line = lines.shift()!
      else if (!ended) line = await new Promise<string | null>((resolve) => waiting.push(resolve))
      muted = false
      if (process.stdin.isTTY) process.stderr.write('\n')
      if (line === null) throw new CliUsageError('Expected a line on standard input, but it ended. Pipe the value in, for example `printf "%s\\n" "$VALUE" | npm run portal -- ...`.')
      return line
    },
  }
}

/** Creates the real context: configuration from the environment, output to stdout and stderr, input from stdin. */
export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext & { close(): Promise<void> } {
  let config: Config | null = null
  let connections: Promise<DatabaseConnections> | null = null
  const lineReader = createLineReader()

  return {
    // Loaded on first use, so `--help` works without PORTAL_SECRET_KEY.
    get config(): Config {
      config ??= loadConfig(env)
      return config
    },
    openDb() {
      connections ??= openDatabase(this.config.dataDir)
      return connections
    },
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readSecret: (prompt) => lineReader.next(prompt),
    async close() {
      if (connections) await (await connections).close()
    },
  }
}
