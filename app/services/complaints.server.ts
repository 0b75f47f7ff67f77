// Right 12: complaints that a Victims' Code entitlement was not met, recorded against the
// entitlement and taken through received → acknowledged → responded → outcome. Whoever may log a
// contact with the victim may record and update them (policy.ts: canRecordContact); the
// entitlement must be the victim's, on a case this user may see. Changes are audited by field
// name only — the complaint's own words stay out of the audit log.
import type { z } from 'zod'
import { canRecordContact, type Actor } from '~/domain/access/policy'
import {
  changedComplaintFields,
  checkComplaintStages,
  checkComplaintUpdate,
  complaintStage,
  complaintStatusLabel,
  ComplaintRecordInput,
  ComplaintStagesInput,
  type ComplaintIssue,
  type ComplaintStagesValues,
} from '~/domain/entitlements/complaints'
import { ownerLabel, ruleOf, RULE_SETS } from '~/domain/entitlements/rules'
import { eventTypeLabel } from '~/domain/journey/events'
import type { Prisma } from '~/generated/prisma/client'
import { auditView, caseWhere, requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'
import { entitlementStatusNow } from './entitlements.server'



const ENTITLEMENT_SELECT = {
  id: true,
  ruleSetId: true,
  ruleId: true,
  right: true,
  owedBy: true,
  dueBy: true,
  dueAt: true,
  status: true,
  metAt: true,
  withdrawnAt: true,
  case: { select: { id: true, crimeReference: true } },
  trigger: {
    select: {
      type: true,
      occurredAt: true,
      defendant: { select: { label: true } },
    },
  },
} satisfies Prisma.EntitlementSelect

type EntitlementRow = Prisma.EntitlementGetPayload<{
  select: typeof ENTITLEMENT_SELECT
}>

/** What a complaint page says about the entitlement it is about. */
function describeEntitlement(r: EntitlementRow, now: Date) {
  const rule = ruleOf(r.ruleSetId, r.ruleId)
  return {
    id: r.id,
    ruleId: r.ruleId,
    right: r.right,
    rightTitle: RULE_SETS[r.ruleSetId]?.rightTitles[r.right] ?? `Right ${r.right}`,
    summary: rule?.summary ?? r.ruleId,
    owner: ownerLabel(r.owedBy),
    dueBy: r.dueBy,
    // A withdrawn entitlement (its event was corrected away) keeps its complaints.
    status: r.withdrawnAt ? ('withdrawn' as const) : entitlementStatusNow(r, now),
    metAt: r.metAt,
    trigger: {
      type: r.trigger.type,
      title: eventTypeLabel(r.trigger.type),
      occurredAt: r.trigger.occurredAt,
      defendant: r.trigger.defendant?.label ?? null,
    },
    caseId: r.case.id,
    crimeReference: r.case.crimeReference,
  }
}
export type ComplaintEntitlement = ReturnType<typeof describeEntitlement>

/** 404 unless the user may see the victim; 403 when they may see but not record. */
async function requireComplaintAccess(actor: Actor, victimId: string, action: 'view' | 'record') {
  const access = await requireVictimAccess(actor, victimId)
  const canRecord = canRecordContact(actor, access.facts)
  if (action === 'record' && !canRecord) throw forbidden()
  return { canRecord }
}

async function victimHeader(victimId: string) {
  const prisma = await db()
  return prisma.victim.findUniqueOrThrow({
    where: { id: victimId },
    select: { id: true, reference: true },
  })
}

async function findEntitlement(actor: Actor, victimId: string, entitlementId: string) {
  const prisma = await db()
  const row = await prisma.entitlement.findFirst({
    where: { id: entitlementId, victimId, case: caseWhere(actor) },
    select: ENTITLEMENT_SELECT,
  })
  if (!row) throw notFound()
  return row
}

const toIssues = (error: z.ZodError): ComplaintIssue[] =>
  error.issues.map((i) => ({
    path: String(i.path[0] ?? 'summary') as ComplaintIssue['path'],
    message: i.message,
  }))

// ---- recording ----------------------------------------------------------------------------------

/** The "record a complaint" page: the victim and the entitlement the complaint is about. */
export async function getComplaintForm(actor: Actor, victimId: string, entitlementId: string, now: Date = new Date()) {
  await requireComplaintAccess(actor, victimId, 'record')
  const [victim, row] = await Promise.all([victimHeader(victimId), findEntitlement(actor, victimId, entitlementId)])
  await auditView(actor, 'victim', victimId, 'complaints/new')
  return { victim, entitlement: describeEntitlement(row, now) }
}

export type RecordComplaintResult = { ok: true; complaintId: string } | { ok: false; issues: ComplaintIssue[] }

export async function recordComplaint(
  actor: AuditActor,
  victimId: string,
  entitlementId: string,
  raw: { receivedAt: Date; summary: string },
  ip: string,
  now: Date = new Date(),
): Promise<RecordComplaintResult> {
  await requireComplaintAccess(actor, victimId, 'record')
  const entitlement = await findEntitlement(actor, victimId, entitlementId)
  const parsed = ComplaintRecordInput.safeParse(raw)
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) }
  const input = parsed.data
  const issues = checkComplaintStages(
    {
      receivedAt: input.receivedAt,
      acknowledgedAt: null,
      respondedAt: null,
      outcome: null,
    },
    now,
  )
  if (issues.length) return { ok: false, issues }
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const complaint = await tx.complaint.create({
      data: {
        entitlementId,
        victimId,
        receivedAt: input.receivedAt,
        summary: input.summary,
        recordedById: actor.id,
      },
      select: { id: true },
    })
    await audit(
      {
        actor,
        action: 'complaint.record',
        entityType: 'victim',
        entityId: victimId,
        ip,
        details: {
          complaintId: complaint.id,
          entitlementId,
          ruleId: entitlement.ruleId,
          right: entitlement.right,
        },
      },
      tx,
    )
    return { ok: true as const, complaintId: complaint.id }
  })
}

