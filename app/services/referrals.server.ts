// Referrals from a victim's record to a voluntary-sector support service, and the sessions logged
// against them. The rules are pure (app/domain/support/referrals.ts); this layer
// checks who is asking, loads what the rules need, and saves the outcome in one transaction.
//
// Who may do what:
//  - refer: whoever may update the victim (canUpdateVictim), never for a restricted record (the
//    receiving service could not see it);
//  - see a referral: whoever may see the victim (including the receiving organisation's advocates and
//    managers, through referral-only access while it is open), and the caseworkers of its two
//    organisations at any time;
//  - answer, run and close it: the receiving organisation; withdraw it: the referring organisation
//    (canAct / availableActions);
//  - session notes: only users of the receiving (providing) organisation. Everyone else who may see
//    the referral sees that a session happened (date, kind, attended), never what was said.
import { canSeeSharingSummary, canUpdateVictim, canViewVictim, type Actor } from '~/domain/access/policy'
import { isHandover } from '~/domain/sharing/requests'
import type { SessionInput } from '~/domain/support/forms'
import {
  availableActions,
  canAct,
  checkServiceOffered,
  checkSession,
  REFERRAL_OUTCOMES,
  serviceTypeLabel,
  sharingBasisFor,
  transition,
  type Referral as DomainReferral,
  type ReferralInput,
  type ReferralOutcome,
  type ReferralStatus,
} from '~/domain/support/referrals'
import type { Prisma } from '~/generated/prisma/client'
import { auditView, loadVictimFacts, requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'
import { notifyReferral, wakeAfterCommit } from './notify.server'
import { loadSharingSummary } from './sharing-summary.server'

type Tx = Prisma.TransactionClient
export type Issue = { path: string; message: string }

const ACTING_ROLES: readonly Actor['role'][] = ['advocate', 'officer', 'manager']

// ---- making a referral ----------------------------------------------------------------------------

/** The "Refer to a support service" form: the victim, the directory to choose from, and the consents on record. */
export async function getReferralForm(actor: Actor, victimId: string) {
  await requireVictimAccess(actor, victimId, 'update')
  await auditView(actor, 'victim', victimId, 'referrals/new')
  const prisma = await db()
  const victim = await prisma.victim.findUniqueOrThrow({
    where: { id: victimId },
    select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true, restricted: true },
  })
  const organisations = await prisma.organisation.findMany({
    where: { supportServices: { some: { active: true } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, supportServices: { where: { active: true }, select: { serviceType: true } } },
  })
  return {
    victim,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, services: o.supportServices.map((s) => s.serviceType) })),
  }
}

export type MakeReferralResult = { ok: true; referralId: string; duplicate: boolean } | { ok: false; issues: Issue[]; consentLink?: boolean }

/**
 * Makes a referral after checking that the organisation offers the service and that consent or a
 * recorded lawful basis covers sharing with it. Refused: nothing is saved.
 */
