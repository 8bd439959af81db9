import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Collaboration, DeviceItem, GroupItem, MailboxItem, SignInItem } from '../../../server/contract/m365.js'
import * as m365Api from '@/api/m365'
import CollaborationTab from '@/views/m365/CollaborationTab.vue'
import DevicesTab from '@/views/m365/DevicesTab.vue'
import GroupsTab from '@/views/m365/GroupsTab.vue'
import MailboxesTab from '@/views/m365/MailboxesTab.vue'
import SignInsTab from '@/views/m365/SignInsTab.vue'
import { apiError, makeMe, mountAt, NEVER_SYNCED, ok, pending, rejectWith, SYNCED } from './fixtures'

vi.mock('@/api/m365')

const GB = 2 ** 30

function mailbox(id: string, usedGb: number, extra: Partial<MailboxItem> = {}): MailboxItem {
  return {
    id,
    displayName: `Mailbox ${id}`,
    userPrincipalName: `${id}@contoso.com`,
    concealed: false,
    storageUsedBytes: usedGb * GB,
    quotaBytes: 50 * GB,
    warningQuotaBytes: 49 * GB,
    usedRatio: usedGb / 50,
    itemCount: 1234,
    lastActivityDate: null,
    hasArchive: false,
    ...extra,
  }
}

function signIn(id: string, extra: Partial<SignInItem> = {}): SignInItem {
  return {
    id,
    createdAt: new Date().toISOString(),
    userId: 'u1',
    userDisplayName: 'Ali Khan',
    userPrincipalName: 'ali@contoso.com',
    appDisplayName: 'Outlook Mobile',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    ipAddress: '203.0.113.7',
    location: { city: 'Lagos', state: null, countryOrRegion: 'NG' },
    result: 'success',
    errorCode: 0,
    failureReason: null,
    additionalDetails: null,
    device: { displayName: null, operatingSystem: 'iOS', browser: null, isCompliant: null, isManaged: null, trustType: null },
    conditionalAccessStatus: 'notApplied',
    riskLevelDuringSignIn: null,
    isInteractive: true,
    ...extra,
  }
}

function device(id: string, extra: Partial<DeviceItem> = {}): DeviceItem {
  return {
    id,
    deviceId: id,
    displayName: `Device ${id}`,
    operatingSystem: 'Windows',
    operatingSystemVersion: '11',
    trustType: 'AzureAd',
    isCompliant: true,
    isManaged: true,
    accountEnabled: true,
    approximateLastSignInAt: new Date().toISOString(),
    registeredAt: null,
    ownerDisplayName: 'Jane Doe',
    manufacturer: null,
    model: null,
    ...extra,
  }
}

function group(id: string, extra: Partial<GroupItem> = {}): GroupItem {
  return {
    id,
    displayName: `Group ${id}`,
    description: null,
    mail: null,
    kind: 'microsoft365',
    isTeam: false,
    isDynamic: false,
    visibility: 'Private',
    memberCount: 24,
    ...extra,
  }
}

