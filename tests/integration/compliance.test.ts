// The compliance page's service against a real database: entitlements made by recording journal
// events and contacts through the real services, counted at a chosen instant (overdue, met,
// met late, due today, due later), by right and by owing organisation, over a chosen period;
// scoped to what the user may see (another force sees nothing, a restricted victim stays hidden,
// advocates and administrators are refused); and the drill-down filtered by status, right, rule
// and organisation. Events are in November 2026.
import { beforeAll, describe, expect, test } from 'vitest'
import { parseComplianceQuery } from '~/domain/entitlements/compliance'
import { complianceView } from '~/services/compliance.server'
import { recordContact } from '~/services/contacts.server'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.21'
let keySeq = 0
const key = () => `compliance-key-${++keySeq}`

let officer: A, cps: A, policeManager: A, otherOfficer: A, advocate: A, admin: A
let policeName: string, wcuName: string
let caseId: string, crimeReference: string, victimId: string, victimReference: string, restrictedVictimId: string
let events: Record<'arrestA' | 'arrestB' | 'arrestC' | 'arrestD' | 'interviewD' | 'witness', string>
/** The instant the counts are taken at: midday on the day D's arrest entitlement falls due. */
let now: Date
let dueTodayIso: string, overdueArrestDueBy: string

async function record(a: A, input: Record<string, unknown>) {
  const result = await recordJourneyEvent(a, caseId, { details: {}, ...input }, key(), ip)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.eventId
}

async function told(eventId: string, at: string) {
  const result = await recordContact(officer, victimId, { contactedAt: new Date(at), method: 'phone', withWhom: 'victim', summary: 'Told them what happened.', eventIds: [eventId] }, key(), ip)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
}

const view = (a: A, search = '') => complianceView(a, parseComplianceQuery(new URLSearchParams(search), now), { ip, now })

beforeAll(async () => {
  const prisma = await db()
  const police = await createOrganisation({ kind: 'police' })
  const cpsOrg = await createOrganisation({ kind: 'cps' })
  const wcu = await createOrganisation({ kind: 'witness_care' })
  policeName = police.name
  wcuName = wcu.name
  officer = actor(await createUser({ role: 'officer', organisationId: police.id }))
  cps = actor(await createUser({ role: 'cps_liaison', organisationId: cpsOrg.id }))
  policeManager = actor(await createUser({ role: 'manager', organisationId: police.id }))
  otherOfficer = actor(await createUser({ role: 'officer' }))
  advocate = actor(await createUser({ role: 'advocate' }))
  admin = actor(await createUser({ role: 'admin' }))
  const c = await createCase({
    policeOrganisationId: police.id,
    cpsOrganisationId: cpsOrg.id,
    witnessCareOrganisationId: wcu.id,
    sentToCpsAt: new Date('2026-10-01T09:00:00Z'),
    stage: 'investigation',
  })
  caseId = c.id
  crimeReference = c.crimeReference
  const v = await createVictim({ caseIds: [caseId] })
  victimId = v.id
  victimReference = v.reference
  // A restricted victim on the same case, allocated to nobody here: their entitlements stay hidden.
  restrictedVictimId = (await createVictim({ caseIds: [caseId], restricted: true })).id
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  const suspect = async (label: string) => (await prisma.defendant.create({ data: { caseId, label } })).id
  const [a, b, cc, d] = [await suspect('Suspect A'), await suspect('Suspect B'), await suspect('Suspect C'), await suspect('Suspect D')]

  events = {
    // Monday 2 November: three arrests. A: nobody tells the victim (overdue); B: told that
    // afternoon (met); C: told on 19 November (met late).
    arrestA: await record(officer, { type: 'suspect_arrested', occurredAt: new Date('2026-11-02T10:00:00Z'), defendantId: a }),
    arrestB: await record(officer, { type: 'suspect_arrested', occurredAt: new Date('2026-11-02T10:00:00Z'), defendantId: b }),
    arrestC: await record(officer, { type: 'suspect_arrested', occurredAt: new Date('2026-11-02T10:00:00Z'), defendantId: cc }),
    // Witness care is told the victim must give evidence (Right 8, owed by the Witness Care Unit): never passed on.
    witness: await record(cps, { type: 'witness_required', occurredAt: new Date('2026-11-04T10:00:00Z'), receivedAt: new Date('2026-11-04T11:00:00Z'), victimId }),
    // Monday 16 November: D arrested (due on `now`'s day), then interviewed on Friday 20th (due later).
    arrestD: await record(officer, { type: 'suspect_arrested', occurredAt: new Date('2026-11-16T10:00:00Z'), defendantId: d }),
    interviewD: await record(officer, { type: 'suspect_interviewed', occurredAt: new Date('2026-11-20T10:00:00Z'), defendantId: d, details: { interviewType: 'in_custody' } }),
  }
  await told(events.arrestB, '2026-11-02T15:00:00Z')
  await told(events.arrestC, '2026-11-19T10:00:00Z')

  const row = (eventId: string) => prisma.entitlement.findFirstOrThrow({ where: { victimId, triggerEventId: eventId } })
  dueTodayIso = (await row(events.arrestD)).dueBy.toISOString().slice(0, 10)
  overdueArrestDueBy = (await row(events.arrestA)).dueBy.toISOString().slice(0, 10)
  now = new Date(`${dueTodayIso}T12:00:00Z`)
})

