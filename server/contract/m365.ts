import { Type, type Static } from 'typebox'
import { ListPage, NullableBoolean, NullableNumber, NullableString, PageQuery, Sync } from './common.js'

const IsoDateTime = Type.String({ format: 'date-time' })
const BooleanString = Type.Union([Type.Literal('true'), Type.Literal('false')])

export const License = Type.Object({
  skuId: Type.String(),
  /** Friendly product name, or the SKU part number when the catalogue has no name for it. */
  name: Type.String(),
})
export type License = Static<typeof License>

// Overview

export const Overview = Type.Object({
  tenant: Type.Union([
    Type.Object({
      tenantId: Type.String(),
      displayName: Type.String(),
      domains: Type.Array(Type.Object({ name: Type.String(), isDefault: Type.Boolean(), isInitial: Type.Boolean() })),
    }),
    Type.Null(),
  ]),
  /** Present when the caller may open the Users tab. */
  users: Type.Optional(
    Type.Object({ total: Type.Integer(), licensed: Type.Integer(), guests: Type.Integer(), disabled: Type.Integer() }),
  ),
  licenses: Type.Optional(
    Type.Array(
      Type.Object({
        skuId: Type.String(),
        skuPartNumber: Type.String(),
        name: Type.String(),
        used: Type.Integer(),
        available: Type.Integer(),
        capabilityStatus: Type.String(),
      }),
    ),
  ),
  mfaRegistration: Type.Optional(
    Type.Object({ registered: Type.Integer(), total: Type.Integer(), capability: Type.String() }),
  ),
  /** Present when the caller may open the Sign-in logs tab. The 7 UTC days ending today, oldest first. */
  signIns: Type.Optional(
    Type.Object({
      capability: Type.String(),
      days: Type.Array(Type.Object({ date: Type.String(), success: Type.Integer(), failure: Type.Integer() })),
    }),
  ),
  devices: Type.Optional(
    Type.Object({ total: Type.Integer(), byOs: Type.Array(Type.Object({ os: Type.String(), count: Type.Integer() })) }),
  ),
  /** Present when the caller may see security alerts. Counts visible alerts that are not resolved. */
  alerts: Type.Optional(
    Type.Object({
      high: Type.Integer(),
      medium: Type.Integer(),
      low: Type.Integer(),
      informational: Type.Integer(),
      unknown: Type.Integer(),
      needsConfirmation: Type.Integer(),
    }),
  ),
  sync: Sync,
})
export type Overview = Static<typeof Overview>

// Users

export const UsersQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Union([Type.Literal('enabled'), Type.Literal('disabled')])),
    type: Type.Optional(Type.Union([Type.Literal('member'), Type.Literal('guest')])),
    licensed: Type.Optional(BooleanString),
  },
  { additionalProperties: false },
)
export type UsersQuery = Static<typeof UsersQuery>

export const UserListItem = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  userPrincipalName: Type.String(),
  mail: NullableString,
  jobTitle: NullableString,
  department: NullableString,
  accountEnabled: NullableBoolean,
  /** As Graph sends it: `Member`, `Guest`, or null. */
  userType: NullableString,
  isGuest: Type.Boolean(),
  licenses: Type.Array(License),
})
export type UserListItem = Static<typeof UserListItem>

export const UsersPage = ListPage(UserListItem, { total: Type.Integer() })
export type UsersPage = Static<typeof UsersPage>

export const UserMailbox = Type.Object({
  storageUsedBytes: NullableNumber,
  quotaBytes: NullableNumber,
  itemCount: NullableNumber,
  lastActivityDate: NullableString,
  hasArchive: NullableBoolean,
})

export const UserDetail = Type.Object({
  user: Type.Object({
    id: Type.String(),
    displayName: Type.String(),
    userPrincipalName: Type.String(),
    mail: NullableString,
    jobTitle: NullableString,
    department: NullableString,
    officeLocation: NullableString,
    accountEnabled: NullableBoolean,
    userType: NullableString,
    isGuest: Type.Boolean(),
    licenses: Type.Array(License),
    /** True when this is the signed-in account's own user (matched by email). */
    isSelf: Type.Boolean(),
    // The fields below are present only for managers and for the caller's own user.
    /** Null when the user never signed in (or Graph holds no record). */
    lastSignInAt: Type.Optional(NullableString),
    lastSuccessfulSignInAt: Type.Optional(NullableString),
    /** Tenant MFA registration from Microsoft 365; informational, separate from sign-in to this app. */
    mfaRegistration: Type.Optional(
      Type.Object({
        status: Type.Union([Type.Literal('registered'), Type.Literal('notRegistered'), Type.Literal('unavailable')]),
        methods: Type.Array(Type.String()),
        capability: Type.String(),
      }),
    ),
    mailbox: Type.Optional(Type.Union([UserMailbox, Type.Null()])),
    groups: Type.Optional(Type.Array(Type.Object({ id: Type.String(), displayName: Type.String(), kind: Type.String() }))),
  }),
  sync: Sync,
})
export type UserDetail = Static<typeof UserDetail>

// Mailboxes

export const MailboxesQuery = Type.Object({ ...PageQuery }, { additionalProperties: false })
export type MailboxesQuery = Static<typeof MailboxesQuery>

export const MailboxItem = Type.Object({
  id: Type.String(),
  displayName: NullableString,
  userPrincipalName: NullableString,
  /** True when the tenant's report privacy setting replaced the name with a hash. */
  concealed: Type.Boolean(),
  storageUsedBytes: NullableNumber,
  /** Prohibit send/receive quota; null when the report has none. */
  quotaBytes: NullableNumber,
  warningQuotaBytes: NullableNumber,
  /** storageUsedBytes / quotaBytes, 0 to 1 or more; null without a quota. */
  usedRatio: NullableNumber,
  itemCount: NullableNumber,
  lastActivityDate: NullableString,
  hasArchive: NullableBoolean,
})
export type MailboxItem = Static<typeof MailboxItem>

