import { existsSync } from 'node:fs'
import path from 'node:path'
import type { CliRun } from '../lib/cli.js'
import type { PortalEnvironment } from '../lib/portal-env.js'
import { REPO_ROOT } from '../lib/paths.js'

export interface GraphSyncOutcome {
  run: CliRun
  standIn: Record<string, unknown>
}

const STAND_IN = path.join(REPO_ROOT, 'tests', 'support', 'graph-stand-in.ts')

/** Syncs the benchmark organization from a local Graph stand-in serving the export folder `dir`. */
export async function runGraphSync(_environment: PortalEnvironment, _dir: string, _log: (message: string) => void): Promise<GraphSyncOutcome> {
  if (!existsSync(STAND_IN)) throw new Error(`${STAND_IN} is missing, so there is no local Graph to sync from.`)
  throw new Error('TODO')
}
