// Reading criminal cases, through the access policy; every view of a case page is audited.
import { canAllocateToCase, canCreateCase, type Actor } from '~/domain/access/policy'
import { changedFields, type EditableCase } from '~/domain/cases/changes'
import type { EditCaseInput, NewCaseInput } from '~/domain/cases/schemas'
import { nextSuspectLabels } from '~/domain/cases/suspects'
import { duplicateReasonProblem } from '~/domain/victims/matching'
import { auditView, requireCaseAccess, victimWhere } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { db } from './db.server'
import { recomputeEntitlements } from './entitlements.server'
import { getSharedChildForNewCase, linkSharedChildOnNewCase } from './share-requests.server'
import { checkBeforeAdding, type ExistingRecord } from './find-before-add.server'
import { insertVictim, lockVictimCreation } from './victims.server'


export async function getCaseForView(actor: AuditActor, caseId: string, ip: string) {
  const access = await requireCaseAccess(actor, caseId)
  const prisma = await db()
  const found = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      police: { select: { name: true } },
      cps: { select: { name: true } },
      witnessCare: { select: { name: true } },
      allocations: {
        where: { endedAt: null },
        include: { user: { select: { name: true } }, organisation: { select: { name: true } } },
      },
      victims: {
        include: { victim: { select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true } } },
      },
      offences: {
        orderBy: { committedFrom: 'asc' },
        select: { id: true, description: true, category: true, sexual: true, committedFrom: true, committedTo: true, victimId: true },
      },
      defendants: { orderBy: { createdAt: 'asc' }, select: { id: true, label: true } },
    },
  })
  await audit({ actor, action: 'case.view', entityType: 'case', entityId: caseId, ip })
  const { victims, ...rest } = found
  return {
    access: { canUpdate: access.canUpdate, canAllocate: canAllocateToCase(actor, access.facts) },
    case: rest,
    victims: victims.filter((v) => access.visibleVictimIds.has(v.victimId)).map((v) => v.victim),
    hiddenVictimCount: victims.filter((v) => !access.visibleVictimIds.has(v.victimId)).length,
  }
}

// ---- Creating and changing cases -----------------------------------------------------

export type Failure<F extends string = string> = { ok: false; field: F | null; message: string; status?: 403 | 409 }

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002'
const uniqueTarget = (error: unknown) => JSON.stringify((error as { meta?: unknown } | null)?.meta ?? '')

/** A second submit of the same new case by the same user within this window lands on the case. */
export const DOUBLE_SUBMIT_WINDOW_MS = 60_000

export const DUPLICATE_CRIME_REFERENCE = 'A case with this crime reference already exists'

/** Victims the actor may link to a case: those they can see, open records first by reference. */
export async function linkableVictims(actor: Actor, excludeCaseId?: string) {
  const prisma = await db()
  return prisma.victim.findMany({
    where: { AND: [victimWhere(actor), excludeCaseId ? { cases: { none: { caseId: excludeCaseId } } } : {}] },
    orderBy: [{ status: 'desc' }, { reference: 'asc' }],
    take: 200,
    select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true, status: true },
  })
}

export type CreateCaseResult =
  | { ok: true; id: string; repeated: boolean }
  | Failure<'crimeReference' | 'victimIds' | 'duplicateReason'>
  /** Records that may be the new victim: nothing was saved (select one, ask for access, or give a reason). */
  | { ok: false; matches: ExistingRecord[] }

/**
 * Opens a case for the actor's force with its offences, suspects, the actor as officer in charge
 * and its victims — those selected, and a victim not on Waypoint yet (`newVictim`), created held
 * by the actor exactly as "Add a victim" would, after the same find-before-add check. All in one
 * transaction: a refusal leaves nothing behind.
 */
