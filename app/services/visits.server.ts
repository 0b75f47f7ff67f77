// Follow-up visits: the visit log and the schedule of visits owed, derived
// from the victim's incidents, open cases, key court events and the visits themselves, under the
// policy of the organisation holding the victim (app/services/visit-policy.server.ts).
import { canRecordVisit, canSeeVisits, type Actor } from '~/domain/access/policy'
import { formatLondonDate } from '~/domain/journey/derive'
import { detail, effectiveJournal, JOURNAL_SELECT, type JournalEvent } from '~/domain/journey/journal'
import { DEFAULT_VISIT_POLICY, type VisitPolicy } from '~/domain/visits/policy'
import { evaluateVisitSchedule, type VisitRecord, type VisitSchedule } from '~/domain/visits/schedule'
import type { VisitInput } from '~/domain/visits/visit'
import { addCalendarDays, londonDateOf } from '~/domain/calendar/working-days'
import type { Prisma } from '~/generated/prisma/client'
import { auditView, refused, requireVictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { journalsOfCases } from './case-journals.server'
import { homePanelVictims } from './caseload.server'
import { forbidden } from './auth.server'
import { db } from './db.server'
import { visitPoliciesFor } from './visit-policy.server'

export type VisitResult = { ok: true; visitId: string; duplicate: boolean } | { ok: false; issues: { path: string; message: string }[] }

export async function recordVisit(
  actor: AuditActor,
  victimId: string,
  input: VisitInput,
  idempotencyKey: string,
  ip: string,
): Promise<VisitResult> {
  const access = await requireVictimAccess(actor, victimId)
  if (!canRecordVisit(actor, access.facts)) throw forbidden()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const existing = await tx.visit.findUnique({ where: { idempotencyKey }, select: { id: true, victimId: true } })
    if (existing) {
      if (existing.victimId !== victimId) throw forbidden()
      return { ok: true as const, visitId: existing.id, duplicate: true }
    }
    // The form checks these too; the service holds whatever calls it to the same limits.
    if (input.status !== 'planned' && input.at.getTime() > Date.now()) {
      return { ok: false as const, issues: [{ path: 'at', message: 'A visit that took place or was attempted must be today or in the past' }] }
    }
    const victim = await tx.victim.findUniqueOrThrow({ where: { id: victimId }, select: { createdAt: true } })
    if (input.status !== 'planned' && londonDateOf(input.at) < londonDateOf(victim.createdAt)) {
      return {
        ok: false as const,
        issues: [{ path: 'at', message: `The visit cannot be before the victim’s record was opened on ${formatLondonDate(victim.createdAt)}` }],
      }
    }
    const visit = await tx.visit.create({
      data: { ...input, victimId, organisationId: actor.organisationId, recordedById: actor.id, idempotencyKey },
      select: { id: true },
    })
    // Identifiers and choices only: what the child said stays out of the audit log.
    await audit(
      {
        actor,
        action: 'visit.record',
        entityType: 'victim',
        entityId: victimId,
        ip,
        details: { visitId: visit.id, status: input.status, disclosure: input.disclosure ?? null },
      },
      tx,
    )
    return { ok: true as const, visitId: visit.id, duplicate: false }
  })
}

const CASES_SELECT = {
  case: {
    select: {
      id: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      events: { select: JOURNAL_SELECT },
    },
  },
} as const

type CaseRow = Omit<Prisma.VictimCaseGetPayload<{ select: typeof CASES_SELECT }>['case'], 'events'> & { events: readonly JournalEvent[] }
type VisitRow = { id: string; at: Date; status: string; notHappenedReason: string | null }

/** The schedule of visits owed to one victim, from their cases' journals and their visits. */
function scheduleFor(victimId: string, cases: readonly CaseRow[], visits: readonly VisitRow[], now: Date, policy: VisitPolicy) {
  const journal = cases.flatMap((c) => effectiveJournal(c.events.filter((e) => !e.victimId || e.victimId === victimId)))
  const hearingTypeOf = new Map(journal.filter((e) => e.type === 'hearing_listed').map((e) => [e.id, detail<string>(e, 'hearingType')]))
  const records: VisitRecord[] = visits.map((v) =>
    v.status === 'not_happened'
      ? { id: v.id, at: v.at.toISOString(), status: 'not_happened', reason: (v.notHappenedReason ?? 'not_found') as 'declined' | 'not_found' | 'missing' }
      : { id: v.id, at: v.at.toISOString(), status: v.status as 'planned' | 'completed' },
  )
  return evaluateVisitSchedule(
    {
      asOf: now.toISOString(),
      incidents: journal.filter((e) => e.type === 'crime_reported').map((e) => ({ id: e.id, at: e.occurredAt.toISOString() })),
      // A closed case stopped needing visits when it was last changed (its closure).
      cases: cases.map((c) => ({ id: c.id, openedAt: c.createdAt.toISOString(), ...(c.status === 'open' ? {} : { closedAt: c.updatedAt.toISOString() }) })),
      courtEvents: journal.map((e) => {
        const hearing = detail<string>(e, 'hearingEventId')
        const hearingType = hearing ? hearingTypeOf.get(hearing) : undefined
        return { id: e.id, type: e.type, at: e.occurredAt.toISOString(), ...(hearingType ? { hearingType } : {}) }
      }),
      visits: records,
    },
    policy,
  )
}

