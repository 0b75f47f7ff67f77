// Cases against a real database: creating a case with its victims, offences, suspects and officer
// in charge in one transaction; duplicate and double-submitted crime references; optimistic
// concurrency on edits; allocations (ending one removes access at once); who may do what.
import { describe, expect, test } from 'vitest'
import { allocate, createCase as factoryCase, createOrganisation, createUser, createVictim, unique } from '#tests/setup/world'
import type { Actor } from '~/domain/access/policy'
import type { NewCaseInput } from '~/domain/cases/schemas'
import { requireCaseAccess } from '~/services/access.server'
import { allocateToCase, allocateToVictim, endCaseAllocation, getCaseAllocations } from '~/services/allocations.server'
import { listCases } from '~/services/caseload.server'
import {
  addSuspect,
  createCase,
  DUPLICATE_CRIME_REFERENCE,
  getCaseForView,
  linkVictim,
  unlinkVictim,
  updateCase,
} from '~/services/cases.server'
import { db } from '~/services/db.server'

const IP = '192.0.2.10'
type TestActor = Actor & { email: string }

async function actor(role: Actor['role'], organisationId?: string): Promise<TestActor> {
  const u = await createUser({ role, organisationId })
  return { id: u.id, role, organisationId: u.organisationId, email: u.email }
}

/** A police force with an officer who can see two victims (allocated to them). */
async function force() {
  const police = await createOrganisation({ kind: 'police' })
  const officer = await actor('officer', police.id)
  const v1 = await createVictim()
  const v2 = await createVictim()
  await allocate({ victimId: v1.id, userId: officer.id, kind: 'oic' })
  await allocate({ victimId: v2.id, userId: officer.id, kind: 'oic' })
  return { police, officer, v1, v2 }
}

const input = (victimIds: string[], over: Partial<NewCaseInput> = {}): NewCaseInput => ({
  crimeReference: `NM/26/${unique('').toUpperCase()}`,
  offences: [
    { description: 'Sexual activity with a child', category: 'sexual_activity_with_child', sexual: true, committedFrom: new Date('2025-03-01'), committedTo: null },
    { description: 'Arranging child sexual exploitation', category: 'child_sexual_exploitation', sexual: true, committedFrom: new Date('2025-01-01'), committedTo: new Date('2025-04-30') },
  ],
  victimIds,
  suspectCount: 2,
  ...over,
})

const expectStatus = async (p: Promise<unknown>, status: number) => {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === status)
}

describe('creating a case', () => {
  test('two victims, two offences, two suspects and the creator as OIC, in one audited transaction', async () => {
    const { officer, v1, v2, police } = await force()
    const result = await createCase(officer, input([v1.id, v2.id]), IP)
    expect(result).toMatchObject({ ok: true, repeated: false })
    if (!result.ok) return
    const prisma = await db()
    const c = await prisma.case.findUniqueOrThrow({
      where: { id: result.id },
      include: { victims: true, offences: true, defendants: { orderBy: { label: 'asc' } }, allocations: true },
    })
    expect(c.policeOrganisationId).toBe(police.id)
    expect(c.victims.map((v) => v.victimId).sort()).toEqual([v1.id, v2.id].sort())
    expect(c.offences).toHaveLength(2)
    expect(c.defendants.map((d) => d.label)).toEqual(['Suspect A', 'Suspect B'])
    expect(c.allocations).toMatchObject([{ kind: 'oic', userId: officer.id, organisationId: police.id, endedAt: null }])
    const audits = await prisma.auditEvent.findMany({ where: { action: 'case.create', entityId: c.id } })
    expect(audits).toHaveLength(1)
    // The officer now sees it on their home page list and can open it.
    const mine = await listCases(officer, { mine: true })
    expect(mine.rows.map((r) => r.id)).toContain(c.id)
    const view = await getCaseForView(officer, c.id, IP)
    expect(view.case.defendants).toHaveLength(2)
    expect(view.victims).toHaveLength(2)
    expect(view.access).toEqual({ canUpdate: true, canAllocate: true })
  })

  test('a duplicate crime reference is refused and leaves nothing behind; the same user within a minute lands on the case', async () => {
    const { officer, v1, v2, police } = await force()
    const first = await createCase(officer, input([v1.id]), IP)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const prisma = await db()
    const ref = (await prisma.case.findUniqueOrThrow({ where: { id: first.id } })).crimeReference
    const counts = async () => ({
      cases: await prisma.case.count(),
      offences: await prisma.offence.count(),
      defendants: await prisma.defendant.count(),
      allocations: await prisma.allocation.count(),
      links: await prisma.victimCase.count(),
      audits: await prisma.auditEvent.count({ where: { action: 'case.create' } }),
    })
    const other = await actor('officer', police.id)
    await allocate({ victimId: v2.id, userId: other.id, kind: 'oic' })
    const before = await counts()
    // Double submit by the same officer: the same case, nothing new.
    expect(await createCase(officer, input([v1.id], { crimeReference: ref }), IP)).toEqual({ ok: true, id: first.id, repeated: true })
    // Another officer of the force using the same reference: a field error.
    expect(await createCase(other, input([v2.id], { crimeReference: ref }), IP)).toEqual({
      ok: false,
      field: 'crimeReference',
      message: DUPLICATE_CRIME_REFERENCE,
    })
    expect(await counts()).toEqual(before)
  })

  test('victims the creator cannot see are refused; only officers and police managers of the force create', async () => {
    const { officer, v1 } = await force()
    const stranger = await createVictim()
    expect(await createCase(officer, input([v1.id, stranger.id]), IP)).toMatchObject({ ok: false, field: 'victimIds' })
    // A manager of a support service (actor's default organisation) has no force to open a case for.
    for (const role of ['advocate', 'cps_liaison', 'admin', 'manager'] as const) {
      expect(await createCase(await actor(role), input([v1.id]), IP)).toMatchObject({ ok: false, status: 403 })
    }
    const prisma = await db()
    expect(await prisma.case.count({ where: { victims: { some: { victimId: stranger.id } } } })).toBe(0)
  })
})