describe('counts at an instant', () => {
  test('the stored rows are what the scenario says', async () => {
    const prisma = await db()
    const mine = await prisma.entitlement.findMany({ where: { victimId, withdrawnAt: null }, select: { triggerEventId: true, status: true } })
    const byEvent = Object.fromEntries(mine.map((r) => [r.triggerEventId, r.status]))
    expect(byEvent).toEqual({
      [events.arrestA]: 'open',
      [events.arrestB]: 'met',
      [events.arrestC]: 'met_late',
      [events.arrestD]: 'open',
      [events.interviewD]: 'open',
      [events.witness]: 'open',
    })
    // The restricted victim has entitlements of their own for the arrests and the interview.
    expect(await prisma.entitlement.count({ where: { victimId: restrictedVictimId, withdrawnAt: null } })).toBe(5)
  })

  test('the officer in charge: overdue, met, met late, due today and due later over the default period', async () => {
    const v = await view(officer)
    expect(v.summary.totals).toEqual({ overdue: 2, met: 1, met_late: 1, due_today: 1, due_later: 1, total: 6 })
    expect(v.summary.byRight.map((r) => [r.right, r.tally.total, r.tally.overdue])).toEqual([
      [6, 5, 1],
      [8, 1, 1],
    ])
    const arrests = v.summary.byRight[0]!.rules.find((r) => r.ruleId === 'r06_suspect_arrested')!
    expect(arrests).toMatchObject({ summary: 'Told of the arrest', tally: { overdue: 1, met: 1, met_late: 1, due_today: 1, due_later: 0, total: 4 } })
    expect(v.summary.byOrganisation.map((o) => [o.name, o.tally.total, o.tally.overdue])).toEqual([
      [policeName, 5, 1],
      [wcuName, 1, 1],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'en-GB')))
  })

  test('the same rows read a day later: the one due today is overdue', async () => {
    const later = new Date(now.getTime() + 86_400_000)
    const v = await complianceView(officer, parseComplianceQuery(new URLSearchParams(`from=2026-11-01&to=2026-12-31`), later), { ip, now: later })
    expect(v.summary.totals).toMatchObject({ overdue: 3, due_today: 0, total: 6 })
  })

  test('the period counts by due date: only what falls due in it', async () => {
    const v = await view(officer, `from=${overdueArrestDueBy}&to=${overdueArrestDueBy}`)
    // A, B and C were arrested together, so all three fall due that day.
    expect(v.summary.totals).toEqual({ overdue: 1, met: 1, met_late: 1, due_today: 0, due_later: 0, total: 3 })
    expect(v.period).toEqual({ from: overdueArrestDueBy, to: overdueArrestDueBy })
  })

  test('CPS liaison and a police manager see the case; the restricted victim stays out of every count', async () => {
    expect((await view(cps)).summary.totals.total).toBe(6)
    expect((await view(policeManager)).summary.totals.total).toBe(6)
  })
})

describe('who may see it', () => {
  test('an officer of another force sees nothing', async () => {
    const v = await view(otherOfficer)
    expect(v.summary.totals.total).toBe(0)
    expect(v.list.total).toBe(0)
    expect(v.summary.byRight).toEqual([])
  })

  test('advocates and administrators are refused with 403', async () => {
    expect(await status(() => view(advocate))).toBe(403)
    expect(await status(() => view(admin))).toBe(403)
  })

  test('each view is audited with its filters', async () => {
    const prisma = await db()
    await view(officer, 'status=overdue&right=6')
    const row = await prisma.auditEvent.findFirst({ where: { action: 'compliance.view', actorId: officer.id }, orderBy: { seq: 'desc' } })
    expect(row?.details).toMatchObject({ status: 'overdue', right: 6, page: 1 })
  })
})

describe('the drill-down', () => {
  test('overdue for Right 6 is the unannounced arrest, with the victim, the case, due date and owner', async () => {
    const v = await view(officer, 'status=overdue&right=6')
    expect(v.list.total).toBe(1)
    expect(v.list.rows[0]).toMatchObject({
      right: 6,
      summary: 'Told of the arrest',
      dueBy: overdueArrestDueBy,
      status: 'overdue',
      owner: policeName,
      victim: { id: victimId, reference: victimReference },
      case: { id: caseId, crimeReference },
    })
  })

  test('by status, rule and organisation', async () => {
    const ids = async (search: string) => (await view(officer, search)).list.rows.map((r) => r.status).sort()
    expect(await ids('status=overdue')).toEqual(['overdue', 'overdue'])
    expect(await ids('status=met_late')).toEqual(['met_late'])
    expect(await ids('status=due_today')).toEqual(['due_today'])
    expect(await ids('status=due_later')).toEqual(['due_later'])
    expect(await ids('rule=r06_suspect_arrested')).toEqual(['due_today', 'met', 'met_late', 'overdue'])
    const wcuKey = (await view(officer)).summary.byOrganisation.find((o) => o.name === wcuName)!.key
    const wcuRows = (await view(officer, `org=${wcuKey}`)).list.rows
    expect(wcuRows.map((r) => [r.right, r.owner, r.status])).toEqual([[8, wcuName, 'overdue']])
    expect((await view(officer, 'org=none-probation')).list.total).toBe(0)
  })

  test('unfiltered, the list is every entitlement in the period, oldest due first', async () => {
    const v = await view(officer)
    expect(v.list.total).toBe(6)
    const due = v.list.rows.map((r) => r.dueBy)
    expect(due).toEqual([...due].sort())
    expect(v.list.rows.every((r) => r.victim.id === victimId)).toBe(true)
  })
})
