import { parseArgs } from 'node:util'
import { TAB_IDS, type TabId } from '../../contract/common.js'
import type { PortalSettings } from '../../contract/settings.js'
import { createOrganization, findOrganizationBySlug, updateOrganizationSettings } from '../../accounts/service.js'
import { deleteOrganizationRow, listOrganizationRows } from '../../db/repositories/organizations.js'
import { cliCommand, CliFailure, CliUsageError, type CliContext } from '../context.js'

export const help = `Usage: portal org <create|list|settings|delete> ...

  org create SLUG --name NAME     Create an organization. SLUG is lower-case letters, digits and hyphens.
  org list                        List organizations with their account counts.
  org settings SLUG [flags]       Print the portal settings; with flags, change them first:
      --m365 on|off                 Microsoft 365 area for the organization
      --alerts on|off               security alerts (needs --m365 on)
      --standard-tabs a,b,c         tabs standard users may open: ${TAB_IDS.join(', ')}
      --alert-sources a,b           alert sources shown: defender, riskySignIns, riskyUsers (or "none")
      --alert-min-severity LEVEL    lowest severity shown: high, medium, low, informational
      --provider-name TEXT          provider's name shown to users
      --provider-email TEXT         provider's email ("" clears it)
      --provider-phone TEXT         provider's phone ("" clears it)
      --ticket-url URL              link to open a ticket ("" clears it)
      --idle-minutes N              session idle timeout in minutes (5 to 1440)
      --absolute-hours N            maximum session length in hours (1 to 720)
      --offline-cache on|off        let the app show cached data while offline
      --offline-max-age-hours N     hours cached data may be shown (1 to 168)
  org delete SLUG --yes           Delete the organization with its accounts, sessions and synced data.`

const ALERT_SOURCES = ['defender', 'riskySignIns', 'riskyUsers'] as const
const MIN_SEVERITIES = ['high', 'medium', 'low', 'informational'] as const

function onOff(flag: string, value: string): boolean {
  if (value === 'on') return true
  if (value === 'off') return false
  throw new CliUsageError(`Invalid value "${value}" for --${flag}: use "on" or "off".`)
}

function integer(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CliUsageError(`Invalid value "${value}" for --${flag}: expected a whole number.`)
  return Number(value)
}

function listOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  if (value === 'none' || value === '') return []
  const items = value.split(',').map((item) => item.trim())
  const unknown = items.filter((item) => !allowed.includes(item as T))
  if (unknown.length > 0) throw new CliUsageError(`Invalid value "${unknown.join(', ')}" for --${flag}: allowed values are ${allowed.join(', ')}.`)
  return items as T[]
}

const emptyToNull = (value: string) => (value.trim() === '' ? null : value.trim())

const settingsOptions = {
  m365: { type: 'string' },
  alerts: { type: 'string' },
  'standard-tabs': { type: 'string' },
  'alert-sources': { type: 'string' },
  'alert-min-severity': { type: 'string' },
  'provider-name': { type: 'string' },
  'provider-email': { type: 'string' },
  'provider-phone': { type: 'string' },
  'ticket-url': { type: 'string' },
  'idle-minutes': { type: 'string' },
  'absolute-hours': { type: 'string' },
  'offline-cache': { type: 'string' },
  'offline-max-age-hours': { type: 'string' },
} as const

type SettingsFlags = Partial<Record<keyof typeof settingsOptions, string>>

/** Builds a settings patch from the flags given; flags not given leave their setting unchanged. */
function settingsPatch(flags: SettingsFlags, current: PortalSettings): Partial<PortalSettings> {
  const patch: Partial<PortalSettings> = {}
  if (flags.m365 !== undefined) patch.m365Enabled = onOff('m365', flags.m365)
  if (flags.alerts !== undefined) patch.securityAlertsEnabled = onOff('alerts', flags.alerts)
  if (flags['standard-tabs'] !== undefined) patch.standardTabs = listOf<TabId>('standard-tabs', flags['standard-tabs'], TAB_IDS)
  if (flags['alert-sources'] !== undefined) {
    const enabled = listOf('alert-sources', flags['alert-sources'], ALERT_SOURCES)
    patch.alertSources = { defender: enabled.includes('defender'), riskySignIns: enabled.includes('riskySignIns'), riskyUsers: enabled.includes('riskyUsers') }
  }
  if (flags['alert-min-severity'] !== undefined) {
    const [severity] = listOf('alert-min-severity', flags['alert-min-severity'], MIN_SEVERITIES)
    if (!severity) throw new CliUsageError(`Missing value for --alert-min-severity: use one of ${MIN_SEVERITIES.join(', ')}.`)
    patch.alertMinSeverity = severity
  }

  const provider = { ...current.provider }
  let providerChanged = false
  if (flags['provider-name'] !== undefined) {
    const name = flags['provider-name'].trim()
    if (!name) throw new CliUsageError('Invalid value "" for --provider-name: give the name users should see.')
    provider.name = name
    providerChanged = true
  }
  if (flags['provider-email'] !== undefined) {
    provider.email = emptyToNull(flags['provider-email'])
    providerChanged = true
  }
  if (flags['provider-phone'] !== undefined) {
    provider.phone = emptyToNull(flags['provider-phone'])
    providerChanged = true
  }
  if (flags['ticket-url'] !== undefined) {
    const url = emptyToNull(flags['ticket-url'])
    if (url !== null && !/^https?:\/\/\S+$/.test(url)) throw new CliUsageError(`Invalid value "${url}" for --ticket-url: expected an http:// or https:// URL.`)
    provider.ticketUrl = url
    providerChanged = true
  }
  if (providerChanged) patch.provider = provider

  if (flags['idle-minutes'] !== undefined || flags['absolute-hours'] !== undefined) {
    patch.session = {
      idleMinutes: flags['idle-minutes'] === undefined ? current.session.idleMinutes : integer('idle-minutes', flags['idle-minutes']),
      absoluteHours: flags['absolute-hours'] === undefined ? current.session.absoluteHours : integer('absolute-hours', flags['absolute-hours']),
    }
  }
  if (flags['offline-cache'] !== undefined || flags['offline-max-age-hours'] !== undefined) {
    patch.offlineCache = {
      enabled: flags['offline-cache'] === undefined ? current.offlineCache.enabled : onOff('offline-cache', flags['offline-cache']),
      maxAgeHours: flags['offline-max-age-hours'] === undefined ? current.offlineCache.maxAgeHours : integer('offline-max-age-hours', flags['offline-max-age-hours']),
    }
  }
  return patch
}

