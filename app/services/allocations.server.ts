// Allocating people to cases and victims, and ending allocations. An allocation is never deleted:
// ending it sets endedAt, and access (which reads active allocations) follows at once.
import { canAllocateToCase, canAllocateToVictim, type Actor } from '~/domain/access/policy'
import {
  caseKindsForActor,
  fitsCaseAllocation,
  fitsVictimAllocation,
  VICTIM_ALLOCATION_KINDS,
  type CaseAllocationKind,
  type Person,
  type VictimAllocationKind,
} from '~/domain/cases/allocations'
import { forbidden } from './auth.server'
import { auditView, refused, requireCaseAccess, requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { db } from './db.server'

export type AllocationFailure = { ok: false; field: 'kind' | 'userId' | 'allocationId'; message: string }

const personSelect = {
  id: true,
  name: true,
  role: true,
  active: true,
  organisationId: true,
  organisation: { select: { name: true, kind: true } },
} as const

const allocationInclude = {
  user: { select: { id: true, name: true } },
  organisation: { select: { id: true, name: true } },
} as const

function toPerson(u: { id: string; role: Person['role']; active: boolean; organisationId: string; organisation: { kind: Person['organisationKind'] } }): Person {
  return { id: u.id, role: u.role, active: u.active, organisationId: u.organisationId, organisationKind: u.organisation.kind }
}

/** 404 unless the user may see the case, 403 unless they may allocate people to it. */
export async function requireCaseAllocator(actor: Actor, caseId: string) {
  const access = await requireCaseAccess(actor, caseId)
  if (!canAllocateToCase(actor, access.facts)) throw await refused(actor, 'case', caseId, 'update', forbidden())
  const prisma = await db()
  const orgs = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { id: true, crimeReference: true, policeOrganisationId: true, cpsOrganisationId: true, witnessCareOrganisationId: true },
  })
  return { access, case: orgs }
}

export async function getCaseAllocations(actor: Actor, caseId: string) {
  const { case: c } = await requireCaseAllocator(actor, caseId)
  await auditView(actor, 'case', caseId, 'allocations')
  const prisma = await db()
  const kinds = caseKindsForActor(actor, c)
  const [allocations, candidates] = await Promise.all([
    prisma.allocation.findMany({ where: { caseId }, orderBy: [{ endedAt: { sort: 'desc', nulls: 'first' } }, { startedAt: 'desc' }], include: allocationInclude }),
    prisma.user.findMany({
      where: { active: true, role: { in: ['officer', 'cps_liaison'] }, organisation: { kind: { in: ['police', 'cps', 'witness_care'] } } },
      orderBy: { name: 'asc' },
      select: personSelect,
      take: 500,
    }),
  ])
  const people = candidates
    .filter((u) => kinds.some((k) => fitsCaseAllocation(k, toPerson(u), c)))
    .map((u) => ({ id: u.id, name: u.name, organisation: u.organisation.name, kinds: kinds.filter((k) => fitsCaseAllocation(k, toPerson(u), c)) }))
  return { case: { id: c.id, crimeReference: c.crimeReference }, kinds, allocations, people }
}

export async function allocateToCase(
  actor: AuditActor,
  caseId: string,
  input: { kind: CaseAllocationKind; userId: string; start: Date },
  ip: string,
): Promise<{ ok: true; id: string } | AllocationFailure> {
  const { case: c } = await requireCaseAllocator(actor, caseId)
  if (!caseKindsForActor(actor, c).includes(input.kind)) return { ok: false, field: 'kind', message: 'Select a role you may allocate on this case' }
  const prisma = await db()
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: personSelect })
  if (!user || !fitsCaseAllocation(input.kind, toPerson(user), c)) {
    return { ok: false, field: 'userId', message: 'Select a person from the right organisation for this role' }
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.allocation.findFirst({ where: { caseId, userId: user.id, kind: input.kind, endedAt: null }, select: { id: true } })
    if (existing) return { ok: false, field: 'userId', message: 'This person already has this role on the case' } as const
    const created = await tx.allocation.create({
      data: { kind: input.kind, caseId, userId: user.id, organisationId: user.organisationId, startedAt: input.start },
    })
    await audit(
      { actor, action: 'allocation.create', entityType: 'case', entityId: caseId, ip, details: { allocationId: created.id, kind: input.kind, userId: user.id, organisationId: user.organisationId } },
      tx,
    )
    return { ok: true, id: created.id } as const
  })
}

