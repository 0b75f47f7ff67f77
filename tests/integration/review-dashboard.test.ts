// The review dashboard against a real database: a data set built here (cases with journal events and
// CaseReview rows created directly), and the dashboard's funnel and outcome numbers checked against
// counts computed independently in SQL, with small-number suppression applied; the factor shares and
// Wilson intervals; scope (another force's cases are not counted; the organisation filter); roles
// refused; the view and the threshold change audited.
import { beforeAll, describe, expect, test } from 'vitest'
import type { ReviewFactors } from '~/domain/review/factors'
import { suppressCounts, suppressFunnel, toQuarter, wilsonInterval } from '~/domain/review/stats'
import { db } from '~/services/db.server'
import { parseDashboardQuery, reviewDashboard, setSuppressionThreshold } from '~/services/review-dashboard.server'
import { exportCaseReviews } from '~/services/review-export.server'
import { REVIEW_EXPORT_HEADER } from '~/domain/review/case-export'
import { createCase, createOrganisation, createUser } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

const ip = '198.51.100.61'
const now = new Date('2026-11-29T12:00:00Z')
let manager: TestActor, cps: TestActor, officer: TestActor, advocate: TestActor, admin: TestActor, otherManager: TestActor
let policeId: string, otherPoliceId: string, cpsId: string
let seq = 0

function factors(outcome: ReviewFactors['outcome'], opts: { intermediary?: boolean; charge?: number | null; conviction?: boolean | null }): ReviewFactors {
  return {
    version: 1,
    outcome,
    defendants: [
      {
        id: `d${++seq}`,
        label: 'Defendant A',
        outcomeCode: outcome === 'successful' ? 'guilty_plea' : outcome === 'unsuccessful' ? 'acquitted' : 'suspect_released_nfa',
        outcomeLabel: outcome === 'successful' ? 'Pleaded guilty' : outcome === 'unsuccessful' ? 'Acquitted after trial' : 'Released with no further action',
        conviction: opts.conviction ?? null,
      },
    ],
    reportedAt: '2026-02-01',
    daysFromReport: { abeInterview: 3, arrest: 10, fileToCps: 60, charge: opts.charge ?? null, firstHearing: null, trial: null, outcome: 200 },
    hearings: 1,
    adjournments: 0,
    ineffectiveTrials: 0,
    intermediaryUsed: Boolean(opts.intermediary),
    specialMeasures: [],
    section28Used: false,
    advocateBeforeCharge: true,
    followUpVisits: 1,
    contacts: 4,
    entitlements: { metOnTime: 3, metLate: 0, missed: 0 },
    victimWithdrewSupport: { withdrew: false, stage: null },
    preTrialTherapy: false,
    milestones: {
      suspectIdentified: true,
      arrestedOrInterviewed: true,
      fileToCps: true,
      charged: outcome !== 'no_prosecution',
      convicted: outcome === 'successful',
    },
  }
}

async function event(
  caseId: string,
  type: string,
  occurredAt: string,
  details: Record<string, string> = {},
  extra: { defendantId?: string; supersedesId?: string } = {},
) {
  const prisma = await db()
  const e = await prisma.journeyEvent.create({
    data: { caseId, type, occurredAt: new Date(occurredAt), details, recordedById: manager.id, idempotencyKey: `rd-${++seq}`, ...extra },
  })
  return e.id
}

