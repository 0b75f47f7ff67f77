// The reminder scheduler on a hand-made scenario: exactly which outbox rows one run writes, and to
// whom — the allocated person, else the owing (or holding) organisation's team inbox, else nobody
// (counted as unaddressed) — and that a person who chose a summary gets no immediate reminder.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { endOfLondonDay } from '~/domain/calendar/working-days'
import { db } from '~/services/db.server'
import { runSchedulerOnce } from '~/services/scheduler.server'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'

// Friday 27 November 2026, 08:00 London: Monday 30 November is "tomorrow" for entitlements.
const NOW = new Date('2026-11-27T08:00:00Z')
const BASE = 'https://waypoint.test'
const ids: Record<string, string> = {}

async function event(caseId: string, recordedById: string, type: string, details: object = {}, supersedesId?: string) {
  const prisma = await db()
  const row = await prisma.journeyEvent.create({
    data: { caseId, type, occurredAt: new Date('2026-10-01T10:00:00Z'), details, recordedById, idempotencyKey: randomUUID(), supersedesId: supersedesId ?? null },
  })
  return row.id
}

let ruleSeq = 0
async function entitlement(data: { victimId: string; caseId: string; triggerEventId: string; owedBy: string; owedByOrganisationId: string | null; dueBy: string; status?: string; withdrawn?: boolean }) {
  const prisma = await db()
  const row = await prisma.entitlement.create({
    data: {
      victimId: data.victimId,
      caseId: data.caseId,
      ruleSetId: 'code-2020',
      ruleId: `r06_test_${++ruleSeq}`,
      right: 6,
      triggerEventId: data.triggerEventId,
      owedBy: data.owedBy,
      owedByOrganisationId: data.owedByOrganisationId,
      dueBy: new Date(`${data.dueBy}T00:00:00Z`),
      dueAt: endOfLondonDay(data.dueBy),
      status: data.status ?? 'open',
      withdrawnAt: data.withdrawn ? new Date('2026-11-01T00:00:00Z') : null,
      computedAt: new Date('2026-10-01T10:00:00Z'),
    },
  })
  return row.id
}

