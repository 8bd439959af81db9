import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ExportFolderSource } from '../../server/sync/export-folder-source.js'
import { runSync } from '../../server/sync/run-sync.js'
import { readState } from '../../server/sync/state.js'
import { memoryLogger, openTestDatabase, type TestDatabase } from './helpers.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/graph/', import.meta.url))

/** Where each fixture goes in an export folder, and what importing it must give. */
interface Case {
  target: string
  dataset: string
  expect: 'succeeded' | 'skipped' | { failed: RegExp }
}

const CASES: Record<string, Case> = {
  'organization.json': { target: 'organization.json', dataset: 'tenant', expect: 'succeeded' },
  'subscribedSkus.json': { target: 'subscribedSkus.json', dataset: 'skus', expect: 'succeeded' },
  'users.json': { target: 'users.json', dataset: 'users', expect: 'succeeded' },
  'users.assignedLicenses.json': { target: 'users.json', dataset: 'users', expect: { failed: /users\.json, record 1: field "userPrincipalName" is missing/ } },
  'users.guests-b2b.json': { target: 'users.json', dataset: 'users', expect: { failed: /users\.json, record 1: field "userPrincipalName" is missing/ } },
  'users.search-with-guest.json': { target: 'users.json', dataset: 'users', expect: { failed: /users\.json, record 1: field "id" is missing/ } },
  'users.signInActivity.json': { target: 'users.json', dataset: 'users', expect: 'succeeded' },
  'graph-mocks/users.sandbox.json': { target: 'users.json', dataset: 'users', expect: 'succeeded' },
  'graph-mocks/users.delta.json': { target: 'users.json', dataset: 'users', expect: 'succeeded' },
  'userRegistrationDetails.json': { target: 'userRegistrationDetails.json', dataset: 'mfaRegistrations', expect: 'succeeded' },
  'groups.json': { target: 'groups.json', dataset: 'groups', expect: 'succeeded' },
  'groups.dynamic.json': { target: 'groups.json', dataset: 'groups', expect: 'succeeded' },
  'groups.licensed-with-members.json': { target: 'groups.json', dataset: 'groups', expect: 'succeeded' },
  'graph-mocks/groups.get-team.json': { target: 'groups.json', dataset: 'groups', expect: { failed: /groups\.json: field "value" is missing or not an array/ } },
  'graph-mocks/devices.json': { target: 'devices.json', dataset: 'devices', expect: { failed: /devices\.json, record 1: field "id" is missing/ } },
  'graph-mocks/devices.get.json': { target: 'devices.json', dataset: 'devices', expect: { failed: /devices\.json: field "value" is missing/ } },
  'signIns.json': { target: 'signIns.json', dataset: 'signIns', expect: 'succeeded' },
  'raw/signin-list.v1.example1.response.txt': { target: 'signIns.json', dataset: 'signIns', expect: { failed: /signIns\.json returned invalid JSON/ } },
  'alerts_v2.json': { target: 'alerts_v2.json', dataset: 'alerts', expect: 'succeeded' },
  'graph-mocks/alerts_v2.get.json': { target: 'alerts_v2.json', dataset: 'alerts', expect: { failed: /alerts_v2\.json: field "value" is missing/ } },
  'alerts_v2.mdo.wazuh-redacted.json': { target: 'alerts_v2.json', dataset: 'alerts', expect: { failed: /alerts_v2\.json: field "value" is missing/ } },
  'graph-mocks/reportSettings.json': { target: 'reportSettings.json', dataset: 'tenant', expect: 'skipped' },
  'error.nonPremiumTenant.json': { target: 'signIns.error.json', dataset: 'signIns', expect: 'skipped' },
  'mailboxUsageDetail.csv': { target: 'reports/getMailboxUsageDetail.csv', dataset: 'mailboxes', expect: 'succeeded' },
  'mailboxUsageDetail.beta.csv': { target: 'reports/getMailboxUsageDetail.csv', dataset: 'mailboxes', expect: 'succeeded' },
  'mailboxUsageStorage.issue4718.csv': {
    target: 'reports/getMailboxUsageDetail.csv',
    dataset: 'mailboxes',
    expect: { failed: /getMailboxUsageDetail\.csv is missing the column "User Principal Name"/ },
  },
  'teamsActivityDetail.csv': { target: 'reports/getTeamsTeamActivityDetail.csv', dataset: 'teams', expect: 'succeeded' },
  'sharePointSiteUsageDetail.csv': { target: 'reports/getSharePointSiteUsageDetail.csv', dataset: 'sites', expect: 'succeeded' },
}

/** Samples of endpoints the sync does not read; listed so a new fixture must be classified. */
const NOT_READ = [
  'NOTES.md', 'README.md', 'batch.response.json', 'licensing-service-plan-reference.excerpt.csv', 'mailboxUsageDetail.beta.json',
  'securityDefaults.json', 'graph-mocks/groups.members.count.txt', 'graph-mocks/security.incidents.json',
  'graph-mocks/serviceHealth.healthOverviews.json', 'graph-mocks/serviceHealth.issues.json', 'graph-mocks/sites.getAllSites.json',
  'graph-mocks/sites.json', 'graph-mocks/teams.json',
]

