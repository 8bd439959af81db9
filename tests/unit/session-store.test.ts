import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getActiveAccount, purgeAccountData } from '../../src/pwa/account-cache'
import { useAlertBadgeStore } from '../../src/stores/alert-badge'
import { usePortalStore } from '../../src/stores/portal'
import { useSessionStore } from '../../src/stores/session'
import { errorReply, installMockApi, makeMe, type MockApi } from '../component/support/mock-api'

/** Installs a CacheStorage stand-in that records deletions. */
function installCaches(names: string[]) {
  const stored = new Set(names)
  const deleted: string[] = []
  vi.stubGlobal('caches', {
    keys: async () => [...stored],
    delete: async (name: string) => {
      deleted.push(name)
      return stored.delete(name)
    },
  })
  return { stored, deleted }
}

let api: MockApi

beforeEach(async () => {
  await purgeAccountData()
  localStorage.clear()
  sessionStorage.clear()
  setActivePinia(createPinia())
  api = installMockApi()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('session store', () => {
  it('signs in without MFA and loads /me', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe({ cacheKey: 'key-jane' }) })
    const session = useSessionStore()

    const result = await session.signIn('jane@contoso.example', 'correct horse battery')

    expect(result).toEqual({ mfaRequired: false })
    expect(session.status).toBe('signedIn')
    expect(session.me?.account.email).toBe('jane@contoso.example')
    expect(getActiveAccount()?.cacheKey).toBe('key-jane')
    expect(api.callsTo('POST /api/v1/auth/sign-in')[0]!.body).toEqual({ email: 'jane@contoso.example', password: 'correct horse battery' })
  })

  it('waits for the code when MFA is required', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: true } })
    api.on('POST /api/v1/auth/mfa', { body: {} })
    api.on('GET /api/v1/me', { body: makeMe({ mfaEnabled: true }) })
    const session = useSessionStore()

    await session.signIn('jane@contoso.example', 'pw')
    expect(session.status).toBe('mfaPending')
    expect(session.pendingEmail).toBe('jane@contoso.example')
    expect(api.callsTo('GET /api/v1/me')).toHaveLength(0)

    await session.verifyMfa(' 123456 ')
    expect(api.callsTo('POST /api/v1/auth/mfa')[0]!.body).toEqual({ code: '123456' })
    expect(session.status).toBe('signedIn')
  })

  it('rejects a wrong code and stays pending', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: true } })
    api.on('POST /api/v1/auth/mfa', errorReply(401, 'invalid_credentials'))
    const session = useSessionStore()
    await session.signIn('jane@contoso.example', 'pw')

    await expect(session.verifyMfa('000000')).rejects.toMatchObject({ code: 'invalid_credentials' })
    expect(session.status).toBe('mfaPending')
  })

  it('purges device data before the sign-out request', async () => {
    const cacheStore = installCaches(['api-key-1', 'api-key-1-images', 'workbox-precache-v2'])
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    let cachesLeftAtRequest: string[] = []
    api.on('POST /api/v1/auth/sign-out', () => {
      cachesLeftAtRequest = [...cacheStore.stored]
      return { status: 204 }
    })
    const session = useSessionStore()
    await session.signIn('jane@contoso.example', 'pw')
    localStorage.setItem('clientone.alertsLastOpened.acc-1', '2026-03-12T14:05:00.000Z')
    localStorage.setItem('other-app', 'kept')

    await session.signOut()

    expect(cacheStore.deleted.sort()).toEqual(['api-key-1', 'api-key-1-images'])
    expect(cachesLeftAtRequest).toEqual(['workbox-precache-v2'])
    expect(localStorage.getItem('clientone.alertsLastOpened.acc-1')).toBeNull()
    expect(localStorage.getItem('clientone.activeAccount')).toBeNull()
    expect(localStorage.getItem('other-app')).toBe('kept')
    expect(sessionStorage.getItem('clientone.me')).toBeNull()
    expect(session.status).toBe('signedOut')
    expect(session.me).toBeNull()
    expect(getActiveAccount()).toBeNull()
  })

  it('signs out offline', async () => {
    installCaches(['api-key-1'])
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    const session = useSessionStore()
    await session.signIn('jane@contoso.example', 'pw')
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))

    await expect(session.signOut()).resolves.toBeUndefined()
    expect(session.status).toBe('signedOut')
    expect(localStorage.getItem('clientone.activeAccount')).toBeNull()
  })

  it('resets every store at sign-out', async () => {
    installCaches([])
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    api.on('POST /api/v1/auth/sign-out', { status: 204 })
    api.on('GET /api/v1/alerts', { body: { items: [{ id: 'a1' }], nextCursor: null, total: 1 } })
    const session = useSessionStore()
    const portal = usePortalStore()
    const badge = useAlertBadgeStore()
    await session.signIn('jane@contoso.example', 'pw')
    await badge.refresh()
    portal.recordApiRefusal('tab_not_permitted', '/m365/users')
    expect(badge.count).toBe(1)

    await session.signOut()

    expect(badge.count).toBe(0)
    expect(portal.apiRefusal).toBeNull()
    expect(portal.role).toBeNull()
  })

  it('purges the previous account when another signs in', async () => {
    const cacheStore = installCaches(['api-key-old'])
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe({ cacheKey: 'key-old', accountId: 'old' }) })
    const session = useSessionStore()
    await session.signIn('old@contoso.example', 'pw')
    localStorage.setItem('clientone.alertsLastOpened.old', '2026-03-12T14:05:00.000Z')

    // The old session expired without a sign-out; someone else signs in on this device.
    session.markSessionEnded('session_expired')
    api.on('GET /api/v1/me', { body: makeMe({ cacheKey: 'key-new', accountId: 'new', email: 'new@contoso.example' }) })
    await session.signIn('new@contoso.example', 'pw')

    expect(cacheStore.deleted).toEqual(['api-key-old'])
    expect(localStorage.getItem('clientone.alertsLastOpened.old')).toBeNull()
    expect(getActiveAccount()?.cacheKey).toBe('key-new')
  })

  it('keeps data when the same account signs in again', async () => {
    const cacheStore = installCaches(['api-key-1'])
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe({ cacheKey: 'key-1' }) })
    const session = useSessionStore()
    await session.signIn('jane@contoso.example', 'pw')
    session.markSessionEnded('session_expired')
    await session.signIn('jane@contoso.example', 'pw')

    expect(cacheStore.deleted).toEqual([])
  })

  it('settles loadMe from its 401 code', async () => {
    const session = useSessionStore()
    api.on('GET /api/v1/me', errorReply(401, 'mfa_required'))
    await session.loadMe()
    expect(session.status).toBe('mfaPending')

    api.on('GET /api/v1/me', errorReply(401, 'session_expired'))
    await session.loadMe()
    expect(session.status).toBe('signedOut')
    expect(session.endedReason).toBe('session_expired')
  })

  it('rethrows loadMe network failures', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const session = useSessionStore()

    await expect(session.loadMe()).rejects.toMatchObject({ code: 'network_error' })
    expect(session.status).toBe('unknown')
  })

  it('restores this tab from the /me snapshot', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    await useSessionStore().signIn('jane@contoso.example', 'pw')

    setActivePinia(createPinia())
    const fresh = useSessionStore()
    expect(fresh.restoreSnapshot()).toBe(true)
    expect(fresh.status).toBe('signedIn')
    expect(fresh.me?.account.id).toBe('acc-1')
  })

  it('marks MFA on after confirming enrolment', async () => {
    api.on('POST /api/v1/auth/sign-in', { body: { mfaRequired: false } })
    api.on('GET /api/v1/me', { body: makeMe() })
    api.on('POST /api/v1/me/totp/confirm', { body: { recoveryCodes: ['aaaaa-bbbbb'] } })
    const session = useSessionStore()
    await session.signIn('jane@contoso.example', 'pw')

    const codes = await session.confirmTotpEnrolment('123456')

    expect(codes).toEqual(['aaaaa-bbbbb'])
    expect(session.me?.account.mfaEnabled).toBe(true)
  })
})
