// The journal and contact log through the real services and database: ownership of event types,
// validation against the case, double submits, corrections, derived stage, append-only storage,
// and contacts that evidence what the victim was told.
import { beforeAll, describe, expect, test } from 'vitest'
import { recordContact, victimContacts } from '~/services/contacts.server'
import { db } from '~/services/db.server'
import { caseJournal, recordJourneyEvent } from '~/services/journal.server'
import { allocate, createCase, createOrganisation, createTeam, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor

let officer: A, advocate: A, cps: A, otherAdvocate: A
let caseId: string, victimId: string, suspectA: string, suspectB: string
const ip = '198.51.100.7'
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)
let keySeq = 0
const key = () => `test-key-${++keySeq}`

beforeAll(async () => {
  const prisma = await db()
  const team = await createTeam()
  const { police, cpsOrg, service } = team
  ;({ officer, cps, advocate } = team)
  const otherService = await createOrganisation({ kind: 'voluntary' })
  otherAdvocate = actor((await createUser({ role: 'advocate', organisationId: otherService.id })))
  const c = await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id, sentToCpsAt: daysAgo(20), stage: 'reported' })
  caseId = c.id
  const v = await createVictim({ caseIds: [caseId] })
  victimId = v.id
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  await allocate({ victimId, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
  suspectA = (await prisma.defendant.create({ data: { caseId, label: 'Suspect A' } })).id
  suspectB = (await prisma.defendant.create({ data: { caseId, label: 'Suspect B' } })).id
})

describe('recording journey events', () => {
  test('the officer records an arrest; the stage moves on and the change is audited', async () => {
    const prisma = await db()
    const result = await recordJourneyEvent(officer, caseId, { type: 'suspect_arrested', occurredAt: daysAgo(10), defendantId: suspectA, details: {} }, key(), ip)
    expect(result).toMatchObject({ ok: true, duplicate: false })
    // The case is as far on as its least advanced suspect: B has not been arrested yet.
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe('reported')
    await recordJourneyEvent(officer, caseId, { type: 'suspect_arrested', occurredAt: daysAgo(10), defendantId: suspectB, details: {} }, key(), ip)
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe('investigation')
    const row = await prisma.auditEvent.findFirst({ where: { action: 'journal.record', entityId: caseId } })
    expect(row?.actorId).toBe(officer.id)
  })

  test('an advocate cannot record a charge; CPS liaison can', async () => {
    const charge = { type: 'suspect_charged', occurredAt: daysAgo(5), defendantId: suspectA, details: { charges: [{ offence: 'Invented offence for testing' }], remandStatus: 'conditional_bail' } }
    expect(await status(() => recordJourneyEvent(advocate, caseId, charge, key(), ip))).toBe(403)
    const result = await recordJourneyEvent(cps, caseId, charge, key(), ip)
    expect(result.ok).toBe(true)
  })

  test('someone with no reason to see the case gets 404, whatever they send', async () => {
    expect(await status(() => recordJourneyEvent(otherAdvocate, caseId, { type: 'needs_assessment_completed' }, key(), ip))).toBe(404)
  })

  test('bad input: a future arrest and a defendant not on the case are field errors, and nothing is saved', async () => {
    const prisma = await db()
    const before = await prisma.journeyEvent.count({ where: { caseId } })
    const future = await recordJourneyEvent(officer, caseId, { type: 'suspect_arrested', occurredAt: daysAgo(-1), defendantId: suspectB, details: {} }, key(), ip)
    expect(future.ok).toBe(false)
    if (!future.ok) expect(future.issues.map((i) => i.path)).toContain('occurredAt')
    const stranger = await recordJourneyEvent(officer, caseId, { type: 'suspect_arrested', occurredAt: daysAgo(1), defendantId: 'not-on-this-case', details: {} }, key(), ip)
    expect(stranger.ok).toBe(false)
    if (!stranger.ok) expect(stranger.issues.map((i) => i.path)).toContain('defendantId')
    expect(await prisma.journeyEvent.count({ where: { caseId } })).toBe(before)
  })

  test('a sentence without a conviction is refused', async () => {
    const result = await recordJourneyEvent(cps, caseId, { type: 'sentenced', occurredAt: daysAgo(1), defendantId: suspectB, details: { otherDisposal: 'Invented' } }, key(), ip)
    expect(result.ok).toBe(false)
  })

  test('a double-submitted form creates one event', async () => {
    const k = key()
    const input = { type: 'suspect_interviewed', occurredAt: daysAgo(9), defendantId: suspectA, details: { interviewType: 'in_custody' } }
    const first = await recordJourneyEvent(officer, caseId, input, k, ip)
    const second = await recordJourneyEvent(officer, caseId, input, k, ip)
    expect(first.ok && second.ok && second.duplicate && first.eventId === second.eventId).toBe(true)
  })

  test('a correction supersedes an event once; the original stays, struck through, and cannot be edited', async () => {
    const wrong = await recordJourneyEvent(officer, caseId, { type: 'suspect_arrested', occurredAt: daysAgo(8), defendantId: suspectB, details: {} }, key(), ip)
    if (!wrong.ok) throw new Error('setup failed')
    const fix = await recordJourneyEvent(
      officer,
      caseId,
      { type: 'suspect_arrested', occurredAt: daysAgo(7), defendantId: suspectB, details: {}, supersedesId: wrong.eventId, correctionReason: 'Wrong date entered' },
      key(),
      ip,
    )
    expect(fix.ok).toBe(true)
    const again = await recordJourneyEvent(
      officer,
      caseId,
      { type: 'suspect_arrested', occurredAt: daysAgo(6), defendantId: suspectB, details: {}, supersedesId: wrong.eventId, correctionReason: 'Again' },
      key(),
      ip,
    )
    expect(again.ok).toBe(false)
    const journal = await caseJournal(officer, caseId)
    expect(journal.find((e) => e.id === wrong.eventId)?.superseded).toBe(true)
    const prisma = await db()
    await expect(prisma.journeyEvent.update({ where: { id: wrong.eventId }, data: { type: 'edited' } })).rejects.toThrow(/append-only/)
    await expect(prisma.journeyEvent.delete({ where: { id: wrong.eventId } })).rejects.toThrow(/append-only/)
  })
})