function printSettings(ctx: CliContext, slug: string, settings: PortalSettings): void {
  const sources = ALERT_SOURCES.filter((source) => settings.alertSources[source])
  ctx.out(`Settings of ${slug}:`)
  ctx.out(`  m365: ${settings.m365Enabled ? 'on' : 'off'}`)
  ctx.out(`  alerts: ${settings.securityAlertsEnabled ? 'on' : 'off'}`)
  ctx.out(`  standard-tabs: ${settings.standardTabs.join(',') || 'none'}`)
  ctx.out(`  alert-sources: ${sources.join(',') || 'none'}`)
  ctx.out(`  alert-min-severity: ${settings.alertMinSeverity}`)
  ctx.out(`  provider-name: ${settings.provider.name}`)
  ctx.out(`  provider-email: ${settings.provider.email ?? '(none)'}`)
  ctx.out(`  provider-phone: ${settings.provider.phone ?? '(none)'}`)
  ctx.out(`  ticket-url: ${settings.provider.ticketUrl ?? '(none)'}`)
  ctx.out(`  idle-minutes: ${settings.session.idleMinutes}`)
  ctx.out(`  absolute-hours: ${settings.session.absoluteHours}`)
  ctx.out(`  offline-cache: ${settings.offlineCache.enabled ? 'on' : 'off'}`)
  ctx.out(`  offline-max-age-hours: ${settings.offlineCache.maxAgeHours}`)
}

function requireSlug(positionals: string[], usage: string): string {
  const [slug, ...extra] = positionals
  if (!slug) throw new CliUsageError(`Missing organization slug. Usage: ${usage}`)
  if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}". Usage: ${usage}`)
  return slug
}

async function requireOrganization(ctx: CliContext, slug: string) {
  const { writer } = await ctx.openDb()
  const organization = await findOrganizationBySlug(writer, slug)
  if (!organization) throw new CliFailure(`Organization "${slug}" not found: list organizations with \`portal org list\`.`)
  return organization
}

export default cliCommand(async (args, ctx) => {
  const [action, ...rest] = args

  switch (action) {
    case 'create': {
      const { values, positionals } = parseArgs({ args: rest, options: { name: { type: 'string' } }, allowPositionals: true, strict: true })
      const slug = requireSlug(positionals, 'portal org create SLUG --name NAME')
      if (!values.name) throw new CliUsageError('Missing --name: give the organization\'s display name, for example --name "Contoso Ltd".')
      const { writer } = await ctx.openDb()
      const organization = await createOrganization(writer, { slug, name: values.name })
      ctx.out(`Created organization ${organization.slug} (${organization.name}), id ${organization.id}.`)
      return 0
    }

    case 'list': {
      parseArgs({ args: rest, options: {}, allowPositionals: false, strict: true })
      const { writer } = await ctx.openDb()
      const organizations = await listOrganizationRows(writer)
      if (organizations.length === 0) ctx.out('No organizations yet. Create one with `portal org create SLUG --name NAME`.')
      for (const organization of organizations) {
        ctx.out(`${organization.slug}\t${organization.name}\t${organization.accountCount} account${organization.accountCount === 1 ? '' : 's'}`)
      }
      return 0
    }

    case 'settings': {
      const { values, positionals } = parseArgs({ args: rest, options: settingsOptions, allowPositionals: true, strict: true })
      const slug = requireSlug(positionals, 'portal org settings SLUG [flags]')
      const organization = await requireOrganization(ctx, slug)
      const patch = settingsPatch(values, organization.settings)
      let settings = organization.settings
      if (Object.keys(patch).length > 0) {
        const { writer } = await ctx.openDb()
        settings = await updateOrganizationSettings(writer, organization.id, patch)
        ctx.out(`Updated the settings of ${slug}.`)
      }
      printSettings(ctx, slug, settings)
      return 0
    }

    case 'delete': {
      const { values, positionals } = parseArgs({ args: rest, options: { yes: { type: 'boolean' } }, allowPositionals: true, strict: true })
      const slug = requireSlug(positionals, 'portal org delete SLUG --yes')
      const organization = await requireOrganization(ctx, slug)
      if (!values.yes) {
        throw new CliUsageError(`Deleting ${slug} removes its accounts, sessions and synced data. Add --yes to confirm.`)
      }
      const { writer } = await ctx.openDb()
      await deleteOrganizationRow(writer, organization.id)
      ctx.out(`Deleted organization ${slug}.`)
      return 0
    }

    default:
      throw new CliUsageError(action ? `Unknown org command "${action}".\n\n${help}` : help)
  }
})
