import { parseArgs } from 'node:util'
import { MIN_PASSWORD_LENGTH } from '../../contract/auth.js'
import { createAccount, createInvitation, DEFAULT_INVITATION_HOURS, findOrganizationBySlug } from '../../accounts/service.js'
import { disableAccount, enableAccount, requireAccountByEmail, resetMfa, setAccountRole, setM365Permitted } from '../../accounts/management.js'
import { listAccountsOfOrganization } from '../../db/repositories/accounts.js'
import { cliCommand, CliFailure, CliUsageError, type CliContext } from '../context.js'

const DEFAULT_BASE_URL = 'http://127.0.0.1:8080'

export const help = `Usage: portal account <command> ...

  account create --org SLUG --email EMAIL --name NAME --role manager|standard [--no-m365] [--password-stdin]
                                   Create an account. Without --password-stdin it prints an invitation link;
                                   with it, reads the password (at least ${MIN_PASSWORD_LENGTH} characters) from standard input.
  account list --org SLUG          List the organization's accounts.
  account set-role EMAIL manager|standard
  account permit EMAIL             Allow the account to see Microsoft 365 data and alerts.
  account deny EMAIL               Stop the account from seeing Microsoft 365 data and alerts.
  account disable EMAIL            Block sign-in and end the account's sessions.
  account enable EMAIL             Allow sign-in again (also clears a lockout).
  account reset-password EMAIL     Print a new one-time link where the person sets a new password
                                   (the old password works until the link is used).
  account reset-mfa EMAIL          Remove the authenticator app and recovery codes, and end the sessions.
  account invite EMAIL             Print a one-time invitation link for the account.

  Link options (create, invite, reset-password):
      --base-url URL               address of the portal in the link (default ${DEFAULT_BASE_URL})
      --valid-hours N              hours the link stays valid (default ${DEFAULT_INVITATION_HOURS})`

const linkOptions = { 'base-url': { type: 'string' }, 'valid-hours': { type: 'string' } } as const

function requireEmail(positionals: string[], usage: string): string {
  const [email, ...extra] = positionals
  if (!email) throw new CliUsageError(`Missing account email. Usage: ${usage}`)
  if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}". Usage: ${usage}`)
  return email
}

function validHours(value: string | undefined): number {
  if (value === undefined) return DEFAULT_INVITATION_HOURS
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 720) {
    throw new CliUsageError(`Invalid value "${value}" for --valid-hours: use a whole number of hours from 1 to 720.`)
  }
  return Number(value)
}

function invitationBaseUrl(value: string | undefined): string {
  const base = (value ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  if (!/^https?:\/\/[^\s/]+/.test(base)) throw new CliUsageError(`Invalid value "${value}" for --base-url: expected an address such as https://portal.example.com.`)
  return base
}

async function printInvitation(ctx: CliContext, accountId: number, email: string, flags: { 'base-url'?: string; 'valid-hours'?: string }): Promise<void> {
  const base = invitationBaseUrl(flags['base-url'])
  const { writer } = await ctx.openDb()
  const invitation = await createInvitation(writer, accountId, validHours(flags['valid-hours']))
  ctx.out(`One-time link for ${email} (valid until ${invitation.expiresAt}):`)
  ctx.out(`${base}/invitation/${invitation.token}`)
}

async function requireOrganization(ctx: CliContext, slug: string | undefined) {
  if (!slug) throw new CliUsageError('Missing --org SLUG: name the organization, for example --org contoso.')
  const { writer } = await ctx.openDb()
  const organization = await findOrganizationBySlug(writer, slug)
  if (!organization) throw new CliFailure(`Organization "${slug}" not found: list organizations with \`portal org list\`.`)
  return organization
}

/** Runs a one-email command: parses `EMAIL`, finds the account and applies `change`. */
async function withAccount(ctx: CliContext, rest: string[], usage: string, change: (accountId: number, email: string, extra: string[]) => Promise<void>) {
  const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true, strict: true })
  const [email, ...extra] = positionals
  if (!email) throw new CliUsageError(`Missing account email. Usage: ${usage}`)
  const { writer } = await ctx.openDb()
  const account = await requireAccountByEmail(writer, email)
  await change(account.id, account.email, extra)
}