/** A case reported on `reported`, going as far as `reach` (0 = reported only … 5 = convicted). */
async function seedCase(
  police: string,
  reported: string,
  reach: number,
  review?: { outcome: ReviewFactors['outcome']; finalisedAt: string; intermediary?: boolean; lessons?: string; tags?: string[] },
) {
  const prisma = await db()
  const c = await createCase({ policeOrganisationId: police, cpsOrganisationId: reach >= 3 ? cpsId : null })
  await event(c.id, 'crime_reported', reported)
  if (reach >= 1) {
    const d = await prisma.defendant.create({ data: { caseId: c.id, label: 'Defendant A' } })
    if (reach >= 2) await event(c.id, 'suspect_arrested', reported, {}, { defendantId: d.id })
    if (reach >= 3) await event(c.id, 'file_to_cps', reported)
    if (reach >= 4) await event(c.id, 'suspect_charged', reported, {}, { defendantId: d.id })
    if (reach >= 5) await event(c.id, 'case_outcome', reported, { outcome: 'guilty_plea' }, { defendantId: d.id })
    else if (reach === 4 && review?.outcome === 'unsuccessful')
      await event(c.id, 'case_outcome', reported, { outcome: 'acquitted', unsuccessfulReason: 'evidential' }, { defendantId: d.id })
  }
  if (review) {
    await prisma.caseReview.create({
      data: {
        caseId: c.id,
        finalisedAt: new Date(review.finalisedAt),
        outcome: review.outcome,
        factors: factors(review.outcome, {
          intermediary: review.intermediary,
          charge: reach >= 4 ? 40 + seq : null,
          conviction: reach >= 5 ? true : reach === 4 ? false : null,
        }) as never,
        status: review.lessons ? 'signed_off' : 'awaiting_review',
        lessons: review.lessons ?? null,
        tags: review.tags ?? [],
        signedOffAt: review.lessons ? new Date(review.finalisedAt) : null,
      },
    })
  }
  return c.id
}

const view = (a: TestActor, search = '') => reviewDashboard(a, parseDashboardQuery(new URLSearchParams(search), now), { ip, now })

beforeAll(async () => {
  const police = await createOrganisation({ kind: 'police' })
  const otherPolice = await createOrganisation({ kind: 'police' })
  const cpsOrg = await createOrganisation({ kind: 'cps' })
  policeId = police.id
  otherPoliceId = otherPolice.id
  cpsId = cpsOrg.id
  manager = actor(await createUser({ role: 'manager', organisationId: police.id }))
  otherManager = actor(await createUser({ role: 'manager', organisationId: otherPolice.id }))
  cps = actor(await createUser({ role: 'cps_liaison', organisationId: cpsOrg.id }))
  officer = actor(await createUser({ role: 'officer', organisationId: police.id }))
  advocate = actor(await createUser({ role: 'advocate' }))
  admin = actor(await createUser({ role: 'admin' }))

  // 40 cases reported in 2026 in this force: 8 reported only, 3 with a suspect, 7 arrested, 2 filed,
  // 8 charged (6 finalised unsuccessful), 12 convicted (all finalised successful).
  const plan: [number, number][] = [
    [0, 8],
    [1, 3],
    [2, 7],
    [3, 2],
    [4, 8],
    [5, 12],
  ]
  let day = 0
  for (const [reach, n] of plan) {
    for (let i = 0; i < n; i++) {
      day++
      const reported = `2026-${String(1 + (day % 10)).padStart(2, '0')}-${String(1 + (day % 27)).padStart(2, '0')}T10:00:00Z`
      let review: Parameters<typeof seedCase>[3]
      if (reach === 5)
        review = {
          outcome: 'successful',
          finalisedAt: '2026-10-15T10:00:00Z',
          intermediary: i < 8,
          lessons: i < 3 ? `Lesson ${i}: early advocate made the difference` : undefined,
          tags: i < 3 ? ['early-advocate'] : [],
        }
      else if (reach === 4 && i < 6)
        review = {
          outcome: 'unsuccessful',
          finalisedAt: '2026-09-10T10:00:00Z',
          intermediary: i < 2,
          lessons: i === 0 ? 'Delay in disclosure' : undefined,
          tags: i === 0 ? ['delay'] : [],
        }
      else if (reach === 2 && i < 7) review = { outcome: 'no_prosecution', finalisedAt: '2026-08-01T10:00:00Z' }
      await seedCase(policeId, reported, reach, review)
    }
  }
  // A correction: a report superseded by a later one (counts once, on the corrected date).
  const corrected = await seedCase(policeId, '2026-03-03T10:00:00Z', 0)
  const prisma = await db()
  const original = await prisma.journeyEvent.findFirstOrThrow({ where: { caseId: corrected, type: 'crime_reported' } })
  await event(corrected, 'crime_reported', '2026-03-04T10:00:00Z', {}, { supersedesId: original.id })
  // Outside the period, and another force's cases: not counted.
  await seedCase(policeId, '2024-06-01T10:00:00Z', 5, { outcome: 'successful', finalisedAt: '2024-12-01T10:00:00Z' })
  for (let i = 0; i < 6; i++) await seedCase(otherPoliceId, '2026-05-05T10:00:00Z', 5, { outcome: 'successful', finalisedAt: '2026-10-01T10:00:00Z' })
})