describe('editing a case', () => {
  test('version conflict detected: the second save is refused with what changed, then succeeds on the new version', async () => {
    const { officer, v1, police } = await force()
    const created = await createCase(officer, input([v1.id]), IP)
    if (!created.ok) throw new Error('create failed')
    const colleague = await actor('officer', police.id)
    await allocate({ caseId: created.id, userId: colleague.id, kind: 'oic' })
    const cps = await createOrganisation({ kind: 'cps' })
    expect(await updateCase(officer, created.id, { version: 1, cpsUrn: '42NM0958326', cpsOrganisationId: cps.id, summary: 'First' }, IP)).toEqual({ ok: true })
    const conflict = await updateCase(colleague, created.id, { version: 1, summary: 'Second' }, IP)
    expect(conflict).toMatchObject({ ok: false, conflict: true, saved: { version: 2, summary: 'First', cpsUrn: '42NM0958326' } })
    if (conflict.ok || !conflict.conflict) return
    expect(conflict.changed).toEqual(['cpsUrn', 'cpsOrganisationId', 'summary'])
    const prisma = await db()
    expect((await prisma.case.findUniqueOrThrow({ where: { id: created.id } })).summary).toBe('First')
    expect(await updateCase(colleague, created.id, { version: 2, cpsUrn: '42NM0958326', cpsOrganisationId: cps.id, summary: 'Second' }, IP)).toEqual({ ok: true })
    const saved = await prisma.case.findUniqueOrThrow({ where: { id: created.id } })
    expect(saved).toMatchObject({ summary: 'Second', version: 3 })
    expect(await prisma.auditEvent.count({ where: { action: 'case.update', entityId: created.id } })).toBe(2)
  })

  test('CPS URN unique; CPS area must be a CPS organisation; managers and advocates may not edit', async () => {
    const { officer, v1, v2, police } = await force()
    const a = await createCase(officer, input([v1.id]), IP)
    const b = await createCase(officer, input([v2.id]), IP)
    if (!a.ok || !b.ok) throw new Error('create failed')
    expect(await updateCase(officer, a.id, { version: 1, cpsUrn: '42NM0958327' }, IP)).toEqual({ ok: true })
    expect(await updateCase(officer, b.id, { version: 1, cpsUrn: '42NM0958327' }, IP)).toMatchObject({ ok: false, field: 'cpsUrn' })
    const wcu = await createOrganisation({ kind: 'witness_care' })
    expect(await updateCase(officer, b.id, { version: 1, cpsOrganisationId: wcu.id }, IP)).toMatchObject({ ok: false, field: 'cpsOrganisationId' })
    const manager = await actor('manager', police.id)
    await expectStatus(updateCase(manager, b.id, { version: 1, summary: 'x' }, IP), 403)
    await expectStatus(updateCase(await actor('advocate'), b.id, { version: 1, summary: 'x' }, IP), 404)
  })
})

describe('victims and suspects on a case', () => {
  test('link and unlink victims (never the last), add the next suspect label', async () => {
    const { officer, v1, v2 } = await force()
    const c = await createCase(officer, input([v1.id], { suspectCount: 1 }), IP)
    if (!c.ok) throw new Error('create failed')
    expect(await linkVictim(officer, c.id, v2.id, IP)).toEqual({ ok: true })
    expect(await linkVictim(officer, c.id, v2.id, IP)).toMatchObject({ ok: false, field: 'victimId' })
    expect(await linkVictim(officer, c.id, (await createVictim()).id, IP)).toMatchObject({ ok: false })
    expect(await unlinkVictim(officer, c.id, v1.id, IP)).toEqual({ ok: true })
    expect(await unlinkVictim(officer, c.id, v2.id, IP)).toMatchObject({ ok: false, message: expect.stringMatching(/at least one victim/) })
    expect(await addSuspect(officer, c.id, IP)).toEqual({ ok: true, label: 'Suspect B' })
    const prisma = await db()
    expect(await prisma.auditEvent.count({ where: { entityId: c.id, action: { in: ['case.victim.link', 'case.victim.unlink', 'case.defendant.add'] } } })).toBe(3)
  })
})

