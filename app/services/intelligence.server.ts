// Intelligence for the police: items recorded from a visit or a missing episode,
// the police organisation's queue (submitted with the force's own reference, or returned with a
// question the author answers), and the prompt to record new disclosures of offences or suspects on
// the case. Who may see an item is app/domain/intelligence/item.ts (the police organisation and the
// author, nobody else); the audit log holds ids and statuses, never what the intelligence says.
import { canRecordVisit, canSeeVisits, canViewVictim, type Actor } from '~/domain/access/policy'
import {
  applyQueueAction,
  canAnswerIntelligenceItem,
  canReviewIntelligenceItem,
  canSeeIntelligenceItem,
  canUseIntelligenceQueue,
  type ItemInput,
  type ItemStatus,
  type QueueAction,
  type QueueIssue,
} from '~/domain/intelligence/item'
import type { Prisma } from '~/generated/prisma/client'
import { auditView, loadVictimFacts, refused, requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'
import { notifyIntelligenceReceived, wakeAfterCommit } from './notify.server'

export type ItemSource = { visitId: string } | { missingEpisodeId: string }

const isPolice = (actor: Actor) => actor.role === 'officer' || actor.role === 'manager'

async function organisationKindOf(organisationId: string) {
  const prisma = await db()
  const org = await prisma.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } })
  return org?.kind ?? ''
}

/** 403 unless the actor is an officer or manager of a police organisation. */
export async function requireIntelligenceQueue(actor: Actor) {
  if (!canUseIntelligenceQueue(actor, await organisationKindOf(actor.organisationId))) throw forbidden()
}

// ---- recording an item --------------------------------------------------------------------------

/**
 * Whom the item can go to: the police forces of the victim's linked cases (the one preselected when
 * there is only one); with no case yet, any police organisation.
 */
