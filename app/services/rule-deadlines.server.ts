// Local deadlines for Victims' Code rules. The reference marks some deadlines
// [P] partly confirmed or [U] unconfirmed; an administrator may set the deadline a partnership
// has agreed, per rule set. The published rule set in code is never changed: a
// RuleDeadlineOverride row wins when entitlements are computed (loadRuleSets). Every change is
// audited with before and after, and the stored entitlements are recomputed once it commits.
import { eventTypeLabel } from '~/domain/journey/events'
import { ACTIVE_RULE_SETS, deadlineNeedsLocalConfirmation, findRule, ownerLabel } from '~/domain/entitlements/rules'
import { audit } from './audit.server'
import { db } from './db.server'
import { recomputeAfterCalendarChange, requireAdmin, type AdminActor, type Recomputed } from './holidays-admin.server'

export const CONFIDENCE_LABELS = { C: 'Confirmed', P: 'Partly confirmed', U: 'Unconfirmed' } as const

/** Whole working days a local deadline may be: at least the next working day, at most 12 weeks (the form says the same). */
export const MIN_DEADLINE_DAYS = 1
export const MAX_DEADLINE_DAYS = 60

type OverrideRow = { ruleSetId: string; ruleId: string; enhancedDays: number; standardDays: number; reason: string; updatedById: string; updatedAt: Date }

async function describeOverrides(rows: readonly OverrideRow[]) {
  const prisma = await db()
  const ids = [...new Set(rows.map((r) => r.updatedById))]
  const users = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []
  const nameOf = new Map(users.map((u) => [u.id, u.name]))
  return new Map(
    rows.map((r) => [
      `${r.ruleSetId}|${r.ruleId}`,
      { enhancedDays: r.enhancedDays, standardDays: r.standardDays, reason: r.reason, updatedBy: nameOf.get(r.updatedById) ?? 'A former user', updatedAt: r.updatedAt },
    ]),
  )
}

type RuleSetLike = (typeof ACTIVE_RULE_SETS)[number]
type RuleLike = RuleSetLike['rules'][number]

function ruleView(rule: RuleLike) {
  return {
    id: rule.id,
    right: rule.right,
    summary: rule.summary,
    triggers: rule.triggers.map(eventTypeLabel),
    owner: ownerLabel(rule.owner),
    published: { enhancedDays: rule.deadline.enhanced, standardDays: rule.deadline.standard },
    confidence: rule.confidence,
    confidenceLabel: CONFIDENCE_LABELS[rule.confidence],
    needsLocalConfirmation: deadlineNeedsLocalConfirmation(rule),
  }
}

/** Every active rule set with each rule's published deadline and any local one. */
export async function listRuleDeadlines(actor: AdminActor) {
  requireAdmin(actor)
  const prisma = await db()
  const rows = await prisma.ruleDeadlineOverride.findMany({ where: { ruleSetId: { in: ACTIVE_RULE_SETS.map((r) => r.id) } } })
  const overrides = await describeOverrides(rows)
  return ACTIVE_RULE_SETS.map((rs) => ({
    id: rs.id,
    title: rs.title,
    rules: rs.rules.map((r) => ({ ...ruleView(r), override: overrides.get(`${rs.id}|${r.id}`) ?? null })),
  }))
}

/** One rule of an active rule set, or null (unknown set or rule). */
export async function getRuleDeadline(actor: AdminActor, ruleSetId: string, ruleId: string) {
  requireAdmin(actor)
  const ruleSet = ACTIVE_RULE_SETS.find((rs) => rs.id === ruleSetId)
  const rule = ruleSet ? findRule(ruleSet, ruleId) : undefined
  if (!ruleSet || !rule) return null
  const prisma = await db()
  const row = await prisma.ruleDeadlineOverride.findUnique({ where: { ruleSetId_ruleId: { ruleSetId, ruleId } } })
  const overrides = await describeOverrides(row ? [row] : [])
  return { ruleSet: { id: ruleSet.id, title: ruleSet.title }, rule: { ...ruleView(rule), override: overrides.get(`${ruleSetId}|${ruleId}`) ?? null } }
}

