// Right 12 complaints through the real services and database: recorded against an entitlement that
// an arrest created, taken through its stages in order, refused to people with no part in the
// victim's care, and safe against two people saving at once.
import { beforeAll, describe, expect, test } from 'vitest'
import { getComplaint, getComplaintForm, listComplaintsForVictim, recordComplaint, updateComplaint } from '~/services/complaints.server'
import { db } from '~/services/db.server'
import { arrestEntitlement, createTeam, createUser, createVictimOnCase, recordArrest } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor

let officer: A, advocate: A, cps: A, admin: A, otherAdvocate: A
let victimId: string, otherVictimId: string, entitlementId: string, otherEntitlementId: string
const ip = '198.51.100.12'
const day = (n: number) => {
  const d = new Date(Date.now() - n * 86_400_000)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}
const blank = {
  acknowledgedAt: null,
  respondedAt: null,
  outcome: null,
  outcomeNotes: null,
}

/** An arrest on a new case for a new victim: returns the victim and their Right 6 entitlement. */
async function victimWithArrest(police: string, lead: A) {
  const held = await createVictimOnCase({ case: { policeOrganisationId: police }, officerId: officer.id, advocateId: lead.id })
  await recordArrest(officer, held.caseId)
  return { victimId: held.victimId, entitlementId: (await arrestEntitlement(held.victimId)).id }
}

beforeAll(async () => {
  const team = await createTeam()
  const { police } = team
  ;({ officer, cps, advocate } = team)
  otherAdvocate = actor(await createUser({ role: 'advocate' }))
  admin = actor(await createUser({ role: 'admin' }))
  ;({ victimId, entitlementId } = await victimWithArrest(police.id, advocate))
  ;({ victimId: otherVictimId, entitlementId: otherEntitlementId } = await victimWithArrest(police.id, otherAdvocate))
})

describe('recording a complaint', () => {
  test('the form names the entitlement: Right 6, told of the arrest, its due date and status', async () => {
    const form = await getComplaintForm(advocate, victimId, entitlementId)
    expect(form.entitlement).toMatchObject({
      right: 6,
      ruleId: 'r06_suspect_arrested',
      status: 'overdue',
      trigger: { type: 'suspect_arrested' },
    })
    expect(form.entitlement.summary).toMatch(/arrest/i)
  })

  test('the lead advocate records one; it is audited without its words', async () => {
    const prisma = await db()
    const result = await recordComplaint(
      advocate,
      victimId,
      entitlementId,
      {
        receivedAt: day(3),
        summary: 'Invented: not told of the arrest for two weeks.',
      },
      ip,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const row = await prisma.complaint.findUniqueOrThrow({
      where: { id: result.complaintId },
    })
    expect(row).toMatchObject({
      victimId,
      entitlementId,
      recordedById: advocate.id,
      version: 1,
      acknowledgedAt: null,
      outcome: null,
    })
    const logged = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'complaint.record', entityId: victimId },
      orderBy: { seq: 'desc' },
    })
    expect(logged.actorId).toBe(advocate.id)
    expect(logged.details).toEqual({
      complaintId: result.complaintId,
      entitlementId,
      ruleId: 'r06_suspect_arrested',
      right: 6,
    })
    expect(JSON.stringify(logged.details)).not.toMatch(/two weeks/)
  })

  test('the officer on the case may record one too (anyone who may log a contact)', async () => {
    expect((await recordComplaint(officer, victimId, entitlementId, { receivedAt: day(1), summary: 'Invented: second complaint.' }, ip)).ok).toBe(true)
  })

  test('a future received date and an empty summary are field errors; nothing is saved', async () => {
    const prisma = await db()
    const before = await prisma.complaint.count()
    const future = await recordComplaint(advocate, victimId, entitlementId, { receivedAt: day(-2), summary: 'x' }, ip)
    expect(future).toEqual({
      ok: false,
      issues: [
        {
          path: 'receivedAt',
          message: 'The date the complaint was received must be today or in the past',
        },
      ],
    })
    const empty = await recordComplaint(advocate, victimId, entitlementId, { receivedAt: day(1), summary: '   ' }, ip)
    expect(empty.ok === false && empty.issues.map((i) => i.path)).toEqual(['summary'])
    expect(await prisma.complaint.count()).toBe(before)
  })

  test('an entitlement of another victim is not found', async () => {
    expect(await status(() => getComplaintForm(advocate, victimId, otherEntitlementId))).toBe(404)
    expect(await status(() => recordComplaint(advocate, victimId, otherEntitlementId, { receivedAt: day(1), summary: 'x' }, ip))).toBe(404)
    expect(await status(() => getComplaintForm(advocate, victimId, 'no-such-entitlement'))).toBe(404)
  })

  test('an administrator and an advocate with no reason to see the victim are refused', async () => {
    for (const who of [admin, otherAdvocate]) {
      expect(await status(() => getComplaintForm(who, victimId, entitlementId))).toBe(404)
      expect(await status(() => recordComplaint(who, victimId, entitlementId, { receivedAt: day(1), summary: 'x' }, ip))).toBe(404)
      expect(await status(() => listComplaintsForVictim(who, victimId))).toBe(404)
    }
    // CPS liaison cannot see a case that was never sent to CPS.
    expect(await status(() => getComplaintForm(cps, victimId, entitlementId))).toBe(404)
  })
})

