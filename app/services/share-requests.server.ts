// Sharing a child's record between organisations (app/domain/sharing/requests.ts): an advocacy
// service sharing a child with a police force, and a request for access to a record found when
// adding a child. The rules are pure (sharing/requests.ts, access/policy.ts); this layer checks who
// is asking, loads what the rules need and saves each step, audited, in one transaction.
//
// What each side sees: the receiving organisation decides from a summary (age, offences, needs,
// safe contact), never the whole record; someone asking for access learns nothing about the child
// until the holder approves — not even the record's reference.
import { canRequestAccess, canShareWithPolice, canViewVictim, shareActionsFor, type Actor } from '~/domain/access/policy'
import { accessGrant, decide, SHARE_KIND_LABELS, type ShareAction, type ShareKind, type ShareStatus } from '~/domain/sharing/requests'
import type { Prisma } from '~/generated/prisma/client'
import { auditView, caseWhere, loadVictimFacts, refused, requireCaseAccess, requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'
import { recomputeEntitlements } from './entitlements.server'
import { findExistingRecords, type ChildIdentity } from './find-before-add.server'
import { notifyShare, wakeAfterCommit } from './notify.server'
import { sharingBasisNow } from './referrals.server'
import { loadSharingSummary } from './sharing-summary.server'

type Tx = Prisma.TransactionClient
export type Issue = { path: string; message: string }
export type ShareResult = { ok: true; requestId: string; duplicate: boolean } | { ok: false; issues: Issue[]; consentLink?: boolean }

const requestSelect = {
  id: true,
  kind: true,
  victimId: true,
  fromOrganisationId: true,
  toOrganisationId: true,
  requestedById: true,
  reason: true,
  sharingBasis: true,
  status: true,
  decidedById: true,
  decidedAt: true,
  decisionReason: true,
  caseId: true,
  version: true,
  createdAt: true,
  fromOrganisation: { select: { name: true } },
  toOrganisation: { select: { name: true } },
  requestedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
  case: { select: { id: true, crimeReference: true } },
} as const
type RequestRow = Prisma.ShareRequestGetPayload<{ select: typeof requestSelect }>

const facts = (r: Pick<RequestRow, 'kind' | 'status' | 'fromOrganisationId' | 'toOrganisationId'>) => ({
  kind: r.kind as ShareKind,
  status: r.status as ShareStatus,
  fromOrganisationId: r.fromOrganisationId,
  toOrganisationId: r.toOrganisationId,
})

/** An earlier submission of the same form: the same request, never a second one. */
async function repeated(tx: Tx, idempotencyKey: string, actor: Actor) {
  const existing = await tx.shareRequest.findUnique({ where: { idempotencyKey }, select: { id: true, requestedById: true } })
  if (existing && existing.requestedById !== actor.id) throw forbidden()
  return existing
}

const AUDIT_ACTIONS: Record<ShareKind, string> = { police_report: 'share.police', access: 'share.access.request' }

/**
 * Saves a new request from the actor's organisation, audits it with identifiers only (the reason
 * stays out of the audit log) and tells the receiving organisation, in the caller's transaction.
 */
async function openRequest(
  tx: Tx,
  actor: AuditActor,
  request: { kind: ShareKind; victimId: string; toOrganisationId: string; reason: string; sharingBasis?: string; consentId?: string },
  at: { idempotencyKey: string; ip: string; now: Date },
) {
  const created = await tx.shareRequest.create({
    data: { ...request, fromOrganisationId: actor.organisationId, requestedById: actor.id, idempotencyKey: at.idempotencyKey, createdAt: at.now },
    select: { id: true },
  })
  const { reason: _reason, kind, victimId, ...ids } = request
  await audit(
    { actor, action: AUDIT_ACTIONS[kind], entityType: 'victim', entityId: victimId, ip: at.ip, details: { requestId: created.id, ...ids } },
    tx,
  )
  await notifyShare(tx, created.id, 'received')
  return created.id
}

// ---- an advocacy service shares a child with the police ------------------------------------------

/** The "Share with the police" form: the child and the forces to choose from. */
export async function getShareWithPoliceForm(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canShareWithPolice(actor, access.facts)) throw await refused(actor, 'victim', victimId, 'update', forbidden())
  await auditView(actor, 'victim', victimId, 'share-with-police')
  const prisma = await db()
  const [victim, forces, pending] = await Promise.all([
    prisma.victim.findUniqueOrThrow({ where: { id: victimId }, select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true } }),
    prisma.organisation.findMany({ where: { kind: 'police' }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    prisma.shareRequest.findMany({
      where: { victimId, kind: 'police_report', status: 'pending' },
      select: { id: true, toOrganisation: { select: { name: true } }, createdAt: true },
    }),
  ])
  return { victim, forces, pending: pending.map((p) => ({ id: p.id, force: p.toOrganisation.name, at: p.createdAt })) }
}

/**
 * Shares the child with a police force, after checking that consent or a recorded lawful basis
 * names it. Refused, nothing is saved; one pending share per force.
 */
export async function shareWithPolice(
  actor: AuditActor,
  victimId: string,
  input: { organisationId: string; reason: string },
  idempotencyKey: string,
  ip: string,
  now: Date = new Date(),
): Promise<ShareResult> {
  const access = await requireVictimAccess(actor, victimId)
  if (!canShareWithPolice(actor, access.facts)) throw forbidden()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const earlier = await repeated(tx, idempotencyKey, actor)
    if (earlier) return { ok: true as const, requestId: earlier.id, duplicate: true }
    const force = await tx.organisation.findFirst({ where: { id: input.organisationId, kind: 'police' }, select: { id: true, name: true } })
    if (!force) return { ok: false as const, issues: [{ path: 'organisationId', message: 'Select the police force' }] }
    const open = await tx.shareRequest.findFirst({ where: { victimId, toOrganisationId: force.id, kind: 'police_report', status: 'pending' }, select: { id: true } })
    if (open) return { ok: false as const, issues: [{ path: 'organisationId', message: `${force.name} already has this child’s record waiting for a decision` }] }
    const basis = await sharingBasisNow(tx, victimId, force.id, now)
    if (!basis.ok) return { ok: false as const, issues: [{ path: 'organisationId', message: basis.reason }], consentLink: true }
    const requestId = await openRequest(
      tx,
      actor,
      { kind: 'police_report', victimId, toOrganisationId: force.id, reason: input.reason, sharingBasis: basis.basis, consentId: basis.consentId },
      { idempotencyKey, ip, now },
    )
    return { ok: true as const, requestId, duplicate: false }
  }).then(wakeAfterCommit)
}