beforeAll(async () => {
  const prisma = await db()
  const police = await createOrganisation({ kind: 'police', inboxEmail: 'team@police.test.example' })
  const quietPolice = await createOrganisation({ kind: 'police' }) // no team inbox
  const cps = await createOrganisation({ kind: 'cps', inboxEmail: 'unit@cps.test.example' })
  const witnessCare = await createOrganisation({ kind: 'witness_care', inboxEmail: 'wcu@witnesscare.test.example' })
  const service = await createOrganisation({ kind: 'voluntary', inboxEmail: 'hello@service.test.example' })
  const quietService = await createOrganisation({ kind: 'voluntary' })
  const officer = await createUser({ role: 'officer', organisationId: police.id, email: 'officer@staff.test.example' })
  const dailyOfficer = await createUser({ role: 'officer', organisationId: police.id, email: 'daily-officer@staff.test.example' })
  const formerOfficer = await createUser({ role: 'officer', organisationId: police.id, email: 'former@staff.test.example', active: false })
  const advocate = await createUser({ role: 'advocate', organisationId: service.id, email: 'advocate@staff.test.example' })
  const weeklyAdvocate = await createUser({ role: 'advocate', organisationId: service.id, email: 'weekly-advocate@staff.test.example' })
  const wcOfficer = await createUser({ role: 'cps_liaison', organisationId: witnessCare.id, email: 'wco@staff.test.example' })
  await prisma.notificationPreference.createMany({
    data: [
      { userId: dailyOfficer.id, kind: 'entitlements', delivery: 'daily' },
      { userId: weeklyAdvocate.id, kind: 'visits', delivery: 'weekly' },
    ],
  })
  Object.assign(ids, { police: police.id, quietPolice: quietPolice.id, cps: cps.id, witnessCare: witnessCare.id, service: service.id, quietService: quietService.id })
  Object.assign(ids, { officer: officer.id, dailyOfficer: dailyOfficer.id, advocate: advocate.id, weeklyAdvocate: weeklyAdvocate.id, wcOfficer: wcOfficer.id })

  const openedOn = async (caseId: string, iso: string) => prisma.case.update({ where: { id: caseId }, data: { createdAt: new Date(`${iso}T10:00:00Z`) } })

  // K1: OIC allocated; a CPS area with no liaison named; witness care officer named; a hearing in 5 days.
  const k1 = await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cps.id, witnessCareOrganisationId: witnessCare.id })
  await openedOn(k1.id, '2026-10-31') // a regular visit due on 28 November (tomorrow)
  const v1 = await createVictim({ caseIds: [k1.id], reference: 'V-T-0001' })
  const v6 = await createVictim({ caseIds: [k1.id], reference: 'V-T-0006' })
  await allocate({ caseId: k1.id, userId: officer.id, kind: 'oic' })
  await allocate({ caseId: k1.id, userId: formerOfficer.id, kind: 'oic', startedAt: new Date('2026-01-01') })
  await allocate({ caseId: k1.id, userId: dailyOfficer.id, kind: 'oic', startedAt: new Date('2025-01-01'), endedAt: new Date('2026-01-01') })
  await allocate({ caseId: k1.id, userId: wcOfficer.id, kind: 'witness_care' })
  await allocate({ victimId: v1.id, organisationId: service.id, kind: 'service' })
  await allocate({ victimId: v1.id, userId: advocate.id, kind: 'lead_advocate' })
  await allocate({ victimId: v6.id, organisationId: service.id, kind: 'service' })
  const t1 = await event(k1.id, officer.id, 'suspect_arrested')
  ids.e1 = await entitlement({ victimId: v1.id, caseId: k1.id, triggerEventId: t1, owedBy: 'police', owedByOrganisationId: police.id, dueBy: '2026-11-30' })
  ids.e2 = await entitlement({ victimId: v1.id, caseId: k1.id, triggerEventId: t1, owedBy: 'police', owedByOrganisationId: police.id, dueBy: '2026-11-20' })
  ids.e3 = await entitlement({ victimId: v1.id, caseId: k1.id, triggerEventId: t1, owedBy: 'cps', owedByOrganisationId: cps.id, dueBy: '2026-11-30' })
  await entitlement({ victimId: v1.id, caseId: k1.id, triggerEventId: t1, owedBy: 'police', owedByOrganisationId: police.id, dueBy: '2026-12-10' }) // later
  await entitlement({ victimId: v1.id, caseId: k1.id, triggerEventId: t1, owedBy: 'police', owedByOrganisationId: police.id, dueBy: '2026-11-20', status: 'met' })
  await entitlement({ victimId: v1.id, caseId: k1.id, triggerEventId: t1, owedBy: 'police', owedByOrganisationId: police.id, dueBy: '2026-11-20', withdrawn: true })
  const trial = await event(k1.id, wcOfficer.id, 'hearing_listed', { hearingType: 'trial', court: 'Invented Crown Court', hearingAt: '2026-12-02T10:00:00.000Z' })
  ids.trial = trial
  const corrected = await event(k1.id, wcOfficer.id, 'hearing_listed', { hearingType: 'ptph', court: 'Invented Crown Court', hearingAt: '2026-11-30T10:00:00.000Z' })
  await event(k1.id, wcOfficer.id, 'hearing_listed', { hearingType: 'ptph', court: 'Invented Crown Court', hearingAt: '2026-12-20T10:00:00.000Z' }, corrected) // moved out of the week
  const held = await event(k1.id, wcOfficer.id, 'hearing_listed', { hearingType: 'bail', court: 'Invented Court', hearingAt: '2026-11-28T10:00:00.000Z' })
  await event(k1.id, wcOfficer.id, 'hearing_outcome', { hearingEventId: held, result: 'adjourned' })

  // K2: a force with no team inbox and no OIC; no witness care unit; the victim has no supporter.
  const k2 = await createCase({ policeOrganisationId: quietPolice.id })
  await openedOn(k2.id, '2026-10-01') // regular visits long overdue
  const v2 = await createVictim({ caseIds: [k2.id], reference: 'V-T-0002' })
  const t2 = await event(k2.id, officer.id, 'suspect_arrested')
  ids.e7 = await entitlement({ victimId: v2.id, caseId: k2.id, triggerEventId: t2, owedBy: 'police', owedByOrganisationId: quietPolice.id, dueBy: '2026-11-30' })
  ids.k2hearing = await event(k2.id, officer.id, 'hearing_listed', { hearingType: 'first_hearing', court: 'Invented Court', hearingAt: '2026-11-28T10:00:00.000Z' })

  // K3: the OIC takes entitlements in a daily summary; the lead advocate takes visits weekly.
  const k3 = await createCase({ policeOrganisationId: police.id })
  await openedOn(k3.id, '2026-10-30') // visit due today
  const v3 = await createVictim({ caseIds: [k3.id], reference: 'V-T-0003' })
  await allocate({ caseId: k3.id, userId: dailyOfficer.id, kind: 'oic' })
  await allocate({ victimId: v3.id, userId: weeklyAdvocate.id, kind: 'lead_advocate' })
  const t3 = await event(k3.id, dailyOfficer.id, 'suspect_arrested')
  ids.e9 = await entitlement({ victimId: v3.id, caseId: k3.id, triggerEventId: t3, owedBy: 'police', owedByOrganisationId: police.id, dueBy: '2026-11-30' })

  // K4: an advocate (not lead) → the advocate; a victim held only by a service with no inbox → nobody.
  const k4 = await createCase({ policeOrganisationId: police.id })
  await openedOn(k4.id, '2026-10-20') // visit overdue since 17 November
  const v4 = await createVictim({ caseIds: [k4.id], reference: 'V-T-0004' })
  const v5 = await createVictim({ caseIds: [k4.id], reference: 'V-T-0005' })
  await allocate({ victimId: v4.id, organisationId: service.id, kind: 'service' })
  await allocate({ victimId: v4.id, userId: advocate.id, kind: 'advocate' })
  await allocate({ victimId: v5.id, organisationId: quietService.id, kind: 'service' })
  // A closed victim gets no visit reminders.
  await createVictim({ caseIds: [k4.id], reference: 'V-T-0009', status: 'closed' })

  Object.assign(ids, { v1: v1.id, v2: v2.id, v3: v3.id, v4: v4.id, v5: v5.id, v6: v6.id, k1: k1.id })
})