/** The victim's visits and the schedule owed; null for a user who may see the victim but not visits. */
export async function getVictimVisits(actor: Actor, victimId: string, now: Date = new Date()) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canSeeVisits(actor, access.facts)) return null
  const prisma = await db()
  const [visits, links, policies, journals] = await Promise.all([
    prisma.visit.findMany({
      where: { victimId },
      orderBy: [{ at: 'desc' }, { recordedAt: 'desc' }],
      include: { recordedBy: { select: { name: true } }, organisation: { select: { name: true } } },
    }),
    // The cases without their events: those come from the page's shared read (case-journals.server.ts).
    prisma.victimCase.findMany({ where: { victimId }, select: { case: { select: { ...CASES_SELECT.case.select, events: false } } } }),
    visitPoliciesFor([victimId]),
    journalsOfCases(access.facts.cases.map((c) => c.id)),
  ])
  const policy = policies.get(victimId) ?? DEFAULT_VISIT_POLICY
  const schedule = scheduleFor(
    victimId,
    links.map((l) => ({ ...l.case, events: journals.get(l.case.id) ?? [] })),
    visits,
    now,
    policy,
  )
  return { visits, schedule, policy, canRecord: canRecordVisit(actor, access.facts) }
}

/** How far ahead the home page looks for visits coming due. */
export const VISITS_DUE_WITHIN_DAYS = 7

/**
 * Visits owed on the home page: for an advocate, the open victims allocated to
 * them; for a manager, their organisation's open victims — each victim whose next visit is overdue or
 * due within a week, soonest first. A fixed number of queries, whatever the caseload.
 */
export async function visitsDueOnCaseload(actor: Actor, now: Date = new Date()) {
  if (actor.role !== 'advocate' && actor.role !== 'manager') return null
  const prisma = await db()
  const victims = await homePanelVictims(actor)
  const ids = victims.map((v) => v.id)
  const [visits, links, policies] = await Promise.all([
    prisma.visit.findMany({ where: { victimId: { in: ids } }, select: { id: true, victimId: true, at: true, status: true, notHappenedReason: true } }),
    prisma.victimCase.findMany({ where: { victimId: { in: ids } }, select: { victimId: true, ...CASES_SELECT } }),
    visitPoliciesFor(ids),
  ])
  const horizon = addCalendarDays(londonDateOf(now), VISITS_DUE_WITHIN_DAYS)
  return victims
    .map((v) => {
      const schedule = scheduleFor(
        v.id,
        links.filter((l) => l.victimId === v.id).map((l) => l.case),
        visits.filter((x) => x.victimId === v.id),
        now,
        policies.get(v.id) ?? DEFAULT_VISIT_POLICY,
      )
      return { victim: v, nextDue: schedule.nextDue, overdue: schedule.overdueCount }
    })
    .filter((r) => r.nextDue !== undefined && (r.overdue > 0 || r.nextDue <= horizon))
    .sort((a, b) => (a.nextDue! < b.nextDue! ? -1 : a.nextDue! > b.nextDue! ? 1 : 0))
}

/**
 * The visit plans of many victims (the reminder scheduler) in four queries whatever their
 * number; callers batch the ids. No access check: for background jobs, never a request.
 */
export async function visitSchedulesFor(victimIds: readonly string[], now: Date = new Date()): Promise<Map<string, VisitSchedule>> {
  if (victimIds.length === 0) return new Map()
  const prisma = await db()
  const ids = [...victimIds]
  const [visits, links, policies] = await Promise.all([
    prisma.visit.findMany({ where: { victimId: { in: ids } }, select: { id: true, victimId: true, at: true, status: true, notHappenedReason: true } }),
    prisma.victimCase.findMany({ where: { victimId: { in: ids } }, select: { victimId: true, ...CASES_SELECT } }),
    visitPoliciesFor(ids),
  ])
  const group = <T extends { victimId: string }>(rows: T[]) => {
    const by = new Map<string, T[]>()
    for (const r of rows) {
      const list = by.get(r.victimId)
      if (list) list.push(r)
      else by.set(r.victimId, [r])
    }
    return by
  }
  const visitsBy = group(visits)
  const linksBy = group(links)
  return new Map(
    ids.map((id) => [
      id,
      scheduleFor(id, (linksBy.get(id) ?? []).map((l) => l.case), visitsBy.get(id) ?? [], now, policies.get(id) ?? DEFAULT_VISIT_POLICY),
    ]),
  )
}

export type VictimVisits = NonNullable<Awaited<ReturnType<typeof getVictimVisits>>>

/** What the "record a visit" form needs; 403 for a user who may see the victim but not record visits. */
export async function getVisitForm(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canRecordVisit(actor, access.facts)) throw await refused(actor, 'victim', victimId, 'update', forbidden())
  await auditView(actor, 'victim', victimId, 'visits/new')
  const prisma = await db()
  return prisma.victim.findUniqueOrThrow({ where: { id: victimId }, select: { id: true, reference: true } })
}
