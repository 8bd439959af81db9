import type { FullConfig } from '@playwright/test'
import { E2E_NEXT_STATIC_DIR, E2E_NEXT_VERSION, E2E_STATIC_DIR, E2E_VERSION, buildPwa, isBuildCurrent } from './build-app'
import { startPortal } from './portal-server'

/**
 * Builds the PWA twice when its sources changed (the served version and a later "deploy" for
 * the update tests), then starts one demo portal server for the whole run. Workers read its
 * address from E2E_BASE_URL (the config's baseURL). E2E_STATIC_DIR serves an existing build
 * instead (for example dist/ built by CI).
 */
export default async function globalSetup(_config: FullConfig): Promise<void> {
  const staticDir = process.env.E2E_STATIC_DIR ?? E2E_STATIC_DIR
  if (!process.env.E2E_STATIC_DIR && !isBuildCurrent(staticDir)) await buildPwa(staticDir, E2E_VERSION)
  if (!isBuildCurrent(E2E_NEXT_STATIC_DIR)) await buildPwa(E2E_NEXT_STATIC_DIR, E2E_NEXT_VERSION)

  const server = await startPortal({ staticDir })
  process.env.E2E_BASE_URL = server.baseURL
  process.env.E2E_DATA_DIR = server.dataDir
  process.env.E2E_STATIC_DIR = staticDir
  process.env.E2E_SERVER_PID = String(server.pid)
}
