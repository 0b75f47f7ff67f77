// Stored Victims' Code entitlements through the real services and database: rows written in the
// same transaction as the journal event, met by a contact, withdrawn when the event is corrected,
// due → overdue decided at read time, and the victim page's checklist and "record that the
// victim was told". Dates are fixed in November 2026 (Tuesday 10th, Wednesday 11th...).
import { beforeAll, describe, expect, test } from 'vitest'
import { unlinkVictim, updateCase } from '~/services/cases.server'
import { recordContact } from '~/services/contacts.server'
import { db } from '~/services/db.server'
import { entitlementStatusNow } from '~/services/entitlements.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { getCaseOpenEntitlements } from '~/services/case-entitlements.server'
import { owedByMyOrganisation } from '~/services/compliance.server'
import { getVictimEntitlements, recordToldForEntitlement } from '~/services/victim-entitlements.server'
import { allocate, createCase, createOrganisation, createUser, createVictim, linkVictimToCase } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.9'
let keySeq = 0
const key = () => `ent-key-${++keySeq}`

let officer: A, advocate: A, otherAdvocate: A, admin: A
let policeId: string
let caseId: string, victimId: string, secondVictimId: string, suspectA: string, suspectB: string

async function rows(where: { triggerEventId?: string; victimId?: string } = {}) {
  const prisma = await db()
  return prisma.entitlement.findMany({
    where: { caseId, ...where },
    orderBy: [{ victimId: 'asc' }, { ruleId: 'asc' }],
  })
}

async function record(a: A, input: Record<string, unknown>) {
  const result = await recordJourneyEvent(a, caseId, { details: {}, ...input }, key(), ip)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.eventId
}

beforeAll(async () => {
  const prisma = await db()
  const police = await createOrganisation({ kind: 'police' })
  policeId = police.id
  const service = await createOrganisation({ kind: 'voluntary' })
  const otherService = await createOrganisation({ kind: 'voluntary' })
  officer = actor(await createUser({ role: 'officer', organisationId: police.id }))
  advocate = actor(await createUser({ role: 'advocate', organisationId: service.id }))
  otherAdvocate = actor(await createUser({ role: 'advocate', organisationId: otherService.id }))
  admin = actor(await createUser({ role: 'admin', organisationId: police.id }))
  caseId = (await createCase({ policeOrganisationId: police.id, stage: 'reported' })).id
  // Under 18 at the offence (no offences recorded: the first event's date counts): enhanced, 1 working day.
  victimId = (
    await createVictim({
      caseIds: [caseId],
      dateOfBirth: new Date('2011-05-17'),
    })
  ).id
  // An adult with no other ground: standard, 5 working days.
  secondVictimId = (
    await createVictim({
      caseIds: [caseId],
      dateOfBirth: new Date('1990-01-01'),
    })
  ).id
  await allocate({
    caseId,
    userId: officer.id,
    organisationId: police.id,
    kind: 'oic',
  })
  await allocate({
    victimId,
    userId: advocate.id,
    organisationId: service.id,
    kind: 'lead_advocate',
  })
  suspectA = (await prisma.defendant.create({ data: { caseId, label: 'Suspect A' } })).id
  suspectB = (await prisma.defendant.create({ data: { caseId, label: 'Suspect B' } })).id
})