async function endAllocation(
  actor: AuditActor,
  where: { caseId: string } | { victimId: string },
  allocationId: string,
  ip: string,
): Promise<{ ok: true } | AllocationFailure> {
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const found = await tx.allocation.findFirst({ where: { id: allocationId, ...where } })
    if (!found) return { ok: false, field: 'allocationId', message: 'That allocation was not found' } as const
    if (found.endedAt) return { ok: true } as const // already ended (a double submit): nothing to do
    const endedAt = new Date()
    await tx.allocation.update({ where: { id: found.id }, data: { endedAt } })
    await audit(
      {
        actor,
        action: 'allocation.end',
        entityType: 'caseId' in where ? 'case' : 'victim',
        entityId: 'caseId' in where ? where.caseId : where.victimId,
        ip,
        details: { allocationId: found.id, kind: found.kind, userId: found.userId, organisationId: found.organisationId },
      },
      tx,
    )
    return { ok: true } as const
  })
}

export async function endCaseAllocation(actor: AuditActor, caseId: string, allocationId: string, ip: string) {
  const { case: c } = await requireCaseAllocator(actor, caseId)
  const prisma = await db()
  const found = await prisma.allocation.findFirst({ where: { id: allocationId, caseId }, select: { kind: true } })
  if (found && !caseKindsForActor(actor, c).includes(found.kind as CaseAllocationKind)) throw forbidden()
  return endAllocation(actor, { caseId }, allocationId, ip)
}

// ---- Victims -------------------------------------------------------------------------------------

/** 404 unless the user may see the victim, 403 unless they may allocate people to the record. */
export async function requireVictimAllocator(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canAllocateToVictim(actor, access.facts)) throw await refused(actor, 'victim', victimId, 'update', forbidden())
  return access
}

export async function getVictimAllocations(actor: Actor, victimId: string) {
  await requireVictimAllocator(actor, victimId)
  await auditView(actor, 'victim', victimId, 'allocations')
  const prisma = await db()
  const [victim, allocations, candidates] = await Promise.all([
    prisma.victim.findUniqueOrThrow({ where: { id: victimId }, select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true } }),
    prisma.allocation.findMany({ where: { victimId }, orderBy: [{ endedAt: { sort: 'desc', nulls: 'first' } }, { startedAt: 'desc' }], include: allocationInclude }),
    prisma.user.findMany({ where: { active: true, role: 'advocate', organisationId: actor.organisationId }, orderBy: { name: 'asc' }, select: personSelect }),
  ])
  const people = candidates
    .filter((u) => VICTIM_ALLOCATION_KINDS.some((k) => fitsVictimAllocation(k, toPerson(u), actor)))
    .map((u) => ({ id: u.id, name: u.name, organisation: u.organisation.name }))
  return { victim, allocations, people, kinds: [...VICTIM_ALLOCATION_KINDS] }
}

export async function allocateToVictim(
  actor: AuditActor,
  victimId: string,
  input: { kind: VictimAllocationKind; userId: string; start: Date },
  ip: string,
): Promise<{ ok: true; id: string } | AllocationFailure> {
  await requireVictimAllocator(actor, victimId)
  const prisma = await db()
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: personSelect })
  if (!user || !fitsVictimAllocation(input.kind, toPerson(user), actor)) {
    return { ok: false, field: 'userId', message: 'Select an advocate from your service' }
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.allocation.findFirst({ where: { victimId, userId: user.id, kind: input.kind, endedAt: null }, select: { id: true } })
    if (existing) return { ok: false, field: 'userId', message: 'This person already has this role for the victim' } as const
    if (input.kind === 'lead_advocate') {
      const lead = await tx.allocation.findFirst({ where: { victimId, kind: 'lead_advocate', endedAt: null }, select: { id: true } })
      if (lead) return { ok: false, field: 'kind', message: 'The victim already has a lead advocate. End that allocation first.' } as const
    }
    const created = await tx.allocation.create({
      data: { kind: input.kind, victimId, userId: user.id, organisationId: user.organisationId, startedAt: input.start },
    })
    await audit(
      { actor, action: 'allocation.create', entityType: 'victim', entityId: victimId, ip, details: { allocationId: created.id, kind: input.kind, userId: user.id, organisationId: user.organisationId } },
      tx,
    )
    return { ok: true, id: created.id } as const
  })
}

export async function endVictimAllocation(actor: AuditActor, victimId: string, allocationId: string, ip: string) {
  await requireVictimAllocator(actor, victimId)
  const prisma = await db()
  const found = await prisma.allocation.findFirst({ where: { id: allocationId, victimId }, select: { kind: true, organisationId: true } })
  // Only people of the actor's own service; the service's own hold on the record is not ended here.
  if (found && (found.kind === 'service' || found.organisationId !== actor.organisationId)) throw forbidden()
  return endAllocation(actor, { victimId }, allocationId, ip)
}
