import { parseArgs } from 'node:util'
import { GraphSource } from '../../graph/graph-source.js'
import { describeRun, cliLogger, organizationSlug, requireOrganization } from '../../sync/cli-support.js'
import { gatewayFor, loadGraphConnection } from '../../sync/connection.js'
import { createExportRecorder } from '../../sync/export-recorder.js'
import { runSync, SyncBusyError } from '../../sync/run-sync.js'
import { cliCommand, CliFailure } from '../context.js'

export const help = `Usage: portal sync --org SLUG [--save-export DIR]

  Syncs the organization from Microsoft Graph now and prints what each dataset got.
  --org SLUG          the organization (connect it first with \`portal graph connect\`)
  --save-export DIR   also save every raw Graph response into DIR, in the folder layout
                      \`portal import\` reads (docs/graph-export-folder.md)

  Exit status 0 when every dataset succeeded, 1 when any failed.`

export default cliCommand(async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    options: { org: { type: 'string' }, 'save-export': { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    ctx.out(help)
    return 0
  }
  const slug = organizationSlug(values.org, positionals, help)
  const { writer } = await ctx.openDb()
  const organization = await requireOrganization(writer, slug)
  const connection = await loadGraphConnection(writer, ctx.config, organization.id)
  if (!connection) {
    throw new CliFailure(`Organization "${slug}" has no Microsoft Graph connection: run \`portal graph connect --org ${slug} --tenant-id ID --client-id ID\` first.`)
  }

  let recorder
  if (values['save-export']) {
    try {
      recorder = await createExportRecorder(values['save-export'])
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (!code) throw error
      throw new CliFailure(`Failed to create the export folder "${values['save-export']}" (${code}). Choose a folder you can write to.`)
    }
  }
  const source = new GraphSource(gatewayFor(ctx.config, connection), recorder)
  try {
    const result = await runSync({ db: writer, orgId: organization.id, source, log: cliLogger(ctx.err) })
    for (const line of describeRun(slug, result)) ctx.out(line)
    if (values['save-export']) ctx.out(`Saved the Graph responses in ${values['save-export']}.`)
    return result.status === 'succeeded' ? 0 : 1
  } catch (error) {
    if (error instanceof SyncBusyError) throw new CliFailure(error.message)
    throw error
  }
})
