import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignInsPage } from '../../server/contract/m365.js'
import { seedAccount, signIn } from '../support/accounts.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { tenantFor } from '../support/tenant.js'
import { INDEX_CANDIDATE_LIMIT } from '../../server/db/repositories/m365/sign-ins.js'

const PASSWORD = 'correct horse battery staple'
const PAYROLL_APPS: Record<number, string> = { 8: 'Payroll 100% app', 9: 'Payroll 1000 app' }

let server: TestServer
let managerCookie: string
let unlicensedCookie: string
let orgId: number

async function page(query: string, cookie = managerCookie): Promise<SignInsPage> {
  const response = await server.app.inject({ method: 'GET', url: `/api/v1/m365/sign-ins?${query}`, headers: { cookie } })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<SignInsPage>()
}

beforeAll(async () => {
  server = await startTestServer()
  const manager = await seedAccount(server, { email: 'manager@contoso.example', role: 'manager', password: PASSWORD })
  const unlicensed = await seedAccount(server, { org: 'small', email: 'owner@small.example', role: 'manager', password: PASSWORD })
  orgId = manager.orgId

  const first = tenantFor(server.db.writer, orgId)
  for (let hour = 0; hour < 24; hour++) {
    first.signIn({
      id: `s-${String(hour).padStart(2, '0')}`,
      createdAt: `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`,
      success: hour % 4 !== 0,
      userDisplayName: hour === 5 ? 'Łukasz Nowak' : 'Adele Vance',
      city: hour === 6 ? 'São Paulo' : 'Lisboa',
      ipAddress: hour === 7 ? '198.51.100.7' : '203.0.113.10',
      appDisplayName: PAYROLL_APPS[hour],
    })
  }
  // Two sign-ins in the same second: the id breaks the tie, newest id first.
  first.signIn({ id: 's-tie-a', createdAt: '2026-12-01T12:30:00.000Z' })
  first.signIn({ id: 's-tie-b', createdAt: '2026-12-01T12:30:00.000Z' })
  await first.write({ capabilities: { signIns: 'available' } })

  // A later incremental sync appends rows; earlier runs stay visible.
  await tenantFor(server.db.writer, orgId).signIn({ id: 's-next-day', createdAt: '2026-12-02T09:00:00.000Z' }).write({ datasets: ['signIns'] })

  await tenantFor(server.db.writer, unlicensed.orgId)
    .signIn({ id: 'old', createdAt: '2026-10-01T09:00:00.000Z' })
    .write({ capabilities: { signIns: 'needs_entra_p1' } })

  // Another organization whose sign-ins make "Łukasz" too common for the trigram index.
  const busy = await seedAccount(server, { org: 'busy', email: 'owner@busy.example', role: 'manager', password: PASSWORD })
  await tenantFor(server.db.writer, busy.orgId)
    .signIns(INDEX_CANDIDATE_LIMIT + 1, (index) => ({ createdAt: new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString(), userDisplayName: 'Łukasz Busy' }))
    .write({ capabilities: { signIns: 'available' } })

  managerCookie = await signIn(server, 'manager@contoso.example', PASSWORD)
  unlicensedCookie = await signIn(server, 'owner@small.example', PASSWORD)
})

afterAll(async () => {
  await server?.close()
})

describe('GET /m365/sign-ins', () => {
  it('lists the newest first across runs', async () => {
    const result = await page('limit=5')
    expect(result.items.map((item) => item.id)).toEqual(['s-next-day', 's-23', 's-22', 's-21', 's-20'])
  })

  it('walks every sign-in once, ties by id', async () => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const current: SignInsPage = await page(`limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ids.push(...current.items.map((item) => item.id))
      cursor = current.nextCursor
    } while (cursor)
    expect(ids).toHaveLength(27)
    expect(new Set(ids).size).toBe(27)
    expect(ids.indexOf('s-tie-b')).toBe(ids.indexOf('s-tie-a') - 1)
    expect(ids.indexOf('s-tie-a')).toBe(ids.indexOf('s-12') - 1)
  })

  it('filters by result', async () => {
    const failures = await page('result=failure&limit=50')
    expect(failures.items.map((item) => item.id)).toEqual(['s-20', 's-16', 's-12', 's-08', 's-04', 's-00'])
    expect(failures.items[0]).toMatchObject({ result: 'failure', errorCode: 50126 })
  })

  it('filters by an inclusive time range', async () => {
    const range = await page(`from=${encodeURIComponent('2026-12-01T10:00:00Z')}&to=${encodeURIComponent('2026-12-01T13:00:00.000Z')}`)
    expect(range.items.map((item) => item.id)).toEqual(['s-13', 's-tie-b', 's-tie-a', 's-12', 's-11', 's-10'])
  })

  it('converts a range with an offset to UTC', async () => {
    const range = await page(`from=${encodeURIComponent('2026-12-01T23:00:00+02:00')}&to=${encodeURIComponent('2026-12-02T00:00:00+02:00')}`)
    expect(range.items.map((item) => item.id)).toEqual(['s-22', 's-21'])
  })

  it('searches user, location and address', async () => {
    expect((await page('search=lukasz')).items.map((item) => item.id)).toEqual(['s-05'])
    expect((await page('search=sao%20paulo')).items.map((item) => item.id)).toEqual(['s-06'])
    expect((await page('search=198.51.100')).items.map((item) => item.id)).toEqual(['s-07'])
    expect((await page('search=198.51.100')).items[0]?.location).toEqual({ city: 'Lisboa', state: null, countryOrRegion: 'PT' })
  })

  it('takes % literally in search', async () => {
    expect((await page('search=100%25')).items.map((item) => item.id)).toEqual(['s-08'])
    expect((await page('search=100_')).items).toEqual([])
  })

  it('searches short terms by scanning', async () => {
    const result = await page('search=pt&limit=3')
    expect(result.items.map((item) => item.id)).toEqual(['s-next-day', 's-23', 's-22'])
  })

  it('searches a term common elsewhere by scanning', async () => {
    const result = await page('search=lukasz')
    expect(result.items.map((item) => item.id)).toEqual(['s-05'])
    expect(result.items[0]?.userDisplayName).toBe('Łukasz Nowak')
  })

  it('stops finding deleted sign-ins', async () => {
    expect((await page('search=payroll%201000')).items.map((item) => item.id)).toEqual(['s-09'])
    await server.db.writer.deleteFrom('m365_sign_ins').where('org_id', '=', orgId).where('id', '=', 's-09').execute()
    expect((await page('search=payroll%201000')).items).toEqual([])
    expect((await page('search=payroll')).items.map((item) => item.id)).toEqual(['s-08'])
  })

  it('is empty without Entra ID P1', async () => {
    const result = await page('', unlicensedCookie)
    expect(result.items).toEqual([])
    expect(result.nextCursor).toBeNull()
    expect(result.sync.capabilities.signIns).toBe('needs_entra_p1')
  })
})
