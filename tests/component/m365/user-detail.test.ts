import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UserDetail } from '../../../server/contract/m365.js'
import * as m365Api from '@/api/m365'
import UserDetailView from '@/views/m365/UserDetailView.vue'
import { apiError, mountAt, ok, rejectWith, SYNCED } from './fixtures'

vi.mock('@/api/m365')

const BASE: UserDetail['user'] = {
  id: 'u-1',
  displayName: 'Jane Doe',
  userPrincipalName: 'jane.doe@contoso.com',
  mail: 'jane.doe@contoso.com',
  jobTitle: 'Office manager',
  department: null,
  officeLocation: null,
  accountEnabled: true,
  userType: 'Member',
  isGuest: false,
  licenses: [{ skuId: 's1', name: 'Microsoft 365 Business Premium' }],
  isSelf: false,
}

async function open(user: UserDetail['user']) {
  vi.mocked(m365Api.getUser).mockReturnValue(ok({ user, sync: SYNCED }))
  return mountAt(UserDetailView, { path: '/m365/users/u-1', routePath: '/m365/users/:id', props: true })
}

describe('UserDetailView', () => {
  beforeEach(() => {
    vi.mocked(m365Api.getUser).mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('should request the user from the route id', async () => {
    await open(BASE)
    expect(vi.mocked(m365Api.getUser).mock.calls[0]![0]).toBe('u-1')
  })

  it('should show only the fields a standard user receives', async () => {
    const { wrapper } = await open(BASE)
    const text = wrapper.text()

    expect(text).toContain('Jane Doe')
    expect(text).toContain('Office manager')
    expect(text).toContain('Microsoft 365 Business Premium')
    expect(text).not.toContain('Last sign-in')
    expect(text).not.toContain('Mailbox')
    expect(text).not.toContain('MFA registration')
  })

  it('should say Never signed in and Unlicensed as plain text', async () => {
    const { wrapper } = await open({ ...BASE, licenses: [], lastSignInAt: null })
    expect(wrapper.text()).toContain('Never signed in')
    expect(wrapper.text()).toContain('Unlicensed')
  })

  it('should show mailbox usage against the quota', async () => {
    const { wrapper } = await open({
      ...BASE,
      mailbox: { storageUsedBytes: 31.2 * 2 ** 30, quotaBytes: 50 * 2 ** 30, itemCount: 1200, lastActivityDate: null, hasArchive: true },
    })
    expect(wrapper.text()).toContain('31.2 GB of 50 GB')
    expect(wrapper.text()).toContain('62%')
  })

  it('should keep tenant MFA informational and link to Profile & security', async () => {
    const { wrapper } = await open({
      ...BASE,
      mfaRegistration: { status: 'notRegistered', methods: [], capability: 'available' },
    })
    expect(wrapper.text()).toContain('Not registered')
    expect(wrapper.text()).toContain('separate from the MFA you use to sign in to ClientOne')
    expect(wrapper.get('.user-detail__mfa-note a').attributes('href')).toBe('/profile')
  })

  it('should show not found for an unknown id', async () => {
    vi.mocked(m365Api.getUser).mockImplementation(rejectWith(apiError(404, 'not_found')))
    const { wrapper } = await mountAt(UserDetailView, { path: '/m365/users/u-9', routePath: '/m365/users/:id', props: true })
    expect(wrapper.text()).toContain('User not found')
  })

  it('should show the refused screen on a 403', async () => {
    vi.mocked(m365Api.getUser).mockImplementation(rejectWith(apiError(403, 'm365_disabled')))
    const { wrapper } = await mountAt(UserDetailView, { path: '/m365/users/u-9', routePath: '/m365/users/:id', props: true })
    expect(wrapper.text()).toContain('Microsoft 365 is not enabled for your organization')
  })
})
