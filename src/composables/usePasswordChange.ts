import { ref } from 'vue'
import { MIN_PASSWORD_LENGTH } from '../../server/contract/auth.js'
import { ApiRequestError } from '../api/errors'
import { useSessionStore } from '../stores/session'
import { profileStrings as text } from '../strings/profile'
import { describeFormFailure } from './useFormFailure'

/** Holds the change-password form of the profile screen: fields, checks and the request. */
export function usePasswordChange(onChanged: () => void) {
  const session = useSessionStore()

  const currentPassword = ref('')
  const newPassword = ref('')
  const repeatPassword = ref('')
  const currentError = ref<string | null>(null)
  const newError = ref<string | null>(null)
  const repeatError = ref<string | null>(null)
  const formError = ref<string | null>(null)
  const submitting = ref(false)

  function validate(): boolean {
    const length = [...newPassword.value].length
    currentError.value = currentPassword.value ? null : text.missingCurrent
    newError.value = null
    if (length < MIN_PASSWORD_LENGTH) newError.value = text.tooShort(MIN_PASSWORD_LENGTH, length)
    else if (newPassword.value === currentPassword.value) newError.value = text.sameAsCurrent
    repeatError.value = !newError.value && repeatPassword.value !== newPassword.value ? text.mismatch : null
    return !currentError.value && !newError.value && !repeatError.value
  }

  async function submit(): Promise<void> {
    formError.value = null
    if (!validate() || submitting.value) return

    submitting.value = true
    try {
      await session.changePassword(currentPassword.value, newPassword.value)
      currentPassword.value = ''
      newPassword.value = ''
      repeatPassword.value = ''
      onChanged()
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'invalid_credentials') currentError.value = text.wrongCurrent
      else formError.value = describeFormFailure(error, text)
    } finally {
      submitting.value = false
    }
  }

  return { currentPassword, newPassword, repeatPassword, currentError, newError, repeatError, formError, submitting, submit }
}