describe('the contact log', () => {
  test('the advocate logs telling the victim about the arrest, linked to the event', async () => {
    const journal = await caseJournal(advocate, caseId)
    const arrest = journal.find((e) => e.type === 'suspect_arrested')!
    const result = await recordContact(
      advocate,
      victimId,
      { contactedAt: daysAgo(9), method: 'in_person', withWhom: 'victim', summary: 'Explained that a suspect was arrested.', eventIds: [arrest.id] },
      key(),
      ip,
    )
    expect(result.ok).toBe(true)
    const contacts = await victimContacts(advocate, victimId)
    expect(contacts[0]?.events.map((e) => e.event.id)).toEqual([arrest.id])
  })

  test('a contact in the future or about another case’s event is refused', async () => {
    const future = await recordContact(advocate, victimId, { contactedAt: daysAgo(-2), method: 'phone', withWhom: 'victim', summary: 'x' }, key(), ip)
    expect(future.ok).toBe(false)
    const foreign = await recordContact(advocate, victimId, { contactedAt: daysAgo(1), method: 'phone', withWhom: 'victim', summary: 'x', eventIds: ['not-an-event'] }, key(), ip)
    expect(foreign.ok).toBe(false)
  })

  test('an advocate from another service cannot log a contact for this victim', async () => {
    expect(await status(() => recordContact(otherAdvocate, victimId, { contactedAt: daysAgo(1), method: 'phone', withWhom: 'victim', summary: 'x' }, key(), ip))).toBe(404)
  })
})
