import { parseArgs } from 'node:util'
import { organizationSlug, requireOrganization } from '../../sync/cli-support.js'
import { cliCommand, CliUsageError } from '../context.js'

export const help = `Usage: portal sync-runs --org SLUG [--limit N]

  Lists the organization's most recent sync runs, newest first: id, start time (UTC),
  source (graph, import or demo), status, duration and the error of a failed run.
  --limit N   number of runs to list, 1 to 100 (default 10)`

export default cliCommand(async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    options: { org: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    ctx.out(help)
    return 0
  }
  const slug = organizationSlug(values.org, positionals, help)
  const limit = values.limit === undefined ? 10 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new CliUsageError(`Invalid --limit "${values.limit}": use a whole number from 1 to 100.`)
  }

  const { reader } = await ctx.openDb()
  const organization = await requireOrganization(reader, slug)
  const runs = await reader
    .selectFrom('sync_runs')
    .selectAll()
    .where('org_id', '=', organization.id)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  if (runs.length === 0) {
    ctx.out(`No sync runs for ${slug} yet: run \`portal sync --org ${slug}\` or \`portal import --org ${slug} DIR\`.`)
    return 0
  }
  for (const run of runs) {
    const started = run.started_at.replace('T', ' ').slice(0, 19)
    const seconds = run.finished_at ? `${((Date.parse(run.finished_at) - Date.parse(run.started_at)) / 1000).toFixed(1)} s` : 'running'
    ctx.out(`#${run.id}  ${started} UTC  ${run.source.padEnd(6)}  ${run.status.padEnd(9)}  ${seconds}`)
    if (run.error) ctx.out(`      ${run.error}`)
  }
  return 0
})
