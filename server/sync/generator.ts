import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { MANIFEST_FILE } from './export-folder-source.js'
import {
  APPS, CITIES, DEPARTMENTS, DEVICE_MODELS, FAMILY_NAMES, GIVEN_NAMES, JOB_TITLES, SIGN_IN_FAILURES,
} from './generator-words.js'

// Writes a synthetic export folder for a tenant of any size, in the same layout the import
// reads (docs/graph-export-folder.md). Output depends only on the options: the same seed,
// size and `now` give byte-identical files.

export interface GenerateOptions {
  users: number
  outDir: string
  seed: number
  /** End of the sign-in window and the export time. */
  now: Date
  /** Records per page file (Graph's maximum for users is 999). */
  pageSize?: number
  /** Days of sign-ins written, ending at `now` (1 to 30, the P1 retention); default 7. */
  signInDays?: number
}

export interface GenerateSummary {
  users: number
  groups: number
  devices: number
  signIns: number
  alerts: number
  files: number
}

const DAY_MS = 86_400_000
/**
 * Default days of sign-ins written. The tenant has Entra ID P1 (Microsoft keeps 30 days), but one
 * week at 4 per user is the volume the benchmarks are budgeted for (200,000 for 50,000 users).
 */
export const DEFAULT_SIGN_IN_DAYS = 7
export const MAX_SIGN_IN_DAYS = 30
const SIGN_INS_PER_USER_PER_WEEK = 4
const DOMAIN = 'northwind.example'
const SKUS = {
  businessPremium: { skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', part: 'SPB' },
  exchange: { skuId: '4b9405b0-7788-4568-add1-99614e613b69', part: 'EXCHANGESTANDARD' },
  entraP2: { skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b', part: 'AAD_PREMIUM_P2' },
}

/** mulberry32: a small, fast PRNG, good enough for test data and fully determined by the seed. */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    },
  }
}

/** Writes records as numbered page files of `pageSize`, holding at most one page in memory. */
class PageFiles {
  private page: unknown[] = []
  private index = 0
  files = 0
  count = 0

  constructor(
    private readonly dir: string,
    private readonly pageSize: number,
  ) {}

  async add(record: unknown): Promise<void> {
    this.page.push(record)
    this.count += 1
    if (this.page.length >= this.pageSize) await this.flush()
  }

  async flush(force = false): Promise<void> {
    if (this.page.length === 0 && !(force && this.index === 0)) return
    this.index += 1
    await mkdir(this.dir, { recursive: true })
    const file = path.join(this.dir, `${String(this.index).padStart(4, '0')}.json`)
    await writeFile(file, `${JSON.stringify({ value: this.page })}\n`)
    this.page = []
    this.files += 1
  }
}

interface GeneratedUser {
  id: string
  displayName: string
  upn: string
  enabled: boolean
  guest: boolean
  licensed: boolean
  department: string
}

const csvField = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value))
const csvLine = (fields: Array<string | number>) => `${fields.map(csvField).join(',')}\r\n`
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10)

