import { parseArgs } from 'node:util'
import { findOrganizationBySlug } from '../../accounts/service.js'
import { alertExists, upsertAlertTriage, type TriageUpdate } from '../../db/repositories/triage.js'
import { cliCommand, CliFailure, CliUsageError } from '../context.js'

/** Maximum length of the provider's note, which the PWA shows in full on the alert screen. */
const MAX_NOTE_LENGTH = 4000

export const help = `Usage: portal alert <command> --org SLUG ALERT_ID ...

  alert hide --org SLUG ALERT_ID                  Hide the alert from the organization's users.
  alert unhide --org SLUG ALERT_ID                Show a hidden alert again.
  alert note --org SLUG ALERT_ID [--text TEXT]    Set the provider's note on the alert. Without --text,
                                                  reads one line from standard input. --clear removes it.
  alert needs-confirmation --org SLUG ALERT_ID on|off
                                                  Ask the organization's users to confirm the alert.

  ALERT_ID is the id shown by the alerts API (a Graph alert id, or riskyUser:<userId>).
  Triage outlives syncs, so it stays on the alert after the next sync.`

export default cliCommand(async (args, ctx) => {
  const [action, ...rest] = args
  if (!action || !['hide', 'unhide', 'note', 'needs-confirmation'].includes(action)) {
    throw new CliUsageError(action ? `Unknown alert command "${action}".\n\n${help}` : help)
  }

  const { values, positionals } = parseArgs({
    args: rest,
    options: { org: { type: 'string' }, text: { type: 'string' }, clear: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  const slug = values.org
  const [alertId, ...extra] = positionals
  if (!slug) throw new CliUsageError(`Missing --org SLUG: name the organization. Usage: portal alert ${action} --org SLUG ALERT_ID`)
  if (!alertId) throw new CliUsageError(`Missing alert id. Usage: portal alert ${action} --org SLUG ALERT_ID`)
  if ((values.text !== undefined || values.clear) && action !== 'note') throw new CliUsageError('--text and --clear only apply to `alert note`.')

  let update: TriageUpdate
  if (action === 'hide' || action === 'unhide') {
    if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": remove it, or see --help for the usage.`)
    update = { hidden: action === 'hide' }
  } else if (action === 'needs-confirmation') {
    const [state, ...more] = extra
    if (state !== 'on' && state !== 'off') throw new CliUsageError(`Invalid value "${state ?? ''}" for needs-confirmation: use "on" or "off".`)
    if (more.length > 0) throw new CliUsageError(`Unexpected argument "${more[0]}": remove it, or see --help for the usage.`)
    update = { needsConfirmation: state === 'on' }
  } else {
    if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": quote the note and pass it with --text.`)
    if (values.clear && values.text !== undefined) throw new CliUsageError('Use either --text or --clear, not both.')
    const text = values.clear ? null : (values.text ?? (await ctx.readSecret('Note: '))).trim()
    if (text === '') throw new CliUsageError('Empty note: give the text, or use --clear to remove the note.')
    if (text !== null && text.length > MAX_NOTE_LENGTH) throw new CliUsageError(`Note too long (${text.length} characters): keep it under ${MAX_NOTE_LENGTH}.`)
    update = { note: text }
  }

  const { writer } = await ctx.openDb()
  const organization = await findOrganizationBySlug(writer, slug)
  if (!organization) throw new CliFailure(`Organization "${slug}" not found: list organizations with \`portal org list\`.`)
  if (!(await alertExists(writer, organization.id, alertId))) {
    throw new CliFailure(`Alert "${alertId}" not found in ${slug}: check the id, or run a sync first (\`portal sync --org ${slug}\`).`)
  }

  await upsertAlertTriage(writer, organization.id, alertId, update, new Date().toISOString())
  const done = {
    hide: 'hidden from users',
    unhide: 'visible to users again',
    note: update.note === null ? 'note removed' : 'note saved',
    'needs-confirmation': update.needsConfirmation ? 'marked as needing confirmation' : 'no longer needs confirmation',
  }[action as 'hide' | 'unhide' | 'note' | 'needs-confirmation']
  ctx.out(`Alert ${alertId} in ${slug}: ${done}.`)
  return 0
})
