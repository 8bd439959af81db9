import { describe, expect, it } from 'vitest'
import { mapAlert, mapRiskyUser } from '../../server/graph/mappers/alerts.js'
import { groupKind, mapGroup } from '../../server/graph/mappers/groups.js'
import { looksConcealed, mapMailbox } from '../../server/graph/mappers/reports.js'
import { mapSignIn } from '../../server/graph/mappers/sign-ins.js'
import { mapUser } from '../../server/graph/mappers/users.js'
import { skuNames } from '../../server/graph/sku-catalog.js'
import { shiftCsvDates, shiftJsonTimestamps } from '../../server/sync/time-shift.js'

const names = skuNames(new Map([['11111111-2222-3333-4444-555555555555', 'NEW_SKU_PART']]))

describe('graph mappers', () => {
  it('classifies every group kind', () => {
    expect(groupKind({ groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false })).toBe('microsoft365')
    expect(groupKind({ groupTypes: [], mailEnabled: true, securityEnabled: false })).toBe('distribution')
    expect(groupKind({ groupTypes: [], mailEnabled: true, securityEnabled: true })).toBe('mailEnabledSecurity')
    expect(groupKind({ groupTypes: [], mailEnabled: false, securityEnabled: true })).toBe('security')
    const team = mapGroup({ id: 'g1', displayName: 'Team', groupTypes: ['Unified', 'DynamicMembership'], resourceProvisioningOptions: ['Team'] }, 'x', 4)
    expect(team.is_team).toBe(1)
    expect(team.is_dynamic).toBe(1)
    expect(team.member_count).toBe(4)
  })

  it('marks guests and never-signed-in users', () => {
    const guest = mapUser(
      {
        id: 'u1',
        displayName: 'Ana',
        userPrincipalName: 'ana_fabrikam.com#EXT#@contoso.onmicrosoft.com',
        userType: null,
        signInActivity: { lastSignInDateTime: '0001-01-01T00:00:00Z', lastSuccessfulSignInDateTime: '' },
      },
      'x',
      names,
    )
    expect(guest.is_guest).toBe(1)
    expect(guest.last_sign_in_at).toBeNull()
    expect(guest.last_successful_sign_in_at).toBeNull()
    expect(guest.account_enabled).toBeNull()
    expect(guest.sort_key).toBe('ana\u0000u1')
  })

  it('names licences from the catalogue, the part number or the GUID', () => {
    const user = mapUser(
      {
        id: 'u2',
        displayName: 'José',
        userPrincipalName: 'jose@contoso.example',
        assignedLicenses: [
          { skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df' },
          { skuId: '11111111-2222-3333-4444-555555555555' },
          { skuId: '99999999-8888-7777-6666-555555555555' },
        ],
      },
      'x',
      names,
    )
    expect(JSON.parse(user.licenses_json)).toEqual([
      { skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', name: 'Office 365 E5' },
      { skuId: '11111111-2222-3333-4444-555555555555', name: 'NEW_SKU_PART' },
      { skuId: '99999999-8888-7777-6666-555555555555', name: '99999999-8888-7777-6666-555555555555' },
    ])
    expect(user.is_licensed).toBe(1)
    expect(user.search_norm).toContain('jose')
  })

  it('rejects a user without an id, naming the record', () => {
    expect(() => mapUser({ userPrincipalName: 'a@b.example' }, 'users/0002.json, record 7', names)).toThrow(
      'users/0002.json, record 7: field "id" is missing or not a non-empty string.',
    )
  })

  it('detects concealed report names', () => {
    expect(looksConcealed('22C5B5A0E3BB38EA4BB5B8CCEEEEA51D')).toBe(true)
    expect(looksConcealed('<PII:H105(se/njcX9qwMG)>@contoso.com')).toBe(true)
    expect(looksConcealed('(Unknown)')).toBe(true)
    expect(looksConcealed('megan@contoso.com')).toBe(false)
    const mailbox = mapMailbox({ principalName: '22C5B5A0E3BB38EA4BB5B8CCEEEEA51D', storageUsed: '18523759645', prohibitSendReceiveQuota: '107374182400' }, 'x', false)
    expect(mailbox.concealed).toBe(1)
    expect(mailbox.used_ratio).toBeCloseTo(0.1725, 3)
  })

  it('maps failed sign-ins', () => {
    const row = mapSignIn(
      {
        id: 's1',
        createdDateTime: '2026-12-01T10:00:00.1234567Z',
        status: { errorCode: 50126, failureReason: 'Invalid username or password.' },
        location: { city: '', countryOrRegion: 'NL' },
        deviceDetail: { deviceId: '', displayName: null },
      },
      'x',
    )
    expect(row.is_success).toBe(0)
    expect(row.error_code).toBe(50126)
    expect(row.city).toBeNull()
    expect(row.country_or_region).toBe('NL')
    expect(row.created_at).toBe('2026-12-01T10:00:00.123Z')
    expect(() => mapSignIn({ id: 's2', createdDateTime: '2026-12-01T10:00:00Z' }, 'signIns.json, record 2')).toThrow(/record 2: field "status.errorCode"/)
  })

  it('maps Identity Protection alerts and risky users', () => {
    const alert = mapAlert(
      {
        id: 'a1',
        title: 'Atypical travel',
        createdDateTime: '2026-12-01T10:00:00Z',
        serviceSource: 'azureAdIdentityProtection',
        evidence: [{ '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: '203.0.113.7', verdict: 'suspicious' }],
      },
      'x',
    )
    expect(alert.source).toBe('riskySignIn')
    expect(alert.severity).toBe('unknown')
    expect(JSON.parse(alert.evidence_json)).toEqual([
      { type: 'ipEvidence', label: '203.0.113.7', details: [{ name: 'ipAddress', value: '203.0.113.7' }], verdict: 'suspicious' },
    ])

    const risky = mapRiskyUser(
      { id: 'u9', userDisplayName: 'Diego', riskLevel: 'high', riskState: 'confirmedCompromised', riskDetail: 'none', riskLastUpdatedDateTime: '2026-12-01T10:00:00Z' },
      'x',
    )
    expect(risky?.id).toBe('riskyUser:u9')
    expect(risky?.title).toBe('User at risk: Diego')
    expect(risky?.severity).toBe('high')
    expect(risky?.status).toBe('inProgress')
    expect(JSON.parse(risky?.risk_json ?? 'null')).toEqual({ riskLevel: 'high', riskState: 'confirmedCompromised', riskDetail: 'none' })
    expect(mapRiskyUser({ id: 'u8', riskState: 'none', riskLastUpdatedDateTime: '2026-12-01T10:00:00Z' }, 'x')).toBeNull()
  })

  it('shifts timestamps but not the never value', () => {
    const shifted = shiftJsonTimestamps(
      { createdDateTime: '2026-12-01T10:00:00Z', signInActivity: { lastSignInDateTime: '0001-01-01T00:00:00Z' }, displayName: '2026-12-01T10:00:00Z' },
      86_400_000,
    ) as Record<string, unknown>
    expect(shifted.createdDateTime).toBe('2026-12-02T10:00:00.000Z')
    expect((shifted.signInActivity as Record<string, unknown>).lastSignInDateTime).toBe('0001-01-01T00:00:00Z')
    expect(shifted.displayName).toBe('2026-12-01T10:00:00Z')
    expect(shiftCsvDates('Report Refresh Date\r\n2026-11-29\r\n', 2.5 * 86_400_000)).toBe('Report Refresh Date\r\n2026-12-01\r\n')
  })
})
