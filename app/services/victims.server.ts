// Reading victim records. Every function takes the asking user and goes through the access policy;
// every view of a victim page is audited.
import { canAllocateToVictim, canCreateVictim, canShareWithPolice, type Actor } from '~/domain/access/policy'
import { changedFields, describeConflicts, VICTIM_FIELDS, type Conflict, type VictimField } from '~/domain/victims/changes'
import { deriveEnhancedRights } from '~/domain/victims/enhanced-rights'
import { duplicateReasonProblem } from '~/domain/victims/matching'
import { nextVictimReference, victimReferencePrefix } from '~/domain/victims/reference'
import type { VictimDetails } from '~/domain/victims/schema'
import type { Prisma } from '~/generated/prisma/client'
import { requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'
import { recomputeVictimEntitlements } from './entitlements.server'
import { checkBeforeAdding, type ExistingRecord } from './find-before-add.server'

type Tx = Prisma.TransactionClient

// ---- the victim page ----------------------------------------------------------------------------

const detailsSelect = Object.fromEntries(VICTIM_FIELDS.map((f) => [f, true])) as Record<VictimField, true>

/** The victim's details as the forms know them (a row from Prisma has the same names). */
function toDetails(row: Record<VictimField, unknown>): VictimDetails {
  return Object.fromEntries(VICTIM_FIELDS.map((f) => [f, row[f]])) as unknown as VictimDetails
}

/**
 * Everything the victim page shows, cut to what this user may see: CPS liaison gets no address,
 * phone, email, safe-contact arrangements, parent/nominated contact or ethnicity (they are not
 * even sent to the browser); "who must not be told" goes only to people who may change the record.
 */
export async function getVictimForView(actor: AuditActor, victimId: string, ip: string) {
  const access = await requireVictimAccess(actor, victimId)
  const prisma = await db()
  const victim = await prisma.victim.findUniqueOrThrow({
    where: { id: victimId },
    include: {
      allocations: {
        where: { endedAt: null },
        include: { user: { select: { name: true } }, organisation: { select: { name: true } } },
        orderBy: { startedAt: 'asc' },
      },
      cases: { include: { case: { select: { id: true, crimeReference: true, stage: true, status: true } } } },
      consents: { orderBy: { recordedAt: 'desc' }, include: { recordedBy: { select: { name: true } } } },
    },
  })
  const caseIds = victim.cases.map((c) => c.caseId)
  const offences = await prisma.offence.findMany({
    where: { OR: [{ victimId }, { caseId: { in: caseIds }, victimId: null }] },
    select: { sexual: true, committedFrom: true, committedTo: true },
  })
  await audit({ actor, action: 'victim.view', entityType: 'victim', entityId: victimId, ip })
  const {
    address,
    phone,
    email,
    safeContactMethod,
    safeContactTimes,
    noVoicemail,
    doNotTell,
    contactName,
    contactRelationship,
    contactPhone,
    contactEmail,
    ethnicity,
    ...rest
  } = victim
  const seesContact = access.canSeeContactDetails
  return {
    access: {
      canUpdate: access.canUpdate,
      canSeeContactDetails: seesContact,
      canAllocate: canAllocateToVictim(actor, access.facts),
      canShareWithPolice: canShareWithPolice(actor, access.facts),
      // Police bring an advocate in by referring the child to an advocacy service, not by allocating its staff.
      canReferForAdvocacy: actor.role === 'officer' && access.canUpdate && !access.facts.restricted,
    },
    victim: rest,
    enhancedRights: deriveEnhancedRights({ dateOfBirth: victim.dateOfBirth, offences, manualGrounds: victim.manualEnhancedGrounds }),
    // CPS liaison never receives contact details: they are not sent to the browser at all.
    contact: seesContact ? { address, phone, email } : null,
    equality: seesContact ? { ethnicity } : null,
    safeContact: seesContact
      ? { method: safeContactMethod, times: safeContactTimes, noVoicemail, doNotTell: access.canUpdate ? doNotTell : undefined }
      : null,
    nominatedContact: seesContact ? { name: contactName, relationship: contactRelationship, phone: contactPhone, email: contactEmail } : null,
  }
}
export type VictimView = Awaited<ReturnType<typeof getVictimForView>>

/** 404 unless the user may see the victim, 403 unless they may change the record (actions check this before reading the form). */
export async function requireVictimEditor(actor: Actor, victimId: string) {
  await requireVictimAccess(actor, victimId, 'update')
}

/** The edit form's starting values; only for people who may change the record. Audited as a view. */
export async function getVictimForEdit(actor: AuditActor, victimId: string, ip: string) {
  await requireVictimAccess(actor, victimId, 'update')
  const prisma = await db()
  const row = await prisma.victim.findUniqueOrThrow({
    where: { id: victimId },
    select: { ...detailsSelect, id: true, reference: true, version: true, status: true },
  })
  await audit({ actor, action: 'victim.view', entityType: 'victim', entityId: victimId, ip, details: { page: 'edit' } })
  return { id: row.id, reference: row.reference, version: row.version, status: row.status, details: toDetails(row) }
}

// ---- creating -----------------------------------------------------------------------------------

// Serialises victim creation: the per-year reference counter and the double-submit check.
const VICTIM_CREATE_LOCK = 4_242_101
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000

export type Failure = { ok: false; field: string; message: string }

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002'

async function nextReference(tx: Tx, year: number): Promise<string> {
  const pattern = `^${victimReferencePrefix(year)}[0-9]+$`
  const rows = await tx.$queryRaw<{ reference: string }[]>`
    SELECT reference FROM "Victim" WHERE reference ~ ${pattern}
    ORDER BY length(reference) DESC, reference DESC LIMIT 1`
  return nextVictimReference(
    year,
    rows.map((r) => r.reference),
  )
}

/**
 * The allocations that make a new record held by its creator's organisation: a 'service'
 * allocation for the organisation (advocates and managers) plus 'lead_advocate' for an advocate,
 * or 'oic' for an officer — so the creator can always see what they made.
 */
function creatorAllocations(actor: Actor): Prisma.AllocationCreateWithoutVictimInput[] {
  if (actor.role === 'officer') return [{ kind: 'oic', user: { connect: { id: actor.id } }, organisation: { connect: { id: actor.organisationId } } }]
  return [
    { kind: 'service', organisation: { connect: { id: actor.organisationId } } },
    ...(actor.role === 'advocate'
      ? [{ kind: 'lead_advocate' as const, user: { connect: { id: actor.id } }, organisation: { connect: { id: actor.organisationId } } }]
      : []),
  ]
}

/** Serialises creating victims (the reference counter, the double-submit and find-before-add checks) until the transaction ends. */
export async function lockVictimCreation(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VICTIM_CREATE_LOCK}::bigint)`
}

/** What a new record needs at least; the rest of the details form is optional. */
export type NewVictimData = Pick<VictimDetails, 'firstName' | 'lastName' | 'preferredName' | 'dateOfBirth'> & Partial<VictimDetails>

/**
 * Inserts a victim held by the creator (creatorAllocations) with the next reference and audits it;
 * with `duplicateOf`, also audits that it was made despite matching records, and why. Call inside
 * a transaction holding lockVictimCreation.
 */
export async function insertVictim(
  tx: Tx,
  actor: AuditActor,
  details: NewVictimData,
  ip: string,
  extra: { idempotencyKey?: string; caseCrimeReference?: string; duplicateOf?: { victimIds: string[]; reason: string } } = {},
): Promise<{ id: string; reference: string }> {
  const reference = await nextReference(tx, new Date().getUTCFullYear())
  const allocations = creatorAllocations(actor)
  const victim = await tx.victim.create({
    data: { ...details, reference, allocations: { create: allocations } },
    select: { id: true, reference: true },
  })
  await audit(
    {
      actor,
      action: 'victim.create',
      entityType: 'victim',
      entityId: victim.id,
      ip,
      details: {
        ...(extra.idempotencyKey ? { idempotencyKey: extra.idempotencyKey } : {}),
        ...(extra.caseCrimeReference ? { withCase: extra.caseCrimeReference } : {}),
        reference,
        allocations: allocations.map((a) => a.kind),
        restricted: details.restricted ?? false,
      },
    },
    tx,
  )
  if (extra.duplicateOf) {
    await audit(
      {
        actor,
        action: 'victim.create.duplicate',
        entityType: 'victim',
        entityId: victim.id,
        ip,
        details: { reference, matchedVictimIds: extra.duplicateOf.victimIds, reason: extra.duplicateOf.reason },
      },
      tx,
    )
  }
  return victim
}

export type CreateVictimResult =
  | { ok: true; id: string; reference: string; duplicate: boolean }
  | Failure
  /** Records that may be this child: nothing was saved (open one, ask for access, or give a reason). */
  | { ok: false; matches: ExistingRecord[] }

/**
 * Opens a victim record held by the creator's organisation (creatorAllocations), in one
 * transaction. A second submission of the same form (same idempotency key, same user, within a
 * day) returns the first record instead of making another — checked before anything else, so a
 * double submit never finds its own record as an existing one. Then find before you add: a record
 * anywhere that matches the child (or the partner's reference) refuses the new one unless
 * `duplicateReason` says why a second record is needed.
 */
export async function createVictim(
  actor: AuditActor,
  details: VictimDetails,
  idempotencyKey: string,
  ip: string,
  options: { duplicateReason?: string | null; partnerReference?: string | null } = {},
): Promise<CreateVictimResult> {
  if (!canCreateVictim(actor)) throw forbidden()
  if (details.restricted && actor.role === 'manager') {
    return {
      ok: false,
      field: 'restricted',
      message: 'Only people allocated to a restricted record can see it. Allocate the lead advocate or officer, then restrict it',
    }
  }
  const reason = options.duplicateReason?.trim() || null
  if (reason !== null) {
    const problem = duplicateReasonProblem(reason)
    if (problem) return { ok: false, field: 'duplicateReason', message: problem }
  }
  const prisma = await db()
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx): Promise<CreateVictimResult> => {
        await lockVictimCreation(tx)
        const earlier = await tx.auditEvent.findFirst({
          where: {
            actorId: actor.id,
            action: 'victim.create',
            at: { gte: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) },
            details: { path: ['idempotencyKey'], equals: idempotencyKey },
          },
          select: { entityId: true },
        })
        if (earlier?.entityId) {
          const existing = await tx.victim.findUnique({ where: { id: earlier.entityId }, select: { id: true, reference: true } })
          if (existing) return { ok: true as const, id: existing.id, reference: existing.reference, duplicate: true }
        }
        const check = await checkBeforeAdding(tx, actor, { ...details, partnerReference: options.partnerReference ?? null }, reason)
        if (!check.ok) return check
        const victim = await insertVictim(tx, actor, details, ip, {
          idempotencyKey,
          duplicateOf: check.matchedVictimIds.length > 0 && reason ? { victimIds: check.matchedVictimIds, reason } : undefined,
        })
        return { ok: true as const, id: victim.id, reference: victim.reference, duplicate: false }
      })
    } catch (error) {
      // A reference taken outside the lock (e.g. an import): take the next one.
      if (isUniqueViolation(error) && attempt < 3) continue
      throw error
    }
  }
}

// ---- editing ------------------------------------------------------------------------------------

export type UpdateResult = { ok: true; changed: VictimField[] } | { ok: false; conflict: Conflict[]; currentVersion: number } | Failure

/**
 * Saves the edit form if nobody has changed the record since it was opened at `version`
 * (`updateMany where {id, version}`, so two saves racing cannot both win). On a conflict nothing
 * is written and the answer lists what the other person changed, theirs beside yours.
 */
export async function updateVictim(actor: AuditActor, victimId: string, details: VictimDetails, version: number, ip: string): Promise<UpdateResult> {
  const access = await requireVictimAccess(actor, victimId, 'update')
  if (details.restricted && !access.facts.allocations.some((a) => a.userId === actor.id)) {
    const current = await (await db()).victim.findUniqueOrThrow({ where: { id: victimId }, select: { restricted: true } })
    if (!current.restricted) {
      return {
        ok: false,
        field: 'restricted',
        message:
          'Only people allocated to a restricted record can see it, and you are not allocated to this one. Ask the lead advocate or officer to restrict it',
      }
    }
  }
  const prisma = await db()
  const outcome = await prisma.$transaction(async (tx) => {
    const current = await tx.victim.findUniqueOrThrow({ where: { id: victimId }, select: { ...detailsSelect, version: true } })
    if (current.version !== version) return { ok: false as const, current }
    const changed = changedFields(toDetails(current), details)
    if (changed.length === 0) return { ok: true as const, changed }
    const written = await tx.victim.updateMany({ where: { id: victimId, version }, data: { ...details, version: { increment: 1 } } })
    if (written.count !== 1)
      return {
        ok: false as const,
        current: await tx.victim.findUniqueOrThrow({ where: { id: victimId }, select: { ...detailsSelect, version: true } }),
      }
    if (changed.some((f) => f === 'dateOfBirth' || f === 'manualEnhancedGrounds')) await recomputeVictimEntitlements(tx, victimId)
    await audit(
      {
        actor,
        action: 'victim.update',
        entityType: 'victim',
        entityId: victimId,
        ip,
        details: { fields: changed, fromVersion: version, toVersion: version + 1 },
      },
      tx,
    )
    return { ok: true as const, changed }
  })
  if (outcome.ok) return outcome
  const theirFields = await fieldsChangedSince(victimId, version)
  const current = toDetails(outcome.current)
  // Without an audit trail of the other change (e.g. a close), show every field that now differs.
  const fields = theirFields.length ? theirFields : changedFields(current, details)
  return { ok: false, conflict: describeConflicts(fields, current, details), currentVersion: outcome.current.version }
}

async function fieldsChangedSince(victimId: string, version: number): Promise<string[]> {
  const prisma = await db()
  const rows = await prisma.auditEvent.findMany({
    where: { entityType: 'victim', entityId: victimId, action: 'victim.update' },
    select: { details: true },
    orderBy: { seq: 'desc' },
    take: 50,
  })
  const fields = new Set<string>()
  for (const { details } of rows) {
    const d = details as { fields?: unknown; fromVersion?: unknown } | null
    if (d && typeof d.fromVersion === 'number' && d.fromVersion >= version && Array.isArray(d.fields)) {
      for (const f of d.fields) if (typeof f === 'string') fields.add(f)
    }
  }
  return [...fields]
}

// ---- closing and reopening ----------------------------------------------------------------------

/** Closes an open record with a reason; version moves on, so edit forms opened before it conflict. */
export async function closeVictim(actor: AuditActor, victimId: string, input: { reason: string; detail: string | null }, ip: string) {
  await requireVictimAccess(actor, victimId, 'update')
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const closedReason = input.detail ? `${input.reason}: ${input.detail}` : input.reason
    const written = await tx.victim.updateMany({
      where: { id: victimId, status: 'open' },
      data: { status: 'closed', closedAt: new Date(), closedReason, version: { increment: 1 } },
    })
    if (written.count === 0) return { ok: false as const, message: 'This record is already closed' }
    await audit({ actor, action: 'victim.close', entityType: 'victim', entityId: victimId, ip, details: { reason: input.reason } }, tx)
    return { ok: true as const }
  })
}

export async function reopenVictim(actor: AuditActor, victimId: string, ip: string) {
  await requireVictimAccess(actor, victimId, 'update')
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const written = await tx.victim.updateMany({
      where: { id: victimId, status: 'closed' },
      data: { status: 'open', closedAt: null, closedReason: null, version: { increment: 1 } },
    })
    if (written.count === 0) return { ok: false as const, message: 'This record is already open' }
    await audit({ actor, action: 'victim.reopen', entityType: 'victim', entityId: victimId, ip }, tx)
    return { ok: true as const }
  })
}

/** Splits a stored close reason ("other: moved abroad") into its vocabulary id and free text. */
export function splitClosedReason(stored: string | null): { reason: string; detail: string | null } | null {
  if (!stored) return null
  const i = stored.indexOf(': ')
  return i < 0 ? { reason: stored, detail: null } : { reason: stored.slice(0, i), detail: stored.slice(i + 2) }
}

// ---- consent ------------------------------------------------------------------------------------

export async function addConsent(
  actor: AuditActor,
  victimId: string,
  consent: { scope: string; sharedWith: string; givenBy: string | null; lawfulBasis: string | null },
  ip: string,
) {
  await requireVictimAccess(actor, victimId, 'update')
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const row = await tx.consent.create({ data: { ...consent, victimId, recordedById: actor.id }, select: { id: true } })
    await audit(
      {
        actor,
        action: 'victim.consent.add',
        entityType: 'victim',
        entityId: victimId,
        ip,
        details: { consentId: row.id, basis: consent.givenBy ? `consent:${consent.givenBy}` : `lawful_basis:${consent.lawfulBasis}` },
      },
      tx,
    )
    return row
  })
}

export async function withdrawConsent(actor: AuditActor, victimId: string, consentId: string, ip: string) {
  await requireVictimAccess(actor, victimId, 'update')
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const written = await tx.consent.updateMany({ where: { id: consentId, victimId, withdrawnAt: null }, data: { withdrawnAt: new Date() } })
    if (written.count === 0) return { ok: false as const }
    await audit({ actor, action: 'victim.consent.withdraw', entityType: 'victim', entityId: victimId, ip, details: { consentId } }, tx)
    return { ok: true as const }
  })
}

/** Reference, names and status for pages that change one part of a record (close, consent). Audited as a view. */
export async function getVictimHeader(actor: AuditActor, victimId: string, ip: string, page: string) {
  await requireVictimAccess(actor, victimId, 'update')
  const prisma = await db()
  const victim = await prisma.victim.findUniqueOrThrow({
    where: { id: victimId },
    select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true, status: true, closedAt: true, closedReason: true },
  })
  await audit({ actor, action: 'victim.view', entityType: 'victim', entityId: victimId, ip, details: { page } })
  return victim
}
