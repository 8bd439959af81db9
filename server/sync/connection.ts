import { resolveSecretKey } from '../accounts/secret-key.js'
import type { Config } from '../config.js'
import { seal, unseal } from '../crypto/seal.js'
import { nowIso, type Db } from '../db/database.js'
import { createGraphGateway, type GraphGateway, type GraphGatewayOptions } from '../graph/gateway.js'

// An organization's Graph app registration. The client secret is sealed at rest under the
// portal secret key, bound to the organization, and is never logged or printed.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const graphSealContext = (orgId: number) => `graph:${orgId}`

export interface GraphConnectionInput {
  tenantId: string
  clientId: string
  clientSecret: string
}

export class GraphConnectionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GraphConnectionError'
  }
}

/** Validates and stores (or replaces) the organization's connection. */
export async function saveGraphConnection(db: Db, config: Config, orgId: number, input: GraphConnectionInput): Promise<void> {
  if (!GUID.test(input.tenantId)) throw new GraphConnectionError(`Invalid tenant id "${input.tenantId}": expected the directory (tenant) GUID from Microsoft Entra.`)
  if (!GUID.test(input.clientId)) throw new GraphConnectionError(`Invalid client id "${input.clientId}": expected the application (client) GUID of the app registration.`)
  if (input.clientSecret.trim() === '') throw new GraphConnectionError('Missing client secret: pipe the secret value on standard input.')

  const sealed = seal(input.clientSecret.trim(), resolveSecretKey(config), graphSealContext(orgId))
  const now = nowIso()
  await db
    .insertInto('graph_connections')
    .values({ org_id: orgId, tenant_id: input.tenantId.toLowerCase(), client_id: input.clientId.toLowerCase(), client_secret_enc: sealed, created_at: now, updated_at: now })
    .onConflict((conflict) =>
      conflict.column('org_id').doUpdateSet({ tenant_id: input.tenantId.toLowerCase(), client_id: input.clientId.toLowerCase(), client_secret_enc: sealed, updated_at: now }),
    )
    .execute()
}

/** Loads the connection with its secret unsealed; null when the organization has none. */
export async function loadGraphConnection(db: Db, config: Config, orgId: number): Promise<GraphConnectionInput | null> {
  const row = await db.selectFrom('graph_connections').selectAll().where('org_id', '=', orgId).executeTakeFirst()
  if (!row) return null
  return {
    tenantId: row.tenant_id,
    clientId: row.client_id,
    clientSecret: unseal(row.client_secret_enc, resolveSecretKey(config), graphSealContext(orgId)),
  }
}

/** Builds the admin-consent URL the tenant's administrator opens to grant the app's permissions. */
export function adminConsentUrl(config: Config, tenantId: string, clientId: string): string {
  return `${config.graphAuthorityHost}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`
}

/** Creates a gateway for a stored connection; `extra` lets tests pass a CA and fetch. */
export function gatewayFor(config: Config, connection: GraphConnectionInput, extra: Partial<GraphGatewayOptions> = {}): GraphGateway {
  return createGraphGateway({
    ...connection,
    baseUrl: config.graphBaseUrl,
    authorityHost: config.graphAuthorityHost,
    ...extra,
  })
}