export async function makeReferral(
  actor: AuditActor,
  victimId: string,
  input: ReferralInput,
  idempotencyKey: string,
  ip: string,
  now: Date = new Date(),
): Promise<MakeReferralResult> {
  const access = await requireVictimAccess(actor, victimId, 'update')
  if (!canUpdateVictim(actor, access.facts)) throw forbidden()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const existing = await tx.referral.findUnique({ where: { idempotencyKey }, select: { id: true, victimId: true } })
    if (existing) {
      if (existing.victimId !== victimId) throw forbidden()
      return { ok: true as const, referralId: existing.id, duplicate: true }
    }
    if (access.facts.restricted) {
      return {
        ok: false as const,
        issues: [
          {
            path: 'organisationId',
            message:
              'This record is restricted: only the people allocated to it can see it, so a service could not read the referral. Allocate someone from the service to the record instead.',
          },
        ],
      }
    }
    const organisation = await tx.organisation.findUnique({
      where: { id: input.organisationId },
      select: { id: true, name: true, supportServices: { where: { active: true }, select: { serviceType: true } } },
    })
    if (!organisation) return { ok: false as const, issues: [{ path: 'organisationId', message: 'Select the organisation to refer to' }] }
    const notOffered = checkServiceOffered(input, { name: organisation.name, services: organisation.supportServices.map((s) => s.serviceType) })
    if (notOffered.length) return { ok: false as const, issues: notOffered }
    const basis = await sharingBasisNow(tx, victimId, organisation.id, now)
    if (!basis.ok) return { ok: false as const, issues: [{ path: 'organisationId', message: basis.reason }], consentLink: true }
    const referral = await tx.referral.create({
      data: {
        victimId,
        fromOrganisationId: actor.organisationId,
        toOrganisationId: organisation.id,
        serviceType: input.serviceType,
        reason: input.reason,
        referredById: actor.id,
        sharingBasis: basis.basis,
        consentId: basis.consentId,
        status: 'sent',
        sentAt: now,
        idempotencyKey,
      },
      select: { id: true },
    })
    // Identifiers only: the reason for the referral stays out of the audit log.
    await audit(
      {
        actor,
        action: 'referral.create',
        entityType: 'victim',
        entityId: victimId,
        ip,
        details: {
          referralId: referral.id,
          toOrganisationId: organisation.id,
          serviceType: input.serviceType,
          sharingBasis: basis.basis,
          consentId: basis.consentId,
        },
      },
      tx,
    )
    // The receiving organisation hears of it by email, in this transaction.
    await notifyReferral(tx, referral.id, 'received')
    return { ok: true as const, referralId: referral.id, duplicate: false }
  }).then(wakeAfterCommit)
}

// ---- one referral -----------------------------------------------------------------------------------

const referralSelect = {
  id: true,
  victimId: true,
  fromOrganisationId: true,
  toOrganisationId: true,
  serviceType: true,
  reason: true,
  sharingBasis: true,
  consentId: true,
  status: true,
  sentAt: true,
  acceptedAt: true,
  declinedAt: true,
  declineReason: true,
  activeAt: true,
  closedAt: true,
  outcome: true,
  outcomeDetail: true,
  withdrawnAt: true,
  withdrawReason: true,
  version: true,
} as const

type ReferralRow = Prisma.ReferralGetPayload<{ select: typeof referralSelect }>

function toDomain(r: ReferralRow): DomainReferral {
  return { ...r, status: r.status as ReferralStatus, outcome: r.outcome as ReferralOutcome | null }
}

/**
 * The referral, for the two organisations of the referral (their caseworkers keep their own record of
 * it, sessions included, after it ends) and anyone who may see its victim; 404 otherwise, as for the victim.
 */
async function loadReferral(actor: Actor, referralId: string) {
  const prisma = await db()
  const row = await prisma.referral.findUnique({ where: { id: referralId }, select: referralSelect })
  if (!row) throw notFound()
  const party = actor.organisationId === row.toOrganisationId || actor.organisationId === row.fromOrganisationId
  if (!(party && ACTING_ROLES.includes(actor.role))) await requireVictimAccess(actor, row.victimId)
  return row
}

/** The same referral read again inside the transaction that changes it (its status and version now). */
const reread = (tx: Tx, referralId: string) => tx.referral.findUniqueOrThrow({ where: { id: referralId }, select: referralSelect })

const isReceiving = (actor: Actor, r: Pick<ReferralRow, 'fromOrganisationId' | 'toOrganisationId'>) => canAct(actor.organisationId, r, 'close')
const isReferring = (actor: Actor, r: Pick<ReferralRow, 'fromOrganisationId' | 'toOrganisationId'>) => canAct(actor.organisationId, r, 'withdraw')

/** Actions the user may take now: their organisation's side, the status, and a casework role that acts. */
function actionsFor(actor: Actor, r: ReferralRow) {
  if (!ACTING_ROLES.includes(actor.role)) return []
  return availableActions(actor.organisationId, toDomain(r))
}

export interface HistoryEntry {
  at: Date
  what: string
  detail: string | null
}