// ---- reading ------------------------------------------------------------------------------------

const COMPLAINT_SELECT = {
  id: true,
  victimId: true,
  receivedAt: true,
  summary: true,
  acknowledgedAt: true,
  respondedAt: true,
  outcome: true,
  outcomeNotes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  entitlement: { select: ENTITLEMENT_SELECT },
} satisfies Prisma.ComplaintSelect

type ComplaintRow = Prisma.ComplaintGetPayload<{
  select: typeof COMPLAINT_SELECT
}>

function describeComplaint(row: ComplaintRow, now: Date) {
  const { entitlement, ...complaint } = row
  return {
    ...complaint,
    stage: complaintStage(complaint),
    statusLabel: complaintStatusLabel(complaint),
    entitlement: describeEntitlement(entitlement, now),
  }
}
export type ComplaintView = ReturnType<typeof describeComplaint>

/** The victim's complaints, newest received first, on entitlements of cases this user may see. */
export async function listComplaintsForVictim(actor: Actor, victimId: string, now: Date = new Date()) {
  await requireComplaintAccess(actor, victimId, 'view')
  const prisma = await db()
  const rows = await prisma.complaint.findMany({
    where: { victimId, entitlement: { case: caseWhere(actor) } },
    orderBy: [{ receivedAt: 'desc' }, { createdAt: 'desc' }],
    select: COMPLAINT_SELECT,
  })
  return rows.map((r) => describeComplaint(r, now))
}

