// Event emails through the real services and database: new intelligence emails the
// force's team inbox, or without one its active managers who want it at once; a referral received
// emails the receiving organisation the same way; accepted or declined emails the referrer (as they
// chose) and the referring organisation's inbox. The rows are written in the change's transaction:
// a second call queues nothing (dedupe) and a rolled-back change leaves no row. No victim name, date
// of birth or address, no intelligence and no decline reason ever reaches a subject or the props.
import { beforeAll, describe, expect, test } from 'vitest'
import { newItemKey, type ItemInput } from '~/domain/intelligence/item'
import { db } from '~/services/db.server'
import { createIntelligenceItem } from '~/services/intelligence.server'
import { notificationKeys } from '~/domain/notifications/keys'
import { notifyIntelligenceReceived, notifyReferral } from '~/services/notify.server'
import { changeReferral, makeReferral } from '~/services/referrals.server'
import { recordVisit } from '~/services/visits.server'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.31'
const VICTIM = { firstName: 'Marisol', lastName: 'Quenby-Thorne', address: '12 Invented Lane, Nowhere', dateOfBirth: new Date('2010-03-09') }
const DETAIL = 'Invented: a blue hatchback waits by the park gates'
const DECLINE_REASON = 'Invented: our waiting list is closed this month'

let forceWithInbox: { id: string; name: string }, forceWithout: { id: string; name: string }
let author: A, pmNow: A, pmWeekly: A, pmInactive: A, forceOfficer: A
let victimId: string, visitId: string
let service: { id: string; name: string }, serviceAdvocate: A, weeklyAdvocate: A
let toInbox: { id: string; name: string }, toManagers: { id: string; name: string }
let receiverNow: A, receiverDaily: A, receiverAdvocate: A, inboxReceiver: A

async function outboxFor(filter: { dedupeKey?: { startsWith: string } } = {}) {
  const prisma = await db()
  return prisma.outboxEmail.findMany({ where: filter, orderBy: { to: 'asc' } })
}

const item = (policeOrganisationId: string): ItemInput => ({
  policeOrganisationId,
  subject: 'vehicle',
  detail: DETAIL,
  sourceEvaluation: '2',
  intelligenceAssessment: 'B',
  handlingCode: 'P',
})

async function newItem(policeOrganisationId: string) {
  const result = await createIntelligenceItem(author, victimId, { visitId }, item(policeOrganisationId), newItemKey(), ip)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.itemId
}

let refSeq = 0
async function newReferral(by: A, to: { id: string }) {
  const result = await makeReferral(
    by,
    victimId,
    { organisationId: to.id, serviceType: 'counselling', reason: 'Invented: would like support before the trial' },
    `notify-ref-${++refSeq}`,
    ip,
  )
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.referralId
}

/** Nothing that identifies the victim, and nothing said about them, in what the outbox keeps before rendering. */
function expectNoVictimDetail(rows: { subject: string; props: unknown }[]) {
  for (const row of rows) {
    const stored = `${row.subject} ${JSON.stringify(row.props)}`
    for (const secret of [VICTIM.firstName, VICTIM.lastName, VICTIM.address, '2010-03-09', DETAIL, DECLINE_REASON]) expect(stored).not.toContain(secret)
  }
}