function historyOf(r: ReferralRow, seesReasons: boolean): HistoryEntry[] {
  const outcome = REFERRAL_OUTCOMES.find((o) => o.id === r.outcome)?.label ?? null
  const entries: (HistoryEntry | null)[] = [
    { at: r.sentAt, what: 'Referral sent', detail: null },
    r.acceptedAt ? { at: r.acceptedAt, what: 'Accepted', detail: null } : null,
    r.declinedAt ? { at: r.declinedAt, what: 'Declined', detail: seesReasons ? r.declineReason : null } : null,
    r.activeAt ? { at: r.activeAt, what: 'Support started (active)', detail: null } : null,
    r.closedAt ? { at: r.closedAt, what: 'Closed', detail: [outcome, seesReasons ? r.outcomeDetail : null].filter(Boolean).join(': ') || null } : null,
    r.withdrawnAt ? { at: r.withdrawnAt, what: 'Withdrawn', detail: seesReasons ? r.withdrawReason : null } : null,
  ]
  return entries.filter((e): e is HistoryEntry => e !== null).sort((a, b) => a.at.getTime() - b.at.getTime())
}

/**
 * The referral page: its history, the actions open to the user's side, and its sessions — with
 * notes only for users of the receiving organisation. Reasons (why referred, declined, withdrawn)
 * go to the two organisations of the referral only. Audited as a view.
 */
export async function getReferralView(actor: AuditActor, referralId: string, ip: string) {
  const r = await loadReferral(actor, referralId)
  const prisma = await db()
  const receiving = isReceiving(actor, r)
  const party = receiving || isReferring(actor, r)
  const actions = actionsFor(actor, r)
  const handover = isHandover(r.serviceType)
  // A restricted record cannot be referred; one restricted since keeps who it is from the service.
  const facts = await loadVictimFacts(r.victimId)
  const victimRestricted = facts?.restricted ?? true
  const [victim, orgs, sessions, summary, advocates] = await Promise.all([
    prisma.victim.findUniqueOrThrow({
      where: { id: r.victimId },
      select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true, restricted: true },
    }),
    prisma.organisation.findMany({ where: { id: { in: [r.fromOrganisationId, r.toOrganisationId] } }, select: { id: true, name: true } }),
    prisma.supportSession.findMany({
      where: { referralId },
      orderBy: [{ at: 'desc' }, { recordedAt: 'desc' }],
      // Notes are not even read for users outside the receiving organisation.
      select: { id: true, at: true, kind: true, attended: true, notes: receiving, recordedBy: { select: { name: true } } },
    }),
    // What the receiving service decides on while the referral waits for its answer.
    r.status === 'sent' && canSeeSharingSummary(actor, r) && !victimRestricted ? loadSharingSummary(r.victimId) : null,
    handover && actions.includes('accept') ? leadAdvocateCandidates(r.toOrganisationId) : [],
  ])
  await audit({ actor, action: 'referral.view', entityType: 'referral', entityId: referralId, ip, details: { victimId: r.victimId } })
  // A restricted victim is seen only by the people allocated to them: the referral's organisations keep
  // managing the referral, but without who it is about (as the referrals list, listReferralInbox).
  const { restricted, ...shown } = victim
  const seesVictim = !restricted || (facts !== null && canViewVictim(actor, facts))
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? ''
  return {
    referral: {
      id: r.id,
      status: r.status as ReferralStatus,
      version: r.version,
      serviceType: r.serviceType,
      serviceLabel: serviceTypeLabel(r.serviceType),
      from: orgName(r.fromOrganisationId),
      to: orgName(r.toOrganisationId),
      sentAt: r.sentAt,
      sharingBasis: r.sharingBasis,
      reason: party ? r.reason : null,
    },
    victim: seesVictim ? shown : null,
    /** Whether the user may open the victim's page (a referral waiting for an answer shows the summary only). */
    opensVictim: facts !== null && canViewVictim(actor, facts),
    summary,
    handover,
    advocates,
    history: historyOf(r, party),
    actions,
    canLogSession: receiving && ACTING_ROLES.includes(actor.role) && (r.status === 'accepted' || r.status === 'active'),
    seesNotes: receiving,
    sessions: sessions.map((s) => ({
      id: s.id,
      at: s.at,
      kind: s.kind,
      attended: s.attended,
      recordedBy: s.recordedBy.name,
      notes: receiving ? (s.notes ?? null) : null,
    })),
  }
}
export type ReferralView = Awaited<ReturnType<typeof getReferralView>>

