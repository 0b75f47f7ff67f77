// Prosecution case review. A case gets a CaseReview when every defendant
// on it has a final outcome (app/domain/review/finalisation.ts); its factors are extracted from the
// journal, contacts, visits, support and entitlements (app/domain/review/factors.ts) and re-extracted
// on every journal change until a reviewer (CPS liaison or manager who can see the case) signs it
// off, which freezes them. A correction that un-finalises the case removes an unsigned review; a
// signed-off review is never touched.
//
// Access: CPS liaison and managers who can see the case in their own right review it; officers who
// can see the case read it; advocates and administrators are refused.
import { canViewCase, type Actor } from '~/domain/access/policy'
import { JOURNAL_SELECT } from '~/domain/journey/journal'
import { extractFactors, parseFactors, type ReviewFactors } from '~/domain/review/factors'
import { finalisation } from '~/domain/review/finalisation'
import { ReviewDraftSchema, ReviewSignOffSchema, type ReviewDraft } from '~/domain/review/tags'
import type { Prisma } from '~/generated/prisma/client'
import { loadCaseFacts, refused } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'

type Tx = Prisma.TransactionClient

export const REVIEW_ROLES = ['cps_liaison', 'manager', 'officer'] as const
const REVIEWER_ROLES: readonly Actor['role'][] = ['cps_liaison', 'manager']
const ADVOCATE_KINDS = ['lead_advocate', 'advocate'] as const
export const REVIEW_CONFLICT = 'Someone else changed this review while you were editing it. Check it below, then save again.'

export type RefreshResult = 'created' | 'updated' | 'removed' | 'signed_off' | 'none'