export interface DeadlineOverrideInput {
  enhancedDays: number
  standardDays: number
  reason: string
}

export type DeadlineResult = ({ ok: true; unchanged?: boolean } & Recomputed) | { ok: false; reason: 'not_found' | 'invalid' | 'nothing_to_clear' }

const validDays = (n: number) => Number.isInteger(n) && n >= MIN_DEADLINE_DAYS && n <= MAX_DEADLINE_DAYS
const snapshot = (o: { enhancedDays: number; standardDays: number; reason: string } | null) =>
  o ? { enhancedDays: o.enhancedDays, standardDays: o.standardDays, reason: o.reason } : null

export async function setDeadlineOverride(actor: AdminActor, ruleSetId: string, ruleId: string, input: DeadlineOverrideInput, ip: string): Promise<DeadlineResult> {
  requireAdmin(actor)
  const ruleSet = ACTIVE_RULE_SETS.find((rs) => rs.id === ruleSetId)
  const rule = ruleSet ? findRule(ruleSet, ruleId) : undefined
  if (!rule) return { ok: false, reason: 'not_found' }
  const reason = input.reason.trim()
  // The route validates too; this keeps the service safe on its own.
  if (!validDays(input.enhancedDays) || !validDays(input.standardDays) || !reason) return { ok: false, reason: 'invalid' }
  const after = { enhancedDays: input.enhancedDays, standardDays: input.standardDays, reason }
  const prisma = await db()
  const changed = await prisma.$transaction(async (tx) => {
    const before = await tx.ruleDeadlineOverride.findUnique({ where: { ruleSetId_ruleId: { ruleSetId, ruleId } } })
    if (before && before.enhancedDays === after.enhancedDays && before.standardDays === after.standardDays && before.reason === after.reason) return false
    await tx.ruleDeadlineOverride.upsert({
      where: { ruleSetId_ruleId: { ruleSetId, ruleId } },
      create: { ruleSetId, ruleId, ...after, updatedById: actor.id },
      update: { ...after, updatedById: actor.id },
    })
    await audit(
      {
        actor,
        action: 'rules.deadline.override',
        entityType: 'rule_deadline',
        entityId: `${ruleSetId}/${ruleId}`,
        ip,
        details: { ruleSetId, ruleId, published: { enhancedDays: rule.deadline.enhanced, standardDays: rule.deadline.standard }, before: snapshot(before), after },
      },
      tx,
    )
    return true
  })
  if (!changed) return { ok: true, unchanged: true, cases: 0, ms: 0 }
  return { ok: true, ...(await recomputeAfterCalendarChange()) }
}

/** Back to the published deadline. */
export async function clearDeadlineOverride(actor: AdminActor, ruleSetId: string, ruleId: string, ip: string): Promise<DeadlineResult> {
  requireAdmin(actor)
  const ruleSet = ACTIVE_RULE_SETS.find((rs) => rs.id === ruleSetId)
  const rule = ruleSet ? findRule(ruleSet, ruleId) : undefined
  if (!rule) return { ok: false, reason: 'not_found' }
  const prisma = await db()
  const cleared = await prisma.$transaction(async (tx) => {
    const before = await tx.ruleDeadlineOverride.findUnique({ where: { ruleSetId_ruleId: { ruleSetId, ruleId } } })
    if (!before) return false
    await tx.ruleDeadlineOverride.delete({ where: { ruleSetId_ruleId: { ruleSetId, ruleId } } })
    await audit(
      {
        actor,
        action: 'rules.deadline.clear',
        entityType: 'rule_deadline',
        entityId: `${ruleSetId}/${ruleId}`,
        ip,
        details: { ruleSetId, ruleId, published: { enhancedDays: rule.deadline.enhanced, standardDays: rule.deadline.standard }, before: snapshot(before), after: null },
      },
      tx,
    )
    return true
  })
  if (!cleared) return { ok: false, reason: 'nothing_to_clear' }
  return { ok: true, ...(await recomputeAfterCalendarChange()) }
}