test('one run queues each due reminder once, to the allocated person, else the team inbox; nobody is counted', async () => {
  const prisma = await db()
  const summary = await runSchedulerOnce(NOW, { baseUrl: BASE, intervalMinutes: 5 })
  const rows = await prisma.outboxEmail.findMany({ orderBy: { dedupeKey: 'asc' }, select: { dedupeKey: true, to: true, template: true, kind: true, userId: true, organisationId: true, subject: true, status: true } })
  const { officer, advocate, wcOfficer, police, cps, service, witnessCare } = ids
  expect(rows.map((r) => [r.dedupeKey, r.to])).toEqual(
    [
      [`entitlement:${ids.v1}:r6:police:due-tomorrow:2026-11-30:user:${officer}`, 'officer@staff.test.example'],
      [`entitlement:${ids.v1}:r6:police:overdue:2026-11-20:user:${officer}`, 'officer@staff.test.example'],
      [`entitlement:${ids.v1}:r6:cps:due-tomorrow:2026-11-30:inbox:${cps}`, 'unit@cps.test.example'],
      [`hearing:${ids.k1}:trial:20261202T1000Z:inbox:${service}`, 'hello@service.test.example'],
      [`hearing:${ids.k1}:trial:20261202T1000Z:user:${advocate}`, 'advocate@staff.test.example'],
      [`hearing:${ids.k1}:trial:20261202T1000Z:user:${wcOfficer}`, 'wco@staff.test.example'],
      [`visit:${ids.v1}:due:2026-11-28:user:${advocate}`, 'advocate@staff.test.example'],
      [`visit:${ids.v4}:overdue:2026-11-17:user:${advocate}`, 'advocate@staff.test.example'],
      [`visit:${ids.v6}:due:2026-11-28:inbox:${service}`, 'hello@service.test.example'],
      // 08:00 on a working day: the summaries are due too.
      [`digest:daily:${ids.dailyOfficer}:2026-11-27`, 'daily-officer@staff.test.example'],
      [`digest:weekly:${ids.weeklyAdvocate}:2026-W48`, 'weekly-advocate@staff.test.example'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
  )
  expect(rows.every((r) => r.status === 'pending')).toBe(true)
  const byKey = new Map(rows.map((r) => [r.dedupeKey, r]))
  expect(byKey.get(`entitlement:${ids.v1}:r6:police:due-tomorrow:2026-11-30:user:${officer}`)).toMatchObject({
    template: 'entitlement-reminder',
    kind: 'entitlements',
    userId: officer,
    organisationId: police,
    subject: expect.stringContaining('V-T-0001'),
  })
  expect(byKey.get(`hearing:${ids.k1}:trial:20261202T1000Z:user:${wcOfficer}`)).toMatchObject({ template: 'hearing-reminder', kind: 'hearings', userId: wcOfficer, organisationId: witnessCare })
  // Witness care hears of both victims; each supporter of their own.
  const props = async (key: string) => (await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: key } })).props
  expect(await props(`hearing:${ids.k1}:trial:20261202T1000Z:user:${wcOfficer}`)).toEqual({
    reference: 'V-T-0001, V-T-0006',
    hearing: 'Trial',
    when: '10:00am on Wednesday 2 December 2026',
    url: `${BASE}/cases/${ids.k1}`,
  })
  expect(await props(`hearing:${ids.k1}:trial:20261202T1000Z:user:${advocate}`)).toMatchObject({ reference: 'V-T-0001' })
  expect(await props(`hearing:${ids.k1}:trial:20261202T1000Z:inbox:${service}`)).toMatchObject({ reference: 'V-T-0006' })
  expect(await props(`entitlement:${ids.v1}:r6:cps:due-tomorrow:2026-11-30:inbox:${cps}`)).toEqual({
    state: 'due-tomorrow',
    reference: 'V-T-0001',
    right: 6,
    rightTitle: 'To be provided with information about the investigation and prosecution',
    owedBy: 'CPS',
    dueOn: 'Monday 30 November 2026',
    url: `${BASE}/victims/${ids.v1}`,
  })
  expect(await props(`visit:${ids.v4}:overdue:2026-11-17:user:${advocate}`)).toMatchObject({ state: 'overdue', reason: 'Regular visit while a case is open', dueOn: 'Tuesday 17 November 2026' })

  // Unaddressed: K2's entitlement (no OIC, no inbox), its hearing (no supporter, no witness care),
  // V5's visit (a service without an inbox). V2's visit was due on 29 October: overdue for longer
  // than OVERDUE_REMINDER_DAYS, so it is not emailed at all (it stays on the home page and in digests).
  expect(summary).toMatchObject({
    ran: true,
    due: { entitlementsDueTomorrow: 4, entitlementsOverdue: 1, visitsDue: 3, visitsOverdue: 2, hearings: 5 },
    deferredToDigest: 2,
    unaddressed: 4,
    queued: 11,
    alreadyQueued: 0,
    digests: { daily: 1, weekly: 1 },
  })
  const run = await prisma.jobRun.findUniqueOrThrow({ where: { key: 'reminders:2026-11-27T08:00Z' } })
  expect(run.completedAt).not.toBeNull()
  expect(run.summary).toMatchObject({ queued: 11, unaddressed: 4, deferredToDigest: 2 })
  expect(JSON.stringify(run.summary)).not.toContain('@')
})