function listFixtures(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? listFixtures(full, `${prefix}${name}/`) : [`${prefix}${name}`]
  })
}

/** Wraps a recorded Graph error body as the export folder's `{ status, body }` error file. */
function placeFixture(fixture: string, folder: string, target: string): void {
  const destination = path.join(folder, target)
  mkdirSync(path.dirname(destination), { recursive: true })
  if (target.endsWith('.error.json')) {
    const body = JSON.parse(readFileSync(path.join(FIXTURES, fixture), 'utf8'))
    writeFileSync(destination, JSON.stringify({ status: 403, body }))
  } else {
    copyFileSync(path.join(FIXTURES, fixture), destination)
  }
}

describe('import of the Graph samples', () => {
  let test: TestDatabase
  let folder: string

  beforeEach(async () => {
    test = await openTestDatabase()
    folder = mkdtempSync(path.join(tmpdir(), 'clientone-fixture-'))
  })
  afterEach(async () => {
    await test.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('classifies every fixture file', () => {
    const unclassified = listFixtures(FIXTURES).filter((file) => !(file in CASES) && !NOT_READ.includes(file))
    expect(unclassified).toEqual([])
  })

  it.each(Object.entries(CASES))('imports %s', async (fixture, testCase) => {
    placeFixture(fixture, folder, testCase.target)
    const source = await ExportFolderSource.open(folder, { kind: 'import' })
    const result = await runSync({ db: test.db.writer, orgId: test.orgId, source, log: memoryLogger() })
    const outcome = result.datasets[testCase.dataset as 'users']

    if (testCase.expect === 'succeeded') {
      expect(outcome?.status, JSON.stringify(outcome)).toBe('succeeded')
    } else if (testCase.expect === 'skipped') {
      expect(outcome?.status).toBe('skipped')
    } else {
      expect(outcome?.status).toBe('failed')
      const error = outcome && 'error' in outcome ? outcome.error : ''
      expect(error).toMatch(testCase.expect.failed)
    }
  })

  it('turns the non-premium error file into a capability', async () => {
    placeFixture('error.nonPremiumTenant.json', folder, 'signIns.error.json')
    const source = await ExportFolderSource.open(folder, { kind: 'import' })
    await runSync({ db: test.db.writer, orgId: test.orgId, source, log: memoryLogger() })
    expect(await readState(test.db.reader, test.orgId, 'capability.signIns')).toBe('needs_entra_p1')
  })

  it('maps the sandbox users', async () => {
    placeFixture('graph-mocks/users.sandbox.json', folder, 'users.json')
    const source = await ExportFolderSource.open(folder, { kind: 'import' })
    await runSync({ db: test.db.writer, orgId: test.orgId, source, log: memoryLogger() })
    const rooms = await test.db.reader.selectFrom('m365_users').selectAll().where('display_name', '=', 'Conf Room Adams').execute()
    expect(rooms).toHaveLength(1)
    expect(rooms[0]!.account_enabled).toBeNull()
    expect(rooms[0]!.last_sign_in_at).toBeNull()
    expect(rooms[0]!.is_licensed).toBe(0)
  })

  it('reads the value-wrapped report setting', async () => {
    placeFixture('graph-mocks/reportSettings.json', folder, 'reportSettings.json')
    await runSync({ db: test.db.writer, orgId: test.orgId, source: await ExportFolderSource.open(folder, { kind: 'import' }), log: memoryLogger() })
    expect(await readState(test.db.reader, test.orgId, 'reportNames')).toBe('concealed')
  })

  it('maps never-signed-in sentinels to null', async () => {
    placeFixture('users.signInActivity.json', folder, 'users.json')
    await runSync({ db: test.db.writer, orgId: test.orgId, source: await ExportFolderSource.open(folder, { kind: 'import' }), log: memoryLogger() })
    const users = await test.db.reader.selectFrom('m365_users').select(['last_sign_in_at', 'raw_json']).execute()
    expect(users.length).toBeGreaterThan(0)
    for (const user of users) {
      if (user.last_sign_in_at !== null) expect(user.last_sign_in_at).not.toMatch(/^0001/)
    }
  })

  it('keeps U+FFFD and line breaks in alert text', async () => {
    placeFixture('alerts_v2.json', folder, 'alerts_v2.json')
    await runSync({ db: test.db.writer, orgId: test.orgId, source: await ExportFolderSource.open(folder, { kind: 'import' }), log: memoryLogger() })
    const alert = await test.db.reader.selectFrom('m365_alerts').selectAll().executeTakeFirstOrThrow()
    expect(alert.recommended_actions).toContain('\ufffd')
    expect(alert.recommended_actions).toContain('\n')
    const evidence = JSON.parse(alert.evidence_json) as Array<{ type: string; label: string }>
    expect(evidence.map((item) => item.type)).toContain('deviceEvidence')
    expect(evidence.every((item) => !item.type.startsWith('#'))).toBe(true)
  })
})
