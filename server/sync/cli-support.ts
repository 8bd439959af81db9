import { findOrganizationBySlug } from '../accounts/service.js'
import { CliFailure, CliUsageError } from '../cli/context.js'
import type { Db } from '../db/database.js'
import type { SyncLogger } from './context.js'
import type { SyncRunResult } from './run-sync.js'

// Shared by the sync-related CLI verbs (graph, sync, sync-runs, import).

/** Returns the organization slug from `--org SLUG` or the first positional argument. */
export function organizationSlug(option: string | undefined, positionals: string[], usage: string): string {
  const slug = option ?? positionals[0]
  if (!slug) throw new CliUsageError(`Missing organization: pass --org SLUG.\n\n${usage}`)
  return slug
}

export async function requireOrganization(db: Db, slug: string): Promise<{ id: number; slug: string; name: string }> {
  const organization = await findOrganizationBySlug(db, slug)
  if (!organization) throw new CliFailure(`Organization "${slug}" not found: list organizations with \`portal org list\`.`)
  return organization
}

/** Creates a logger for CLI runs that prints warnings and errors to standard error, one plain line each. */
export function cliLogger(err: (line: string) => void): SyncLogger {
  const line = (level: string) => (object: object, message: string) => {
    const details = Object.entries(object)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ')
    err(`${level}: ${message}${details ? ` (${details})` : ''}`)
  }
  return { info: () => undefined, warn: line('warning'), error: line('error') }
}

/** Formats a run's result: a headline, then one line per dataset. */
export function describeRun(slug: string, result: SyncRunResult): string[] {
  const lines = [`Sync run ${result.runId} for ${slug}: ${result.status}.`]
  for (const [dataset, outcome] of Object.entries(result.datasets)) {
    if (!outcome) continue
    if (outcome.status === 'succeeded') lines.push(`  ${dataset.padEnd(17)} ${outcome.count} ${outcome.count === 1 ? 'record' : 'records'}`)
    else if (outcome.status === 'skipped') lines.push(`  ${dataset.padEnd(17)} skipped: ${outcome.note}`)
    else lines.push(`  ${dataset.padEnd(17)} failed: ${outcome.error}`)
  }
  return lines
}
