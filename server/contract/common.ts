import { Type, type Static, type TSchema } from 'typebox'

/** Stable error codes the PWA can act on; the HTTP status is fixed per code. */
export const ErrorCode = Type.Union([
  Type.Literal('invalid_parameter'),
  Type.Literal('not_signed_in'),
  Type.Literal('session_expired'),
  Type.Literal('mfa_required'),
  Type.Literal('invalid_credentials'),
  Type.Literal('m365_disabled'),
  Type.Literal('m365_not_permitted'),
  Type.Literal('alerts_disabled'),
  Type.Literal('tab_not_permitted'),
  Type.Literal('origin_rejected'),
  Type.Literal('not_found'),
  Type.Literal('payload_too_large'),
  Type.Literal('rate_limited'),
  Type.Literal('invitation_invalid'),
  Type.Literal('totp_not_enrolled'),
  Type.Literal('totp_already_enrolled'),
  Type.Literal('internal_error'),
])
export type ErrorCode = Static<typeof ErrorCode>

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: ErrorCode,
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
)
export type ErrorBody = Static<typeof ErrorBody>

/** Tab ids of the Microsoft 365 screen, used in settings, `/me` and the CLI. */
export const TAB_IDS = ['overview', 'users', 'mailboxes', 'groups', 'collaboration', 'sign-ins', 'devices'] as const
export const TabId = Type.Union([
  Type.Literal('overview'),
  Type.Literal('users'),
  Type.Literal('mailboxes'),
  Type.Literal('groups'),
  Type.Literal('collaboration'),
  Type.Literal('sign-ins'),
  Type.Literal('devices'),
])
export type TabId = (typeof TAB_IDS)[number]

/**
 * Whether a licence-gated Graph capability is available for the organization.
 * `unknown` means no sync has probed it yet.
 */
export const CapabilityStatus = Type.Union([
  Type.Literal('available'),
  Type.Literal('needs_entra_p1'),
  Type.Literal('needs_entra_p2'),
  Type.Literal('missing_permission'),
  Type.Literal('unknown'),
])
export type CapabilityStatus = Static<typeof CapabilityStatus>

export const Capabilities = Type.Object({
  signIns: CapabilityStatus,
  signInActivity: CapabilityStatus,
  mfaRegistration: CapabilityStatus,
  riskyUsers: CapabilityStatus,
})
export type Capabilities = Static<typeof Capabilities>

export const SyncRunStatus = Type.Union([
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('partial'),
  Type.Literal('failed'),
])
export type SyncRunStatus = Static<typeof SyncRunStatus>

/** Sync state carried by every Microsoft 365 and alerts response. `lastSuccessAt: null` means never synced. */
export const Sync = Type.Object({
  lastSuccessAt: Type.Union([Type.String(), Type.Null()]),
  lastRunAt: Type.Union([Type.String(), Type.Null()]),
  lastRunStatus: Type.Union([SyncRunStatus, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  capabilities: Capabilities,
  /** `concealed` when the tenant's report privacy setting hides user, group and site names in usage reports. */
  reportNames: Type.Union([Type.Literal('visible'), Type.Literal('concealed'), Type.Literal('unknown')]),
})
export type Sync = Static<typeof Sync>

/** Query parameters shared by every list endpoint. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
  search: Type.Optional(Type.String({ maxLength: 200 })),
}

/** The list envelope: `{ items, nextCursor, sync }`, with room for list-specific fields. */
export function ListPage<T extends TSchema, E extends Record<string, TSchema> = {}>(item: T, extra?: E) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    sync: Sync,
    ...(extra ?? ({} as E)),
  })
}

export interface ListPageOf<T> {
  items: T[]
  nextCursor: string | null
  sync: Sync
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
export const NullableString = Type.Union([Type.String(), Type.Null()])
export const NullableBoolean = Type.Union([Type.Boolean(), Type.Null()])
export const NullableNumber = Type.Union([Type.Number(), Type.Null()])
