// The victim page's "Support" section: every referral, current and past, in
// one list; the "no support in the last N days" warning; and, per linked case, which support was
// active in each stage of the case. No session notes are read here.
import type { Actor } from '~/domain/access/policy'
import { stagePeriods, supportByStage, type SupportPeriod } from '~/domain/support/by-stage'
import { noSupportWarning } from '~/domain/support/engagement'
import { requireVictimAccess } from './access.server'
import { journalsOfCases } from './case-journals.server'
import { db } from './db.server'
import { listVictimReferrals } from './referrals.server'

const ADVOCATE_KINDS = ['lead_advocate', 'advocate'] as const

export async function getVictimSupport(actor: Actor, victimId: string, now: Date = new Date()) {
  const access = await requireVictimAccess(actor, victimId)
  const prisma = await db()
  const [referrals, lastVisit, allocations, links, journals] = await Promise.all([
    listVictimReferrals(victimId),
    prisma.visit.findFirst({ where: { victimId, status: 'completed', at: { lte: now } }, orderBy: { at: 'desc' }, select: { at: true } }),
    prisma.allocation.findMany({
      where: { victimId, kind: { in: [...ADVOCATE_KINDS] }, userId: { not: null } },
      orderBy: { startedAt: 'asc' },
      select: { kind: true, startedAt: true, endedAt: true, user: { select: { name: true } }, organisation: { select: { name: true } } },
    }),
    prisma.victimCase.findMany({
      where: { victimId },
      select: {
        case: {
          select: {
            id: true,
            crimeReference: true,
            status: true,
          },
        },
      },
    }),
    journalsOfCases(access.facts.cases.map((c) => c.id)),
  ])

  // A session the young person did not attend is not support received.
  const sessionDates = referrals.map((r) => r.lastAttendedAt).filter((d): d is Date => d !== null)
  const lastSessionAt = sessionDates.length ? new Date(Math.max(...sessionDates.map((d) => d.getTime()))) : null
  const warning = noSupportWarning(
    {
      referralStatuses: referrals.map((r) => r.status),
      openCase: links.some((l) => l.case.status === 'open'),
      lastSessionAt,
      lastCompletedVisitAt: lastVisit?.at ?? null,
    },
    now,
  )

  const supports: SupportPeriod[] = [
    ...referrals
      .filter((r) => r.activeAt)
      .map((r) => ({
        kind: 'referral' as const,
        label: `${r.serviceLabel} (${r.organisation})`,
        from: r.activeAt!,
        to: r.status === 'active' ? null : r.endedAt,
      })),
    ...allocations.map((a) => ({
      kind: 'advocate' as const,
      label: `${a.kind === 'lead_advocate' ? 'Lead advocate' : 'Advocate'}: ${a.user!.name} (${a.organisation.name})`,
      from: a.startedAt,
      to: a.endedAt,
    })),
  ]
  const byCase = links
    .map((l) => ({
      caseId: l.case.id,
      crimeReference: l.case.crimeReference,
      // Defendants count from their first event: one identified later must not hold the case back before then.
      stages: supportByStage(stagePeriods(journals.get(l.case.id) ?? [], now), supports),
    }))
    .sort((a, b) => a.crimeReference.localeCompare(b.crimeReference))

  return {
    referrals,
    warning,
    byCase,
    referralOnly: access.referralOnly,
    canRefer: access.canUpdate && !access.facts.restricted,
  }
}
export type VictimSupport = Awaited<ReturnType<typeof getVictimSupport>>