/** One complaint for its page (audited as a view of the victim's record). */
export async function getComplaint(actor: AuditActor, victimId: string, complaintId: string, ip: string, now: Date = new Date()) {
  const { canRecord } = await requireComplaintAccess(actor, victimId, 'view')
  const prisma = await db()
  const row = await prisma.complaint.findFirst({
    where: {
      id: complaintId,
      victimId,
      entitlement: { case: caseWhere(actor) },
    },
    select: COMPLAINT_SELECT,
  })
  if (!row) throw notFound()
  const victim = await victimHeader(victimId)
  await audit({
    actor,
    action: 'victim.view',
    entityType: 'victim',
    entityId: victimId,
    ip,
    details: { page: 'complaint', complaintId },
  })
  return {
    victim,
    complaint: describeComplaint(row, now),
    canUpdate: canRecord,
  }
}

// ---- updating the stages ------------------------------------------------------------------------

/** Before reading the stages form: 404/403 as for saving, and the received date that orders the stages. */
export async function getComplaintForUpdate(actor: Actor, victimId: string, complaintId: string) {
  await requireComplaintAccess(actor, victimId, 'record')
  const prisma = await db()
  const row = await prisma.complaint.findFirst({
    where: {
      id: complaintId,
      victimId,
      entitlement: { case: caseWhere(actor) },
    },
    select: { id: true, receivedAt: true },
  })
  if (!row) throw notFound()
  return row
}

export type UpdateComplaintResult =
  | { ok: true; changed: string[] }
  | { ok: false; issues: ComplaintIssue[] }
  | {
      ok: false
      conflict: { current: ComplaintStagesValues; currentVersion: number }
    }

const stagesOf = (r: { acknowledgedAt: Date | null; respondedAt: Date | null; outcome: string | null; outcomeNotes: string | null }) =>
  ({
    acknowledgedAt: r.acknowledgedAt,
    respondedAt: r.respondedAt,
    outcome: r.outcome,
    outcomeNotes: r.outcomeNotes,
  }) as ComplaintStagesValues

/**
 * Saves the stages if nobody has changed the complaint since the form was opened at `version`
 * (`updateMany where {id, version}`, so two saves racing cannot both win). On a conflict nothing is
 * written and the answer carries what is saved now, for the user to compare with their answers.
 */
export async function updateComplaint(
  actor: AuditActor,
  victimId: string,
  complaintId: string,
  raw: ComplaintStagesValues,
  version: number,
  ip: string,
  now: Date = new Date(),
): Promise<UpdateComplaintResult> {
  await getComplaintForUpdate(actor, victimId, complaintId)
  const prisma = await db()
  const parsed = ComplaintStagesInput.safeParse(raw)
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) }
  const input = {
    ...parsed.data,
    outcomeNotes: parsed.data.outcomeNotes || null,
  }
  return prisma.$transaction(async (tx) => {
    const current = await tx.complaint.findUniqueOrThrow({
      where: { id: complaintId },
      select: {
        receivedAt: true,
        acknowledgedAt: true,
        respondedAt: true,
        outcome: true,
        outcomeNotes: true,
        version: true,
        entitlementId: true,
      },
    })
    if (current.version !== version)
      return {
        ok: false as const,
        conflict: {
          current: stagesOf(current),
          currentVersion: current.version,
        },
      }
    const issues = checkComplaintUpdate(input, current.receivedAt, now)
    if (issues.length) return { ok: false as const, issues }
    const changed = changedComplaintFields(stagesOf(current), input)
    if (changed.length === 0) return { ok: true as const, changed }
    const written = await tx.complaint.updateMany({
      where: { id: complaintId, version },
      data: { ...input, version: { increment: 1 } },
    })
    if (written.count !== 1) {
      const latest = await tx.complaint.findUniqueOrThrow({
        where: { id: complaintId },
      })
      return {
        ok: false as const,
        conflict: { current: stagesOf(latest), currentVersion: latest.version },
      }
    }
    await audit(
      {
        actor,
        action: 'complaint.update',
        entityType: 'victim',
        entityId: victimId,
        ip,
        details: {
          complaintId,
          entitlementId: current.entitlementId,
          fields: changed,
          stage: complaintStage(input),
          fromVersion: version,
          toVersion: version + 1,
        },
      },
      tx,
    )
    return { ok: true as const, changed }
  })
}
