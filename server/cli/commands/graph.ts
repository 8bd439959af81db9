import { parseArgs } from 'node:util'
import { GraphAuthError } from '../../graph/errors.js'
import { organizationSlug, requireOrganization } from '../../sync/cli-support.js'
import {
  adminConsentUrl, gatewayFor, GraphConnectionError, loadGraphConnection, saveGraphConnection,
} from '../../sync/connection.js'
import { checkGraphAccess, REQUIRED_PERMISSIONS } from '../../sync/graph-check.js'
import { cliCommand, CliFailure, CliUsageError } from '../context.js'

export const help = `Usage: portal graph <command> --org SLUG ...

  graph connect --org SLUG --tenant-id ID --client-id ID
      Stores the organization's Entra app registration. The client secret is read from
      standard input (never from arguments) and stored encrypted. Prints the admin-consent
      URL a Global Administrator of the tenant opens to grant the app's permissions.
  graph check --org SLUG
      Calls Microsoft Graph with the stored connection and lists, in plain words, the
      permissions or licences that are missing. Exit status 1 when anything is missing.

  Application permissions the sync uses: ${REQUIRED_PERMISSIONS.join(', ')}.`

export default cliCommand(async (args, ctx) => {
  const [action, ...rest] = args
  if (action === '--help' || action === 'help') {
    ctx.out(help)
    return 0
  }
  if (action !== 'connect' && action !== 'check') {
    throw new CliUsageError(action ? `Unknown graph command "${action}".\n\n${help}` : help)
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { org: { type: 'string' }, 'tenant-id': { type: 'string' }, 'client-id': { type: 'string' }, help: { type: 'boolean' } },
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

  if (action === 'connect') {
    const tenantId = values['tenant-id']
    const clientId = values['client-id']
    if (!tenantId || !clientId) throw new CliUsageError(`Missing --tenant-id or --client-id.\n\n${help}`)
    const clientSecret = await ctx.readSecret('Client secret: ')
    try {
      await saveGraphConnection(writer, ctx.config, organization.id, { tenantId, clientId, clientSecret })
    } catch (error) {
      if (error instanceof GraphConnectionError) throw new CliUsageError(error.message)
      throw error
    }
    ctx.out(`Saved the Microsoft Graph connection for ${slug} (tenant ${tenantId.toLowerCase()}, client ${clientId.toLowerCase()}).`)
    ctx.out('Ask a Global Administrator of the tenant to open this URL and grant the permissions:')
    ctx.out(`  ${adminConsentUrl(ctx.config, tenantId.toLowerCase(), clientId.toLowerCase())}`)
    ctx.out(`Then run \`portal graph check --org ${slug}\`.`)
    return 0
  }

  const connection = await loadGraphConnection(writer, ctx.config, organization.id)
  if (!connection) throw new CliFailure(`Organization "${slug}" has no Microsoft Graph connection: run \`portal graph connect --org ${slug} ...\` first.`)
  let results
  try {
    results = await checkGraphAccess(gatewayFor(ctx.config, connection))
  } catch (error) {
    if (error instanceof GraphAuthError) throw new CliFailure(`The app could not sign in to the tenant: ${error.message}`)
    throw error
  }
  for (const result of results) {
    ctx.out(`${result.status === 'ok' ? 'ok     ' : 'MISSING'}  ${result.area}${result.detail ? `: ${result.detail}` : ''}`)
  }
  const missing = results.filter((result) => result.status !== 'ok').length
  ctx.out(missing === 0 ? 'Everything the sync reads is available.' : `${missing} of ${results.length} areas need attention.`)
  return missing === 0 ? 0 : 1
})