describe('the stages', () => {
  let complaintId: string
  beforeAll(async () => {
    const r = await recordComplaint(advocate, victimId, entitlementId, { receivedAt: day(10), summary: 'Invented: stages test.' }, ip)
    if (!r.ok) throw new Error('setup failed')
    complaintId = r.complaintId
  })

  test('out of order: acknowledged before received, responded before acknowledged, an outcome with no response', async () => {
    const early = await updateComplaint(advocate, victimId, complaintId, { ...blank, acknowledgedAt: day(11) }, 1, ip)
    expect(early.ok === false && 'issues' in early && early.issues.map((i) => i.path)).toEqual(['acknowledgedAt'])
    const backwards = await updateComplaint(advocate, victimId, complaintId, { ...blank, acknowledgedAt: day(8), respondedAt: day(9) }, 1, ip)
    expect(backwards.ok === false && 'issues' in backwards && backwards.issues.map((i) => i.path)).toEqual(['respondedAt'])
    const noResponse = await updateComplaint(advocate, victimId, complaintId, { ...blank, acknowledgedAt: day(8), outcome: 'upheld' }, 1, ip)
    expect(noResponse.ok === false && 'issues' in noResponse && noResponse.issues.map((i) => i.path)).toEqual(['respondedAt'])
    const future = await updateComplaint(advocate, victimId, complaintId, { ...blank, acknowledgedAt: day(-2) }, 1, ip)
    expect(future.ok === false && 'issues' in future && future.issues[0]?.message).toMatch(/today or in the past/)
    expect((await (await db()).complaint.findUniqueOrThrow({ where: { id: complaintId } })).version).toBe(1)
  })

  test('in order, step by step; each save audited with the fields changed', async () => {
    const prisma = await db()
    expect(await updateComplaint(advocate, victimId, complaintId, { ...blank, acknowledgedAt: day(9) }, 1, ip)).toEqual({
      ok: true,
      changed: ['acknowledgedAt'],
    })
    const closed = await updateComplaint(
      officer,
      victimId,
      complaintId,
      {
        acknowledgedAt: day(9),
        respondedAt: day(2),
        outcome: 'partly_upheld',
        outcomeNotes: 'Invented: apology and a reminder to the team.',
      },
      2,
      ip,
    )
    expect(closed).toEqual({
      ok: true,
      changed: ['respondedAt', 'outcome', 'outcomeNotes'],
    })
    const logged = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'complaint.update', entityId: victimId },
      orderBy: { seq: 'desc' },
    })
    expect(logged.details).toEqual({
      complaintId,
      entitlementId,
      fields: ['respondedAt', 'outcome', 'outcomeNotes'],
      stage: 'closed',
      fromVersion: 2,
      toVersion: 3,
    })
    expect(JSON.stringify(logged.details)).not.toMatch(/apology/)
    const view = await getComplaint(advocate, victimId, complaintId, ip)
    expect(view).toMatchObject({
      canUpdate: true,
      complaint: {
        statusLabel: 'Closed: Partly upheld',
        version: 3,
        entitlement: { right: 6 },
      },
    })
    // Saving the same answers again changes nothing and writes nothing.
    expect(
      await updateComplaint(
        advocate,
        victimId,
        complaintId,
        {
          acknowledgedAt: day(9),
          respondedAt: day(2),
          outcome: 'partly_upheld',
          outcomeNotes: 'Invented: apology and a reminder to the team.',
        },
        3,
        ip,
      ),
    ).toEqual({
      ok: true,
      changed: [],
    })
  })

  test('withdrawn is allowed at any stage', async () => {
    const r = await recordComplaint(advocate, victimId, entitlementId, { receivedAt: day(4), summary: 'Invented: withdrawn later.' }, ip)
    if (!r.ok) throw new Error('setup failed')
    expect((await updateComplaint(advocate, victimId, r.complaintId, { ...blank, outcome: 'withdrawn' }, 1, ip)).ok).toBe(true)
  })

  test('two people saving the same version: the second is told, and nothing of theirs is written', async () => {
    const prisma = await db()
    const r = await recordComplaint(advocate, victimId, entitlementId, { receivedAt: day(6), summary: 'Invented: conflict test.' }, ip)
    if (!r.ok) throw new Error('setup failed')
    expect((await updateComplaint(advocate, victimId, r.complaintId, { ...blank, acknowledgedAt: day(5) }, 1, ip)).ok).toBe(true)
    const late = await updateComplaint(officer, victimId, r.complaintId, { ...blank, acknowledgedAt: day(4) }, 1, ip)
    expect(late).toEqual({
      ok: false,
      conflict: {
        current: { ...blank, acknowledgedAt: day(5) },
        currentVersion: 2,
      },
    })
    const row = await prisma.complaint.findUniqueOrThrow({
      where: { id: r.complaintId },
    })
    expect(row).toMatchObject({ acknowledgedAt: day(5), version: 2 })
    // Racing: both read version 2, only one write lands.
    const both = await Promise.all([
      updateComplaint(advocate, victimId, r.complaintId, { ...blank, acknowledgedAt: day(5), respondedAt: day(3) }, 2, ip),
      updateComplaint(officer, victimId, r.complaintId, { ...blank, acknowledgedAt: day(5), respondedAt: day(2) }, 2, ip),
    ])
    expect(both.filter((b) => b.ok)).toHaveLength(1)
    expect(
      (
        await prisma.complaint.findUniqueOrThrow({
          where: { id: r.complaintId },
        })
      ).version,
    ).toBe(3)
  })

  test('refused: an administrator, an advocate with no reason to see the victim, and another victim’s complaint', async () => {
    for (const who of [admin, otherAdvocate]) {
      expect(await status(() => updateComplaint(who, victimId, complaintId, blank, 3, ip))).toBe(404)
      expect(await status(() => getComplaint(who, victimId, complaintId, ip))).toBe(404)
    }
    expect(await status(() => updateComplaint(otherAdvocate, otherVictimId, complaintId, blank, 3, ip))).toBe(404)
    expect(await status(() => getComplaint(advocate, otherVictimId, complaintId, ip))).toBe(404)
  })
})

test('the victim page’s list: each complaint with its entitlement', async () => {
  const list = await listComplaintsForVictim(advocate, victimId)
  expect(list.length).toBeGreaterThanOrEqual(4)
  expect(list[0]!.entitlement).toMatchObject({
    ruleId: 'r06_suspect_arrested',
    right: 6,
    trigger: { type: 'suspect_arrested' },
  })
  expect(list[0]!.entitlement.dueBy).toBeInstanceOf(Date)
  // Newest received first.
  const received = list.map((c) => c.receivedAt.getTime())
  expect(received).toEqual([...received].sort((a, b) => b - a))
  expect(await listComplaintsForVictim(otherAdvocate, otherVictimId)).toEqual([])
})
