import { parseArgs } from 'node:util'
import { GraphDataError } from '../../graph/errors.js'
import { describeRun, cliLogger, requireOrganization } from '../../sync/cli-support.js'
import { ExportFolderSource } from '../../sync/export-folder-source.js'
import { runSync, SyncBusyError } from '../../sync/run-sync.js'
import { cliCommand, CliFailure, CliUsageError } from '../context.js'

export const help = `Usage: portal import --org SLUG DIR

  Loads a folder of saved Microsoft Graph responses (from \`portal sync --save-export\` or
  \`portal generate-tenant\`) into the organization, through the same mapping as a live sync.
  Datasets missing from the folder are skipped and keep their current data.
  The folder layout is described in docs/graph-export-folder.md.

  Exit status 0 when every dataset in the folder was imported, 1 when any failed.`

export default cliCommand(async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    options: { org: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    ctx.out(help)
    return 0
  }
  if (!values.org) throw new CliUsageError(`Missing organization: pass --org SLUG.\n\n${help}`)
  const [dir, ...extra] = positionals
  if (!dir) throw new CliUsageError(`Missing export folder: pass the folder path after the options.\n\n${help}`)
  if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": give one export folder.`)

  const { writer } = await ctx.openDb()
  const organization = await requireOrganization(writer, values.org)
  try {
    const source = await ExportFolderSource.open(dir, { kind: 'import' })
    const result = await runSync({ db: writer, orgId: organization.id, source, log: cliLogger(ctx.err) })
    for (const line of describeRun(values.org, result)) ctx.out(line)
    return result.status === 'succeeded' ? 0 : 1
  } catch (error) {
    if (error instanceof SyncBusyError || error instanceof GraphDataError) throw new CliFailure(error.message)
    throw error
  }
})
