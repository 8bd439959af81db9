import { parseArgs } from 'node:util'
import { DEFAULT_SIGN_IN_DAYS, MAX_SIGN_IN_DAYS, generateTenant } from '../../sync/generator.js'
import { cliCommand, CliFailure, CliUsageError } from '../context.js'

export const help = `Usage: portal generate-tenant --users N --out DIR [--seed S] [--now ISO] [--page-size N] [--sign-in-days D]

  Writes a synthetic Microsoft 365 tenant as an export folder that \`portal import\` reads:
  users, groups and members, devices, about 4 sign-ins per user per week,
  MFA registration, mailbox/Teams/SharePoint report CSVs, alerts and risky users.
  --users N       number of users (at least 1)
  --out DIR       folder to write; existing files with the same names are overwritten
  --seed S        whole number seeding the generator (default 1)
  --now ISO       end of the sign-in window and export time (default: the current hour, UTC)
  --page-size N   records per page file, 1 to 999 (default 999, Graph's maximum for users)
  --sign-in-days D  days of sign-ins ending at --now, 1 to 30 (default 7: 200,000 sign-ins
                  for 50,000 users)

  The same --users, --seed, --now and --page-size always write identical files.`

export default cliCommand(async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    options: {
      users: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'page-size': { type: 'string' },
      'sign-in-days': { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    ctx.out(help)
    return 0
  }
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".\n\n${help}`)
  const users = Number(values.users)
  if (values.users === undefined || !Number.isInteger(users) || users < 1) {
    throw new CliUsageError(`Invalid --users "${values.users ?? ''}": give a whole number of at least 1.`)
  }
  if (!values.out) throw new CliUsageError(`Missing --out DIR: the folder to write.\n\n${help}`)
  const seed = values.seed === undefined ? 1 : Number(values.seed)
  if (!Number.isInteger(seed)) throw new CliUsageError(`Invalid --seed "${values.seed}": give a whole number.`)
  const pageSize = values['page-size'] === undefined ? 999 : Number(values['page-size'])
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 999) {
    throw new CliUsageError(`Invalid --page-size "${values['page-size']}": give a whole number from 1 to 999.`)
  }
  const signInDays = values['sign-in-days'] === undefined ? DEFAULT_SIGN_IN_DAYS : Number(values['sign-in-days'])
  if (!Number.isInteger(signInDays) || signInDays < 1 || signInDays > MAX_SIGN_IN_DAYS) {
    throw new CliUsageError(`Invalid --sign-in-days "${values['sign-in-days']}": give a whole number from 1 to ${MAX_SIGN_IN_DAYS}.`)
  }
  const currentHour = new Date()
  currentHour.setUTCMinutes(0, 0, 0)
  const now = values.now === undefined ? currentHour : new Date(values.now)
  if (Number.isNaN(now.getTime())) throw new CliUsageError(`Invalid --now "${values.now}": give an ISO 8601 date-time such as 2026-12-04T12:00:00Z.`)

  let summary
  try {
    summary = await generateTenant({ users, outDir: values.out, seed, now, pageSize, signInDays })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (!code) throw error
    throw new CliFailure(`Failed to write the export folder "${values.out}" (${code}: ${(error as Error).message}). Choose a folder you can write to.`)
  }
  ctx.out(
    `Wrote ${values.out}: ${summary.users} users, ${summary.groups} groups, ${summary.devices} devices, ` +
      `${summary.signIns} sign-ins, ${summary.alerts} alerts in ${summary.files} files.`,
  )
  ctx.out(`Load it with: npm run portal -- import --org SLUG ${values.out}`)
  return 0
})
