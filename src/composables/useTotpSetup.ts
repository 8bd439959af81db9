import { ref, shallowRef } from 'vue'
import type { TotpStartReply } from '../../server/contract/index.js'
import { ApiRequestError } from '../api/errors'
import { useSessionStore } from '../stores/session'
import { profileStrings as text } from '../strings/profile'
import { describeFormFailure } from './useFormFailure'

export type TotpStep = 'idle' | 'scan' | 'recovery' | 'remove'

/**
 * Drives the authenticator app setup on the profile screen. It starts enrolment, confirms it
 * with a code and shows the recovery codes once, or removes the app with a code.
 */
export function useTotpSetup(notify: (message: string) => void) {
  const session = useSessionStore()

  const step = ref<TotpStep>('idle')
  const enrolment = shallowRef<TotpStartReply | null>(null)
  const recoveryCodes = shallowRef<string[]>([])
  const code = ref('')
  const codeError = ref<string | null>(null)
  const formError = ref<string | null>(null)
  const busy = ref(false)

  function clearInput(): void {
    code.value = ''
    codeError.value = null
    formError.value = null
  }

  async function start(): Promise<void> {
    if (busy.value) return
    clearInput()
    busy.value = true
    try {
      enrolment.value = await session.startTotpEnrolment()
      step.value = 'scan'
    } catch (error) {
      formError.value = describeFormFailure(error, text)
    } finally {
      busy.value = false
    }
  }

  async function confirm(): Promise<void> {
    const digits = code.value.replace(/\D/g, '')
    if (digits.length !== 6) {
      codeError.value = text.missingCode
      return
    }
    if (busy.value) return

    busy.value = true
    codeError.value = null
    formError.value = null
    try {
      recoveryCodes.value = await session.confirmTotpEnrolment(digits)
      enrolment.value = null
      code.value = ''
      step.value = 'recovery'
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'invalid_credentials') codeError.value = text.wrongCode
      else formError.value = describeFormFailure(error, text)
    } finally {
      busy.value = false
    }
  }

  /** Ends the one-time display of the recovery codes; they are not kept anywhere in the app. */
  function finishRecovery(): void {
    recoveryCodes.value = []
    step.value = 'idle'
    notify(text.mfaTurnedOn)
  }

  function askToRemove(): void {
    clearInput()
    step.value = 'remove'
  }

  async function remove(): Promise<void> {
    const value = code.value.trim()
    if (!value) {
      codeError.value = text.missingCode
      return
    }
    if (busy.value) return

    busy.value = true
    codeError.value = null
    formError.value = null
    try {
      await session.removeTotp(/^[\d\s]+$/.test(value) ? value.replace(/\s/g, '') : value)
      code.value = ''
      step.value = 'idle'
      notify(text.mfaTurnedOff)
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'invalid_credentials') codeError.value = text.wrongCode
      else formError.value = describeFormFailure(error, text)
    } finally {
      busy.value = false
    }
  }

  function cancel(): void {
    clearInput()
    enrolment.value = null
    step.value = 'idle'
  }

  return { step, enrolment, recoveryCodes, code, codeError, formError, busy, start, confirm, finishRecovery, askToRemove, remove, cancel }
}