beforeAll(async () => {
  const prisma = await db()
  const a = await createOrganisation({ kind: 'police', inboxEmail: 'Intel-Desk@force-a.example' })
  const b = await createOrganisation({ kind: 'police' })
  forceWithInbox = { id: a.id, name: a.name }
  forceWithout = { id: b.id, name: b.name }
  // The advocate's service has a team inbox; the two receiving services: one with, one without.
  const s = await createOrganisation({ kind: 'voluntary', inboxEmail: 'team@service.example' })
  service = { id: s.id, name: s.name }
  const r1 = await createOrganisation({ kind: 'voluntary', inboxEmail: 'referrals@receiver-one.example' })
  const r2 = await createOrganisation({ kind: 'voluntary' })
  toInbox = { id: r1.id, name: r1.name }
  toManagers = { id: r2.id, name: r2.name }

  author = actor(await createUser({ role: 'advocate', organisationId: s.id }))
  serviceAdvocate = author
  weeklyAdvocate = actor(await createUser({ role: 'advocate', organisationId: s.id }))
  pmNow = actor(await createUser({ role: 'manager', organisationId: b.id }))
  pmWeekly = actor(await createUser({ role: 'manager', organisationId: b.id }))
  pmInactive = actor(await createUser({ role: 'manager', organisationId: b.id, active: false }))
  forceOfficer = actor(await createUser({ role: 'officer', organisationId: b.id }))
  receiverNow = actor(await createUser({ role: 'manager', organisationId: r2.id }))
  receiverDaily = actor(await createUser({ role: 'manager', organisationId: r2.id }))
  receiverAdvocate = actor(await createUser({ role: 'advocate', organisationId: r2.id }))
  inboxReceiver = actor(await createUser({ role: 'advocate', organisationId: r1.id }))
  await prisma.notificationPreference.createMany({
    data: [
      { userId: pmWeekly.id, kind: 'intelligence', delivery: 'weekly' },
      // A summary for referrals does not stop intelligence emails, and the other way round.
      { userId: pmNow.id, kind: 'referrals', delivery: 'weekly' },
      { userId: receiverDaily.id, kind: 'referrals', delivery: 'daily' },
      { userId: weeklyAdvocate.id, kind: 'referrals', delivery: 'weekly' },
    ],
  })
  for (const org of [r1, r2]) {
    await prisma.supportService.create({ data: { organisationId: org.id, serviceType: 'counselling', description: 'Invented: weekly sessions' } })
  }

  const caseA = await createCase({ policeOrganisationId: a.id })
  const caseB = await createCase({ policeOrganisationId: b.id })
  const victim = await createVictim({ ...VICTIM, caseIds: [caseA.id, caseB.id] })
  victimId = victim.id
  await prisma.victim.update({ where: { id: victimId }, data: { createdAt: new Date('2026-11-01T09:00:00Z') } })
  await allocate({ victimId, organisationId: s.id, kind: 'service' })
  await allocate({ victimId, userId: author.id, kind: 'lead_advocate' })
  for (const org of [r1, r2]) {
    await prisma.consent.create({
      data: { victimId, scope: 'Support', sharedWith: org.id, givenBy: 'Young person and parent', recordedById: author.id, recordedAt: new Date('2026-11-02T10:00:00Z') },
    })
  }
  const visit = await recordVisit(
    author,
    victimId,
    {
      status: 'completed',
      at: new Date('2026-11-12T15:00:00Z'),
      placeType: 'home',
      purpose: 'Follow-up',
      seenAlone: true,
      spokenToAlone: true,
      engagement: 'engaged',
      disclosure: 'none',
    },
    'notify-visit-1',
    ip,
  )
  if (!visit.ok) throw new Error(JSON.stringify(visit.issues))
  visitId = visit.visitId
})

describe('new intelligence', () => {
  test('goes to the force’s team inbox, once, with a link and no victim detail', async () => {
    const itemId = await newItem(forceWithInbox.id)
    const rows = await outboxFor({ dedupeKey: { startsWith: `intelligence-received:${itemId}:` } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      to: 'Intel-Desk@force-a.example',
      template: 'intelligence-received',
      kind: 'intelligence',
      status: 'pending',
      userId: null,
      organisationId: forceWithInbox.id,
      dedupeKey: notificationKeys.intelligenceReceived(itemId, `inbox:${forceWithInbox.id}`),
    })
    expect(rows[0]!.props).toEqual({ organisation: forceWithInbox.name, url: expect.stringMatching(new RegExp(`/intelligence/${itemId}$`)) })
    expectNoVictimDetail(rows)
  })

  test('without a team inbox, to the force’s active managers who want it at once (not a weekly one, an inactive one or an officer)', async () => {
    const itemId = await newItem(forceWithout.id)
    const rows = await outboxFor({ dedupeKey: { startsWith: `intelligence-received:${itemId}:` } })
    expect(rows.map((r) => r.to)).toEqual([pmNow.email])
    expect([pmWeekly.email, pmInactive.email, forceOfficer.email]).not.toContain(rows[0]!.to)
    expect(rows[0]).toMatchObject({ userId: pmNow.id, organisationId: null, dedupeKey: notificationKeys.intelligenceReceived(itemId, `user:${pmNow.id}`) })
    expectNoVictimDetail(rows)
  })

  test('queued once: asking again queues nothing', async () => {
    const itemId = await newItem(forceWithInbox.id)
    const prisma = await db()
    expect(await prisma.$transaction((tx) => notifyIntelligenceReceived(tx, itemId))).toBe(0)
    expect(await outboxFor({ dedupeKey: { startsWith: `intelligence-received:${itemId}:` } })).toHaveLength(1)
  })

  test('a change that rolls back leaves no email (and no item) behind', async () => {
    const prisma = await db()
    // The second manager's row cannot be written: the whole change, the first email included, rolls back.
    const blocked = actor(await createUser({ role: 'manager', organisationId: forceWithout.id, email: 'blocked-manager@force-b.example' }))
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION notify_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."to" = 'blocked-manager@force-b.example' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
        RETURN NEW;
      END $$`)
    await prisma.$executeRawUnsafe(`CREATE TRIGGER notify_test_refuse AFTER INSERT ON "OutboxEmail" FOR EACH ROW EXECUTE FUNCTION notify_test_refuse()`)
    try {
      const key = newItemKey()
      await expect(createIntelligenceItem(author, victimId, { visitId }, item(forceWithout.id), key, ip)).rejects.toThrow()
      expect(await prisma.intelligenceItem.findUnique({ where: { id: key } })).toBeNull()
      expect(await outboxFor({ dedupeKey: { startsWith: `intelligence-received:${key}:` } })).toEqual([])
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER notify_test_refuse ON "OutboxEmail"`)
      await prisma.user.update({ where: { id: blocked.id }, data: { active: false } })
    }
  })
})