async function policeOptions(victimId: string) {
  const prisma = await db()
  const fromCases = await prisma.organisation.findMany({
    where: { kind: 'police', casesAsPolice: { some: { victims: { some: { victimId } } } } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  })
  if (fromCases.length > 0) return { organisations: fromCases, fromCases: true }
  const all = await prisma.organisation.findMany({ where: { kind: 'police' }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
  return { organisations: all, fromCases: false }
}

/** 404 unless the visit or missing episode is this victim's (the URL cannot reach another victim's). */
async function loadSource(victimId: string, source: ItemSource) {
  const prisma = await db()
  if ('visitId' in source) {
    const visit = await prisma.visit.findFirst({ where: { id: source.visitId, victimId }, select: { id: true, at: true, status: true } })
    // A visit still to come has taught nobody anything yet.
    if (!visit || visit.status === 'planned') throw notFound()
    return { kind: 'visit' as const, id: visit.id, at: visit.at }
  }
  const episode = await prisma.missingEpisode.findFirst({ where: { id: source.missingEpisodeId, victimId }, select: { id: true, missingFrom: true } })
  if (!episode) throw notFound()
  return { kind: 'episode' as const, id: episode.id, at: episode.missingFrom }
}

/** Recording intelligence needs the right to record the victim's visits (and so to see them). */
async function requireAuthorAccess(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canSeeVisits(actor, access.facts) || !canRecordVisit(actor, access.facts)) throw forbidden()
}

/** What the "add intelligence" form needs: the victim, where the intelligence came from, whom it can go to. */
export async function getItemForm(actor: Actor, victimId: string, source: ItemSource) {
  await requireAuthorAccess(actor, victimId)
  await auditView(actor, 'victim', victimId, 'intelligence/new')
  const prisma = await db()
  const [victim, from, police] = await Promise.all([
    prisma.victim.findUniqueOrThrow({ where: { id: victimId }, select: { id: true, reference: true } }),
    loadSource(victimId, source),
    policeOptions(victimId),
  ])
  return { victim, source: from, police, preselected: police.fromCases && police.organisations.length === 1 ? police.organisations[0]!.id : undefined }
}

export type CreateItemResult = { ok: true; itemId: string; duplicate: boolean } | { ok: false; issues: { path: string; message: string }[] }

/**
 * Records one item. The form key is the new item's id: a second submit of the same form finds the
 * item and saves nothing more.
 */
export async function createIntelligenceItem(
  actor: AuditActor,
  victimId: string,
  source: ItemSource,
  input: ItemInput,
  idempotencyKey: string,
  ip: string,
): Promise<CreateItemResult> {
  await requireAuthorAccess(actor, victimId)
  const from = await loadSource(victimId, source)
  const prisma = await db()
  const existing = await prisma.intelligenceItem.findUnique({ where: { id: idempotencyKey }, select: { id: true, authorId: true, victimId: true } })
  if (existing) {
    if (existing.authorId !== actor.id || existing.victimId !== victimId) throw forbidden()
    return { ok: true, itemId: existing.id, duplicate: true }
  }
  const police = await policeOptions(victimId)
  if (!police.organisations.some((o) => o.id === input.policeOrganisationId)) {
    return {
      ok: false,
      issues: [
        {
          path: 'policeOrganisationId',
          message: police.fromCases ? 'Select the police force of one of the victim’s cases' : 'Select the police organisation to send it to',
        },
      ],
    }
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const item = await tx.intelligenceItem.create({
        data: {
          id: idempotencyKey,
          victimId,
          visitId: from.kind === 'visit' ? from.id : null,
          missingEpisodeId: from.kind === 'episode' ? from.id : null,
          policeOrganisationId: input.policeOrganisationId,
          authorId: actor.id,
          authorOrganisationId: actor.organisationId,
          subject: input.subject,
          detail: input.detail,
          sourceEvaluation: input.sourceEvaluation,
          intelligenceAssessment: input.intelligenceAssessment,
          handlingCode: input.handlingCode,
          handlingConditions: input.handlingConditions ?? null,
        },
        select: { id: true },
      })
      // Ids and status only: what the intelligence says stays out of the audit log.
      await audit(
        {
          actor,
          action: 'intelligence.create',
          entityType: 'victim',
          entityId: victimId,
          ip,
          details: {
            itemId: item.id,
            visitId: from.kind === 'visit' ? from.id : null,
            missingEpisodeId: from.kind === 'episode' ? from.id : null,
            policeOrganisationId: input.policeOrganisationId,
            status: 'new',
          },
        },
        tx,
      )
      // The force hears of it by email, in this transaction.
      await notifyIntelligenceReceived(tx, item.id)
      return { ok: true as const, itemId: item.id, duplicate: false }
    }).then(wakeAfterCommit)
  } catch (error) {
    // Two submits racing: the second finds the first's item.
    if ((error as { code?: string } | null)?.code === 'P2002') {
      return { ok: true, itemId: idempotencyKey, duplicate: true }
    }
    throw error
  }
}

// ---- reading ------------------------------------------------------------------------------------

const ITEM_SELECT = {
  id: true,
  victimId: true,
  visitId: true,
  missingEpisodeId: true,
  policeOrganisationId: true,
  authorId: true,
  subject: true,
  detail: true,
  sourceEvaluation: true,
  intelligenceAssessment: true,
  handlingCode: true,
  handlingConditions: true,
  status: true,
  policeReference: true,
  question: true,
  answer: true,
  reviewedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  victim: { select: { id: true, reference: true } },
  visit: { select: { at: true } },
  missingEpisode: { select: { missingFrom: true } },
  author: { select: { name: true, organisation: { select: { name: true } } } },
  policeOrganisation: { select: { name: true } },
  reviewedBy: { select: { name: true } },
} satisfies Prisma.IntelligenceItemSelect

export type IntelligenceItemView = Prisma.IntelligenceItemGetPayload<{ select: typeof ITEM_SELECT }>

/** The items a user may see on a victim's page: their own, and those sent to their police organisation. */
function visibleWhere(actor: Actor): Prisma.IntelligenceItemWhereInput {
  return isPolice(actor) ? { OR: [{ authorId: actor.id }, { policeOrganisationId: actor.organisationId }] } : { authorId: actor.id }
}