// ---- asking the holder of a record for access ----------------------------------------------------

/**
 * Asks the holder of a record found when adding a child for access. The victim must be one that
 * the same details find (so an id alone cannot be probed) and one the user cannot already see.
 */
export async function requestAccess(
  actor: AuditActor,
  input: { victimId: string; toOrganisationId: string; reason: string; identity: ChildIdentity },
  idempotencyKey: string,
  ip: string,
  now: Date = new Date(),
): Promise<ShareResult> {
  if (!canRequestAccess(actor)) throw forbidden()
  const matches = await findExistingRecords(actor, input.identity)
  const match = matches.find((m) => m.victimId === input.victimId)
  if (!match) throw notFound()
  if (match.visible) return { ok: false, issues: [{ path: 'reason', message: 'You can already see this record: open it instead' }] }
  if (!match.holders.some((h) => h.organisationId === input.toOrganisationId)) throw notFound()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const earlier = await repeated(tx, idempotencyKey, actor)
    if (earlier) return { ok: true as const, requestId: earlier.id, duplicate: true }
    const open = await tx.shareRequest.findFirst({
      where: { victimId: input.victimId, kind: 'access', status: 'pending', fromOrganisationId: actor.organisationId },
      select: { id: true },
    })
    if (open) return { ok: false as const, issues: [{ path: 'reason', message: 'Your organisation has already asked for access to this record' }] }
    const requestId = await openRequest(
      tx,
      actor,
      { kind: 'access', victimId: input.victimId, toOrganisationId: input.toOrganisationId, reason: input.reason },
      { idempotencyKey, ip, now },
    )
    return { ok: true as const, requestId, duplicate: false }
  }).then(wakeAfterCommit)
}