describe('stored entitlements', () => {
  let arrestId: string

  test('recording an arrest writes each victim’s Right 6 entitlement, owed by the force on the case', async () => {
    arrestId = await record(officer, {
      type: 'suspect_arrested',
      occurredAt: new Date('2026-11-10T10:00:00Z'),
      defendantId: suspectA,
    })
    const written = await rows({ triggerEventId: arrestId })
    expect(
      written.map((r) => ({
        victim: r.victimId,
        rule: r.ruleId,
        right: r.right,
        due: r.dueBy.toISOString().slice(0, 10),
        owedBy: r.owedBy,
        org: r.owedByOrganisationId,
        status: r.status,
        defendant: r.defendantId,
      })),
    ).toEqual(
      [
        {
          victim: victimId,
          rule: 'r06_suspect_arrested',
          right: 6,
          due: '2026-11-11',
          owedBy: 'police',
          org: policeId,
          status: 'open',
          defendant: suspectA,
        },
        {
          victim: secondVictimId,
          rule: 'r06_suspect_arrested',
          right: 6,
          due: '2026-11-17',
          owedBy: 'police',
          org: policeId,
          status: 'open',
          defendant: suspectA,
        },
      ].sort((a, b) => (a.victim < b.victim ? -1 : 1)),
    )
    // dueAt is the end of the due day in London (GMT in November).
    expect(written.find((r) => r.victimId === victimId)!.dueAt.toISOString()).toBe('2026-11-12T00:00:00.000Z')
  })

  test('the rows are written in the same transaction as the event: if they cannot be, the event is not saved either', async () => {
    const prisma = await db()
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION refuse_entitlement() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'entitlements refused for the test'; END $$ LANGUAGE plpgsql`,
    )
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_entitlement BEFORE INSERT ON "Entitlement" FOR EACH ROW EXECUTE FUNCTION refuse_entitlement()`)
    const before = await prisma.journeyEvent.count({ where: { caseId } })
    try {
      await expect(
        record(officer, {
          type: 'suspect_arrested',
          occurredAt: new Date('2026-11-10T11:00:00Z'),
          defendantId: suspectB,
        }),
      ).rejects.toThrow()
      expect(await prisma.journeyEvent.count({ where: { caseId } })).toBe(before)
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_entitlement ON "Entitlement"`)
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_entitlement()`)
    }
  })

  test('a contact about the arrest marks it met (on time for one victim, late for the other)', async () => {
    const onTime = await recordContact(
      advocate,
      victimId,
      {
        contactedAt: new Date('2026-11-11T16:30:00Z'),
        method: 'phone',
        withWhom: 'victim',
        summary: 'Told of the arrest',
        eventIds: [arrestId],
      },
      key(),
      ip,
    )
    expect(onTime.ok).toBe(true)
    const late = await recordContact(
      officer,
      secondVictimId,
      {
        contactedAt: new Date('2026-11-18T09:00:00Z'),
        method: 'in_person',
        withWhom: 'victim',
        summary: 'Told of the arrest',
        eventIds: [arrestId],
      },
      key(),
      ip,
    )
    expect(late.ok).toBe(true)
    const [mine, theirs] = [(await rows({ victimId, triggerEventId: arrestId }))[0]!, (await rows({ victimId: secondVictimId, triggerEventId: arrestId }))[0]!]
    expect(mine).toMatchObject({
      status: 'met',
      metAt: new Date('2026-11-11T16:30:00Z'),
      metByContactId: onTime.ok ? onTime.contactId : '',
    })
    expect(theirs).toMatchObject({
      status: 'met_late',
      metAt: new Date('2026-11-18T09:00:00Z'),
    })
  })

  test('correcting the arrest withdraws its entitlements; the correction owes its own, already met by the earlier contact', async () => {
    const corrected = await record(officer, {
      type: 'suspect_arrested',
      occurredAt: new Date('2026-11-10T08:00:00Z'),
      defendantId: suspectA,
      supersedesId: arrestId,
      correctionReason: 'The custody record shows an earlier time',
    })
    const old = await rows({ triggerEventId: arrestId })
    expect(old).toHaveLength(2)
    expect(old.every((r) => r.withdrawnAt !== null)).toBe(true)
    const now = await rows({ triggerEventId: corrected })
    expect(now.map((r) => [r.victimId, r.status]).sort()).toEqual(
      [
        [victimId, 'met'],
        [secondVictimId, 'met_late'],
      ].sort(),
    )
    // Withdrawn rows are not on the victim page.
    const checklist = await getVictimEntitlements(advocate, victimId)
    const ids = checklist.rights.flatMap((g) => g.entitlements.map((e) => e.id))
    expect(ids).not.toContain(old.find((r) => r.victimId === victimId)!.id)
  })

  test('an open entitlement is due until the end of its due day in London, overdue from then — decided when read', async () => {
    const bailed = await record(officer, {
      type: 'suspect_released_under_investigation',
      occurredAt: new Date('2026-11-13T17:00:00Z'),
      defendantId: suspectA,
    })
    const row = (await rows({ victimId, triggerEventId: bailed }))[0]!
    expect(row.ruleId).toBe('r06_suspect_bail_or_rui')
    // Friday 13th → the next working day is Monday 16th.
    expect(row.dueBy.toISOString().slice(0, 10)).toBe('2026-11-16')
    expect(entitlementStatusNow(row, new Date('2026-11-16T23:59:59Z'))).toBe('due')
    expect(entitlementStatusNow(row, new Date('2026-11-17T00:00:00Z'))).toBe('overdue')
    const checklist = await getVictimEntitlements(advocate, victimId, new Date('2026-11-16T09:00:00Z'))
    const shown = checklist.rights.find((g) => g.right === 6)!.entitlements.find((e) => e.id === row.id)!
    expect(shown).toMatchObject({
      status: 'due',
      dueToday: true,
      summary: 'Told of bail, release under investigation or changed bail conditions',
      owner: 'Police',
    })
  })

  test('a witness care entitlement is owed by the unit once the case names one', async () => {
    const prisma = await db()
    const cpsOrg = await createOrganisation({ kind: 'cps' })
    const wcu = await createOrganisation({ kind: 'witness_care' })
    const cps = actor(await createUser({ role: 'cps_liaison', organisationId: cpsOrg.id }))
    await prisma.case.update({
      where: { id: caseId },
      data: {
        cpsOrganisationId: cpsOrg.id,
        sentToCpsAt: new Date('2026-11-14T10:00:00Z'),
      },
    })
    const listing = await recordJourneyEvent(
      cps,
      caseId,
      {
        type: 'hearing_listed',
        occurredAt: new Date('2026-11-19T10:00:00Z'),
        details: {
          hearingType: 'first_hearing',
          hearingAt: new Date('2026-12-10T10:00:00Z'),
          court: 'Northmoor Magistrates’ Court',
        },
      },
      key(),
      ip,
    )
    expect(listing, JSON.stringify(listing)).toMatchObject({ ok: true })
    const listingId = listing.ok ? listing.eventId : ''
    expect((await rows({ triggerEventId: listingId })).map((r) => [r.ruleId, r.owedBy, r.owedByOrganisationId])).toEqual([
      ['r08_hearing_dates', 'witness_care', null],
      ['r08_hearing_dates', 'witness_care', null],
    ])
    const version = (await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version
    expect(
      await updateCase(
        officer,
        caseId,
        {
          version,
          cpsOrganisationId: cpsOrg.id,
          witnessCareOrganisationId: wcu.id,
        },
        ip,
      ),
    ).toEqual({ ok: true })
    expect((await rows({ triggerEventId: listingId })).map((r) => r.owedByOrganisationId)).toEqual([wcu.id, wcu.id])
  })

  test('unlinking a victim from the case withdraws their entitlements there', async () => {
    const extra = await createVictim({ dateOfBirth: new Date('2012-02-02') })
    await linkVictimToCase(extra.id, caseId)
    await record(officer, {
      type: 'suspect_interviewed',
      occurredAt: new Date('2026-11-20T10:00:00Z'),
      defendantId: suspectB,
      details: { interviewType: 'voluntary' },
    })
    expect((await rows({ victimId: extra.id })).length).toBeGreaterThan(0)
    expect(await unlinkVictim(officer, caseId, extra.id, ip)).toEqual({
      ok: true,
    })
    expect((await rows({ victimId: extra.id })).every((r) => r.withdrawnAt !== null)).toBe(true)
  })
})