export type ChangeResult = { ok: true; status: ReferralStatus } | { ok: false; issues: Issue[] }

const CONFLICT = 'Someone else changed this referral while you were looking at it. Check its status below and try again.'

/**
 * Accept, decline (with reason), make active, close (with outcome) or withdraw (with reason), with
 * optimistic concurrency: `version` is the one the user saw. Audited with the new status and the
 * outcome id only.
 */
export async function changeReferral(
  actor: AuditActor,
  referralId: string,
  action: 'accept' | 'decline' | 'activate' | 'close' | 'withdraw',
  input: { version: number; reason?: string | null; outcome?: string | null; outcomeDetail?: string | null; leadAdvocateId?: string | null },
  ip: string,
  now: Date = new Date(),
): Promise<ChangeResult> {
  const seen = await loadReferral(actor, referralId)
  if (!ACTING_ROLES.includes(actor.role) || !canAct(actor.organisationId, seen, action)) throw forbidden()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const r = await reread(tx, referralId)
    if (r.version !== input.version) return { ok: false as const, issues: [{ path: 'version', message: CONFLICT }] }
    const result = transition(toDomain(r), action, { at: now, reason: input.reason, outcome: input.outcome, outcomeDetail: input.outcomeDetail })
    if (!result.ok) return { ok: false as const, issues: [{ path: result.field === 'action' ? 'intent' : result.field, message: result.message }] }
    const n = result.referral
    let takenOn: TakeOn | null = null
    if (action === 'accept') {
      // Consent withdrawn since the referral was sent stops it here: nothing more is shared.
      const basis = await sharingBasisNow(tx, r.victimId, r.toOrganisationId, now)
      if (!basis.ok) return { ok: false as const, issues: [{ path: 'intent', message: basis.reason }] }
      if (isHandover(r.serviceType)) {
        const taken = await takeOn(tx, r, input.leadAdvocateId || null)
        if (!taken.ok) return { ok: false as const, issues: [taken.issue] }
        takenOn = taken.takenOn
      }
    }
    const updated = await tx.referral.updateMany({
      where: { id: referralId, version: input.version },
      data: {
        status: n.status,
        acceptedAt: n.acceptedAt ?? null,
        declinedAt: n.declinedAt ?? null,
        declineReason: n.declineReason ?? null,
        activeAt: n.activeAt ?? null,
        closedAt: n.closedAt ?? null,
        outcome: n.outcome ?? null,
        outcomeDetail: n.outcomeDetail ?? null,
        withdrawnAt: n.withdrawnAt ?? null,
        withdrawReason: n.withdrawReason ?? null,
        version: { increment: 1 },
      },
    })
    if (updated.count !== 1) return { ok: false as const, issues: [{ path: 'version', message: CONFLICT }] }
    await audit(
      {
        actor,
        action: `referral.${action}`,
        entityType: 'referral',
        entityId: referralId,
        ip,
        details: { victimId: r.victimId, status: n.status, ...(n.outcome ? { outcome: n.outcome } : {}), ...(takenOn ? { takenOn } : {}) },
      },
      tx,
    )
    // The referrer hears of a decision by email, in this transaction.
    if (n.status === 'accepted' || n.status === 'declined') await notifyReferral(tx, referralId, n.status)
    return { ok: true as const, status: n.status }
  }).then(wakeAfterCommit)
}

/** Whether consent or a recorded lawful basis still covers sharing the victim with the organisation. */
export async function sharingBasisNow(tx: Tx, victimId: string, organisationId: string, now: Date) {
  const [organisation, consents] = await Promise.all([
    tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, name: true } }),
    tx.consent.findMany({
      where: { victimId },
      select: { id: true, scope: true, sharedWith: true, givenBy: true, lawfulBasis: true, recordedAt: true, withdrawnAt: true },
    }),
  ])
  return sharingBasisFor(consents, organisation, now)
}