// ---- the requests page and one request --------------------------------------------------------------

const CASEWORK: readonly Actor['role'][] = ['advocate', 'officer', 'manager']

/** Requests received by, and sent by, the user's organisation. */
export async function listShareRequests(actor: Actor) {
  if (!CASEWORK.includes(actor.role)) throw forbidden()
  const prisma = await db()
  const select = {
    ...requestSelect,
    victim: { select: { reference: true, firstName: true, lastName: true, preferredName: true, restricted: true } },
  } as const
  const [received, sent] = await Promise.all([
    prisma.shareRequest.findMany({ where: { toOrganisationId: actor.organisationId }, orderBy: { createdAt: 'desc' }, take: 200, select }),
    prisma.shareRequest.findMany({ where: { fromOrganisationId: actor.organisationId }, orderBy: { createdAt: 'desc' }, take: 200, select }),
  ])
  const row = (r: (typeof received)[number], side: 'received' | 'sent') => ({
    id: r.id,
    kind: r.kind as ShareKind,
    kindLabel: SHARE_KIND_LABELS[r.kind as ShareKind],
    status: r.status as ShareStatus,
    at: r.createdAt,
    from: r.fromOrganisation.name,
    to: r.toOrganisation.name,
    // Who the child is: for the holder and for a force the child was shared with; never for someone
    // still asking for access to a record they cannot see, nor for a restricted record.
    victim: (side === 'sent' && r.kind === 'access' && r.status !== 'approved') || r.victim.restricted ? null : r.victim,
  })
  return { received: received.map((r) => row(r, 'received')), sent: sent.map((r) => row(r, 'sent')) }
}
export type ShareRequestList = Awaited<ReturnType<typeof listShareRequests>>

/** Home page count: requests the user's organisation has to answer. */
export async function shareRequestsWaiting(actor: Actor) {
  if (!CASEWORK.includes(actor.role)) return 0
  const prisma = await db()
  return prisma.shareRequest.count({ where: { toOrganisationId: actor.organisationId, status: 'pending' } })
}

async function loadRequest(actor: Actor, requestId: string) {
  const prisma = await db()
  const r = await prisma.shareRequest.findUnique({ where: { id: requestId }, select: requestSelect })
  const party = r && CASEWORK.includes(actor.role) && (actor.organisationId === r.fromOrganisationId || actor.organisationId === r.toOrganisationId)
  if (!r) throw notFound()
  if (!party) throw await refused(actor, 'share_request', requestId, 'view', notFound())
  return r
}

/**
 * One request for either of its organisations: the decision summary for the receiving side, the
 * actions open to the user, and for an officer linking a shared child the cases they may link her to.
 */