/** The victim page's "Intelligence for the police": empty for everyone else (the section is then not shown). */
export async function listIntelligenceForVictim(actor: Actor, victimId: string) {
  await requireVictimAccess(actor, victimId)
  if (actor.role === 'admin') return []
  const prisma = await db()
  const rows = await prisma.intelligenceItem.findMany({
    where: { victimId, ...visibleWhere(actor) },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: ITEM_SELECT,
  })
  // The pure rule has the last word, whatever the query says.
  return rows.filter((r) => canSeeIntelligenceItem(actor, r)).map((r) => ({ ...r, mine: r.authorId === actor.id }))
}

/** One item for its page; 404 for anyone who may not see it (the same answer as for no item). */
export async function getIntelligenceItem(actor: AuditActor, itemId: string, ip: string) {
  const prisma = await db()
  const item = await prisma.intelligenceItem.findUnique({ where: { id: itemId }, select: ITEM_SELECT })
  if (!item) throw notFound()
  if (!canSeeIntelligenceItem(actor, item)) throw await refused(actor, 'intelligence', itemId, 'view', notFound())
  const facts = await loadVictimFacts(item.victimId)
  await audit({ actor, action: 'intelligence.view', entityType: 'victim', entityId: item.victimId, ip, details: { itemId, status: item.status } })
  return {
    item,
    canReview: canReviewIntelligenceItem(actor, item),
    canAnswer: canAnswerIntelligenceItem(actor, item),
    // The police organisation sees the item whether or not it may open the victim's record.
    canOpenVictim: facts !== null && canViewVictim(actor, facts),
  }
}

export const QUEUE_PAGE_SIZE = 25
export const QUEUE_STATUSES: readonly ItemStatus[] = ['new', 'returned', 'submitted']

/** The police organisation's queue for one status, newest first, a page at a time; with the count of each status. */
export async function intelligenceQueue(actor: Actor, query: { status?: string; page?: number } = {}) {
  await requireIntelligenceQueue(actor)
  const status = (QUEUE_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as ItemStatus) : 'new'
  const prisma = await db()
  const where = { policeOrganisationId: actor.organisationId }
  const grouped = await prisma.intelligenceItem.groupBy({ by: ['status'], where, _count: { _all: true } })
  const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0])) as Record<ItemStatus, number>
  const total = counts[status]
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages)
  const rows = await prisma.intelligenceItem.findMany({
    where: { ...where, status },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: ITEM_SELECT,
  })
  return { status, counts, total, page, pageSize: QUEUE_PAGE_SIZE, rows: rows.filter((r) => canSeeIntelligenceItem(actor, r)) }
}

// ---- the queue's actions ------------------------------------------------------------------------

export type QueueActionResult =
  { ok: true; status: ItemStatus } | { ok: false; issues: QueueIssue[] } | { ok: false; conflict: { status: string; version: number } }

/**
 * Submit (with the force's reference) or return (with a question): officers and managers of the
 * police organisation. Answer: the author. Only if nobody changed the item since the page was
 * opened at `version`; otherwise nothing is written and the answer says what the item is now.
 */
export async function actOnIntelligenceItem(actor: AuditActor, itemId: string, action: QueueAction, version: number, ip: string): Promise<QueueActionResult> {
  const prisma = await db()
  const item = await prisma.intelligenceItem.findUnique({
    where: { id: itemId },
    select: { id: true, victimId: true, policeOrganisationId: true, authorId: true, status: true, version: true },
  })
  if (!item || !canSeeIntelligenceItem(actor, item)) throw notFound()
  const allowed = action.type === 'answer' ? canAnswerIntelligenceItem(actor, item) : canReviewIntelligenceItem(actor, item)
  if (!allowed) throw forbidden()
  if (item.version !== version) return { ok: false, conflict: { status: item.status, version: item.version } }
  const next = applyQueueAction(item.status as ItemStatus, action)
  if (!next.ok) return next
  return prisma.$transaction(async (tx) => {
    const reviewed = action.type === 'answer' ? {} : { reviewedById: actor.id, reviewedAt: new Date() }
    const written = await tx.intelligenceItem.updateMany({
      where: { id: itemId, version },
      data: { ...next.change, ...reviewed, version: { increment: 1 } },
    })
    if (written.count !== 1) {
      const now = await tx.intelligenceItem.findUniqueOrThrow({ where: { id: itemId }, select: { status: true, version: true } })
      return { ok: false as const, conflict: now }
    }
    await audit(
      {
        actor,
        action: `intelligence.${action.type}`,
        entityType: 'victim',
        entityId: item.victimId,
        ip,
        details: { itemId, from: item.status, to: next.change.status, fromVersion: version, toVersion: version + 1 },
      },
      tx,
    )
    return { ok: true as const, status: next.change.status }
  })
}