/** What extractFactors needs, read inside the transaction. Null when the case is not finalised. */
async function computeReview(tx: Tx, caseId: string) {
  const [events, defendants, links] = await Promise.all([
    tx.journeyEvent.findMany({ where: { caseId }, select: JOURNAL_SELECT }),
    tx.defendant.findMany({ where: { caseId }, select: { id: true, label: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    tx.victimCase.findMany({ where: { caseId }, select: { victimId: true } }),
  ])
  const fin = finalisation(events, defendants)
  if (!fin.finalised) return null
  const victimId = { in: links.map((l) => l.victimId) }
  const [contacts, visits, referrals, advocateAllocations, entitlements] = await Promise.all([
    tx.contact.findMany({ where: { victimId }, select: { contactedAt: true } }),
    tx.visit.findMany({ where: { victimId }, select: { at: true, status: true } }),
    tx.referral.findMany({
      where: { victimId },
      select: { serviceType: true, acceptedAt: true, activeAt: true, sessions: { select: { at: true, attended: true } } },
    }),
    tx.allocation.findMany({ where: { victimId, kind: { in: [...ADVOCATE_KINDS] } }, select: { startedAt: true } }),
    tx.entitlement.findMany({ where: { caseId }, select: { status: true, dueAt: true, metAt: true, withdrawnAt: true } }),
  ])
  const factors = extractFactors({
    events,
    defendantIds: defendants.map((d) => d.id),
    finalisation: fin,
    contacts,
    visits,
    referrals,
    advocateAllocations,
    entitlements,
  })
  return { finalisedAt: fin.finalisedAt, outcome: fin.outcome, factors }
}

/**
 * Brings a case's review in line with its journal: creates it when the case becomes finalised,
 * re-extracts the factors while it awaits review, removes it if the case is no longer finalised.
 * Call inside the transaction that changed the journal (after recomputeEntitlements). `now` is kept
 * for callers that refresh on a schedule; "missed" entitlements are judged at finalisation.
 */
export async function refreshCaseReview(tx: Tx, caseId: string, _now: Date = new Date()): Promise<RefreshResult> {
  const existing = await tx.caseReview.findUnique({ where: { caseId }, select: { id: true, status: true } })
  if (existing?.status === 'signed_off') return 'signed_off'
  const computed = await computeReview(tx, caseId)
  if (!computed) {
    if (!existing) return 'none'
    await tx.caseReview.delete({ where: { id: existing.id } })
    return 'removed'
  }
  const data = { finalisedAt: computed.finalisedAt, outcome: computed.outcome, factors: computed.factors as unknown as Prisma.InputJsonValue }
  if (existing) {
    await tx.caseReview.update({ where: { id: existing.id }, data })
    return 'updated'
  }
  await tx.caseReview.create({ data: { caseId, status: 'awaiting_review', ...data } })
  return 'created'
}

/** The case's facts, if this user may open its review: CPS liaison, managers and officers who can see the case. */
async function requireReviewAccess(actor: Actor, caseId: string) {
  if (!(REVIEW_ROLES as readonly string[]).includes(actor.role)) throw forbidden()
  const loaded = await loadCaseFacts(caseId)
  if (!loaded) throw notFound()
  if (!canViewCase(actor, loaded.facts)) throw await refused(actor, 'case', caseId, 'view', notFound())
  return { facts: loaded.facts, canReview: REVIEWER_ROLES.includes(actor.role) }
}

export interface CaseReviewView {
  case: { id: string; crimeReference: string }
  review: {
    id: string
    status: 'awaiting_review' | 'signed_off'
    finalisedAt: string
    outcome: string
    factors: ReviewFactors | null
    helped: string | null
    hindered: string | null
    lessons: string | null
    tags: string[]
    version: number
    signedOffBy: string | null
    signedOffAt: string | null
  }
  canReview: boolean
}

/** The review page. 404 when the case has no review (not finalised) or the user cannot see the case. */
export async function getCaseReview(actor: AuditActor, caseId: string, ip?: string): Promise<CaseReviewView> {
  const access = await requireReviewAccess(actor, caseId)
  const prisma = await db()
  const review = await prisma.$transaction(async (tx) => {
    // Contacts, visits and support change outside the journal: refresh an open review on view
    // (holding the case's lock, as the journal does, so two refreshes cannot both create it).
    await tx.$executeRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`
    await refreshCaseReview(tx, caseId)
    return tx.caseReview.findUnique({
      where: { caseId },
      select: {
        id: true,
        status: true,
        finalisedAt: true,
        outcome: true,
        factors: true,
        helped: true,
        hindered: true,
        lessons: true,
        tags: true,
        version: true,
        signedOffAt: true,
        signedOffBy: { select: { name: true } },
        case: { select: { id: true, crimeReference: true } },
      },
    })
  })
  if (!review) throw notFound()
  await audit({ actor, action: 'case_review.view', entityType: 'case', entityId: caseId, ip: ip ?? null, details: { reviewId: review.id } })
  return {
    case: review.case,
    review: {
      id: review.id,
      status: review.status === 'signed_off' ? 'signed_off' : 'awaiting_review',
      finalisedAt: review.finalisedAt.toISOString(),
      outcome: review.outcome,
      factors: parseFactors(review.factors),
      helped: review.helped,
      hindered: review.hindered,
      lessons: review.lessons,
      tags: review.tags,
      version: review.version,
      signedOffBy: review.signedOffBy?.name ?? null,
      signedOffAt: review.signedOffAt?.toISOString() ?? null,
    },
    canReview: access.canReview && review.status !== 'signed_off',
  }
}

/** Does this case have a review this user may open? (For the link on the case page.) */
export async function caseReviewLink(actor: Actor, caseId: string): Promise<{ status: string } | null> {
  if (!(REVIEW_ROLES as readonly string[]).includes(actor.role)) return null
  const loaded = await loadCaseFacts(caseId)
  if (!loaded || !canViewCase(actor, loaded.facts)) return null
  const prisma = await db()
  return prisma.caseReview.findUnique({ where: { caseId }, select: { status: true } })
}

export type ReviewSaveResult = { ok: true } | { ok: false; conflict: boolean; fieldErrors: Record<string, string[]> }

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const i of error.issues) (out[i.path.map(String).join('.') || 'form'] ??= []).push(i.message)
  return out
}

/** 404 unless the user may open the case's review, 403 unless they may also write it (actions check this before reading the form). */
export async function requireReviewer(actor: Actor, caseId: string) {
  const access = await requireReviewAccess(actor, caseId)
  if (!access.canReview) throw forbidden()
}

async function writeReview(actor: AuditActor, caseId: string, raw: unknown, ip: string, signOff: boolean): Promise<ReviewSaveResult> {
  const access = await requireReviewAccess(actor, caseId)
  if (!access.canReview) throw forbidden()
  const parsed = (signOff ? ReviewSignOffSchema : ReviewDraftSchema).safeParse(raw)
  if (!parsed.success) return { ok: false, conflict: false, fieldErrors: issuesOf(parsed.error) }
  const input: ReviewDraft = parsed.data
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`
    const review = await tx.caseReview.findUnique({ where: { caseId }, select: { id: true, status: true, version: true } })
    if (!review) throw notFound()
    if (review.status === 'signed_off' || review.version !== input.version)
      return { ok: false as const, conflict: true, fieldErrors: { version: [REVIEW_CONFLICT] } }
    // Sign-off freezes the factors as they are now.
    if (signOff) await refreshCaseReview(tx, caseId)
    const updated = await tx.caseReview.updateMany({
      where: { id: review.id, version: input.version, status: 'awaiting_review' },
      data: {
        helped: input.helped || null,
        hindered: input.hindered || null,
        lessons: input.lessons || null,
        tags: input.tags,
        version: { increment: 1 },
        ...(signOff ? { status: 'signed_off', signedOffById: actor.id, signedOffAt: new Date() } : {}),
      },
    })
    if (updated.count !== 1) return { ok: false as const, conflict: true, fieldErrors: { version: [REVIEW_CONFLICT] } }
    await audit(
      {
        actor,
        action: signOff ? 'case_review.sign_off' : 'case_review.save',
        entityType: 'case',
        entityId: caseId,
        ip,
        details: { reviewId: review.id, tags: input.tags },
      },
      tx,
    )
    return { ok: true as const }
  })
}

/** Saves the reviewer's draft (helped, hindered, lessons, tags). Optimistic concurrency on `version`. */
export function saveReviewDraft(actor: AuditActor, caseId: string, raw: unknown, ip: string) {
  return writeReview(actor, caseId, raw, ip, false)
}

/** Signs the review off: needs helped, hindered, lessons and a tag; freezes the factors; audited with ids and tags only. */
export function signOffReview(actor: AuditActor, caseId: string, raw: unknown, ip: string) {
  return writeReview(actor, caseId, raw, ip, true)
}

export interface AwaitingReview {
  caseId: string
  crimeReference: string
  finalisedAt: string
  outcome: string
}

/** "Cases awaiting review" on the home page: CPS liaison (cases they can see) and managers (their organisation's cases). */
export async function casesAwaitingReview(actor: Actor, limit = 20): Promise<{ total: number; cases: AwaitingReview[] } | null> {
  if (!REVIEWER_ROLES.includes(actor.role)) return null
  const cps: Prisma.CaseWhereInput = {
    sentToCpsAt: { not: null },
    OR: [{ cpsOrganisationId: actor.organisationId }, { witnessCareOrganisationId: actor.organisationId }],
  }
  const caseScope: Prisma.CaseWhereInput = actor.role === 'manager' ? { OR: [{ policeOrganisationId: actor.organisationId }, cps] } : cps
  const where: Prisma.CaseReviewWhereInput = { status: 'awaiting_review', case: caseScope }
  const prisma = await db()
  const [total, rows] = await Promise.all([
    prisma.caseReview.count({ where }),
    prisma.caseReview.findMany({
      where,
      orderBy: [{ finalisedAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { finalisedAt: true, outcome: true, case: { select: { id: true, crimeReference: true } } },
    }),
  ])
  return {
    total,
    cases: rows.map((r) => ({ caseId: r.case.id, crimeReference: r.case.crimeReference, finalisedAt: r.finalisedAt.toISOString(), outcome: r.outcome })),
  }
}