export async function getShareRequestView(actor: AuditActor, requestId: string, ip: string) {
  const r = await loadRequest(actor, requestId)
  const victimFacts = await loadVictimFacts(r.victimId)
  const actions = shareActionsFor(actor, facts(r), victimFacts)
  const prisma = await db()
  const receiving = actor.organisationId === r.toOrganisationId
  const asker = r.kind === 'access' && !receiving
  const seesVictim = victimFacts !== null && canViewVictim(actor, victimFacts)
  // The requester of access learns nothing about the child; the other side decides from the summary
  // while the request waits (a restricted record's only for the people allocated to it).
  const seesSummary = !asker && victimFacts !== null && (seesVictim || (!victimFacts.restricted && r.status === 'pending'))
  const [summary, cases] = await Promise.all([
    seesSummary ? loadSharingSummary(r.victimId) : null,
    actions.includes('link')
      ? prisma.case.findMany({
          where: { AND: [caseWhere(actor), { status: 'open', policeOrganisationId: actor.organisationId, victims: { none: { victimId: r.victimId } } }] },
          orderBy: { createdAt: 'desc' },
          take: 100,
          select: { id: true, crimeReference: true, stage: true },
        })
      : [],
  ])
  await audit({ actor, action: 'share.view', entityType: 'share_request', entityId: r.id, ip, details: { victimId: r.victimId } })
  return {
    request: {
      id: r.id,
      kind: r.kind as ShareKind,
      kindLabel: SHARE_KIND_LABELS[r.kind as ShareKind],
      status: r.status as ShareStatus,
      version: r.version,
      from: r.fromOrganisation.name,
      to: r.toOrganisation.name,
      requestedBy: r.requestedBy.name,
      at: r.createdAt,
      reason: r.reason,
      sharingBasis: r.sharingBasis,
      decidedBy: r.decidedBy?.name ?? null,
      decidedAt: r.decidedAt,
      decisionReason: r.decisionReason,
      case: r.case && seesVictim ? r.case : null,
    },
    victimId: seesVictim ? r.victimId : null,
    summary,
    actions,
    cases,
  }
}
export type ShareRequestView = Awaited<ReturnType<typeof getShareRequestView>>

const CONFLICT = 'Someone else answered this request while you were looking at it. Check its status below.'

export type AnswerResult = { ok: true; status: ShareStatus; caseId: string | null } | { ok: false; issues: Issue[] }

/**
 * Links a shared child to a case, declines, approves, refuses or withdraws — with optimistic
 * concurrency on `version`. Linking gives the force access through the case; approving gives the
 * requester's organisation the record (accessGrant), once consent or a lawful basis covers sharing
 * with it.
 */
export async function answerShareRequest(
  actor: AuditActor,
  requestId: string,
  action: ShareAction,
  input: { version: number; reason?: string | null; caseId?: string | null },
  ip: string,
  now: Date = new Date(),
): Promise<AnswerResult> {
  const seen = await loadRequest(actor, requestId)
  // The user's side may take this action at all (the request's status is checked in the transaction).
  if (!shareActionsFor(actor, { ...facts(seen), status: 'pending' }, await loadVictimFacts(seen.victimId)).includes(action)) {
    return { ok: false, issues: [{ path: 'intent', message: 'You cannot answer this request that way' }] }
  }
  if (action === 'link') {
    if (!input.caseId) return { ok: false, issues: [{ path: 'caseId', message: 'Select the case to link the child to' }] }
    await requireCaseAccess(actor, input.caseId, 'update')
  }
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const r = await tx.shareRequest.findUniqueOrThrow({ where: { id: requestId }, select: requestSelect })
    if (r.version !== input.version) return { ok: false as const, issues: [{ path: 'version', message: CONFLICT }] }
    const decided = decide(facts(r), action, input.reason)
    if (!decided.ok) return { ok: false as const, issues: [{ path: decided.field, message: decided.message }] }
    const details: Record<string, string | string[]> = { victimId: r.victimId, kind: r.kind, status: decided.status }
    if (action === 'approve') {
      const result = await grantAccess(tx, r, now)
      if (!result.ok) return { ok: false as const, issues: [result.issue] }
      details.allocationIds = result.allocationIds
    }
    if (action === 'link') {
      const caseId = input.caseId!
      await tx.victimCase.upsert({ where: { victimId_caseId: { victimId: r.victimId, caseId } }, create: { victimId: r.victimId, caseId }, update: {} })
      await recomputeEntitlements(tx, caseId, { victimIds: [r.victimId] })
      details.caseId = caseId
    }
    const updated = await tx.shareRequest.updateMany({
      where: { id: requestId, version: input.version },
      data: {
        status: decided.status,
        decidedById: actor.id,
        decidedAt: now,
        decisionReason: decided.reason,
        caseId: action === 'link' ? input.caseId : undefined,
        version: { increment: 1 },
      },
    })
    if (updated.count !== 1) return { ok: false as const, issues: [{ path: 'version', message: CONFLICT }] }
    // The reason itself is for the other organisation, not the audit log.
    await audit({ actor, action: `share.${action}`, entityType: 'share_request', entityId: requestId, ip, details }, tx)
    if (decided.status !== 'withdrawn') await notifyShare(tx, requestId, decided.status as 'linked' | 'declined' | 'approved' | 'refused')
    return { ok: true as const, status: decided.status, caseId: action === 'link' ? input.caseId! : null }
  }).then(wakeAfterCommit)
}

