import type {
  Collaboration,
  DevicesPage,
  DevicesQuery,
  GroupsPage,
  GroupsQuery,
  MailboxesPage,
  MailboxesQuery,
  Overview,
  SignInsPage,
  SignInsQuery,
  UserDetail,
  UsersPage,
  UsersQuery,
} from '../../server/contract/index.js'
import { apiRequest, type ApiResponse } from './http'

export function getOverview(signal?: AbortSignal): Promise<ApiResponse<Overview>> {
  return apiRequest<Overview>('GET', '/m365/overview', { signal })
}

export function listUsers(query: UsersQuery = {}, signal?: AbortSignal): Promise<ApiResponse<UsersPage>> {
  return apiRequest<UsersPage>('GET', '/m365/users', { query, signal })
}

export function getUser(id: string, signal?: AbortSignal): Promise<ApiResponse<UserDetail>> {
  return apiRequest<UserDetail>('GET', `/m365/users/${encodeURIComponent(id)}`, { signal })
}

export function listMailboxes(query: MailboxesQuery = {}, signal?: AbortSignal): Promise<ApiResponse<MailboxesPage>> {
  return apiRequest<MailboxesPage>('GET', '/m365/mailboxes', { query, signal })
}

export function listGroups(query: GroupsQuery = {}, signal?: AbortSignal): Promise<ApiResponse<GroupsPage>> {
  return apiRequest<GroupsPage>('GET', '/m365/groups', { query, signal })
}

export function getCollaboration(signal?: AbortSignal): Promise<ApiResponse<Collaboration>> {
  return apiRequest<Collaboration>('GET', '/m365/collaboration', { signal })
}

export function listSignIns(query: SignInsQuery = {}, signal?: AbortSignal): Promise<ApiResponse<SignInsPage>> {
  return apiRequest<SignInsPage>('GET', '/m365/sign-ins', { query, signal })
}

export function listDevices(query: DevicesQuery = {}, signal?: AbortSignal): Promise<ApiResponse<DevicesPage>> {
  return apiRequest<DevicesPage>('GET', '/m365/devices', { query, signal })
}