test('people who chose a summary got their items in it and nothing at once; inactive and ended allocations are passed over', async () => {
  const prisma = await db()
  expect(await prisma.outboxEmail.count({ where: { userId: { in: [ids.dailyOfficer!, ids.weeklyAdvocate!] }, template: { not: 'digest' } } })).toBe(0)
  expect(await prisma.outboxEmail.count({ where: { to: 'former@staff.test.example' } })).toBe(0)
  const daily = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `digest:daily:${ids.dailyOfficer}:2026-11-27` } })
  expect(daily).toMatchObject({ template: 'digest', kind: 'digest', subject: expect.stringMatching(/daily/i) })
  expect(daily.props).toMatchObject({
    period: 'daily',
    overdue: [],
    due: [],
    upcoming: [{ label: "Victims' Code right 6 (Police)", reference: 'V-T-0003', dueOn: 'Monday 30 November 2026', url: `${BASE}/victims/${ids.v3}` }],
    news: [],
  })
  const weekly = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `digest:weekly:${ids.weeklyAdvocate}:2026-W48` } })
  expect(weekly.props).toMatchObject({ period: 'weekly', due: [{ label: 'Follow-up visit', reference: 'V-T-0003', dueOn: 'Friday 27 November 2026' }], upcoming: [] })
})

test('the next day the same reminders are not queued again; the due visit has become overdue (a new reminder)', async () => {
  const prisma = await db()
  const before = await prisma.outboxEmail.count()
  const summary = await runSchedulerOnce(new Date('2026-11-29T12:00:00Z'), { baseUrl: BASE, intervalMinutes: 5 })
  const added = await prisma.outboxEmail.findMany({ where: { createdAt: { gte: new Date(Date.now() - 60_000) } }, orderBy: { dedupeKey: 'asc' }, select: { dedupeKey: true } })
  expect(summary.alreadyQueued).toBeGreaterThan(0)
  expect(await prisma.outboxEmail.count()).toBe(before + summary.queued)
  // V1's and V6's visits (due 28 November) are now overdue: new keys with the state in them.
  expect(added.map((r) => r.dedupeKey)).toEqual(expect.arrayContaining([`visit:${ids.v1}:overdue:2026-11-28:user:${ids.advocate}`, `visit:${ids.v6}:overdue:2026-11-28:inbox:${ids.service}`]))
  // E1 (due Monday) is still only "due tomorrow" — once.
  expect(await prisma.outboxEmail.count({ where: { dedupeKey: { startsWith: `entitlement:${ids.v1}:r6:police:due-tomorrow:` } } })).toBe(1)
})