describe('the review dashboard', () => {
  test('the funnel equals counts computed in SQL, suppressed', async () => {
    const prisma = await db()
    const d = await view(manager)
    expect(d.period).toEqual({ from: '2025-11-30', to: '2026-11-29' })
    const [sql] = await prisma.$queryRaw<{ reported: number; suspect: number; arrested: number; file: number; charged: number; convicted: number }[]>`
      WITH r AS (
        SELECT c."id" FROM "Case" c
        WHERE c."policeOrganisationId" = ${policeId}
          AND EXISTS (SELECT 1 FROM "JourneyEvent" e WHERE e."caseId" = c."id" AND e."type" = 'crime_reported'
                      AND e."occurredAt" >= '2025-11-30T00:00:00Z' AND e."occurredAt" < '2026-11-30T00:00:00Z'
                      AND NOT EXISTS (SELECT 1 FROM "JourneyEvent" s WHERE s."supersedesId" = e."id"))
      )
      SELECT count(*)::int AS reported,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Defendant" d WHERE d."caseId" = r."id"))::int AS suspect,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "JourneyEvent" e WHERE e."caseId" = r."id" AND e."type" IN ('suspect_arrested', 'suspect_interviewed')))::int AS arrested,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "JourneyEvent" e WHERE e."caseId" = r."id" AND e."type" = 'file_to_cps'))::int AS file,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "JourneyEvent" e WHERE e."caseId" = r."id" AND e."type" = 'suspect_charged'))::int AS charged,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "JourneyEvent" e WHERE e."caseId" = r."id" AND e."type" = 'case_outcome' AND e."details"->>'outcome' = 'guilty_plea'))::int AS convicted
      FROM r`
    const raw = [sql!.reported, sql!.suspect, sql!.arrested, sql!.file, sql!.charged, sql!.convicted]
    expect(raw).toEqual([41, 32, 29, 22, 20, 12])
    expect(d.threshold).toBe(5)
    expect(d.funnel.map((s) => s.count)).toEqual(suppressFunnel(raw, 5))
    // 32 → 29 and 22 → 20 are small drops (3 and 2 cases), so 29 and 20 are withheld.
    expect(d.funnel.map((s) => s.count)).toEqual([41, 32, null, 22, null, 12])
  })

  test('outcomes equal counts computed in SQL, suppressed; defendants from the factors', async () => {
    const prisma = await db()
    const d = await view(manager)
    const rows = await prisma.$queryRaw<{ outcome: string; n: number }[]>`
      SELECT r."outcome", count(*)::int AS n FROM "CaseReview" r JOIN "Case" c ON c."id" = r."caseId"
      WHERE c."policeOrganisationId" = ${policeId} AND r."finalisedAt" >= '2025-11-30T00:00:00Z' AND r."finalisedAt" < '2026-11-30T00:00:00Z'
      GROUP BY r."outcome"`
    const raw = { successful: 0, unsuccessful: 0, no_prosecution: 0, ...Object.fromEntries(rows.map((r) => [r.outcome, r.n])) }
    expect(raw).toEqual({ successful: 12, unsuccessful: 6, no_prosecution: 7 })
    const expected = suppressCounts(raw, 5)
    expect(Object.fromEntries(d.outcomes.rows.map((r) => [r.id, r.count]))).toEqual(expected.counts)
    expect(d.outcomes.total).toBe(25)

    const defendants = await prisma.$queryRaw<{ code: string; n: number }[]>`
      SELECT d->>'outcomeCode' AS code, count(*)::int AS n
      FROM "CaseReview" r JOIN "Case" c ON c."id" = r."caseId", jsonb_array_elements(r."factors"->'defendants') d
      WHERE c."policeOrganisationId" = ${policeId} AND r."finalisedAt" >= '2025-11-30T00:00:00Z' AND r."finalisedAt" < '2026-11-30T00:00:00Z'
      GROUP BY 1`
    const rawDefendants = Object.fromEntries(defendants.map((r) => [r.code, r.n]))
    expect(Object.fromEntries(d.defendantOutcomes.rows.map((r) => [r.code, r.count]))).toEqual(suppressCounts(rawDefendants, 5).counts)
  })

  test('factor shares with Wilson intervals; small cells withheld', async () => {
    const d = await view(manager)
    // Intermediary: with 8 successful + 2 unsuccessful; without 4 + 4 → the 2 and 4s are small,
    // so the table's cells are withheld (row totals 10 and 8 stay).
    const intermediary = d.factors.find((f) => f.id === 'intermediary')!
    expect(intermediary.with.n).toBe(10)
    expect(intermediary.without.n).toBe(8)
    expect(intermediary.with.successful).toBeNull()
    expect(intermediary.with.share).toBeNull()
    // Advocate before charge: every prosecuted case (18: 12 successful, 6 unsuccessful); none without.
    const advocateFactor = d.factors.find((f) => f.id === 'advocate_before_charge')!
    expect(advocateFactor.with).toEqual({ successful: 12, n: 18, share: 12 / 18, interval: wilsonInterval(12, 18) })
    expect(advocateFactor.without).toEqual({ successful: 0, n: 0, share: null, interval: null })
    expect(d.prosecuted).toBe(18)
  })

  test('times, trend and lessons', async () => {
    const d = await view(manager)
    const outcome = d.distributions.find((r) => r.key === 'outcome')!
    expect(outcome.summary).toMatchObject({ n: 25, median: 200 })
    // Charge: 18 charged cases finalised.
    expect(d.distributions.find((r) => r.key === 'charge')!.summary?.n).toBe(18)
    expect(d.distributions.find((r) => r.key === 'trial')!.summary).toBeNull()
    expect(d.trend.quarters.map((q) => q.id)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    // Reported by quarter: the London quarter of each effective report, computed here from SQL rows.
    const prisma = await db()
    const dates = await prisma.$queryRaw<{ at: Date }[]>`
      SELECT e."occurredAt" AS at FROM "JourneyEvent" e JOIN "Case" c ON c."id" = e."caseId"
      WHERE c."policeOrganisationId" = ${policeId} AND e."type" = 'crime_reported'
        AND e."occurredAt" >= '2025-11-30T00:00:00Z' AND e."occurredAt" < '2026-11-30T00:00:00Z'
        AND NOT EXISTS (SELECT 1 FROM "JourneyEvent" s WHERE s."supersedesId" = e."id")`
    const byQuarter: Record<string, number> = Object.fromEntries(d.trend.quarters.map((q) => [q.id, 0]))
    for (const { at } of dates) byQuarter[toQuarter(new Date(at))]! += 1
    expect(Object.values(byQuarter).reduce((a, b) => a + b, 0)).toBe(41)
    const expected = suppressCounts(byQuarter, 5)
    expect(d.trend.reported).toEqual(d.trend.quarters.map((q) => expected.counts[q.id]))
    expect(d.trend.finalised).toEqual([0, 0, 0, 13, 12])
    expect(d.lessons).toHaveLength(4)
    expect(d.tagCounts).toEqual([
      { id: 'early-advocate', label: 'Early advocate (ISVA) involvement', count: 3 },
      { id: 'delay', label: 'Delay', count: 1 },
    ])
    const delay = await view(manager, 'tag=delay')
    expect(delay.lessons.map((l) => l.lessons)).toEqual(['Delay in disclosure'])
  })

  test('scope: another force sees only its own cases; the organisation filter', async () => {
    const other = await view(otherManager)
    expect(other.funnel[0]!.count).toBe(6)
    expect(other.outcomes.total).toBe(6)
    // CPS liaison sees the cases sent to its area (reach ≥ 3, both forces).
    const c = await view(cps)
    expect(c.organisations.map((o) => o.id).sort()).toEqual([cpsId, otherPoliceId, policeId].sort())
    const onlyOther = await view(cps, `org=${otherPoliceId}`)
    expect(onlyOther.organisation?.id).toBe(otherPoliceId)
    expect(onlyOther.funnel[0]!.count).toBe(6)
    // An organisation the user cannot see is ignored.
    expect((await view(otherManager, `org=${policeId}`)).organisation).toBeNull()
  })

  test('refused roles', async () => {
    for (const a of [officer, advocate, admin]) expect(await status(() => view(a))).toBe(403)
    expect(await status(() => setSuppressionThreshold(cps, 7, { ip }))).toBe(403)
    expect(await status(() => setSuppressionThreshold(admin, 7, { ip }))).toBe(403)
  })

  test('the view is audited with its parameters; a manager changes the threshold (audited)', async () => {
    const prisma = await db()
    await view(manager, 'from=2026-01-01&to=2026-06-30&tag=delay')
    const viewed = await prisma.auditEvent.findFirst({ where: { action: 'review.dashboard.view', actorId: manager.id }, orderBy: { seq: 'desc' } })
    expect(viewed?.details).toEqual({ from: '2026-01-01', to: '2026-06-30', org: null, tag: 'delay', threshold: 5 })

    expect(await setSuppressionThreshold(manager, 2.5, { ip })).toMatchObject({ ok: false })
    expect(await setSuppressionThreshold(manager, 2, { ip })).toMatchObject({ ok: false })
    expect(await setSuppressionThreshold(manager, 10, { ip })).toEqual({ ok: true, threshold: 10 })
    const changed = await prisma.auditEvent.findFirst({ where: { action: 'report_setting.update' }, orderBy: { seq: 'desc' } })
    expect(changed?.details).toEqual({ suppressionThreshold: { from: 5, to: 10 } })
    const d = await view(manager)
    expect(d.threshold).toBe(10)
    expect(d.funnel.map((s) => s.count)).toEqual(suppressFunnel([41, 32, 29, 22, 20, 12], 10))
    await setSuppressionThreshold(manager, 5, { ip })
  })
})

describe('the case-level export', () => {
  const exported = (a: TestActor, search = '') => exportCaseReviews(a, parseDashboardQuery(new URLSearchParams(search), now), { ip })
  const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')

  test('one row per finalised case the user may see, in the period; no free text; audited with its parameters', async () => {
    const prisma = await db()
    const lines = rowsOf(await exported(manager))
    expect(lines[0]).toBe(REVIEW_EXPORT_HEADER.join(','))
    const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS n FROM "CaseReview" r JOIN "Case" c ON c."id" = r."caseId"
      WHERE c."policeOrganisationId" = ${policeId} AND r."finalisedAt" >= ${new Date('2025-11-30T00:00:00Z')}`
    expect(lines.length - 1).toBe(n)
    expect(n).toBe(25)
    // The reviewer's findings are free text and stay on the review page.
    expect(lines.join('\n')).not.toContain('early advocate made the difference')
    expect(lines.some((l) => l.includes('Early advocate'))).toBe(true)
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'review.export', actorId: manager.id }, orderBy: { at: 'desc' } })
    expect(entry.details).toMatchObject({ format: 'csv', rows: 25, organisationId: null })
  })

  test('limited to the cases each role may see; refused roles get 403', async () => {
    // Another force's manager exports only that force's six cases; CPS liaison only cases sent to its area.
    expect(rowsOf(await exported(otherManager)).length - 1).toBe(6)
    const prisma = await db()
    const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS n FROM "CaseReview" r JOIN "Case" c ON c."id" = r."caseId"
      WHERE c."cpsOrganisationId" = ${cpsId} AND c."sentToCpsAt" IS NOT NULL AND r."finalisedAt" >= ${new Date('2025-11-30T00:00:00Z')}`
    expect(rowsOf(await exported(cps)).length - 1).toBe(n)
    for (const who of [officer, advocate, admin]) expect(await status(() => exported(who))).toBe(403)
  })
})
