// Follow-up visits through the real services and database: recording (audited without what the
// child said; double submits; not before the record existed), who may see and record them, and
// the schedule derived from the victim's incidents, cases and visits.
import { beforeAll, describe, expect, test } from 'vitest'
import type { VisitInput } from '~/domain/visits/visit'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { getVictimVisits, getVisitForm, recordVisit, visitsDueOnCaseload } from '~/services/visits.server'
import { allocate, createCase, createOrganisation, createTeam, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.11'
let keySeq = 0
const key = () => `visit-key-${++keySeq}`

let officer: A, advocate: A, cps: A, otherAdvocate: A, admin: A, manager: A
let victimId: string, caseId: string

const visit = (over: Partial<VisitInput> = {}): VisitInput => ({
  status: 'completed',
  at: new Date('2026-11-12T15:00:00Z'),
  placeType: 'home',
  purpose: 'Follow-up after the report',
  seenAlone: true,
  spokenToAlone: true,
  engagement: 'engaged',
  disclosure: 'more_detail',
  disclosureNotes: 'Invented detail: named a second car used by the suspect',
  ...over,
})

beforeAll(async () => {
  const prisma = await db()
  const team = await createTeam()
  const { police, cpsOrg, service } = team
  ;({ officer, cps, advocate } = team)
  otherAdvocate = actor(await createUser({ role: 'advocate', organisationId: (await createOrganisation({ kind: 'voluntary' })).id }))
  admin = actor(await createUser({ role: 'admin', organisationId: police.id }))
  manager = actor(await createUser({ role: 'manager', organisationId: service.id }))
  caseId = (await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id, sentToCpsAt: new Date('2026-11-05T10:00:00Z') })).id
  victimId = (await createVictim({ caseIds: [caseId] })).id
  // The record and the case exist from 1 November 2026.
  await prisma.victim.update({ where: { id: victimId }, data: { createdAt: new Date('2026-11-01T09:00:00Z') } })
  await prisma.case.update({ where: { id: caseId }, data: { createdAt: new Date('2026-11-01T09:00:00Z') } })
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  await allocate({ victimId, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
  const reported = await recordJourneyEvent(
    officer,
    caseId,
    { type: 'crime_reported', occurredAt: new Date('2026-11-02T10:00:00Z'), details: { reportedBy: 'victim' } },
    key(),
    ip,
  )
  if (!reported.ok) throw new Error(JSON.stringify(reported.issues))
})

describe('recording a visit', () => {
  test('the advocate records a visit with a new disclosure; the audit holds no free text; a double submit saves one', async () => {
    const prisma = await db()
    const k = key()
    const first = await recordVisit(advocate, victimId, visit(), k, ip)
    expect(first).toMatchObject({ ok: true, duplicate: false })
    const again = await recordVisit(advocate, victimId, visit(), k, ip)
    expect(again).toMatchObject({ ok: true, duplicate: true })
    expect(await prisma.visit.count({ where: { victimId } })).toBe(1)
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'visit.record', entityId: victimId } })
    expect(row.details).toEqual({ visitId: first.ok ? first.visitId : '', status: 'completed', disclosure: 'more_detail' })
    expect(JSON.stringify(row.details)).not.toContain('second car')
  })

  test('a visit before the victim’s record was opened, or made in the future, is refused next to the date, and nothing is saved', async () => {
    const prisma = await db()
    const before = await prisma.visit.count()
    const result = await recordVisit(advocate, victimId, visit({ at: new Date('2026-10-30T10:00:00Z') }), key(), ip)
    expect(result).toEqual({ ok: false, issues: [{ path: 'at', message: 'The visit cannot be before the victim’s record was opened on 1 November 2026' }] })
    const future = await recordVisit(advocate, victimId, visit({ at: new Date(Date.now() + 3_600_000) }), key(), ip)
    expect(future).toEqual({ ok: false, issues: [{ path: 'at', message: 'A visit that took place or was attempted must be today or in the past' }] })
    expect(await prisma.visit.count()).toBe(before)
  })

  test('CPS liaison may see the victim but not visits; others are refused', async () => {
    expect(await getVictimVisits(cps, victimId)).toBeNull()
    expect(await status(() => recordVisit(cps, victimId, visit(), key(), ip))).toBe(403)
    expect(await status(() => getVisitForm(cps, victimId))).toBe(403)
    expect(await status(() => getVictimVisits(otherAdvocate, victimId))).toBe(404)
    expect(await status(() => recordVisit(otherAdvocate, victimId, visit(), key(), ip))).toBe(404)
    expect(await status(() => getVictimVisits(admin, victimId))).toBe(404)
    // The officer on the case sees the visits (and records their own).
    expect((await getVictimVisits(officer, victimId))?.visits).toHaveLength(1)
  })
})

describe('the schedule', () => {
  test('the first follow-up after the report is met by the visit; the regular visit comes due 28 days after it', async () => {
    const seen = await getVictimVisits(advocate, victimId, new Date('2026-11-20T12:00:00Z'))
    const first = seen!.schedule.requirements.find((r) => r.reason === 'first_after_incident')!
    expect(first).toMatchObject({ dueBy: '2026-11-09', status: 'met_late' })
    expect(seen!.schedule.nextDue).toBe('2026-12-10')
    const later = await getVictimVisits(advocate, victimId, new Date('2026-12-11T12:00:00Z'))
    expect(later!.schedule.overdueCount).toBe(1)
  })

  test('a visit that did not happen because the child is missing flags a suspected missing episode', async () => {
    const result = await recordVisit(
      advocate,
      victimId,
      { status: 'not_happened', notHappenedReason: 'missing', at: new Date('2026-11-20T10:00:00Z'), placeType: 'home', purpose: 'Regular visit' },
      key(),
      ip,
    )
    expect(result.ok).toBe(true)
    const seen = await getVictimVisits(advocate, victimId, new Date('2026-11-20T12:00:00Z'))
    expect(seen!.schedule.requirements.some((r) => r.missingEpisodeSuspected && (r.status === 'due' || r.status === 'overdue'))).toBe(true)
  })
})

describe('visits due on the home page', () => {
  test('a victim appears when their next visit is within a week or overdue, for their advocate and the service’s manager', async () => {
    expect(await visitsDueOnCaseload(advocate, new Date('2026-11-20T12:00:00Z'))).toEqual([])
    const soon = await visitsDueOnCaseload(advocate, new Date('2026-12-05T12:00:00Z'))
    expect(soon!.map((r) => [r.victim.id, r.nextDue, r.overdue])).toEqual([[victimId, '2026-12-10', 0]])
    const late = await visitsDueOnCaseload(manager, new Date('2026-12-12T12:00:00Z'))
    expect(late!.find((r) => r.victim.id === victimId)).toMatchObject({ nextDue: '2026-12-10', overdue: 1 })
    expect(await visitsDueOnCaseload(otherAdvocate, new Date('2026-12-12T12:00:00Z'))).toEqual([])
    expect(await visitsDueOnCaseload(officer)).toBeNull()
  })
})