export async function createCase(actor: AuditActor, input: NewCaseInput, ip: string): Promise<CreateCaseResult> {
  const prisma = await db()
  // A case is opened for the actor's own force: a manager of a support service or CPS area has none.
  const own = await prisma.organisation.findUnique({ where: { id: actor.organisationId }, select: { kind: true } })
  if (own?.kind !== 'police' || !canCreateCase(actor, actor.organisationId)) return { ok: false, field: null, message: 'You cannot open cases', status: 403 }
  // A young person shared with the force is linked although the officer cannot see her record yet.
  const shared = input.shareRequestId ? await getSharedChildForNewCase(actor, input.shareRequestId) : null
  if (shared?.linkedCaseId) return existingCaseAnswer(actor, input.crimeReference)
  const victimIds = [...new Set(input.victimIds)].filter((id) => id !== shared?.victimId)
  if (victimIds.length === 0 && !input.newVictim && !shared) return { ok: false, field: 'victimIds', message: 'Select at least one victim' }
  // Only victims the actor can see may be linked (the same filter as the victims list).
  const visible = await prisma.victim.findMany({ where: { AND: [{ id: { in: victimIds } }, victimWhere(actor)] }, select: { id: true } })
  if (visible.length !== victimIds.length) return { ok: false, field: 'victimIds', message: 'Select victims from the list' }
  const reason = input.newVictim ? input.duplicateReason?.trim() || null : null
  const reasonProblem = reason === null ? null : duplicateReasonProblem(reason)
  if (reasonProblem) return { ok: false, field: 'duplicateReason', message: reasonProblem }
  const labels = nextSuspectLabels([], input.suspectCount)
  for (let attempt = 0; ; attempt++) {
    try {
      const outcome = await prisma.$transaction(async (tx) => {
        let newVictimId: string | null = null
        if (input.newVictim) {
          await lockVictimCreation(tx)
          // A second submit of the form lands on the case it opened, not on its own new victim as a match.
          if (await tx.case.findUnique({ where: { crimeReference: input.crimeReference }, select: { id: true } })) return { opened: true as const }
          const check = await checkBeforeAdding(tx, actor, input.newVictim, reason)
          if (!check.ok) return check
          const victim = await insertVictim(tx, actor, input.newVictim, ip, {
            caseCrimeReference: input.crimeReference,
            duplicateOf: check.matchedVictimIds.length > 0 && reason ? { victimIds: check.matchedVictimIds, reason } : undefined,
          })
          newVictimId = victim.id
        }
        const allVictimIds = [...victimIds, ...(newVictimId ? [newVictimId] : []), ...(shared ? [shared.victimId] : [])]
        const created = await tx.case.create({
          data: {
            crimeReference: input.crimeReference,
            policeOrganisationId: actor.organisationId,
            victims: { create: allVictimIds.map((victimId) => ({ victimId })) },
            offences: {
              create: input.offences.map((o) => ({
                description: o.description,
                category: o.category,
                sexual: o.sexual,
                committedFrom: o.committedFrom,
                committedTo: o.committedTo,
              })),
            },
            defendants: { create: labels.map((label) => ({ label })) },
            allocations: { create: { kind: 'oic', userId: actor.id, organisationId: actor.organisationId } },
          },
          select: { id: true },
        })
        await audit(
          {
            actor,
            action: 'case.create',
            entityType: 'case',
            entityId: created.id,
            ip,
            details: {
              crimeReference: input.crimeReference,
              victimIds: allVictimIds,
              ...(newVictimId ? { newVictimId } : {}),
              offences: input.offences.map((o) => ({ category: o.category, sexual: o.sexual })),
              suspects: labels,
              oic: actor.id,
            },
          },
          tx,
        )
        if (shared) await linkSharedChildOnNewCase(tx, actor, shared.requestId, created.id, ip)
        return { ok: true as const, id: created.id }
      })
      if ('opened' in outcome) return existingCaseAnswer(actor, input.crimeReference)
      if (!outcome.ok) return outcome
      return { ok: true, id: outcome.id, repeated: false }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      if (uniqueTarget(error).includes('crimeReference')) return existingCaseAnswer(actor, input.crimeReference)
      // A victim reference taken outside the creation lock (e.g. an import): take the next one.
      if (input.newVictim && attempt < 3) continue
      throw error
    }
  }
}

/** The crime reference is taken: a double submit by the same user within a minute lands on the case; otherwise a field error. */
async function existingCaseAnswer(actor: Actor, crimeReference: string): Promise<CreateCaseResult> {
  const prisma = await db()
  const existing = await prisma.case.findUnique({
    where: { crimeReference },
    select: { id: true, createdAt: true, allocations: { where: { kind: 'oic', userId: actor.id }, select: { id: true } } },
  })
  if (existing && existing.allocations.length > 0 && Date.now() - existing.createdAt.getTime() < DOUBLE_SUBMIT_WINDOW_MS) {
    return { ok: true, id: existing.id, repeated: true }
  }
  return { ok: false, field: 'crimeReference', message: DUPLICATE_CRIME_REFERENCE }
}

