// The large synthetic region (scripts/seed-large) at a tiny size: the counts scale with --victims,
// the stored rows are what the app's own services compute, and the benchmarked pages open on it.
import { beforeAll, describe, expect, test } from 'vitest'
import { deriveCaseStage } from '~/domain/journey/derive'
import { JOURNAL_SELECT } from '~/domain/journey/journal'
import { db } from '~/services/db.server'
import { recomputeEntitlementsOfCases } from '~/services/entitlements.server'
import { request, sessionCookieFor } from '#tests/setup/app-harness'
import { regionCounts } from '../../scripts/seed-large/counts'
import { seedLarge, type LargeSeedSummary } from '../../scripts/seed-large/generate'

const NOW = new Date()
let summary: LargeSeedSummary

beforeAll(async () => {
  summary = await seedLarge(await db(), { victims: 20, now: NOW })
}, 300_000)

describe('seed:large with 20 victims', () => {
  test('writes a region in proportion to --victims, and says so truthfully', async () => {
    const prisma = await db()
    expect(summary.victims).toBe(20)
    expect(summary.cases).toBe(24)
    const counts = await regionCounts(prisma)
    expect(counts).toEqual({
      victims: 20,
      cases: 24,
      events: summary.events,
      contacts: summary.contacts,
      visits: summary.visits,
      entitlements: summary.entitlements,
      reviews: summary.reviews,
      referrals: summary.referrals,
    })
    // Journeys are the demo's, so a case has 4–36 events; contacts ~10 and visits ≤ 6 a victim.
    expect(counts.events).toBeGreaterThanOrEqual(24 * 4)
    expect(counts.events).toBeLessThanOrEqual(24 * 36)
    expect(counts.contacts).toBeGreaterThanOrEqual(20 * 5)
    expect(counts.visits).toBeGreaterThan(20)
    expect(counts.visits).toBeLessThanOrEqual(20 * 6)
    expect(counts.entitlements).toBeGreaterThan(0)
    // Every victim is on a case and has a service; advocates carry about 25 victims.
    expect(await prisma.victim.count({ where: { cases: { none: {} } } })).toBe(0)
    expect(await prisma.victim.count({ where: { allocations: { none: { kind: 'service' } } } })).toBe(0)
  })

  test('stored entitlements and stages are exactly what the app computes from the records', async () => {
    const prisma = await db()
    const ids = (await prisma.case.findMany({ select: { id: true } })).map((c) => c.id)
    const again = await prisma.$transaction((tx) => recomputeEntitlementsOfCases(tx, ids, { now: NOW }))
    expect(again).toEqual({ created: 0, updated: 0 })
    const cases = await prisma.case.findMany({ select: { stage: true, defendants: { select: { id: true } }, events: { select: JOURNAL_SELECT } } })
    for (const c of cases) expect(c.stage).toBe(deriveCaseStage(c.events, { now: NOW, defendantIds: c.defendants.map((d) => d.id) }))
  })

  test('the benchmarked pages open for the printed accounts', { timeout: 180_000 }, async () => {
    const prisma = await db()
    const account = (role: string) => prisma.user.findUniqueOrThrow({ where: { email: summary.accounts.find((a) => a.role === role)!.email } })
    const advocate = await account('advocate')
    const victim = await prisma.victim.findFirstOrThrow({ where: { allocations: { some: { userId: advocate.id, kind: 'lead_advocate' } } } })
    const asAdvocate = await sessionCookieFor(advocate.id)
    const victimPage = await request(`/victims/${victim.id}`, { cookie: asAdvocate })
    expect(victimPage.status).toBe(200)
    expect(await victimPage.text()).toContain(victim.reference)
    const caseload = await request('/victims?mine=1&status=open&page=1', { cookie: asAdvocate })
    expect(caseload.status).toBe(200)
    expect(await caseload.text()).toContain(victim.reference)

    const officer = await account('officer')
    const kase = await prisma.case.findFirstOrThrow({ where: { allocations: { some: { userId: officer.id, kind: 'oic' } } } })
    const asOfficer = await sessionCookieFor(officer.id)
    const casePage = await request(`/cases/${kase.id}`, { cookie: asOfficer })
    expect(casePage.status).toBe(200)
    expect(await casePage.text()).toContain(kase.crimeReference)
    expect((await request('/compliance', { cookie: asOfficer })).status).toBe(200)

    const cps = await account('cps_liaison')
    expect((await request('/review', { cookie: await sessionCookieFor(cps.id) })).status).toBe(200)
  })
})
