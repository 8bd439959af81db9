import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCliOrThrow, type CliRun } from '../lib/cli.js'
import type { PortalEnvironment } from '../lib/portal-env.js'
import { BENCH_ORG_SLUG } from '../lib/tenant.js'
import { startGraphStandIn } from '../../tests/support/graph-stand-in.js'

export interface GraphSyncOutcome {
  run: CliRun
  standIn: { graphRequests: number; downloadRequests: number }
}

/**
 * Connects the benchmark organization to a local Graph stand-in (tests/support/graph-stand-in.ts,
 * HTTPS on 127.0.0.1 with a throwaway CA) that pages through the export folder `dir`, then times
 * `sync --org bench`. The stand-in runs in this process, so it shares the CPU with the sync.
 */
export async function runGraphSync(environment: PortalEnvironment, dir: string, log: (message: string) => void): Promise<GraphSyncOutcome> {
  const standIn = await startGraphStandIn(dir)
  try {
    const caFile = path.join(environment.dataDir, 'graph-stand-in-ca.pem')
    writeFileSync(caFile, standIn.ca)
    const graphEnv = {
      GRAPH_BASE_URL: standIn.origin,
      GRAPH_AUTHORITY_HOST: standIn.origin,
      // Node trusts the stand-in's throwaway CA in addition to its built-in ones.
      NODE_EXTRA_CA_CERTS: caFile,
    }
    await runCliOrThrow(
      environment,
      ['graph', 'connect', '--org', BENCH_ORG_SLUG, '--tenant-id', standIn.tenantId, '--client-id', standIn.clientId],
      { input: `${standIn.clientSecret}\n`, extraEnv: graphEnv },
    )
    log(`syncing from ${standIn.origin}`)
    const run = await runCliOrThrow(environment, ['sync', '--org', BENCH_ORG_SLUG], { timeoutMs: 900_000, measureMemory: true, extraEnv: graphEnv })
    return {
      run,
      standIn: {
        graphRequests: standIn.requests.filter((request) => request.host === 'graph').length,
        downloadRequests: standIn.requests.filter((request) => request.host === 'download').length,
      },
    }
  } finally {
    await standIn.close()
  }
}