describe('referrals', () => {
  test('received: to the receiving organisation’s team inbox, with the pseudonymous reference and a link', async () => {
    const referralId = await newReferral(serviceAdvocate, toInbox)
    const rows = await outboxFor({ dedupeKey: { startsWith: `referral:${referralId}:` } })
    expect(rows).toHaveLength(1)
    const victim = await (await db()).victim.findUniqueOrThrow({ where: { id: victimId } })
    expect(rows[0]).toMatchObject({
      to: 'referrals@receiver-one.example',
      template: 'referral-update',
      kind: 'referrals',
      organisationId: toInbox.id,
      dedupeKey: notificationKeys.referral(referralId, 'received', `inbox:${toInbox.id}`),
    })
    expect(rows[0]!.props).toEqual({
      state: 'received',
      reference: victim.reference,
      service: 'Counselling and pre-trial therapy',
      from: service.name,
      to: toInbox.name,
      url: expect.stringMatching(new RegExp(`/referrals/${referralId}$`)),
    })
    expect(rows[0]!.subject).toContain(victim.reference)
    expectNoVictimDetail(rows)
  })

  test('received, no team inbox: to its active managers who want it at once (not a daily one, not an advocate)', async () => {
    const referralId = await newReferral(serviceAdvocate, toManagers)
    const rows = await outboxFor({ dedupeKey: { startsWith: `referral:${referralId}:` } })
    expect(rows.map((r) => r.to)).toEqual([receiverNow.email])
    expect(rows[0]!.userId).toBe(receiverNow.id)
    expect([receiverDaily.email, receiverAdvocate.email]).not.toContain(rows[0]!.to)
  })

  test('accepted: to the referrer and the referring organisation’s team inbox', async () => {
    const referralId = await newReferral(serviceAdvocate, toInbox)
    const result = await changeReferral(inboxReceiver, referralId, 'accept', { version: 1 }, ip)
    expect(result).toEqual({ ok: true, status: 'accepted' })
    const rows = await outboxFor({ dedupeKey: { startsWith: `referral:${referralId}:accepted:` } })
    expect(rows.map((r) => r.to).sort()).toEqual([serviceAdvocate.email, 'team@service.example'].sort())
    expect(rows.find((r) => r.to === serviceAdvocate.email)).toMatchObject({ userId: serviceAdvocate.id })
    expect(rows.every((r) => (r.props as { state: string }).state === 'accepted')).toBe(true)
    expectNoVictimDetail(rows)
  })

  test('declined: the referrer who chose a weekly summary gets no email now; the team inbox does; the reason is never in it', async () => {
    const referralId = await newReferral(weeklyAdvocate, toManagers)
    const result = await changeReferral(receiverNow, referralId, 'decline', { version: 1, reason: DECLINE_REASON }, ip)
    expect(result).toEqual({ ok: true, status: 'declined' })
    const rows = await outboxFor({ dedupeKey: { startsWith: `referral:${referralId}:declined:` } })
    expect(rows.map((r) => r.to)).toEqual(['team@service.example'])
    expect((rows[0]!.props as { state: string }).state).toBe('declined')
    expectNoVictimDetail(rows)
  })

  test('other changes (making it active, withdrawing) email nobody', async () => {
    const referralId = await newReferral(serviceAdvocate, toInbox)
    expect(await changeReferral(serviceAdvocate, referralId, 'withdraw', { version: 1, reason: 'Invented: made by mistake' }, ip)).toMatchObject({ ok: true })
    expect(await outboxFor({ dedupeKey: { startsWith: `referral:${referralId}:` } })).toHaveLength(1)
  })

  test('queued once per state and recipient; a rolled-back change leaves no row', async () => {
    const referralId = await newReferral(serviceAdvocate, toInbox)
    const prisma = await db()
    expect(await prisma.$transaction((tx) => notifyReferral(tx, referralId, 'received'))).toBe(0)
    await expect(
      prisma.$transaction(async (tx) => {
        expect(await notifyReferral(tx, referralId, 'accepted')).toBe(2)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await outboxFor({ dedupeKey: { startsWith: `referral:${referralId}:accepted:` } })).toEqual([])
    expect(await outboxFor({ dedupeKey: { startsWith: `referral:${referralId}:` } })).toHaveLength(1)
  })
})
