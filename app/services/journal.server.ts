// The journey journal: append-only events per case, each validated against its type's schema and
// the case around it, recorded only by the role that owns that step. A correction is a new event
// that supersedes an earlier one. The case's stored stage is re-derived in the same transaction.
import { canRecordJourneyEvent, canUpdateVictim, canViewVictim, type Actor } from '~/domain/access/policy'
import { deriveCaseStage, deriveJourney, formatLondonDate, upcomingHearings } from '~/domain/journey/derive'
import {
  canRecordEventType,
  eventColumns,
  eventTypesFor,
  hearingTypeLabel,
  isEventType,
  JourneyEventInputSchema,
  toJourneyIssues,
  type EventTypeId,
  type JourneyIssue,
} from '~/domain/journey/events'
import { correctionReasons, detail, detailDate, effectiveJournal, JOURNAL_SELECT, supersededIds, type JournalEvent } from '~/domain/journey/journal'
import { checkJourneyEvent } from '~/domain/journey/validate'
import { TIME_DEPENDENT_STAGES } from '~/domain/journey/stages'
import type { Prisma } from '~/generated/prisma/client'
import { auditView, caseWhere, refused, requireCaseAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'
import { refreshCaseReview } from './case-review.server'
import { recomputeEntitlements } from './entitlements.server'

type Tx = Prisma.TransactionClient

export type RecordResult = { ok: true; eventId: string; duplicate: boolean } | { ok: false; issues: JourneyIssue[] }


async function loadJournal(tx: Tx, caseId: string): Promise<JournalEvent[]> {
  return tx.journeyEvent.findMany({ where: { caseId }, select: JOURNAL_SELECT })
}

/**
 * Records one event on a case. `idempotencyKey` comes from the form (one per rendering), so a
 * double-submitted form creates one event and the second submit gets the first one back.
 */
export async function recordJourneyEvent(
  actor: AuditActor,
  caseId: string,
  raw: unknown,
  idempotencyKey: string,
  ip: string,
): Promise<RecordResult> {
  const access = await requireCaseAccess(actor, caseId)
  const parsed = JourneyEventInputSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, issues: toJourneyIssues(parsed.error) }
  const input = parsed.data
  if (!canRecordJourneyEvent(actor, canRecordEventType(actor.role, input.type), access.facts, access.victims)) throw forbidden()
  // An event about one victim must be about a victim this user may see.
  if (input.victimId) {
    const victim = access.victims.find((v) => v.id === input.victimId)
    if (victim && !canViewVictim(actor, victim)) return { ok: false, issues: [{ path: 'victimId', message: 'Select a victim on this case' }] }
  }

  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const existing = await tx.journeyEvent.findUnique({ where: { idempotencyKey }, select: { id: true, caseId: true } })
    if (existing) {
      if (existing.caseId !== caseId) throw forbidden()
      return { ok: true as const, eventId: existing.id, duplicate: true }
    }
    // Serialise writers on this case so validation sees every earlier event.
    await tx.$executeRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`
    const [journal, defendants] = await Promise.all([
      loadJournal(tx, caseId),
      tx.defendant.findMany({ where: { caseId }, select: { id: true } }),
    ])
    const issues = checkJourneyEvent(input, {
      now: new Date(),
      defendantIds: defendants.map((d) => d.id),
      victimIds: access.victims.map((v) => v.id),
      journal,
    })
    if (input.supersedesId && supersededIds(journal).has(input.supersedesId)) {
      issues.push({ path: 'supersedesId', message: 'This event has already been corrected: correct the latest version instead' })
    }
    if (issues.length > 0) return { ok: false as const, issues }

    const created = await tx.journeyEvent.create({
      data: {
        caseId,
        ...eventColumns(input),
        details: input.details as Prisma.InputJsonValue,
        recordedById: actor.id,
        idempotencyKey,
      },
      select: JOURNAL_SELECT,
    })
    const stage = deriveCaseStage([...journal, created], { now: new Date(), defendantIds: defendants.map((d) => d.id) })
    // Sending the file is what puts a case in front of CPS (and so on CPS liaison's lists).
    const sentToCps = input.type === 'file_to_cps' && !input.supersedesId ? { sentToCpsAt: input.occurredAt } : {}
    await tx.case.update({ where: { id: caseId }, data: { stage, ...sentToCps } })
    await recomputeEntitlements(tx, caseId)
    // Finalisation puts the case on the reviewers' lists; a correction may take it off.
    await refreshCaseReview(tx, caseId, new Date())
    await audit(
      {
        actor,
        action: input.supersedesId ? 'journal.correct' : 'journal.record',
        entityType: 'case',
        entityId: caseId,
        ip,
        details: { eventId: created.id, type: input.type, ...(input.supersedesId ? { supersedes: input.supersedesId } : {}), stage },
      },
      tx,
    )
    return { ok: true as const, eventId: created.id, duplicate: false }
  })
}

/**
 * Marks each corrected event, with the reason its correction gave: `shownReason` is what the
 * timeline prints beside an entry (on a corrected one, why; on a correction, its own reason).
 */
function withCorrections<E extends { id: string; supersedesId: string | null; correctionReason: string | null }>(events: E[]) {
  const reasons = correctionReasons(events)
  return events.map((e) => ({
    ...e,
    superseded: reasons.has(e.id),
    shownReason: reasons.has(e.id) ? (reasons.get(e.id) ?? null) : e.supersedesId ? e.correctionReason : null,
  }))
}

/**
 * A case's journal for display, oldest first, with who recorded each event and which were
 * corrected. Events about a victim the user may not see are left out.
 */
export async function caseJournal(actor: Actor, caseId: string) {
  return journalFor(caseId, await requireCaseAccess(actor, caseId))
}

async function journalFor(caseId: string, access: Awaited<ReturnType<typeof requireCaseAccess>>) {
  const prisma = await db()
  const hidden = access.victims.filter((v) => !access.visibleVictimIds.has(v.id)).map((v) => v.id)
  const events = await prisma.journeyEvent.findMany({
    where: { caseId, ...(hidden.length ? { OR: [{ victimId: null }, { victimId: { notIn: hidden } }] } : {}) },
    orderBy: [{ occurredAt: 'asc' }, { recordedAt: 'asc' }],
    include: { recordedBy: { select: { name: true } }, defendant: { select: { label: true } } },
  })
  return withCorrections(events)
}

/**
 * The victim's journey across all their cases, oldest first: events about the case as a whole or
 * about this victim (never about another victim on the same case), from cases the user may see.
 */
export async function victimTimeline(actor: Actor, victimId: string) {
  const prisma = await db()
  const visibleCases = await prisma.case.findMany({
    where: { AND: [caseWhere(actor), { victims: { some: { victimId } } }] },
    select: { id: true, crimeReference: true },
  })
  const events = await prisma.journeyEvent.findMany({
    where: { caseId: { in: visibleCases.map((c) => c.id) }, OR: [{ victimId: null }, { victimId }] },
    orderBy: [{ occurredAt: 'asc' }, { recordedAt: 'asc' }],
    include: { recordedBy: { select: { name: true } }, defendant: { select: { label: true } }, case: { select: { crimeReference: true } } },
  })
  return {
    events: withCorrections(events),
    // upcomingHearings ignores corrected-away listings itself.
    upcomingHearings: upcomingHearings(events, new Date()),
  }
}

// ---- The "record an event" form ---------------------------------------------------------------

/**
 * What the form for recording (or correcting) an event on a case needs: the types this user may
 * record here, the suspects, the victims the event may be about, and the hearings listed so far.
 * Refuses (403) a user who may record nothing on this case, or not this type.
 */
export async function getEventForm(actor: Actor, caseId: string, options: { type?: string; supersedesId?: string } = {}) {
  const access = await requireCaseAccess(actor, caseId)
  const types = canRecordJourneyEvent(actor, true, access.facts, access.victims) ? eventTypesFor(actor.role) : []
  if (types.length === 0) throw await refused(actor, 'case', caseId, 'update', forbidden())
  await auditView(actor, 'case', caseId, 'events/new')
  const prisma = await db()
  const [found, journal] = await Promise.all([
    prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        id: true,
        crimeReference: true,
        defendants: { orderBy: { createdAt: 'asc' }, select: { id: true, label: true } },
        victims: { select: { victim: { select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true } } } },
      },
    }),
    prisma.journeyEvent.findMany({ where: { caseId }, select: JOURNAL_SELECT }),
  ])
  // Advocates record support steps only for the victims they work with.
  const eligible = new Set(
    access.victims.filter((v) => (actor.role === 'advocate' ? canUpdateVictim(actor, v) : canViewVictim(actor, v))).map((v) => v.id),
  )
  let correcting: (JournalEvent & { type: EventTypeId }) | null = null
  if (options.supersedesId) {
    const target = journal.find((e) => e.id === options.supersedesId)
    if (!target || !isEventType(target.type)) throw notFound()
    if (supersededIds(journal).has(target.id)) throw notFound()
    if (target.victimId && !eligible.has(target.victimId)) throw forbidden()
    correcting = { ...target, type: target.type }
  }
  const type = correcting?.type ?? options.type
  if (type !== undefined && !types.some((t) => t.id === type)) throw forbidden()
  const hearings = effectiveJournal(journal)
    .filter((e) => e.type === 'hearing_listed')
    .map((e) => {
      const at = detailDate(e, 'hearingAt')
      return { value: e.id, label: `${hearingTypeLabel(detail<string>(e, 'hearingType') ?? '')}${at ? ` on ${formatLondonDate(at)}` : ''}${detail<string>(e, 'court') ? ` at ${detail<string>(e, 'court')}` : ''}` }
    })
  return {
    case: { id: found.id, crimeReference: found.crimeReference },
    types: types.map((t) => ({ id: t.id, label: t.label })),
    type: type as EventTypeId | undefined,
    defendants: found.defendants,
    victims: found.victims.map((v) => v.victim).filter((v) => eligible.has(v.id)),
    hearings,
    correcting,
  }
}

/**
 * The case page's journey: the journal (with which entries this user may correct), the stage of
 * each defendant, upcoming hearings and next steps.
 */
export async function caseJourney(actor: Actor, caseId: string) {
  const access = await requireCaseAccess(actor, caseId)
  const prisma = await db()
  const [events, defendants] = await Promise.all([
    journalFor(caseId, access),
    prisma.defendant.findMany({ where: { caseId }, select: { id: true } }),
  ])
  const mayRecord = eventTypesFor(actor.role).length > 0 && canRecordJourneyEvent(actor, true, access.facts, access.victims)
  const updatable = new Set(access.victims.filter((v) => canUpdateVictim(actor, v)).map((v) => v.id))
  const canCorrect = (e: (typeof events)[number]) =>
    mayRecord && !e.superseded && canRecordEventType(actor.role, e.type) && (actor.role !== 'advocate' || !e.victimId || updatable.has(e.victimId))
  return {
    canRecord: mayRecord,
    events: events.map((e) => ({ ...e, canCorrect: canCorrect(e) })),
    journey: deriveJourney(events, { now: new Date(), defendantIds: defendants.map((d) => d.id) }),
  }
}

/**
 * Re-derives the stored stage of every case whose stage can move with time alone (a hearing date
 * passing, the appeal window closing), so the stage filter on lists stays true between events.
 * Derived data, so no audit entry. Returns how many cases moved.
 */
export async function refreshTimeDependentStages(now: Date = new Date()): Promise<number> {
  const prisma = await db()
  const cases = await prisma.case.findMany({
    where: { stage: { in: [...TIME_DEPENDENT_STAGES] } },
    select: { id: true, stage: true, defendants: { select: { id: true } }, events: { select: JOURNAL_SELECT } },
  })
  let moved = 0
  for (const c of cases) {
    const stage = deriveCaseStage(c.events, { now, defendantIds: c.defendants.map((d) => d.id) })
    if (stage === c.stage) continue
    // Only if no event has changed it meanwhile (recordJourneyEvent writes the stage it derives).
    const { count } = await prisma.case.updateMany({ where: { id: c.id, stage: c.stage }, data: { stage } })
    moved += count
  }
  return moved
}
