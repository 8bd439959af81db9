import type {
  M365AlertsTable, M365DevicesTable, M365GroupsTable, M365MailboxesTable, M365MfaRegistrationsTable,
  M365SignInsTable, M365SitesTable, M365SkusTable, M365TeamsTable, M365TenantTable, M365UsersTable,
} from '../../db/schema.js'

// Row shapes the mappers produce: a table's columns without org_id and run_id, which the
// sync adds when it writes.

type Mapped<T> = Omit<T, 'org_id' | 'run_id'>

export type TenantRow = Mapped<M365TenantTable>
export type SkuRow = Mapped<M365SkusTable>
export type UserRow = Mapped<M365UsersTable>
export type MfaRegistrationRow = Mapped<M365MfaRegistrationsTable>
export type MailboxRow = Mapped<M365MailboxesTable>
export type GroupRow = Mapped<M365GroupsTable>
export type TeamRow = Mapped<M365TeamsTable>
export type SiteRow = Mapped<M365SitesTable>
export type SignInRow = Mapped<M365SignInsTable>
export type DeviceRow = Mapped<M365DevicesTable>
export type AlertRow = Mapped<M365AlertsTable>
