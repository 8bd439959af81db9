import { describe, expect, it } from 'vitest'
import { describeSignInFailure, isKnownSignInFailure } from '@/format/sign-in-failure'

describe('describeSignInFailure', () => {
  it.each([
    [50126, 'Wrong password'],
    [50053, 'Account locked after too many attempts'],
    [50057, 'Account disabled'],
    [53003, 'Blocked by a Conditional Access policy'],
    [50074, 'MFA required'],
    [50076, 'MFA required'],
    [50055, 'Password expired'],
    [50140, 'Interrupted by the "Stay signed in?" prompt'],
    [700016, 'App not found in the organisation'],
  ])('should word code %i as "%s"', (code, expected) => {
    expect(describeSignInFailure(code, 'Text from Microsoft')).toBe(expected)
  })

  it('should show the failure reason as given for an unmapped code', () => {
    expect(describeSignInFailure(90014, 'The request body must contain the following parameter.')).toBe(
      'The request body must contain the following parameter.',
    )
  })

  it('should fall back without a reason', () => {
    expect(describeSignInFailure(123456, null)).toBe('Reason not given')
    expect(describeSignInFailure(123456, '   ')).toBe('Reason not given')
  })

  it('should report which codes have our own wording', () => {
    expect(isKnownSignInFailure(50126)).toBe(true)
    expect(isKnownSignInFailure(90014)).toBe(false)
  })
})
