import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { purgeAccountData } from '../../src/pwa/account-cache'
import { useAlertBadgeStore } from '../../src/stores/alert-badge'
import { useSessionStore } from '../../src/stores/session'
import { alertItem, alertsPage, installMockApi, makeMe, type MockApi } from '../component/support/mock-api'

let api: MockApi

beforeEach(async () => {
  await purgeAccountData()
  setActivePinia(createPinia())
  api = installMockApi()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function signIn(me = makeMe()): void {
  useSessionStore().me = me
  useSessionStore().status = 'signedIn'
}

describe('alert badge store', () => {
  it('counts confirmations and new alerts once each', async () => {
    signIn()
    api.on('GET /api/v1/alerts', (call) =>
      call.url.searchParams.get('needsConfirmation') === 'true'
        ? { body: alertsPage([alertItem('a1'), alertItem('a2')]) }
        : { body: alertsPage([alertItem('a2'), alertItem('a3')]) })
    const badge = useAlertBadgeStore()
    await badge.refresh()

    expect(badge.count).toBe(3)
    expect(badge.needsConfirmationCount).toBe(2)
    const newQuery = api.calls.find((call) => !call.url.searchParams.has('needsConfirmation'))!.url.searchParams
    expect(newQuery.getAll('severity')).toEqual(['high', 'medium'])
    expect(newQuery.getAll('status')).toEqual(['new'])
    expect(newQuery.has('from')).toBe(false)
  })

  it('counts only alerts after the last visit', async () => {
    signIn()
    api.on('GET /api/v1/alerts', { body: alertsPage([]) })
    const badge = useAlertBadgeStore()
    badge.markAlertsSeen(new Date('2026-03-12T14:05:00.000Z'))
    await badge.refresh()

    const newQuery = api.calls.find((call) => !call.url.searchParams.has('needsConfirmation'))!.url.searchParams
    expect(newQuery.get('from')).toBe('2026-03-12T14:05:00.000Z')
    expect(localStorage.getItem('clientone.alertsLastOpened.acc-1')).toBe('2026-03-12T14:05:00.000Z')
  })

  it('drops new alerts when the list is opened', async () => {
    signIn()
    api.on('GET /api/v1/alerts', (call) =>
      call.url.searchParams.get('needsConfirmation') === 'true'
        ? { body: alertsPage([alertItem('a1')]) }
        : { body: alertsPage([alertItem('a2')]) })
    const badge = useAlertBadgeStore()
    await badge.refresh()
    expect(badge.count).toBe(2)

    badge.markAlertsSeen()
    expect(badge.count).toBe(1)
  })

  it('follows cursors across pages', async () => {
    signIn()
    api.on('GET /api/v1/alerts', (call) => {
      if (!call.url.searchParams.get('needsConfirmation')) return { body: alertsPage([]) }
      return call.url.searchParams.get('cursor') === 'next'
        ? { body: alertsPage([alertItem('b')]) }
        : { body: alertsPage([alertItem('a')], 'next') }
    })
    const badge = useAlertBadgeStore()
    await badge.refresh()

    expect(badge.count).toBe(2)
  })

  it('does not ask when alerts are not permitted', async () => {
    signIn(makeMe({ alerts: false }))
    const badge = useAlertBadgeStore()
    await badge.refresh()

    expect(api.calls).toHaveLength(0)
    expect(badge.count).toBe(0)
  })
})