export default cliCommand(async (args, ctx) => {
  const [action, ...rest] = args

  switch (action) {
    case 'create': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          'no-m365': { type: 'boolean' },
          'password-stdin': { type: 'boolean' },
          ...linkOptions,
        },
        allowPositionals: true,
        strict: true,
      })
      if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}": pass values with --org, --email, --name and --role.`)
      if (!values.email) throw new CliUsageError('Missing --email: give the person\'s sign-in email.')
      if (!values.name) throw new CliUsageError('Missing --name: give the person\'s display name.')
      if (values.role !== 'manager' && values.role !== 'standard') {
        throw new CliUsageError(`Invalid value "${values.role ?? ''}" for --role: use "manager" or "standard".`)
      }
      const organization = await requireOrganization(ctx, values.org)

      let password: string | undefined
      if (values['password-stdin']) {
        password = await ctx.readSecret('Password: ')
        if (password.length < MIN_PASSWORD_LENGTH) throw new CliFailure(`Invalid password: use at least ${MIN_PASSWORD_LENGTH} characters.`)
      }

      const { writer } = await ctx.openDb()
      const { id } = await createAccount(writer, {
        orgId: organization.id,
        email: values.email,
        displayName: values.name,
        role: values.role,
        m365Permitted: !values['no-m365'],
        ...(password === undefined ? {} : { password }),
      })
      ctx.out(`Created ${values.role} account ${values.email.trim().toLowerCase()} in ${organization.slug}.`)
      if (password === undefined) await printInvitation(ctx, id, values.email.trim().toLowerCase(), values)
      return 0
    }

    case 'list': {
      const { values } = parseArgs({ args: rest, options: { org: { type: 'string' } }, allowPositionals: false, strict: true })
      const organization = await requireOrganization(ctx, values.org)
      const { writer } = await ctx.openDb()
      const accounts = await listAccountsOfOrganization(writer, organization.id)
      if (accounts.length === 0) ctx.out(`No accounts in ${organization.slug}. Create one with \`portal account create --org ${organization.slug} ...\`.`)
      for (const account of accounts) {
        const state = [
          account.disabled ? 'disabled' : 'enabled',
          account.m365Permitted ? 'm365 permitted' : 'm365 denied',
          account.totpSecretEnc ? 'mfa on' : 'mfa off',
          account.passwordHash ? 'password set' : 'invited',
        ]
        if (account.lockedUntil && Date.parse(account.lockedUntil) > Date.now()) state.push(`locked until ${account.lockedUntil}`)
        ctx.out(`${account.email}\t${account.displayName}\t${account.role}\t${state.join(', ')}`)
      }
      return 0
    }

    case 'set-role':
      await withAccount(ctx, rest, 'portal account set-role EMAIL manager|standard', async (accountId, email, [role, ...extra]) => {
        if (role !== 'manager' && role !== 'standard') throw new CliUsageError(`Invalid role "${role ?? ''}": use "manager" or "standard".`)
        if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": remove it, or see --help for the usage.`)
        await setAccountRole((await ctx.openDb()).writer, accountId, role)
        ctx.out(`${email} is now a ${role}.`)
      })
      return 0

    case 'permit':
    case 'deny':
      await withAccount(ctx, rest, `portal account ${action} EMAIL`, async (accountId, email, extra) => {
        if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": remove it, or see --help for the usage.`)
        await setM365Permitted((await ctx.openDb()).writer, accountId, action === 'permit')
        ctx.out(action === 'permit' ? `${email} may now see Microsoft 365 data.` : `${email} may no longer see Microsoft 365 data.`)
      })
      return 0

    case 'disable':
      await withAccount(ctx, rest, 'portal account disable EMAIL', async (accountId, email, extra) => {
        if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": remove it, or see --help for the usage.`)
        const ended = await disableAccount((await ctx.openDb()).writer, accountId)
        ctx.out(`Disabled ${email}; ended ${ended} session${ended === 1 ? '' : 's'}.`)
      })
      return 0

    case 'enable':
      await withAccount(ctx, rest, 'portal account enable EMAIL', async (accountId, email, extra) => {
        if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": remove it, or see --help for the usage.`)
        await enableAccount((await ctx.openDb()).writer, accountId)
        ctx.out(`Enabled ${email}.`)
      })
      return 0

    case 'reset-mfa':
      await withAccount(ctx, rest, 'portal account reset-mfa EMAIL', async (accountId, email, extra) => {
        if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}": remove it, or see --help for the usage.`)
        const ended = await resetMfa((await ctx.openDb()).writer, accountId)
        ctx.out(`Removed two-step sign-in from ${email}; ended ${ended} session${ended === 1 ? '' : 's'}. The person can enrol again from the profile.`)
      })
      return 0

    case 'invite':
    case 'reset-password': {
      const { values, positionals } = parseArgs({ args: rest, options: linkOptions, allowPositionals: true, strict: true })
      const email = requireEmail(positionals, `portal account ${action} EMAIL [--base-url URL] [--valid-hours N]`)
      const { writer } = await ctx.openDb()
      const account = await requireAccountByEmail(writer, email)
      if (account.disabled) throw new CliFailure(`Account "${account.email}" is disabled: enable it first with \`portal account enable ${account.email}\`.`)
      await printInvitation(ctx, account.id, account.email, values)
      return 0
    }

    default:
      throw new CliUsageError(action ? `Unknown account command "${action}".\n\n${help}` : help)
  }
})