const COLLABORATION: Collaboration = {
  summary: { teams: 42, activeTeams: 31, sites: 57, activeSites: 40, storageUsedBytes: 1.2 * 2 ** 40, activeWindowDays: 30 },
  namesConcealed: false,
  reportRefreshDate: null,
  sync: SYNCED,
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('MailboxesTab', () => {
  beforeEach(() => {
    vi.mocked(m365Api.listMailboxes).mockReset()
  })

  it('should mark nearly full and full mailboxes with icon and word', async () => {
    vi.mocked(m365Api.listMailboxes).mockReturnValue(
      ok({ items: [mailbox('a', 50), mailbox('b', 48.1), mailbox('c', 20)], nextCursor: null, sync: SYNCED, total: 3, namesConcealed: false, reportRefreshDate: null }),
    )
    const { wrapper } = await mountAt(MailboxesTab, { path: '/m365/mailboxes' })
    const rows = wrapper.findAll('.mailbox-row')

    expect(rows[0]!.text()).toContain('Full')
    expect(rows[0]!.find('.meter--danger').exists()).toBe(true)
    expect(rows[1]!.text()).toContain('48.1 GB of 50 GB')
    expect(rows[1]!.text()).toContain('Almost full')
    expect(rows[1]!.find('.mailbox-row__percent svg').exists()).toBe(true)
    expect(rows[2]!.text()).not.toContain('Almost full')
    expect(rows[2]!.text()).toContain('1,234 items')
  })

  it('should explain concealed names', async () => {
    vi.mocked(m365Api.listMailboxes).mockReturnValue(
      ok({
        items: [mailbox('a', 10, { concealed: true, displayName: '8A1F3C', userPrincipalName: null })],
        nextCursor: null,
        sync: { ...SYNCED, reportNames: 'concealed' },
        total: 1,
        namesConcealed: true,
        reportRefreshDate: null,
      }),
    )
    const { wrapper } = await mountAt(MailboxesTab, { path: '/m365/mailboxes' })
    expect(wrapper.text()).toContain('report privacy setting')
    expect(wrapper.get('.mailbox-row__name').text()).toBe('Name hidden')
  })

  it('should show the empty state', async () => {
    vi.mocked(m365Api.listMailboxes).mockReturnValue(
      ok({ items: [], nextCursor: null, sync: SYNCED, total: 0, namesConcealed: false, reportRefreshDate: null }),
    )
    const { wrapper } = await mountAt(MailboxesTab, { path: '/m365/mailboxes' })
    expect(wrapper.text()).toContain('No mailboxes')
  })
})

describe('GroupsTab', () => {
  beforeEach(() => {
    vi.mocked(m365Api.listGroups).mockReset()
  })

  it('should name group types and badge Teams', async () => {
    vi.mocked(m365Api.listGroups).mockReturnValue(
      ok({
        items: [group('a', { isTeam: true }), group('b', { kind: 'distribution', visibility: null, memberCount: 212 }), group('c', { kind: 'mailEnabledSecurity', memberCount: 1 })],
        nextCursor: null,
        sync: SYNCED,
        total: 3,
      }),
    )
    const { wrapper } = await mountAt(GroupsTab, { path: '/m365/groups' })
    const rows = wrapper.findAll('.group-row')

    expect(rows[0]!.text()).toContain('Team')
    expect(rows[0]!.get('.group-row__meta').text()).toBe('Microsoft 365 · Private · 24 members')
    expect(rows[1]!.get('.group-row__meta').text()).toBe('Distribution list · 212 members')
    expect(rows[2]!.get('.group-row__meta').text()).toBe('Mail-enabled security · Private · 1 member')
  })

  it('should filter by kind on the server', async () => {
    vi.mocked(m365Api.listGroups).mockReturnValue(ok({ items: [], nextCursor: null, sync: SYNCED, total: 3 }))
    const { wrapper } = await mountAt(GroupsTab, { path: '/m365/groups' })
    await wrapper.findAll('.chip')[1]!.trigger('click')
    await flushPromises()

    expect(vi.mocked(m365Api.listGroups).mock.calls.at(-1)![0]).toMatchObject({ kind: 'security' })
    expect(wrapper.text()).toContain('No security groups')
  })
})

describe('DevicesTab', () => {
  beforeEach(() => {
    vi.mocked(m365Api.listDevices).mockReset()
  })

  it('should put join type, compliance and staleness in words', async () => {
    const old = new Date(Date.now() - 120 * 24 * 3600 * 1000).toISOString()
    vi.mocked(m365Api.listDevices).mockReturnValue(
      ok({
        items: [
          device('a'),
          device('b', { trustType: 'ServerAd', isCompliant: false, isManaged: false }),
          device('c', { trustType: 'Workplace', operatingSystem: 'iOS', operatingSystemVersion: '17.5', approximateLastSignInAt: old }),
        ],
        nextCursor: null,
        sync: SYNCED,
        total: 3,
      }),
    )
    const { wrapper } = await mountAt(DevicesTab, { path: '/m365/devices' })
    const rows = wrapper.findAll('.device-row')

    expect(rows[0]!.text()).toContain('Windows 11 · Entra joined')
    expect(rows[0]!.text()).toContain('Compliant · Managed')
    expect(rows[1]!.text()).toContain('Hybrid joined')
    expect(rows[1]!.text()).toContain('Not compliant · Unmanaged')
    expect(rows[2]!.text()).toContain('iOS 17.5 · Registered')
    expect(rows[2]!.text()).toContain('Inactive 90+ d')
  })

  it('should filter by compliance on the server', async () => {
    vi.mocked(m365Api.listDevices).mockReturnValue(ok({ items: [], nextCursor: null, sync: SYNCED, total: 3 }))
    const { wrapper } = await mountAt(DevicesTab, { path: '/m365/devices' })
    await wrapper.findAll('.chip')[1]!.trigger('click')
    await flushPromises()

    expect(vi.mocked(m365Api.listDevices).mock.calls.at(-1)![0]).toMatchObject({ compliant: 'false' })
    expect(wrapper.text()).toContain('No devices that are not compliant')
  })

  it('should show the never-synced state', async () => {
    vi.mocked(m365Api.listDevices).mockReturnValue(ok({ items: [], nextCursor: null, sync: NEVER_SYNCED, total: 0 }))
    const { wrapper } = await mountAt(DevicesTab, { path: '/m365/devices' })
    expect(wrapper.text()).toContain('No Microsoft 365 data yet')
  })
})

describe('SignInsTab', () => {
  beforeEach(() => {
    vi.mocked(m365Api.listSignIns).mockReset()
  })

  it('should group by day and word failures without the code', async () => {
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString()
    vi.mocked(m365Api.listSignIns).mockReturnValue(
      ok({
        items: [
          signIn('a'),
          signIn('b', { createdAt: yesterday, result: 'failure', errorCode: 50126, failureReason: 'Invalid username or password.' }),
        ],
        nextCursor: null,
        sync: SYNCED,
      }),
    )
    const { wrapper } = await mountAt(SignInsTab, { path: '/m365/sign-ins' })

    expect(wrapper.findAll('.sign-ins__header').map((node) => node.text())).toEqual(['Today', 'Yesterday'])
    const rows = wrapper.findAll('.sign-in-row')
    expect(rows[0]!.text()).toContain('Success · Outlook Mobile')
    expect(rows[0]!.text()).toContain('Lagos, NG · iOS')
    expect(rows[1]!.text()).toContain('Failed: wrong password')
    expect(rows[1]!.text()).not.toContain('50126')
  })

  it('should open a sheet with every field and the error code', async () => {
    vi.mocked(m365Api.listSignIns).mockReturnValue(
      ok({ items: [signIn('a', { result: 'failure', errorCode: 53003, failureReason: 'Blocked' })], nextCursor: null, sync: SYNCED }),
    )
    const { wrapper } = await mountAt(SignInsTab, { path: '/m365/sign-ins' })
    await wrapper.get('.sign-in-row').trigger('click')
    await flushPromises()

    const sheet = document.body.querySelector('.sign-in-sheet')
    expect(sheet?.textContent).toContain('53003')
    expect(sheet?.textContent).toContain('203.0.113.7')
    expect(sheet?.textContent).toContain('Blocked by a Conditional Access policy')
  })

  it('should filter by result with single-select chips', async () => {
    vi.mocked(m365Api.listSignIns).mockReturnValue(ok({ items: [], nextCursor: null, sync: SYNCED }))
    const { wrapper } = await mountAt(SignInsTab, { path: '/m365/sign-ins' })
    await wrapper.findAll('.chip')[2]!.trigger('click')
    await flushPromises()

    expect(vi.mocked(m365Api.listSignIns).mock.calls.at(-1)![0]).toMatchObject({ result: 'failure' })
    expect(wrapper.text()).toContain('No failed sign-ins')
  })

  it('should show the licence state when Entra ID P1 is missing', async () => {
    vi.mocked(m365Api.listSignIns).mockReturnValue(
      ok({ items: [], nextCursor: null, sync: { ...SYNCED, capabilities: { ...SYNCED.capabilities, signIns: 'needs_entra_p1' } } }),
    )
    const { wrapper } = await mountAt(SignInsTab, { path: '/m365/sign-ins' })

    expect(wrapper.text()).toContain("Sign-in logs aren't available")
    expect(wrapper.text()).toContain('Microsoft Entra ID P1 is needed')
    await wrapper.get('.sign-ins__contact').trigger('click')
    expect(wrapper.text()).toContain('Northwind IT')
  })

  it('should show the error state', async () => {
    vi.mocked(m365Api.listSignIns).mockImplementation(rejectWith(apiError(503, 'internal_error')))
    const { wrapper } = await mountAt(SignInsTab, { path: '/m365/sign-ins' })
    expect(wrapper.text()).toContain("Couldn't load sign-in logs")
  })
})

describe('CollaborationTab', () => {
  beforeEach(() => {
    vi.mocked(m365Api.getCollaboration).mockReset()
  })

  it('should show summary tiles and a neutral note without detail', async () => {
    vi.mocked(m365Api.getCollaboration).mockReturnValue(ok(COLLABORATION))
    const { wrapper } = await mountAt(CollaborationTab, { path: '/m365/collaboration', me: makeMe('standard', ['overview', 'collaboration']) })

    expect(wrapper.text()).toContain('42')
    expect(wrapper.text()).toContain('Managers see per-Team and per-site detail.')
    expect(wrapper.find('.collaboration__segments').exists()).toBe(false)
  })

  it('should show Teams and sites lists when the response has them', async () => {
    vi.mocked(m365Api.getCollaboration).mockReturnValue(
      ok({
        ...COLLABORATION,
        teams: [{ id: 't1', name: 'Sales', concealed: false, teamType: 'Private', memberCount: 24, activeUsers: 10, activeChannels: 3, guests: 0, postMessages: 5, meetingsOrganized: 1, lastActivityDate: null }],
        sites: [{ id: 's1', name: 'Finance', url: null, concealed: false, ownerDisplayName: null, fileCount: 120, activeFileCount: 3, pageViewCount: 4, storageUsedBytes: 2 * 2 ** 30, storageAllocatedBytes: null, lastActivityDate: null, rootWebTemplate: null }],
      }),
    )
    const { wrapper } = await mountAt(CollaborationTab, { path: '/m365/collaboration' })

    expect(wrapper.text()).not.toContain('Managers see per-Team')
    expect(wrapper.get('.collab-row').text()).toContain('Sales')
    expect(wrapper.get('.collab-row').text()).toContain('24 members')

    await wrapper.findAll('.collaboration__segments button')[1]!.trigger('click')
    expect(wrapper.get('.collab-row').text()).toContain('Finance')
    expect(wrapper.get('.collab-row').text()).toContain('2 GB stored')
  })

  it('should show skeletons while loading', async () => {
    vi.mocked(m365Api.getCollaboration).mockReturnValue(pending())
    const { wrapper } = await mountAt(CollaborationTab, { path: '/m365/collaboration' })
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(wrapper.find('.collaboration__skeleton').exists()).toBe(true)
  })
})