/** Generates the export folder; the folder is created if needed and existing files are overwritten. */
export async function generateTenant(options: GenerateOptions): Promise<GenerateSummary> {
  if (!Number.isInteger(options.users) || options.users < 1) throw new Error(`Invalid user count ${options.users}: expected a whole number of at least 1.`)
  const random = createRandom(options.seed)
  const pageSize = options.pageSize ?? 999
  const now = options.now.getTime()
  const dir = path.resolve(options.outDir)
  await mkdir(dir, { recursive: true })
  let files = 0
  const writeJson = async (name: string, body: unknown) => {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), `${JSON.stringify(body, null, 2)}\n`)
    files += 1
  }

  const tenantId = random.uuid()
  await writeJson(MANIFEST_FILE, {
    format: 'clientone-graph-export',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    generator: { seed: options.seed, users: options.users },
  })
  await writeJson('organization.json', {
    value: [
      {
        id: tenantId,
        displayName: 'Northwind Traders',
        countryLetterCode: 'US',
        tenantType: 'AAD',
        createdDateTime: new Date(now - 900 * DAY_MS).toISOString(),
        verifiedDomains: [
          { name: DOMAIN, isDefault: true, isInitial: false, type: 'Managed', capabilities: 'Email, OfficeCommunicationsOnline' },
          { name: 'northwindtraders.onmicrosoft.com', isDefault: false, isInitial: true, type: 'Managed', capabilities: 'Email' },
        ],
      },
    ],
  })
  await writeJson('reportSettings.json', { displayConcealedNames: false })

  // Users
  const users: GeneratedUser[] = []
  const userPages = new PageFiles(path.join(dir, 'users'), pageSize)
  const registrationPages = new PageFiles(path.join(dir, 'userRegistrationDetails'), pageSize)
  for (let index = 0; index < options.users; index += 1) {
    const givenName = random.pick(GIVEN_NAMES)
    const familyName = random.pick(FAMILY_NAMES)
    const guest = random.chance(0.04)
    const alias = `${givenName}.${familyName}.${index}`.normalize('NFKD').replace(/[^A-Za-z0-9.]/g, '').toLowerCase()
    const upn = guest ? `${alias}_partner.example#EXT#@northwindtraders.onmicrosoft.com` : `${alias}@${DOMAIN}`
    const user: GeneratedUser = {
      id: random.uuid(),
      displayName: `${givenName} ${familyName}`,
      upn,
      enabled: !random.chance(0.03),
      guest,
      licensed: !guest && !random.chance(0.05),
      department: random.pick(DEPARTMENTS),
    }
    users.push(user)
    const lastSignIn = random.chance(0.05) ? null : now - random.int(0, 20 * DAY_MS)
    await userPages.add({
      id: user.id,
      displayName: user.displayName,
      userPrincipalName: upn,
      mail: guest ? `${alias}@partner.example` : upn,
      accountEnabled: user.enabled,
      userType: guest ? 'Guest' : 'Member',
      creationType: guest ? 'Invitation' : null,
      externalUserState: guest ? 'Accepted' : null,
      assignedLicenses: user.licensed
        ? [{ skuId: random.chance(0.8) ? SKUS.businessPremium.skuId : SKUS.exchange.skuId, disabledPlans: [] }]
        : [],
      createdDateTime: new Date(now - random.int(30, 1500) * DAY_MS).toISOString(),
      jobTitle: guest ? null : `${user.department} ${random.pick(JOB_TITLES)}`,
      department: guest ? null : user.department,
      officeLocation: guest ? null : random.pick(CITIES).city,
      usageLocation: 'US',
      onPremisesSyncEnabled: null,
      signInActivity: lastSignIn === null
        ? undefined
        : {
            lastSignInDateTime: new Date(lastSignIn).toISOString(),
            lastSuccessfulSignInDateTime: new Date(lastSignIn - random.int(0, 3) * DAY_MS).toISOString(),
          },
    })
    const registered = random.chance(0.85)
    await registrationPages.add({
      id: user.id,
      userPrincipalName: upn,
      userDisplayName: user.displayName,
      userType: guest ? 'guest' : 'member',
      isAdmin: index === 0,
      isMfaRegistered: registered,
      isMfaCapable: registered,
      methodsRegistered: registered ? ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'] : [],
      lastUpdatedDateTime: new Date(now - DAY_MS).toISOString(),
    })
  }
  await userPages.flush(true)
  await registrationPages.flush(true)
  files += userPages.files + registrationPages.files

  const licensedCount = users.filter((user) => user.licensed).length
  await writeJson('subscribedSkus.json', {
    value: [
      sku(tenantId, SKUS.businessPremium, licensedCount + 10, Math.round(licensedCount * 0.8), [
        ['41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM'],
        ['9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'EXCHANGE_S_STANDARD'],
      ]),
      sku(tenantId, SKUS.exchange, licensedCount, licensedCount - Math.round(licensedCount * 0.8), [
        ['9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'EXCHANGE_S_STANDARD'],
      ]),
    ],
  })

  // Groups and members
  const groupCount = Math.max(3, Math.round(options.users / 10))
  const groupPages = new PageFiles(path.join(dir, 'groups'), pageSize)
  const teams: Array<{ id: string; name: string; visibility: string }> = []
  for (let index = 0; index < groupCount; index += 1) {
    const kind = index % 4
    const id = random.uuid()
    const department = DEPARTMENTS[index % DEPARTMENTS.length]!
    const name = `${department} ${['Team', 'Security', 'Announcements', 'Project'][kind]} ${Math.floor(index / DEPARTMENTS.length) + 1}`
    const isTeam = kind === 0 || (kind === 3 && index % 8 === 3)
    let visibility: string | null = null
    if (kind === 0) visibility = 'Private'
    if (kind === 3) visibility = 'Public'
    if (isTeam) teams.push({ id, name, visibility: visibility ?? 'Private' })
    await groupPages.add({
      id,
      displayName: name,
      description: `${name} (generated)`,
      mail: kind === 1 ? null : `${name.replace(/\s+/g, '').toLowerCase()}@${DOMAIN}`,
      mailEnabled: kind !== 1,
      securityEnabled: kind === 1,
      groupTypes: kind === 0 || kind === 3 ? ['Unified'] : [],
      visibility,
      resourceProvisioningOptions: isTeam ? ['Team'] : [],
      createdDateTime: new Date(now - random.int(30, 900) * DAY_MS).toISOString(),
    })
    const memberCount = Math.min(users.length, random.int(3, 30))
    const members = new Set<string>()
    while (members.size < memberCount) members.add(random.pick(users).id)
    await writeJson(`groupMembers/${id}.json`, {
      value: [...members].map((memberId) => ({ '@odata.type': '#microsoft.graph.user', id: memberId })),
    })
  }
  await groupPages.flush(true)
  files += groupPages.files

  // Devices
  const devicePages = new PageFiles(path.join(dir, 'devices'), pageSize)
  for (const user of users) {
    if (user.guest) continue
    const count = random.chance(0.3) ? 2 : 1
    for (let index = 0; index < count; index += 1) {
      const model = random.pick(DEVICE_MODELS)
      await devicePages.add({
        id: random.uuid(),
        deviceId: random.uuid(),
        displayName: `${model.os === 'Windows' ? 'NW-' : ''}${user.displayName.split(' ')[0]}-${model.model}`.replace(/\s+/g, '-'),
        operatingSystem: model.os,
        operatingSystemVersion: model.version,
        trustType: model.trustType,
        isCompliant: random.chance(0.85),
        isManaged: model.trustType !== 'Workplace' || random.chance(0.5),
        accountEnabled: true,
        approximateLastSignInDateTime: new Date(now - random.int(0, 40 * DAY_MS)).toISOString(),
        registrationDateTime: new Date(now - random.int(40, 700) * DAY_MS).toISOString(),
        manufacturer: model.manufacturer,
        model: model.model,
        profileType: 'RegisteredDevice',
      })
    }
  }
  await devicePages.flush(true)
  files += devicePages.files

  // Sign-ins: newest first, as Graph lists them
  const signInPages = new PageFiles(path.join(dir, 'signIns'), 1000)
  const perDay = Math.max(1, Math.round((options.users * SIGN_INS_PER_USER_PER_WEEK) / 7))
  const signInDays = options.signInDays ?? DEFAULT_SIGN_IN_DAYS
  for (let day = 0; day < signInDays; day += 1) {
    const dayEnd = now - day * DAY_MS
    const times = Array.from({ length: perDay }, () => dayEnd - random.int(0, DAY_MS - 1)).sort((a, b) => b - a)
    for (const time of times) {
      const user = random.pick(users)
      const place = random.pick(CITIES)
      const failure = random.chance(0.08) ? random.pick(SIGN_IN_FAILURES) : null
      const model = random.pick(DEVICE_MODELS)
      await signInPages.add({
        id: random.uuid(),
        createdDateTime: new Date(time).toISOString(),
        userDisplayName: user.displayName,
        userPrincipalName: user.upn.toLowerCase(),
        userId: user.id,
        appDisplayName: random.pick(APPS),
        ipAddress: `${random.int(20, 220)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
        clientAppUsed: random.chance(0.7) ? 'Browser' : 'Mobile Apps and Desktop clients',
        conditionalAccessStatus: failure?.code === 53003 ? 'failure' : 'success',
        isInteractive: true,
        riskLevelDuringSignIn: 'none',
        status: { errorCode: failure?.code ?? 0, failureReason: failure?.reason ?? null, additionalDetails: null },
        deviceDetail: { deviceId: '', displayName: null, operatingSystem: model.os, browser: 'Edge 131.0.0', isCompliant: null, isManaged: null, trustType: null },
        location: { city: place.city, state: place.state, countryOrRegion: place.country, geoCoordinates: null },
      })
    }
  }
  await signInPages.flush(true)
  files += signInPages.files

  // Alerts and risky users
  const alertPages = new PageFiles(path.join(dir, 'alerts_v2'), 100)
  const alertCount = Math.max(5, Math.round(options.users / 20))
  const severities = ['high', 'medium', 'low', 'informational']
  const statuses = ['new', 'inProgress', 'resolved']
  for (let index = 0; index < alertCount; index += 1) {
    const user = random.pick(users)
    const created = now - random.int(0, 29 * DAY_MS)
    const status = statuses[index % 3]!
    await alertPages.add({
      id: `da${String(created)}_${random.int(100000000, 999999999)}`,
      title: index % 2 === 0 ? 'Suspicious inbox forwarding rule' : 'Email messages containing malicious URL removed after delivery',
      description: `An alert was raised for ${user.displayName}.\nReview the activity and confirm whether it was expected.`,
      severity: severities[index % 4],
      status,
      classification: status === 'resolved' ? 'truePositive' : null,
      determination: status === 'resolved' ? 'phishing' : null,
      serviceSource: 'microsoftDefenderForOffice365',
      detectionSource: 'microsoftDefenderForOffice365',
      productName: 'Microsoft Defender for Office 365',
      category: 'InitialAccess',
      recommendedActions: 'Review the forwarding rule with the user.\nRemove it if it was not created on purpose.',
      createdDateTime: new Date(created).toISOString(),
      lastUpdateDateTime: new Date(created + DAY_MS / 2).toISOString(),
      firstActivityDateTime: new Date(created - 3600_000).toISOString(),
      lastActivityDateTime: new Date(created).toISOString(),
      resolvedDateTime: status === 'resolved' ? new Date(created + DAY_MS).toISOString() : null,
      evidence: [
        {
          '@odata.type': '#microsoft.graph.security.userEvidence',
          verdict: 'suspicious',
          userAccount: { accountName: user.upn.split('@')[0], displayName: user.displayName, userPrincipalName: user.upn },
        },
      ],
    })
  }
  await alertPages.flush(true)
  files += alertPages.files

  const riskyPages = new PageFiles(path.join(dir, 'riskyUsers'), 500)
  const riskyCount = Math.max(2, Math.round(options.users / 100))
  for (let index = 0; index < riskyCount; index += 1) {
    const user = users[(index * 7919) % users.length]!
    await riskyPages.add({
      id: user.id,
      userDisplayName: user.displayName,
      userPrincipalName: user.upn,
      riskLevel: ['high', 'medium', 'low'][index % 3],
      riskState: ['atRisk', 'confirmedCompromised', 'remediated', 'dismissed'][index % 4],
      riskDetail: index % 4 === 2 ? 'userPerformedSecuredPasswordReset' : 'none',
      riskLastUpdatedDateTime: new Date(now - random.int(0, 20 * DAY_MS)).toISOString(),
      isDeleted: false,
      isProcessing: false,
    })
  }
  await riskyPages.flush(true)
  files += riskyPages.files

  files += await writeReports(dir, users, teams, random, now)
  return { users: users.length, groups: groupCount, devices: devicePages.count, signIns: signInPages.count, alerts: alertCount + riskyCount, files }
}

function sku(tenantId: string, product: { skuId: string; part: string }, enabled: number, consumed: number, plans: string[][]) {
  return {
    id: `${tenantId}_${product.skuId}`,
    skuId: product.skuId,
    skuPartNumber: product.part,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: consumed,
    prepaidUnits: { enabled, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: plans.map(([servicePlanId, servicePlanName]) => ({ servicePlanId, servicePlanName, provisioningStatus: 'Success', appliesTo: 'User' })),
  }
}

async function writeReports(
  dir: string,
  users: GeneratedUser[],
  teams: Array<{ id: string; name: string; visibility: string }>,
  random: ReturnType<typeof createRandom>,
  now: number,
): Promise<number> {
  await mkdir(path.join(dir, 'reports'), { recursive: true })
  const refresh = isoDate(now - 2 * DAY_MS)
  const quota = 53687091200 // 50 GiB, the Business Premium mailbox size

  let mailbox = `\ufeff${csvLine(['Report Refresh Date', 'User Principal Name', 'Display Name', 'Is Deleted', 'Deleted Date', 'Created Date', 'Last Activity Date', 'Item Count', 'Storage Used (Byte)', 'Issue Warning Quota (Byte)', 'Prohibit Send Quota (Byte)', 'Prohibit Send/Receive Quota (Byte)', 'Deleted Item Count', 'Deleted Item Size (Byte)', 'Deleted Item Quota (Byte)', 'Has Archive'])}`
  for (const user of users) {
    if (!user.licensed) continue
    const used = Math.round(quota * random.next() * 0.6)
    mailbox += csvLine([refresh, user.upn, user.displayName, 'False', '', isoDate(now - random.int(60, 1500) * DAY_MS), isoDate(now - random.int(2, 10) * DAY_MS), random.int(500, 90000), used, 52613349376, 53150220288, quota, random.int(0, 4000), random.int(0, 90000000), 32212254720, random.chance(0.2) ? 'True' : 'False'])
  }
  await writeFile(path.join(dir, 'reports', 'getMailboxUsageDetail.csv'), mailbox)

  let teamsCsv = `\ufeff${csvLine(['Report Refresh Date', 'Team Name', 'Team Id', 'Team Type', 'Last Activity Date', 'Report Period', 'Active Users', 'Active Channels', 'Guests', 'Reactions', 'Meetings Organized', 'Post Messages', 'Reply Messages', 'Channel Messages', 'Urgent Messages', 'Mentions', 'Active Shared Channels', 'Active External Users'])}`
  for (const team of teams) {
    const quiet = random.chance(0.25)
    teamsCsv += csvLine([refresh, team.name, team.id, team.visibility, isoDate(now - (quiet ? random.int(40, 200) : random.int(2, 20)) * DAY_MS), 7, quiet ? 0 : random.int(2, 25), quiet ? 0 : random.int(1, 6), random.int(0, 2), random.int(0, 80), random.int(0, 12), random.int(0, 60), random.int(0, 90), random.int(0, 150), 0, random.int(0, 20), 0, 0])
  }
  await writeFile(path.join(dir, 'reports', 'getTeamsTeamActivityDetail.csv'), teamsCsv)

  let sites = `\ufeff${csvLine(['Report Refresh Date', 'Site Id', 'Site URL', 'Owner Display Name', 'Is Deleted', 'Last Activity Date', 'File Count', 'Active File Count', 'Page View Count', 'Visited Page Count', 'Storage Used (Byte)', 'Storage Allocated (Byte)', 'Root Web Template', 'Owner Principal Name', 'Report Period'])}`
  for (const team of teams) {
    const name = team.name.replace(/\s+/g, '')
    sites += csvLine([refresh, random.uuid(), `https://northwindtraders.sharepoint.com/sites/${name}`, `${team.name} Owners`, 'False', isoDate(now - random.int(2, 60) * DAY_MS), random.int(10, 5000), random.int(0, 300), random.int(0, 2000), random.int(0, 400), random.int(10_000_000, 90_000_000_000), 27487790694400, 'Group', '', 7])
  }
  await writeFile(path.join(dir, 'reports', 'getSharePointSiteUsageDetail.csv'), sites)
  return 3
}
