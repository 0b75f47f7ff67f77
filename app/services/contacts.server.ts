// The contact log: what the victim (or their parent or nominated contact) was told, when, how and
// by whom, linked to the journey events it was about. Append-only (a database trigger refuses
// changes); double-submitted forms create one contact through the idempotency key.
import { canRecordContact, type Actor } from '~/domain/access/policy'
import { checkContact, ContactInputSchema } from '~/domain/contacts/contact'
import { toJourneyIssues, type JourneyIssue } from '~/domain/journey/events'
import { requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'
import { recomputeEntitlements } from './entitlements.server'

/** 404 unless the user may see the victim, 403 unless they may log a contact (actions check this before reading the form). */
export async function requireContactRecorder(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canRecordContact(actor, access.facts)) throw forbidden()
}

export type ContactResult = { ok: true; contactId: string; duplicate: boolean } | { ok: false; issues: JourneyIssue[] }

export async function recordContact(
  actor: AuditActor,
  victimId: string,
  raw: unknown,
  idempotencyKey: string,
  ip: string,
): Promise<ContactResult> {
  await requireContactRecorder(actor, victimId)
  const parsed = ContactInputSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, issues: toJourneyIssues(parsed.error) }
  const input = parsed.data
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const existing = await tx.contact.findUnique({ where: { idempotencyKey }, select: { id: true, victimId: true } })
    if (existing) {
      if (existing.victimId !== victimId) throw forbidden()
      return { ok: true as const, contactId: existing.id, duplicate: true }
    }
    // Only events on this victim's cases, and not about another victim, can be linked.
    const linkable = await tx.journeyEvent.findMany({
      where: {
        id: { in: input.eventIds },
        case: { victims: { some: { victimId } } },
        OR: [{ victimId: null }, { victimId }],
      },
      select: { id: true, caseId: true },
    })
    const issues = checkContact(input, { now: new Date(), eventIdsOnVictimsCases: new Set(linkable.map((e) => e.id)) })
    if (issues.length > 0) return { ok: false as const, issues }
    const contact = await tx.contact.create({
      data: {
        victimId,
        contactedAt: input.contactedAt,
        method: input.method,
        withWhom: input.withWhom,
        summary: input.summary,
        byUserId: actor.id,
        idempotencyKey,
        events: { create: input.eventIds.map((eventId) => ({ eventId })) },
      },
      select: { id: true },
    })
    // Only the cases of the events it was about can change: a contact meets entitlements through them.
    for (const caseId of new Set(linkable.map((e) => e.caseId))) await recomputeEntitlements(tx, caseId, { victimIds: [victimId] })
    await audit(
      { actor, action: 'contact.record', entityType: 'victim', entityId: victimId, ip, details: { contactId: contact.id, method: input.method, events: input.eventIds.length } },
      tx,
    )
    return { ok: true as const, contactId: contact.id, duplicate: false }
  })
}

/** The victim's contact log, newest first. */
export async function victimContacts(actor: Actor, victimId: string) {
  await requireVictimAccess(actor, victimId)
  const prisma = await db()
  return prisma.contact.findMany({
    where: { victimId },
    orderBy: { contactedAt: 'desc' },
    include: { by: { select: { name: true } }, events: { select: { event: { select: { id: true, type: true, occurredAt: true } } } } },
  })
}