describe('the victim page checklist and “record that the victim was told”', () => {
  test('groups by right with the right’s title, trigger and owner', async () => {
    const checklist = await getVictimEntitlements(advocate, victimId)
    const right6 = checklist.rights.find((g) => g.right === 6)!
    expect(right6.title).toBe('To be provided with information about the investigation and prosecution')
    expect(right6.entitlements[0]).toMatchObject({
      trigger: { title: 'Suspect arrested', defendant: 'Suspect A' },
      owner: 'Police',
    })
    expect(checklist.canRecordContact).toBe(true)
  })

  test('one step records a contact about the trigger, and the entitlement is met', async () => {
    const prisma = await db()
    const open = (await rows({ victimId })).find((r) => r.status === 'open' && !r.withdrawnAt && r.ruleId === 'r06_suspect_interviewed')!
    const result = await recordToldForEntitlement(advocate, victimId, open.id, { method: 'phone', withWhom: 'parent_or_guardian' }, key(), ip)
    expect(result).toMatchObject({ ok: true, duplicate: false })
    const contact = await prisma.contact.findUniqueOrThrow({
      where: { id: result.ok ? result.contactId : '' },
      include: { events: true },
    })
    expect(contact).toMatchObject({
      method: 'phone',
      withWhom: 'parent_or_guardian',
      summary: 'Told the suspect was interviewed under caution',
      byUserId: advocate.id,
    })
    expect(contact.events.map((e) => e.eventId)).toEqual([open.triggerEventId])
    const after = await prisma.entitlement.findUniqueOrThrow({
      where: { id: open.id },
    })
    expect(after.metByContactId).toBe(contact.id)
    expect(['met', 'met_late']).toContain(after.status)
  })

  test('those who may not see the victim are refused; another victim’s entitlement is not found', async () => {
    const any = (await rows({ victimId }))[0]!
    expect(await status(() => getVictimEntitlements(otherAdvocate, victimId))).toBe(404)
    expect(await status(() => getVictimEntitlements(admin, victimId))).toBe(404)
    expect(await status(() => recordToldForEntitlement(otherAdvocate, victimId, any.id, { method: 'phone', withWhom: 'victim' }, key(), ip))).toBe(404)
    const theirs = (await rows({ victimId: secondVictimId }))[0]!
    expect(await status(() => recordToldForEntitlement(advocate, victimId, theirs.id, { method: 'phone', withWhom: 'victim' }, key(), ip))).toBe(404)
  })
})

