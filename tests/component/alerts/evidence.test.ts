import { describe, expect, it } from 'vitest'
import { evidenceDetailName, evidenceDetailValue, evidenceKind, isCopyable } from '@/components/alerts/evidence'

describe('evidence wording', () => {
  it.each([
    ['userAccount.accountName', 'Account name'],
    ['userAccount.azureAdUserId', 'Entra user ID'],
    ['createdDateTime', 'Created'],
    ['remediationStatus', 'Remediation status'],
    ['deviceId', 'Device ID'],
  ])('should word %s as "%s"', (name, expected) => {
    expect(evidenceDetailName(name)).toBe(expected)
  })

  it('should name evidence kinds', () => {
    expect(evidenceKind('ipEvidence')).toBe('IP address')
    expect(evidenceKind('somethingNewEvidence')).toBe('Something new')
  })

  it('should offer copying for addresses and ids only', () => {
    expect(isCopyable('203.0.113.7')).toBe(true)
    expect(isCopyable('2001:db8::1')).toBe(true)
    expect(isCopyable('48d31887-5fad-4d73-a9f5-3c356e68a038')).toBe(true)
    expect(isCopyable('Megan Bowen')).toBe(false)
  })

  it('should format ISO timestamps and keep other values', () => {
    const formatted = evidenceDetailValue('2026-12-03T21:36:56.896Z')
    expect(formatted).not.toContain('T21:36')
    expect(formatted).toMatch(/2026/)
    expect(evidenceDetailValue('Megan Bowen')).toBe('Megan Bowen')
    expect(evidenceDetailValue('2026-12-03')).toBe('2026-12-03')
  })
})