/**
 * An approved access request: the requesting organisation holds the record too (and the requester
 * is named on it), once consent or a lawful basis names that organisation.
 */
async function grantAccess(tx: Tx, r: RequestRow, now: Date): Promise<{ ok: true; allocationIds: string[] } | { ok: false; issue: Issue }> {
  // Within one organisation nothing is shared outside it: no basis is needed.
  const basis = r.fromOrganisationId === r.toOrganisationId ? null : await sharingBasisNow(tx, r.victimId, r.fromOrganisationId, now)
  if (basis && !basis.ok) return { ok: false, issue: { path: 'intent', message: basis.reason } }
  const requester = await tx.user.findUniqueOrThrow({ where: { id: r.requestedById }, select: { id: true, role: true, active: true } })
  const allocationIds: string[] = []
  for (const grant of accessGrant(requester)) {
    if (grant.named && !requester.active) continue
    const created = await tx.allocation.create({
      data: { kind: grant.kind, victimId: r.victimId, organisationId: r.fromOrganisationId, userId: grant.named ? requester.id : null },
      select: { id: true },
    })
    allocationIds.push(created.id)
  }
  if (basis) await tx.shareRequest.update({ where: { id: r.id }, data: { sharingBasis: basis.basis, consentId: basis.consentId } })
  return { ok: true, allocationIds }
}

/**
 * Opening a case for a child shared with the force: the officer may link her although they cannot
 * see her record yet. Called inside createCase's transaction; marks the request linked.
 */
export async function linkSharedChildOnNewCase(tx: Tx, actor: AuditActor, requestId: string, caseId: string, ip: string, now: Date = new Date()) {
  const r = await tx.shareRequest.findUnique({ where: { id: requestId }, select: requestSelect })
  if (!r || !shareActionsFor(actor, facts(r), null).includes('link')) throw forbidden()
  const updated = await tx.shareRequest.updateMany({
    where: { id: requestId, status: 'pending' },
    data: { status: 'linked', decidedById: actor.id, decidedAt: now, caseId, version: { increment: 1 } },
  })
  if (updated.count !== 1) throw new Response(CONFLICT, { status: 409 })
  await audit({ actor, action: 'share.link', entityType: 'share_request', entityId: requestId, ip, details: { victimId: r.victimId, kind: r.kind, status: 'linked', caseId } }, tx)
  await notifyShare(tx, requestId, 'linked')
  return r.victimId
}

/**
 * The pending share the officer is opening a case from: the child's summary for the form. Once the
 * officer has linked her (the same form sent twice), the case it was linked to.
 */
export async function getSharedChildForNewCase(actor: Actor, requestId: string) {
  const r = await loadRequest(actor, requestId)
  const linkedByActor = r.status === 'linked' && r.decidedById === actor.id
  if (!linkedByActor && !shareActionsFor(actor, facts(r), null).includes('link')) throw notFound()
  const summary = await loadSharingSummary(r.victimId)
  return { requestId: r.id, victimId: r.victimId, label: `${summary.reference} – ${summary.name}`, from: r.fromOrganisation.name, linkedCaseId: linkedByActor ? r.caseId : null }
}