/** Active advocates of the receiving service, to name a lead advocate when it takes a child on. */
async function leadAdvocateCandidates(organisationId: string) {
  const prisma = await db()
  return prisma.user.findMany({ where: { organisationId, role: 'advocate', active: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
}

type TakeOn = { allocationIds: string[]; leadAdvocateId: string | null }

/**
 * Accepting an advocacy referral hands the child over: the receiving service holds the record (a
 * 'service' allocation, unless it already does) and, when one is named, an advocate of that service
 * leads — in the transaction that accepts the referral.
 */
async function takeOn(tx: Tx, r: ReferralRow, leadAdvocateId: string | null): Promise<{ ok: true; takenOn: TakeOn } | { ok: false; issue: Issue }> {
  const active = await tx.allocation.findMany({ where: { victimId: r.victimId, endedAt: null }, select: { kind: true, organisationId: true } })
  if (leadAdvocateId) {
    const lead = await tx.user.findFirst({ where: { id: leadAdvocateId, organisationId: r.toOrganisationId, role: 'advocate', active: true }, select: { id: true } })
    if (!lead) return { ok: false, issue: { path: 'leadAdvocateId', message: 'Select an advocate from your service' } }
    if (active.some((a) => a.kind === 'lead_advocate')) {
      return { ok: false, issue: { path: 'leadAdvocateId', message: 'The child already has a lead advocate: accept without naming one, then allocate an advocate' } }
    }
  }
  const allocationIds: string[] = []
  if (!active.some((a) => a.kind === 'service' && a.organisationId === r.toOrganisationId)) {
    const held = await tx.allocation.create({ data: { kind: 'service', victimId: r.victimId, organisationId: r.toOrganisationId }, select: { id: true } })
    allocationIds.push(held.id)
  }
  if (leadAdvocateId) {
    const lead = await tx.allocation.create({
      data: { kind: 'lead_advocate', victimId: r.victimId, userId: leadAdvocateId, organisationId: r.toOrganisationId },
      select: { id: true },
    })
    allocationIds.push(lead.id)
  }
  return { ok: true, takenOn: { allocationIds, leadAdvocateId } }
}

// ---- sessions -----------------------------------------------------------------------------------------

export type SessionResult = { ok: true; sessionId: string; duplicate: boolean; activated: boolean } | { ok: false; issues: Issue[] }

/**
 * Logs a support session (receiving organisation only). Refused on a sent, declined, closed or
 * withdrawn referral; the first session on an accepted referral makes it active in the same
 * transaction. The notes never reach the audit log.
 */
export async function logSession(
  actor: AuditActor,
  referralId: string,
  input: SessionInput,
  idempotencyKey: string,
  ip: string,
  now: Date = new Date(),
): Promise<SessionResult> {
  const seen = await loadReferral(actor, referralId)
  if (!ACTING_ROLES.includes(actor.role) || !isReceiving(actor, seen)) throw forbidden()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const r = await reread(tx, referralId)
    const existing = await tx.supportSession.findUnique({ where: { idempotencyKey }, select: { id: true, referralId: true } })
    if (existing) {
      if (existing.referralId !== referralId) throw forbidden()
      return { ok: true as const, sessionId: existing.id, duplicate: true, activated: false }
    }
    const check = checkSession(toDomain(r), { at: input.at }, now)
    // 'referral': the referral's status refuses sessions (a message for the whole form, not a field).
    if (!check.ok) return { ok: false as const, issues: [{ path: check.field, message: check.message }] }
    const session = await tx.supportSession.create({
      data: { referralId, at: input.at, kind: input.kind, attended: input.attended, notes: input.notes, recordedById: actor.id, idempotencyKey },
      select: { id: true },
    })
    if (check.activate) {
      // Support starts with the first session: the referral becomes active, dated no earlier than its acceptance.
      const at = r.acceptedAt && r.acceptedAt > input.at ? r.acceptedAt : input.at
      const moved = transition(toDomain(r), 'activate', { at })
      if (!moved.ok) throw new Error(moved.message)
      const updated = await tx.referral.updateMany({
        where: { id: referralId, version: r.version },
        data: { status: 'active', activeAt: moved.referral.activeAt, version: { increment: 1 } },
      })
      if (updated.count !== 1) throw new Response(CONFLICT, { status: 409 })
    }
    await audit(
      {
        actor,
        action: 'referral.session',
        entityType: 'referral',
        entityId: referralId,
        ip,
        details: { victimId: r.victimId, sessionId: session.id, kind: input.kind, attended: input.attended, activated: check.activate },
      },
      tx,
    )
    return { ok: true as const, sessionId: session.id, duplicate: false, activated: check.activate }
  })
}

// ---- the inbox and the victim page --------------------------------------------------------------------

/** Referrals received by, and sent by, the user's organisation (advocates and managers). */
export async function listReferralInbox(actor: Actor) {
  if (actor.role !== 'advocate' && actor.role !== 'manager') throw forbidden()
  const prisma = await db()
  const select = {
    id: true,
    status: true,
    serviceType: true,
    sentAt: true,
    updatedAt: true,
    victim: { select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true, restricted: true } },
    fromOrganisation: { select: { name: true } },
    toOrganisation: { select: { name: true } },
    _count: { select: { sessions: true } },
  } as const
  const [received, sent] = await Promise.all([
    prisma.referral.findMany({ where: { toOrganisationId: actor.organisationId }, orderBy: { sentAt: 'desc' }, take: 200, select }),
    prisma.referral.findMany({ where: { fromOrganisationId: actor.organisationId }, orderBy: { sentAt: 'desc' }, take: 200, select }),
  ])
  const row = (r: (typeof received)[number]) => ({
    id: r.id,
    status: r.status as ReferralStatus,
    serviceLabel: serviceTypeLabel(r.serviceType),
    sentAt: r.sentAt,
    // A restricted victim's name is never listed: only people allocated to the record may see it.
    victim: r.victim.restricted ? null : r.victim,
    from: r.fromOrganisation.name,
    to: r.toOrganisation.name,
    sessions: r._count.sessions,
  })
  return { received: received.map(row), sent: sent.map(row) }
}
export type ReferralInbox = Awaited<ReturnType<typeof listReferralInbox>>