// ---- new disclosures to record on the case ------------------------------------------------------

/** Visits with a new offence or suspect disclosed, on victims of this police organisation's cases, not yet actioned. */
function disclosuresWhere(actor: Actor): Prisma.VisitWhereInput {
  return {
    disclosure: 'new_offence_or_suspect',
    disclosureActionedAt: null,
    victim: { cases: { some: { case: { policeOrganisationId: actor.organisationId } } } },
  }
}

export const DISCLOSURES_LIMIT = 50

/** The queue page's "New disclosures to record on the case", oldest first (they have waited longest). */
export async function disclosuresToRecord(actor: Actor) {
  await requireIntelligenceQueue(actor)
  const prisma = await db()
  const where = disclosuresWhere(actor)
  const [total, visits] = await Promise.all([
    prisma.visit.count({ where }),
    prisma.visit.findMany({
      where,
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: DISCLOSURES_LIMIT,
      select: {
        id: true,
        at: true,
        disclosure: true,
        disclosureNotes: true,
        recordedBy: { select: { name: true } },
        organisation: { select: { name: true } },
        victim: {
          select: {
            id: true,
            reference: true,
            cases: {
              where: { case: { policeOrganisationId: actor.organisationId } },
              select: { case: { select: { id: true, crimeReference: true } } },
            },
          },
        },
      },
    }),
  ])
  return { total, visits }
}

export type DisclosureResult = { ok: true } | { ok: false; issues: { path: 'note' | 'action'; message: string }[] }

/** "Recorded on the case": an officer or manager of the police organisation, with a short note (what was recorded, or why not). */
export async function markDisclosureRecorded(actor: AuditActor, visitId: string, rawNote: string, ip: string): Promise<DisclosureResult> {
  await requireIntelligenceQueue(actor)
  const prisma = await db()
  const visit = await prisma.visit.findFirst({
    where: { id: visitId, disclosure: 'new_offence_or_suspect', victim: disclosuresWhere(actor).victim },
    select: { id: true, victimId: true, disclosureActionedAt: true },
  })
  if (!visit) throw notFound()
  if (visit.disclosureActionedAt) return { ok: false, issues: [{ path: 'action', message: 'This disclosure has already been recorded on the case' }] }
  const note = rawNote.trim()
  if (!note) return { ok: false, issues: [{ path: 'note', message: 'Enter what was recorded on the case, or why not' }] }
  if (note.length > 500) return { ok: false, issues: [{ path: 'note', message: 'The note must be 500 characters or fewer' }] }
  return prisma.$transaction(async (tx) => {
    const written = await tx.visit.updateMany({
      where: { id: visitId, disclosureActionedAt: null },
      data: { disclosureActionedAt: new Date(), disclosureActionedById: actor.id, disclosureActionNote: note },
    })
    if (written.count !== 1)
      return { ok: false as const, issues: [{ path: 'action' as const, message: 'This disclosure has already been recorded on the case' }] }
    await audit({ actor, action: 'visit.disclosure_actioned', entityType: 'victim', entityId: visit.victimId, ip, details: { visitId } }, tx)
    return { ok: true as const }
  })
}

/** The officer's home page: new items in the queue and disclosures waiting; null for anyone without the queue. */
export async function intelligenceCounts(actor: Actor) {
  if (!isPolice(actor)) return null
  if (!canUseIntelligenceQueue(actor, await organisationKindOf(actor.organisationId))) return null
  const prisma = await db()
  const [newItems, disclosures] = await Promise.all([
    prisma.intelligenceItem.count({ where: { policeOrganisationId: actor.organisationId, status: 'new' } }),
    prisma.visit.count({ where: disclosuresWhere(actor) }),
  ])
  return { newItems, disclosures }
}
