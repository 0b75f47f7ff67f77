// The Victims' Code checklist on the victim page: the victim's stored
// entitlements on the cases this user may see, grouped by right, with the victim's own time
// windows; and the one-step "record that the victim was told" that logs the contact.
import { canRecordContact, type Actor } from '~/domain/access/policy'
import { evaluateWindows } from '~/domain/entitlements/engine'
import { eventsFor } from '~/domain/entitlements/from-records'
import { ACTIVE_RULE_SETS, deadlineNeedsLocalConfirmation, ownerLabel, ruleOf, RULE_SETS } from '~/domain/entitlements/rules'
import { eventTypeLabel } from '~/domain/journey/events'
import { caseWhere, requireVictimAccess } from './access.server'
import { journalsOfCases } from './case-journals.server'
import { forbidden, notFound } from './auth.server'
import { recordContact, type ContactResult } from './contacts.server'
import { db } from './db.server'
import { entitlementStatusNow, isDueToday, loadHolidays } from './entitlements.server'
import type { AuditActor } from './audit.server'

export async function getVictimEntitlements(actor: Actor, victimId: string, now: Date = new Date()) {
  const access = await requireVictimAccess(actor, victimId)
  const prisma = await db()
  const visibleCase = {
    AND: [caseWhere(actor), { victims: { some: { victimId } } }],
  }
  const [rows, holidays, cases, journals] = await Promise.all([
    prisma.entitlement.findMany({
      where: { victimId, withdrawnAt: null, case: visibleCase },
      orderBy: [{ right: 'asc' }, { dueBy: 'asc' }, { ruleId: 'asc' }],
      include: {
        case: {
          select: {
            id: true,
            crimeReference: true,
            police: { select: { name: true } },
            cps: { select: { name: true } },
            witnessCare: { select: { name: true } },
          },
        },
        trigger: {
          select: {
            type: true,
            occurredAt: true,
            defendant: { select: { label: true } },
          },
        },
        complaints: { select: { receivedAt: true, acknowledgedAt: true, respondedAt: true, outcome: true } },
      },
    }),
    loadHolidays(prisma),
    prisma.case.findMany({
      where: visibleCase,
      select: {
        id: true,
        crimeReference: true,
      },
    }),
    journalsOfCases(access.facts.cases.map((c) => c.id)),
  ])
  const orgName = (r: (typeof rows)[number]) =>
    ({
      police: r.case.police.name,
      cps: r.case.cps?.name,
      witness_care: r.case.witnessCare?.name,
    })[r.owedBy as 'police' | 'cps' | 'witness_care'] ?? null

  const entitlements = rows.flatMap((r) => {
    const rule = ruleOf(r.ruleSetId, r.ruleId)
    if (!rule) return []
    const status = entitlementStatusNow(r, now)
    return [
      {
        id: r.id,
        right: r.right,
        rightTitle: RULE_SETS[r.ruleSetId]?.rightTitles[r.right] ?? `Right ${r.right}`,
        summary: rule.summary,
        toBeConfirmed: deadlineNeedsLocalConfirmation(rule),
        // Met by telling the victim (a contact), or by another step being recorded (e.g. a referral).
        metByEvent: rule.metBy.kind === 'event' ? eventTypeLabel(rule.metBy.type) : null,
        trigger: {
          title: eventTypeLabel(r.trigger.type),
          occurredAt: r.trigger.occurredAt,
          defendant: r.trigger.defendant?.label ?? null,
        },
        caseId: r.case.id,
        crimeReference: r.case.crimeReference,
        owner: ownerLabel(r.owedBy),
        ownerOrganisation: orgName(r),
        dueBy: r.dueBy,
        status,
        dueToday: isDueToday(r, now),
        metAt: r.metAt,
        complaints: r.complaints,
      },
    ]
  })

  // The victim's own time limits are worked out on reading: they depend only on the journal.
  const windows = cases.flatMap((c) => {
    const journal = journals.get(c.id) ?? []
    return ACTIVE_RULE_SETS.flatMap((ruleSet) =>
      evaluateWindows(eventsFor(victimId, journal), ruleSet, holidays).map((w) => ({
        ...w,
        summary: ruleSet.windows.find((x) => x.id === w.window)?.summary ?? w.window,
        caseId: c.id,
        crimeReference: c.crimeReference,
        triggerTitle: eventTypeLabel(journal.find((e) => e.id === w.trigger)?.type ?? ''),
      })),
    )
  })

  const rights = [...new Set(entitlements.map((e) => e.right))].map((right) => ({
    right,
    title: entitlements.find((e) => e.right === right)!.rightTitle,
    entitlements: entitlements.filter((e) => e.right === right),
  }))
  return {
    rights,
    windows,
    canRecordContact: canRecordContact(actor, access.facts),
  }
}

export type VictimEntitlements = Awaited<ReturnType<typeof getVictimEntitlements>>

/**
 * "Record that the victim was told": one contact, now, about the entitlement's trigger event,
 * saying what they were told. The contact service checks access and recomputes the row.
 */
export async function recordToldForEntitlement(
  actor: AuditActor,
  victimId: string,
  entitlementId: string,
  how: { method: string; withWhom: string },
  idempotencyKey: string,
  ip: string,
): Promise<ContactResult> {
  const access = await requireVictimAccess(actor, victimId)
  if (!canRecordContact(actor, access.facts)) throw forbidden()
  const prisma = await db()
  const row = await prisma.entitlement.findFirst({
    where: {
      id: entitlementId,
      victimId,
      withdrawnAt: null,
      case: caseWhere(actor),
    },
    select: { ruleSetId: true, ruleId: true, triggerEventId: true },
  })
  if (!row) throw notFound()
  const summary = ruleOf(row.ruleSetId, row.ruleId)?.summary ?? 'Told about this'
  return recordContact(
    actor,
    victimId,
    {
      contactedAt: new Date(),
      ...how,
      summary,
      eventIds: [row.triggerEventId],
    },
    idempotencyKey,
    ip,
  )
}