/** Home page: referrals to the user's organisation waiting for it to act (sent: decide; accepted: start). */
export async function referralsWaiting(actor: Actor) {
  if (actor.role !== 'advocate' && actor.role !== 'manager') return null
  const prisma = await db()
  const counts = await prisma.referral.groupBy({
    by: ['status'],
    where: { toOrganisationId: actor.organisationId, status: { in: ['sent', 'accepted'] } },
    _count: { _all: true },
  })
  const of = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0
  return { toDecide: of('sent'), toStart: of('accepted') }
}

/** Every referral of the victim with its sessions' count and last date (no notes), for the Support section. */
export async function listVictimReferrals(victimId: string, tx?: Tx) {
  const prisma = tx ?? (await db())
  const rows = await prisma.referral.findMany({
    where: { victimId },
    orderBy: { sentAt: 'desc' },
    select: {
      id: true,
      status: true,
      serviceType: true,
      sentAt: true,
      activeAt: true,
      closedAt: true,
      declinedAt: true,
      withdrawnAt: true,
      toOrganisation: { select: { name: true } },
      sessions: { select: { at: true, attended: true }, orderBy: { at: 'desc' } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ReferralStatus,
    serviceLabel: serviceTypeLabel(r.serviceType),
    organisation: r.toOrganisation.name,
    sentAt: r.sentAt,
    activeAt: r.activeAt,
    endedAt: r.closedAt ?? r.declinedAt ?? r.withdrawnAt ?? null,
    sessions: r.sessions.length,
    lastSessionAt: r.sessions[0]?.at ?? null,
    lastAttendedAt: r.sessions.find((s) => s.attended)?.at ?? null,
  }))
}

export const describeSharing = (basis: string) => (basis === 'consent' ? 'consent' : 'a recorded lawful basis')