describe('the case page’s “still owed to victims”', () => {
  test('open entitlements of the victims this user may see, soonest first', async () => {
    const forOfficer = await getCaseOpenEntitlements(officer, caseId, new Date('2026-11-20T12:00:00Z'))
    expect(forOfficer.length).toBeGreaterThan(0)
    expect(new Set(forOfficer.map((o) => o.victimId))).toEqual(new Set([victimId, secondVictimId]))
    expect(forOfficer.map((o) => new Date(o.dueBy).getTime())).toEqual([...forOfficer.map((o) => new Date(o.dueBy).getTime())].sort((a, b) => a - b))
    expect(forOfficer.every((o) => o.status === 'due' || o.status === 'overdue')).toBe(true)
    // The advocate reaches the case through their own victim and sees only that victim's.
    const forAdvocate = await getCaseOpenEntitlements(advocate, caseId)
    expect(new Set(forAdvocate.map((o) => o.victimId))).toEqual(new Set([victimId]))
    expect(await status(() => getCaseOpenEntitlements(otherAdvocate, caseId))).toBe(404)
  })
})

describe('the home page’s “owed by your organisation”', () => {
  test('counts the open entitlements the force owes that are overdue or due today, and links to them', async () => {
    const prisma = await db()
    const now = new Date('2026-11-16T12:00:00Z')
    const owed = await owedByMyOrganisation(officer, now)
    const open = await prisma.entitlement.findMany({ where: { owedByOrganisationId: policeId, status: 'open', withdrawnAt: null } })
    const expectedOverdue = open.filter((r) => r.dueAt.getTime() <= now.getTime()).length
    const expectedToday = open.filter((r) => r.dueAt.getTime() > now.getTime() && r.dueBy.toISOString().slice(0, 10) === '2026-11-16').length
    expect(expectedOverdue + expectedToday).toBeGreaterThan(0)
    expect(owed).toMatchObject({ overdue: expectedOverdue, dueToday: expectedToday })
    expect(owed!.overdueHref).toContain(`status=overdue&org=${policeId}`)
    // Advocates work from each victim's checklist; a voluntary service owes nothing.
    expect(await owedByMyOrganisation(advocate, now)).toBeNull()
  })
})
