// The follow-up visit policy per organisation: administrators set the days; a
// victim's schedule follows the policy of the organisation holding them (holdingOrganisationId).
import { canAdminister, type Actor } from '~/domain/access/policy'
import { DEFAULT_VISIT_POLICY, holdingOrganisationId, policyFromSetting, type VisitPolicy, type VisitPolicyDays } from '~/domain/visits/policy'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'

const DAYS = ['firstVisitWithinDays', 'cadenceDays', 'afterCourtEventWithinDays', 'retryWithinDays'] as const
const DAYS_SELECT = { firstVisitWithinDays: true, cadenceDays: true, afterCourtEventWithinDays: true, retryWithinDays: true } as const

function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

/** The organisation and its stored days (null: it follows the defaults). */
export async function getOrganisationVisitPolicy(actor: Actor, organisationId: string) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, visitPolicy: { select: { ...DAYS_SELECT, updatedAt: true, updatedBy: { select: { name: true } } } } },
  })
}

/** Saves the days, or clears them back to the defaults; audited with before and after. */
export async function setOrganisationVisitPolicy(actor: AuditActor, organisationId: string, days: VisitPolicyDays | null, ip: string) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const before = await tx.visitPolicySetting.findUnique({ where: { organisationId }, select: DAYS_SELECT })
    const from = policyFromSetting(before)
    const to = policyFromSetting(days)
    const changed = DAYS.filter((k) => from[k] !== to[k])
    if (days) {
      await tx.visitPolicySetting.upsert({
        where: { organisationId },
        create: { organisationId, ...days, updatedById: actor.id },
        update: { ...days, updatedById: actor.id },
      })
    } else if (before) await tx.visitPolicySetting.delete({ where: { organisationId } })
    if (changed.length > 0 || Boolean(before) !== Boolean(days)) {
      await audit(
        {
          actor,
          action: days ? 'admin.visit_policy.set' : 'admin.visit_policy.cleared',
          entityType: 'organisation',
          entityId: organisationId,
          ip,
          details: Object.fromEntries(changed.map((k) => [k, { from: from[k], to: to[k] }])),
        },
        tx,
      )
    }
    return { changed }
  })
}

/** The policy each victim's visits follow, in two queries whatever the number of victims. */
export async function visitPoliciesFor(victimIds: readonly string[]): Promise<Map<string, VisitPolicy>> {
  const prisma = await db()
  const allocations = await prisma.allocation.findMany({
    where: { victimId: { in: [...victimIds] }, endedAt: null, kind: { in: ['lead_advocate', 'advocate', 'service'] } },
    select: { victimId: true, kind: true, organisationId: true, startedAt: true },
  })
  const holder = new Map(victimIds.map((id) => [id, holdingOrganisationId(allocations.filter((a) => a.victimId === id))] as const))
  const orgIds = [...new Set([...holder.values()].filter((o): o is string => o !== null))]
  const settings = await prisma.visitPolicySetting.findMany({ where: { organisationId: { in: orgIds } } })
  const byOrg = new Map(settings.map((s) => [s.organisationId, policyFromSetting(s)]))
  const holderPolicy = (id: string) => byOrg.get(holder.get(id) ?? '') ?? DEFAULT_VISIT_POLICY
  return new Map(victimIds.map((id) => [id, holderPolicy(id)]))
}