const editableSelect = {
  id: true,
  crimeReference: true,
  cpsUrn: true,
  cpsOrganisationId: true,
  witnessCareOrganisationId: true,
  summary: true,
  version: true,
  updatedAt: true,
} as const

export async function organisationsOfKind(kind: 'cps' | 'witness_care') {
  const prisma = await db()
  return prisma.organisation.findMany({ where: { kind }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
}

/** 404 unless the user may see the case, 403 unless they may change it (actions check this before reading the form). */
export async function requireCaseEditor(actor: Actor, caseId: string) {
  await requireCaseAccess(actor, caseId, 'update')
}

export async function getCaseForEdit(actor: Actor, caseId: string) {
  await requireCaseAccess(actor, caseId, 'update')
  await auditView(actor, 'case', caseId, 'edit')
  const prisma = await db()
  const [found, cpsAreas, witnessCareUnits] = await Promise.all([
    prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: editableSelect }),
    organisationsOfKind('cps'),
    organisationsOfKind('witness_care'),
  ])
  return { case: found, cpsAreas, witnessCareUnits }
}

export type UpdateCaseResult =
  | { ok: true }
  | { ok: false; conflict: true; saved: EditableCase & { version: number }; changed: (keyof EditableCase)[] }
  | (Failure<'cpsUrn' | 'cpsOrganisationId' | 'witnessCareOrganisationId'> & { conflict?: false })

export async function updateCase(
  actor: AuditActor,
  caseId: string,
  input: Pick<EditCaseInput, 'version'> & Partial<Omit<EditCaseInput, 'version'>>,
  ip: string,
): Promise<UpdateCaseResult> {
  await requireCaseAccess(actor, caseId, 'update')
  const prisma = await db()
  const next: EditableCase = {
    cpsUrn: input.cpsUrn ?? null,
    cpsOrganisationId: input.cpsOrganisationId || null,
    witnessCareOrganisationId: input.witnessCareOrganisationId || null,
    summary: input.summary || null,
  }
  const [cps, wcu] = await Promise.all([
    next.cpsOrganisationId ? prisma.organisation.findFirst({ where: { id: next.cpsOrganisationId, kind: 'cps' } }) : null,
    next.witnessCareOrganisationId ? prisma.organisation.findFirst({ where: { id: next.witnessCareOrganisationId, kind: 'witness_care' } }) : null,
  ])
  if (next.cpsOrganisationId && !cps) return { ok: false, field: 'cpsOrganisationId', message: 'Select a CPS area from the list' }
  if (next.witnessCareOrganisationId && !wcu) {
    return { ok: false, field: 'witnessCareOrganisationId', message: 'Select a witness care unit from the list' }
  }
  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const before = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: editableSelect })
      // Optimistic concurrency: only the version the form was opened on may be overwritten.
      const { count } = await tx.case.updateMany({ where: { id: caseId, version: input.version }, data: { ...next, version: { increment: 1 } } })
      if (count === 0) return { conflict: true as const, saved: before }
      const changes = changedFields(before, next)
      // Who owes CPS and witness care entitlements follows the organisations on the case.
      if (changes.includes('cpsOrganisationId') || changes.includes('witnessCareOrganisationId')) await recomputeEntitlements(tx, caseId)
      await audit(
        {
          actor,
          action: 'case.update',
          entityType: 'case',
          entityId: caseId,
          ip,
          // Field names only for the summary (free text may hold personal data); identifiers in full.
          details: {
            changed: changes,
            ...(changes.includes('cpsUrn') ? { cpsUrn: { from: before.cpsUrn, to: next.cpsUrn } } : {}),
            ...(changes.includes('cpsOrganisationId') ? { cpsOrganisationId: { from: before.cpsOrganisationId, to: next.cpsOrganisationId } } : {}),
            ...(changes.includes('witnessCareOrganisationId')
              ? { witnessCareOrganisationId: { from: before.witnessCareOrganisationId, to: next.witnessCareOrganisationId } }
              : {}),
            version: input.version + 1,
          },
        },
        tx,
      )
      return { conflict: false as const }
    })
    if (outcome.conflict) {
      return { ok: false, conflict: true, saved: outcome.saved, changed: changedFields(outcome.saved, next) }
    }
    return { ok: true }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: 'cpsUrn', message: 'Another case already has this CPS URN' }
    throw error
  }
}

