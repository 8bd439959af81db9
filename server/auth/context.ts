import type { Role } from '../contract/me.js'
import type { PortalSettings } from '../contract/settings.js'

/** Who is calling: set on `request.auth` by the session plugin, null for anonymous requests. */
export interface AuthContext {
  sessionId: number
  mfaPending: boolean
  account: {
    id: number
    email: string
    displayName: string
    role: Role
    m365Permitted: boolean
    mfaEnabled: boolean
  }
  organization: { id: number; slug: string; name: string }
  settings: PortalSettings
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null
  }
}
