import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Me, TotpStartReply } from '../../server/contract/index.js'
import * as authApi from '../api/auth'
import { ApiRequestError, type SessionEndedCode } from '../api/errors'
import * as meApi from '../api/me'
import { STORAGE_PREFIX, getActiveAccount, purgeAccountData, setActiveAccount } from '../pwa/account-cache'
import { resetAllStores } from './reset'

export type SessionStatus = 'unknown' | 'signedOut' | 'mfaPending' | 'signedIn'

/** sessionStorage copy of the last `/me`, so a reload can open a data screen without waiting for `/me`. */
const ME_SNAPSHOT_KEY = `${STORAGE_PREFIX}me`

export const useSessionStore = defineStore('session', () => {
  const me = shallowRef<Me | null>(null)
  const status = ref<SessionStatus>('unknown')
  /** The email typed at the password step, shown on the code step. */
  const pendingEmail = ref<string | null>(null)
  /** Why the last session ended without a sign-out, for the sign-in screen's message. */
  const endedReason = ref<SessionEndedCode | null>(null)

  const isSignedIn = computed(() => status.value === 'signedIn')

  function setMe(next: Me): void {
    me.value = next
    status.value = 'signedIn'
    endedReason.value = null
    pendingEmail.value = null
    writeSnapshot(next)
  }

  /** Sends email and password; resolves with whether the code step follows. */
  async function signIn(email: string, password: string): Promise<{ mfaRequired: boolean }> {
    const { data } = await authApi.signIn({ email, password })
    if (data.mfaRequired) {
      status.value = 'mfaPending'
      pendingEmail.value = email
      return { mfaRequired: true }
    }
    await completeSignIn()
    return { mfaRequired: false }
  }

  /** Sends the TOTP or recovery code of the pending session, then loads the account. */
  async function verifyMfa(code: string): Promise<void> {
    await authApi.verifyMfa({ code: code.trim() })
    await completeSignIn()
  }

  /** Sets the password of an invited account; the server signs it in. */
  async function acceptInvitation(token: string, password: string): Promise<{ mfaRequired: boolean }> {
    const { data } = await authApi.acceptInvitation({ token, password })
    if (data.mfaRequired) {
      status.value = 'mfaPending'
      pendingEmail.value = data.email
      return { mfaRequired: true }
    }
    await completeSignIn()
    return { mfaRequired: false }
  }

  // A different account than the last one on this device must not see its cached data.
  async function completeSignIn(): Promise<void> {
    const { data } = await meApi.getMe()
    const previous = getActiveAccount()
    if (previous && previous.cacheKey !== data.cacheKey) {
      resetAllStores()
      await purgeAccountData()
    }
    setActiveAccount(data.cacheKey, data.settings.offlineCache)
    setMe(data)
  }

  /**
   * Loads `/me` and settles the status: signed in, code step pending, or signed out.
   * Rethrows failures that say nothing about the session (offline, server error).
   */
  async function loadMe(signal?: AbortSignal): Promise<Me | null> {
    try {
      const { data } = await meApi.getMe(signal)
      setActiveAccount(data.cacheKey, data.settings.offlineCache)
      setMe(data)
      return data
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        me.value = null
        clearSnapshot()
        status.value = error.code === 'mfa_required' ? 'mfaPending' : 'signedOut'
        if (error.code === 'session_expired') endedReason.value = 'session_expired'
        return null
      }
      throw error
    }
  }

  /** Signs in from this tab's last `/me` so the first screen can load in parallel with revalidation. */
  function restoreSnapshot(): boolean {
    const snapshot = readSnapshot()
    if (!snapshot) return false
    me.value = snapshot
    status.value = 'signedIn'
    return true
  }

  /**
   * Purges the account's data on this device first (works offline), resets every store, then
   * asks the server to end the session. A failed network call does not stop the sign-out.
   */
  async function signOut(): Promise<void> {
    await purgeAccountData()
    resetAllStores()
    status.value = 'signedOut'
    try {
      await authApi.signOut()
    } catch {
      // Offline or already signed out: the device side is done, and the server session times out.
    }
  }

  /** Called when a data request answers 401: the session expired or was revoked elsewhere. */
  function markSessionEnded(code: SessionEndedCode): void {
    resetAllStores()
    clearSnapshot()
    status.value = 'signedOut'
    endedReason.value = code
  }

  function markMfaPending(): void {
    status.value = 'mfaPending'
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await meApi.changePassword({ currentPassword, newPassword })
  }

  async function startTotpEnrolment(): Promise<TotpStartReply> {
    const { data } = await meApi.startTotpEnrolment()
    return data
  }

  /** Confirms enrolment with a code from the new authenticator entry; returns the one-time recovery codes. */
  async function confirmTotpEnrolment(code: string): Promise<string[]> {
    const { data } = await meApi.confirmTotpEnrolment({ code: code.trim() })
    setMfaEnabled(true)
    return data.recoveryCodes
  }

  async function removeTotp(code: string): Promise<void> {
    await meApi.removeTotp({ code: code.trim() })
    setMfaEnabled(false)
  }

  function setMfaEnabled(enabled: boolean): void {
    if (!me.value) return
    setMe({ ...me.value, account: { ...me.value.account, mfaEnabled: enabled } })
  }

  function reset(): void {
    me.value = null
    status.value = 'unknown'
    pendingEmail.value = null
    endedReason.value = null
    clearSnapshot()
  }

  return {
    me,
    status,
    pendingEmail,
    endedReason,
    isSignedIn,
    signIn,
    verifyMfa,
    acceptInvitation,
    loadMe,
    restoreSnapshot,
    signOut,
    markSessionEnded,
    markMfaPending,
    changePassword,
    startTotpEnrolment,
    confirmTotpEnrolment,
    removeTotp,
    reset,
  }
})

function readSnapshot(): Me | null {
  try {
    const raw = sessionStorage.getItem(ME_SNAPSHOT_KEY)
    return raw ? (JSON.parse(raw) as Me) : null
  } catch {
    return null
  }
}

function writeSnapshot(value: Me): void {
  try {
    sessionStorage.setItem(ME_SNAPSHOT_KEY, JSON.stringify(value))
  } catch {
    // Storage can be full or disabled; the snapshot only saves a round trip.
  }
}

function clearSnapshot(): void {
  try {
    sessionStorage.removeItem(ME_SNAPSHOT_KEY)
  } catch {
    // Nothing stored.
  }
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
