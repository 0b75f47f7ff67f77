// Case review: finalisation through the real journal service puts the case on the
// reviewers' lists; a correction that un-finalises removes an unsigned review; sign-off needs the
// reviewer's findings, is audited with ids and tags only and freezes the factors; refused roles.
import { beforeAll, describe, expect, test } from 'vitest'
import { casesAwaitingReview, getCaseReview, refreshCaseReview, saveReviewDraft, signOffReview } from '~/services/case-review.server'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { allocate, createCase, createOrganisation, createTeam, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor

let officer: A, cps: A, otherCps: A, manager: A, otherManager: A, advocate: A, admin: A
let caseId: string, victimId: string, suspectA: string, suspectB: string
let lastOutcomeId: string
const ip = '198.51.100.9'
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)
let keySeq = 0
const key = () => `review-key-${++keySeq}`

async function record(who: A, input: Record<string, unknown>) {
  const r = await recordJourneyEvent(who, caseId, input, key(), ip)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.eventId
}

const findings = {
  helped: 'Early ABE interview with an intermediary.',
  hindered: 'Two adjournments for disclosure.',
  lessons: 'Plan disclosure early.',
  tags: ['disclosure', 'intermediary', 'disclosure'],
}

beforeAll(async () => {
  const team = await createTeam()
  const { police, cpsOrg, service } = team
  ;({ officer, cps, advocate } = team)
  const otherCpsOrg = await createOrganisation({ kind: 'cps' })
  otherCps = actor(await createUser({ role: 'cps_liaison', organisationId: otherCpsOrg.id }))
  manager = actor(await createUser({ role: 'manager', organisationId: police.id }))
  otherManager = actor(await createUser({ role: 'manager', organisationId: otherCpsOrg.id }))
  admin = actor(await createUser({ role: 'admin' }))
  const c = await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id, sentToCpsAt: daysAgo(200), stage: 'reported' })
  caseId = c.id
  victimId = (await createVictim({ caseIds: [caseId] })).id
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  await allocate({ victimId, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
  const prisma = await db()
  suspectA = (await prisma.defendant.create({ data: { caseId, label: 'Suspect A' } })).id
  suspectB = (await prisma.defendant.create({ data: { caseId, label: 'Suspect B' } })).id

  await record(officer, { type: 'crime_reported', occurredAt: daysAgo(300), details: { reportedBy: 'professional' } })
  await record(officer, { type: 'abe_interview', occurredAt: daysAgo(290), victimId, details: { interviewer: 'DC Example', intermediaryPresent: 'yes' } })
  await record(officer, { type: 'suspect_arrested', occurredAt: daysAgo(280), defendantId: suspectA, details: {} })
  await record(officer, { type: 'suspect_arrested', occurredAt: daysAgo(280), defendantId: suspectB, details: {} })
  await record(officer, { type: 'file_to_cps', occurredAt: daysAgo(200), details: { requestType: 'full_code_test' } })
  await record(cps, {
    type: 'suspect_charged',
    occurredAt: daysAgo(150),
    defendantId: suspectA,
    details: { charges: [{ offence: 'Invented offence' }], remandStatus: 'custody' },
  })
  await record(officer, {
    type: 'police_no_charge_decision',
    occurredAt: daysAgo(150),
    defendantId: suspectB,
    details: { homeOfficeOutcomeCode: '16', reason: 'Invented reason' },
  })
})

describe('finalisation', () => {
  test('while a defendant is outstanding there is no review', async () => {
    const prisma = await db()
    expect(await prisma.caseReview.findUnique({ where: { caseId } })).toBeNull()
    expect((await casesAwaitingReview(cps))!.cases.some((c) => c.caseId === caseId)).toBe(false)
  })

  test('recording the last defendant’s case outcome moves the case to awaiting review on the CPS liaison’s and manager’s lists', async () => {
    lastOutcomeId = await record(cps, { type: 'case_outcome', occurredAt: daysAgo(10), defendantId: suspectA, details: { outcome: 'guilty_plea' } })
    const prisma = await db()
    const review = await prisma.caseReview.findUniqueOrThrow({ where: { caseId } })
    expect(review).toMatchObject({ status: 'awaiting_review', outcome: 'successful' })
    expect((review.factors as { daysFromReport: { outcome: number } }).daysFromReport.outcome).toBe(290)
    expect((await casesAwaitingReview(cps))!.cases.map((c) => c.caseId)).toContain(caseId)
    expect((await casesAwaitingReview(manager))!.cases.map((c) => c.caseId)).toContain(caseId)
    expect((await casesAwaitingReview(otherCps))!.cases.map((c) => c.caseId)).not.toContain(caseId)
    expect((await casesAwaitingReview(otherManager))!.cases.map((c) => c.caseId)).not.toContain(caseId)
    expect(await casesAwaitingReview(officer)).toBeNull()
  })

  test('a correction that un-finalises removes the unsigned review; correcting back restores it', async () => {
    const prisma = await db()
    // The outcome was recorded by mistake: it was a trial listing.
    lastOutcomeId = await record(cps, {
      type: 'hearing_listed',
      occurredAt: daysAgo(10),
      details: { hearingType: 'trial', court: 'Example Crown Court', hearingAt: daysAgo(-30) },
      supersedesId: lastOutcomeId,
      correctionReason: 'It was a listing, not the outcome',
    })
    expect(await prisma.caseReview.findUnique({ where: { caseId } })).toBeNull()
    expect(await status(() => getCaseReview(cps, caseId, ip))).toBe(404)
    await record(cps, { type: 'case_outcome', occurredAt: daysAgo(5), defendantId: suspectA, details: { outcome: 'convicted_after_trial' } })
    expect(await prisma.caseReview.findUnique({ where: { caseId } })).toMatchObject({ status: 'awaiting_review', outcome: 'successful' })
  })
})