export const MailboxesPage = ListPage(MailboxItem, {
  total: Type.Integer(),
  namesConcealed: Type.Boolean(),
  reportRefreshDate: NullableString,
})
export type MailboxesPage = Static<typeof MailboxesPage>

// Groups

export const GroupKind = Type.Union([
  Type.Literal('microsoft365'),
  Type.Literal('security'),
  Type.Literal('mailEnabledSecurity'),
  Type.Literal('distribution'),
])
export type GroupKind = Static<typeof GroupKind>

export const GroupsQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(
      Type.Union([Type.Literal('microsoft365'), Type.Literal('security'), Type.Literal('distribution')]),
    ),
  },
  { additionalProperties: false },
)
export type GroupsQuery = Static<typeof GroupsQuery>

export const GroupItem = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  description: NullableString,
  mail: NullableString,
  kind: GroupKind,
  isTeam: Type.Boolean(),
  isDynamic: Type.Boolean(),
  /** As Graph sends it (`Private`, `Public`, `HiddenMembership`) or null. */
  visibility: NullableString,
  memberCount: NullableNumber,
})
export type GroupItem = Static<typeof GroupItem>

export const GroupsPage = ListPage(GroupItem, { total: Type.Integer() })
export type GroupsPage = Static<typeof GroupsPage>

// Collaboration

export const TeamItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  concealed: Type.Boolean(),
  /** As the report sends it, e.g. `Private` or `Public`. */
  teamType: NullableString,
  memberCount: NullableNumber,
  activeUsers: NullableNumber,
  activeChannels: NullableNumber,
  guests: NullableNumber,
  postMessages: NullableNumber,
  meetingsOrganized: NullableNumber,
  lastActivityDate: NullableString,
})
export type TeamItem = Static<typeof TeamItem>

export const SiteItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: NullableString,
  concealed: Type.Boolean(),
  ownerDisplayName: NullableString,
  fileCount: NullableNumber,
  activeFileCount: NullableNumber,
  pageViewCount: NullableNumber,
  storageUsedBytes: NullableNumber,
  storageAllocatedBytes: NullableNumber,
  lastActivityDate: NullableString,
  rootWebTemplate: NullableString,
})
export type SiteItem = Static<typeof SiteItem>

export const Collaboration = Type.Object({
  summary: Type.Object({
    teams: Type.Integer(),
    activeTeams: Type.Integer(),
    sites: Type.Integer(),
    activeSites: Type.Integer(),
    storageUsedBytes: Type.Number(),
    /** The window "active" refers to, in days. */
    activeWindowDays: Type.Integer(),
  }),
  namesConcealed: Type.Boolean(),
  reportRefreshDate: NullableString,
  /** Per-team and per-site detail: present for managers only. */
  teams: Type.Optional(Type.Array(TeamItem)),
  sites: Type.Optional(Type.Array(SiteItem)),
  sync: Sync,
})
export type Collaboration = Static<typeof Collaboration>

// Sign-ins

export const SignInsQuery = Type.Object(
  {
    ...PageQuery,
    result: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
)
export type SignInsQuery = Static<typeof SignInsQuery>

export const SignInItem = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  userId: NullableString,
  userDisplayName: NullableString,
  userPrincipalName: NullableString,
  appDisplayName: NullableString,
  clientAppUsed: NullableString,
  ipAddress: NullableString,
  location: Type.Object({ city: NullableString, state: NullableString, countryOrRegion: NullableString }),
  result: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
  errorCode: Type.Integer(),
  failureReason: NullableString,
  additionalDetails: NullableString,
  device: Type.Object({
    displayName: NullableString,
    operatingSystem: NullableString,
    browser: NullableString,
    isCompliant: NullableBoolean,
    isManaged: NullableBoolean,
    trustType: NullableString,
  }),
  conditionalAccessStatus: NullableString,
  riskLevelDuringSignIn: NullableString,
  isInteractive: NullableBoolean,
})
export type SignInItem = Static<typeof SignInItem>

export const SignInsPage = ListPage(SignInItem)
export type SignInsPage = Static<typeof SignInsPage>

// Devices

export const DevicesQuery = Type.Object(
  {
    ...PageQuery,
    /** `true`: devices Intune or an MDM reports compliant; `false`: reported not compliant (unknown is in neither). */
    compliant: Type.Optional(BooleanString),
  },
  { additionalProperties: false },
)
export type DevicesQuery = Static<typeof DevicesQuery>

export const DeviceItem = Type.Object({
  id: Type.String(),
  deviceId: NullableString,
  displayName: Type.String(),
  operatingSystem: NullableString,
  operatingSystemVersion: NullableString,
  /** As Graph sends it: `AzureAd` (Entra joined), `ServerAd` (hybrid joined), `Workplace` (registered), or null. */
  trustType: NullableString,
  isCompliant: NullableBoolean,
  isManaged: NullableBoolean,
  accountEnabled: NullableBoolean,
  approximateLastSignInAt: NullableString,
  registeredAt: NullableString,
  ownerDisplayName: NullableString,
  manufacturer: NullableString,
  model: NullableString,
})
export type DeviceItem = Static<typeof DeviceItem>

export const DevicesPage = ListPage(DeviceItem, { total: Type.Integer() })
export type DevicesPage = Static<typeof DevicesPage>