// ---- Victims on a case ---------------------------------------------------------------------------

export async function getCaseVictimsForManage(actor: Actor, caseId: string) {
  const access = await requireCaseAccess(actor, caseId, 'update')
  await auditView(actor, 'case', caseId, 'victims')
  const prisma = await db()
  const found = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      crimeReference: true,
      victims: { select: { victim: { select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true } } } },
    },
  })
  const linked = found.victims.map((v) => v.victim)
  return {
    case: { id: found.id, crimeReference: found.crimeReference },
    linked: linked.filter((v) => access.visibleVictimIds.has(v.id)),
    hiddenCount: linked.filter((v) => !access.visibleVictimIds.has(v.id)).length,
    candidates: await linkableVictims(actor, caseId),
  }
}

export async function linkVictim(actor: AuditActor, caseId: string, victimId: string, ip: string): Promise<{ ok: true } | Failure<'victimId'>> {
  await requireCaseAccess(actor, caseId, 'update')
  const prisma = await db()
  const visible = await prisma.victim.count({ where: { AND: [{ id: victimId }, victimWhere(actor)] } })
  if (!visible) return { ok: false, field: 'victimId', message: 'Select a victim from the list' }
  try {
    await prisma.$transaction(async (tx) => {
      await tx.victimCase.create({ data: { caseId, victimId } })
      await recomputeEntitlements(tx, caseId, { victimIds: [victimId] })
      await audit({ actor, action: 'case.victim.link', entityType: 'case', entityId: caseId, ip, details: { victimId } }, tx)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: 'victimId', message: 'This victim is already linked to the case' }
    throw error
  }
  return { ok: true }
}

export async function unlinkVictim(actor: AuditActor, caseId: string, victimId: string, ip: string): Promise<{ ok: true } | Failure<'victimId'>> {
  const access = await requireCaseAccess(actor, caseId, 'update')
  if (!access.visibleVictimIds.has(victimId)) return { ok: false, field: 'victimId', message: 'This victim is not linked to the case' }
  if (access.victims.length <= 1) return { ok: false, field: 'victimId', message: 'A case must have at least one victim. Link another victim first.' }
  const prisma = await db()
  await prisma.$transaction(async (tx) => {
    await tx.victimCase.delete({ where: { victimId_caseId: { victimId, caseId } } })
    await tx.entitlement.updateMany({ where: { caseId, victimId, withdrawnAt: null }, data: { withdrawnAt: new Date() } })
    await audit({ actor, action: 'case.victim.unlink', entityType: 'case', entityId: caseId, ip, details: { victimId } }, tx)
  })
  return { ok: true }
}

// ---- Suspects and defendants ---------------------------------------------------------------------

export async function getDefendants(actor: Actor, caseId: string) {
  const access = await requireCaseAccess(actor, caseId)
  await auditView(actor, 'case', caseId, 'defendants')
  const prisma = await db()
  const found = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { id: true, crimeReference: true, defendants: { orderBy: { createdAt: 'asc' }, select: { id: true, label: true, createdAt: true } } },
  })
  return { canUpdate: access.canUpdate, case: found }
}

/** Adds the next pseudonymous suspect label (Suspect C after A and B). */
export async function addSuspect(actor: AuditActor, caseId: string, ip: string): Promise<{ ok: true; label: string }> {
  await requireCaseAccess(actor, caseId, 'update')
  const prisma = await db()
  for (let attempt = 0; ; attempt++) {
    try {
      const label = await prisma.$transaction(async (tx) => {
        const existing = await tx.defendant.findMany({ where: { caseId }, select: { label: true } })
        const [next] = nextSuspectLabels(
          existing.map((d) => d.label),
          1,
        )
        const created = await tx.defendant.create({ data: { caseId, label: next! } })
        await audit({ actor, action: 'case.defendant.add', entityType: 'case', entityId: caseId, ip, details: { defendantId: created.id, label: next! } }, tx)
        return next!
      })
      return { ok: true, label }
    } catch (error) {
      // Two people adding a suspect at once: the (caseId, label) index decides; try the next label.
      if (!isUniqueViolation(error) || attempt >= 3) throw error
    }
  }
}
