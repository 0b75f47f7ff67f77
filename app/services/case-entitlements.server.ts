// "Still owed on this case": the open Victims' Code entitlements of the victims on a case that this
// user may see, for the case page — the officer or CPS liaison working a case starts there.
import type { Actor } from '~/domain/access/policy'
import { ownerLabel, ruleOf } from '~/domain/entitlements/rules'
import { requireCaseAccess } from './access.server'
import { db } from './db.server'
import { entitlementStatusNow, isDueToday } from './entitlements.server'

export async function getCaseOpenEntitlements(actor: Actor, caseId: string, now: Date = new Date()) {
  const access = await requireCaseAccess(actor, caseId)
  const prisma = await db()
  const rows = await prisma.entitlement.findMany({
    where: { caseId, victimId: { in: [...access.visibleVictimIds] }, withdrawnAt: null, status: 'open' },
    orderBy: [{ dueAt: 'asc' }, { ruleId: 'asc' }],
    include: { victim: { select: { reference: true } }, trigger: { select: { defendant: { select: { label: true } } } } },
  })
  return rows.map((r) => {
    const rule = ruleOf(r.ruleSetId, r.ruleId)
    return {
      id: r.id,
      victimId: r.victimId,
      victimReference: r.victim.reference,
      right: r.right,
      summary: rule?.summary ?? r.ruleId,
      defendant: r.trigger.defendant?.label ?? null,
      dueBy: r.dueBy,
      owner: ownerLabel(r.owedBy),
      status: entitlementStatusNow(r, now),
      dueToday: isDueToday(r, now),
    }
  })
}