describe('allocations', () => {
  test('ending the OIC allocation removes the officer’s access at once; the allocation is kept', async () => {
    const { officer, v1, police } = await force()
    const c = await createCase(officer, input([v1.id]), IP)
    if (!c.ok) throw new Error('create failed')
    const colleague = await actor('officer', police.id)
    const allocated = await allocateToCase(officer, c.id, { kind: 'oic', userId: colleague.id, start: new Date('2026-01-05') }, IP)
    expect(allocated.ok).toBe(true)
    await expect(requireCaseAccess(colleague, c.id)).resolves.toBeTruthy()
    expect(await allocateToCase(officer, c.id, { kind: 'oic', userId: colleague.id, start: new Date() }, IP)).toMatchObject({ ok: false, field: 'userId' })
    // Wrong organisation for the role.
    const otherForce = await actor('officer')
    expect(await allocateToCase(officer, c.id, { kind: 'oic', userId: otherForce.id, start: new Date() }, IP)).toMatchObject({ ok: false, field: 'userId' })
    const cpsUser = await actor('cps_liaison')
    expect(await allocateToCase(officer, c.id, { kind: 'oic', userId: cpsUser.id, start: new Date() }, IP)).toMatchObject({ ok: false, field: 'userId' })

    const prisma = await db()
    const mine = await prisma.allocation.findFirstOrThrow({ where: { caseId: c.id, userId: officer.id } })
    expect(await endCaseAllocation(colleague, c.id, mine.id, IP)).toEqual({ ok: true })
    // The first officer no longer sees the case (nor its list entry); the allocation is ended, not deleted.
    await expectStatus(requireCaseAccess(officer, c.id), 404)
    expect((await listCases(officer)).rows.map((r) => r.id)).not.toContain(c.id)
    expect(await prisma.allocation.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ endedAt: expect.any(Date) })
    expect(await prisma.auditEvent.count({ where: { action: { in: ['allocation.create', 'allocation.end'] }, entityId: c.id } })).toBe(2)
    const page = await getCaseAllocations(colleague, c.id)
    expect(page.allocations).toHaveLength(2)
    expect(page.people.map((p) => p.id)).toContain(colleague.id)
    expect(page.people.map((p) => p.id)).not.toContain(otherForce.id)
  })

  test('only permitted roles allocate: advocates cannot allocate to a case; a police manager can; advocates allocate within their service', async () => {
    const police = await createOrganisation({ kind: 'police' })
    const officer = await actor('officer', police.id)
    const service = await createOrganisation({ kind: 'voluntary' })
    const advocate = await actor('advocate', service.id)
    const colleague = await actor('advocate', service.id)
    const outsider = await actor('advocate')
    const v = await createVictim()
    await allocate({ victimId: v.id, organisationId: service.id, kind: 'service' })
    const kase = await factoryCase({ policeOrganisationId: police.id, victimIds: [v.id] })
    await allocate({ caseId: kase.id, userId: officer.id })
    await expectStatus(allocateToCase(advocate, kase.id, { kind: 'oic', userId: officer.id, start: new Date() }, IP), 403)
    const manager = await actor('manager', police.id)
    const officer2 = await actor('officer', police.id)
    expect(await allocateToCase(manager, kase.id, { kind: 'oic', userId: officer2.id, start: new Date() }, IP)).toMatchObject({ ok: true })
    expect(await allocateToVictim(advocate, v.id, { kind: 'lead_advocate', userId: colleague.id, start: new Date() }, IP)).toMatchObject({ ok: true })
    expect(await allocateToVictim(advocate, v.id, { kind: 'lead_advocate', userId: advocate.id, start: new Date() }, IP)).toMatchObject({ ok: false, field: 'kind' })
    expect(await allocateToVictim(advocate, v.id, { kind: 'advocate', userId: outsider.id, start: new Date() }, IP)).toMatchObject({ ok: false, field: 'userId' })
    await expectStatus(allocateToVictim(officer, v.id, { kind: 'advocate', userId: colleague.id, start: new Date() }, IP), 403)
    await expectStatus(allocateToVictim(outsider, v.id, { kind: 'advocate', userId: outsider.id, start: new Date() }, IP), 404)
  })
})