describe('review page and sign-off', () => {
  test('who may open the review: CPS liaison and manager review, officer reads, others refused', async () => {
    const seen = await getCaseReview(cps, caseId, ip)
    expect(seen.canReview).toBe(true)
    expect(seen.review.factors?.defendants.map((d) => d.label)).toEqual(['Suspect A', 'Suspect B'])
    expect((await getCaseReview(manager, caseId, ip)).canReview).toBe(true)
    expect((await getCaseReview(officer, caseId, ip)).canReview).toBe(false)
    expect(await status(() => getCaseReview(advocate, caseId, ip))).toBe(403)
    expect(await status(() => getCaseReview(admin, caseId, ip))).toBe(403)
    expect(await status(() => getCaseReview(otherCps, caseId, ip))).toBe(404)
    expect(await status(() => getCaseReview(otherManager, caseId, ip))).toBe(404)
  })

  test('an officer cannot save; other CPS areas and advocates are refused', async () => {
    const version = (await getCaseReview(cps, caseId, ip)).review.version
    expect(await status(() => saveReviewDraft(officer, caseId, { version, ...findings }, ip))).toBe(403)
    expect(await status(() => signOffReview(officer, caseId, { version, ...findings }, ip))).toBe(403)
    expect(await status(() => saveReviewDraft(advocate, caseId, { version, ...findings }, ip))).toBe(403)
    expect(await status(() => saveReviewDraft(otherCps, caseId, { version, ...findings }, ip))).toBe(404)
  })

  test('a draft saves; a stale version is a conflict and saves nothing', async () => {
    const version = (await getCaseReview(cps, caseId, ip)).review.version
    expect(await saveReviewDraft(cps, caseId, { version, helped: 'Draft only', tags: 'delay' }, ip)).toEqual({ ok: true })
    const stale = await saveReviewDraft(manager, caseId, { version, helped: 'Overwrite' }, ip)
    expect(stale).toMatchObject({ ok: false, conflict: true })
    const now = await getCaseReview(cps, caseId, ip)
    expect([now.review.helped, now.review.tags, now.review.version]).toEqual(['Draft only', ['delay'], version + 1])
  })

  test('sign-off needs helped, hindered, lessons and a tag', async () => {
    const version = (await getCaseReview(cps, caseId, ip)).review.version
    const r = await signOffReview(cps, caseId, { version, helped: '', hindered: '', lessons: '', tags: [] }, ip)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(r.fieldErrors).sort()).toEqual(['helped', 'hindered', 'lessons', 'tags'])
    const badTag = await signOffReview(cps, caseId, { version, ...findings, tags: ['not-a-tag'] }, ip)
    expect(badTag.ok).toBe(false)
  })

  test('sign-off is audited with ids and tags only, freezes the factors and the review', async () => {
    const prisma = await db()
    const version = (await getCaseReview(cps, caseId, ip)).review.version
    expect(await signOffReview(cps, caseId, { version, ...findings }, ip)).toEqual({ ok: true })
    const review = await prisma.caseReview.findUniqueOrThrow({ where: { caseId } })
    expect(review).toMatchObject({ status: 'signed_off', signedOffById: cps.id, tags: ['intermediary', 'disclosure'] })
    const row = await prisma.auditEvent.findFirst({ where: { action: 'case_review.sign_off', entityId: caseId } })
    expect(row?.details).toEqual({ reviewId: review.id, tags: ['intermediary', 'disclosure'] })
    expect(JSON.stringify(row?.details)).not.toContain('disclosure early')

    // A later journal event does not change a signed-off review, nor does a refresh.
    await record(cps, { type: 'sentenced', occurredAt: daysAgo(1), defendantId: suspectA, details: { custodyMonths: 36 } })
    expect(await prisma.$transaction((tx) => refreshCaseReview(tx, caseId))).toBe('signed_off')
    const after = await prisma.caseReview.findUniqueOrThrow({ where: { caseId } })
    expect(after.factors).toEqual(review.factors)
    expect(after.updatedAt).toEqual(review.updatedAt)

    // Signed off: read-only for everyone, further saves conflict; off the awaiting lists.
    expect((await getCaseReview(manager, caseId, ip)).canReview).toBe(false)
    expect(await saveReviewDraft(manager, caseId, { version: after.version, ...findings }, ip)).toMatchObject({ ok: false, conflict: true })
    expect((await casesAwaitingReview(cps))!.cases.map((c) => c.caseId)).not.toContain(caseId)
  })
})
