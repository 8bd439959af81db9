import { pathToFileURL } from 'node:url'
import { createCliContext, exitStatusFor, type CliContext } from './context.js'

interface CommandModule {
  help: string
  default: (args: string[], ctx: CliContext) => Promise<number>
}

// Each verb's module is imported only when used, so a verb whose module is missing or broken
// fails alone with a clear message instead of taking the whole CLI down.
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  org: { summary: 'create, list, change settings of, or delete organizations', load: () => import('./commands/org.js') },
  account: { summary: 'create, list and change accounts; print invitation links', load: () => import('./commands/account.js') },
  alert: { summary: 'hide, unhide, annotate or flag security alerts', load: () => import('./commands/alert.js') },
  graph: { summary: 'connect an organization to Microsoft Graph and check permissions', load: () => import('./commands/graph.js' as string) },
  sync: { summary: 'sync an organization from Microsoft Graph now', load: () => import('./commands/sync.js' as string) },
  'sync-runs': { summary: 'list recent sync runs', load: () => import('./commands/sync-runs.js' as string) },
  import: { summary: 'import an organization\'s data from an export folder', load: () => import('./commands/import.js' as string) },
  'generate-tenant': { summary: 'generate a large synthetic tenant for testing', load: () => import('./commands/generate-tenant.js' as string) },
}

export const usage = `Usage: npm run portal -- VERB [ARGS...]   (each verb takes --help)

${Object.entries(COMMANDS)
  .map(([verb, { summary }]) => `  ${verb.padEnd(16)}${summary}`)
  .join('\n')}

Configuration comes from the environment: DATA_DIR (default "data") and PORTAL_SECRET_KEY
(required), or PORTAL_DEMO=1 to use the demo key kept in DATA_DIR.
Exit status: 0 on success, 1 on a failure explained on stderr, 2 on invalid usage.`

/** Dispatches `argv` (without node and script) to a verb's module and returns the exit status. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [verb, ...args] = argv
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    ctx.out(usage)
    return verb ? 0 : 2
  }

  const command = COMMANDS[verb]
  if (!command) {
    ctx.err(`Unknown command "${verb}".\n\n${usage}`)
    return 2
  }

  let module: CommandModule
  try {
    module = await command.load()
  } catch (error) {
    ctx.err(`The "${verb}" command could not be loaded: ${(error as Error).message}`)
    return 1
  }

  if (args.includes('--help') || args.includes('-h')) {
    ctx.out(module.help)
    return 0
  }

  try {
    return await module.default(args, ctx)
  } catch (error) {
    return exitStatusFor(error, ctx)
  }
}

async function main(): Promise<void> {
  const ctx = createCliContext()
  let status: number
  try {
    status = await runCli(process.argv.slice(2), ctx)
  } catch (error) {
    ctx.err(`Unexpected error: ${(error as Error).stack ?? String(error)}`)
    status = 1
  } finally {
    await ctx.close()
  }
  process.exit(status)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main()
}
