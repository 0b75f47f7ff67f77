// The Victims' Code compliance page: counts of entitlements by status over a
// period (by due date), by right and rule and by owing organisation, and the entitlements behind
// any count. Officers, CPS liaison / witness care and managers see the entitlements of victims
// and cases the access policy lets them see; advocates and administrators are refused.
// The counts are three grouped queries on the Entitlement indexes, whatever the number of rows;
// the list is one count and one page of rows.
import type { Actor } from '~/domain/access/policy'
import { dateValueOf, isoDateOf, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'
import {
  bucketsFromGroups,
  complianceStatusAt,
  drillDownHref,
  orgKeyOf,
  owingOrganisationName,
  summarise,
  type ComplianceFilters,
  type ComplianceQuery,
  type ComplianceStatus,
} from '~/domain/entitlements/compliance'
import { ACTIVE_RULE_SETS, findRule, ruleOf } from '~/domain/entitlements/rules'
import type { Prisma } from '~/generated/prisma/client'
import { caseWhere, victimWhere } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'

export const COMPLIANCE_PAGE_SIZE = 25

const ROLES: readonly Actor['role'][] = ['officer', 'cps_liaison', 'manager']

/** May this user open the compliance page? (Advocates work from each victim's checklist.) */
export const canViewCompliance = (actor: Pick<Actor, 'role'>) => ROLES.includes(actor.role)

/** Entitlements in force, of the active rule sets, that the actor may see, due in the period. */
function scopeWhere(actor: Actor, period: { from: IsoDate; to: IsoDate }): Prisma.EntitlementWhereInput {
  return {
    withdrawnAt: null,
    ruleSetId: { in: ACTIVE_RULE_SETS.map((r) => r.id) },
    dueBy: { gte: dateValueOf(period.from), lte: dateValueOf(period.to) },
    case: caseWhere(actor),
    victim: victimWhere(actor),
  }
}

/** The where-clause of one status bucket at `now` (the same semantics as complianceStatusAt). */
function statusWhere(status: ComplianceStatus, now: Date): Prisma.EntitlementWhereInput {
  const today = dateValueOf(londonDateOf(now))
  switch (status) {
    case 'met':
    case 'met_late':
      return { status }
    case 'overdue':
      return { status: 'open', dueAt: { lte: now } }
    case 'due_today':
      return { status: 'open', dueAt: { gt: now }, dueBy: today }
    case 'due_later':
      return { status: 'open', dueAt: { gt: now }, dueBy: { gt: today } }
  }
}

function filterWhere(filters: ComplianceFilters, now: Date): Prisma.EntitlementWhereInput[] {
  const and: Prisma.EntitlementWhereInput[] = []
  if (filters.status) and.push(statusWhere(filters.status, now))
  if (filters.right !== undefined) and.push({ right: filters.right })
  if (filters.rule) and.push({ ruleId: filters.rule })
  if (filters.org) {
    const none = /^none-(.+)$/.exec(filters.org)
    and.push(none ? { owedByOrganisationId: null, owedBy: none[1] } : { owedByOrganisationId: filters.org })
  }
  return and
}

const GROUP_KEYS = ['ruleSetId', 'ruleId', 'right', 'owedBy', 'owedByOrganisationId'] as const

function ruleSummary(ruleSetId: string, ruleId: string): string {
  return ruleOf(ruleSetId, ruleId)?.summary ?? ruleId
}

export interface ComplianceOptions {
  ip: string
  /** The instant statuses are decided at (tests); now by default. */
  now?: Date
}

export async function complianceView(actor: AuditActor, query: ComplianceQuery, options: ComplianceOptions) {
  if (!canViewCompliance(actor)) throw forbidden()
  const now = options.now ?? new Date()
  const prisma = await db()
  const scope = scopeWhere(actor, query.period)
  const today = dateValueOf(londonDateOf(now))

  const [byStatus, overdue, dueToday] = await Promise.all([
    prisma.entitlement.groupBy({ by: [...GROUP_KEYS, 'status'], where: scope, _count: { _all: true } }),
    prisma.entitlement.groupBy({ by: [...GROUP_KEYS], where: { AND: [scope, statusWhere('overdue', now)] }, _count: { _all: true } }),
    prisma.entitlement.groupBy({ by: [...GROUP_KEYS], where: { AND: [scope, { status: 'open', dueAt: { gt: now }, dueBy: today }] }, _count: { _all: true } }),
  ])
  const flat = <T extends { _count: { _all: number } }>(rows: T[]) => rows.map(({ _count, ...rest }) => ({ ...rest, count: _count._all }))
  const buckets = bucketsFromGroups(flat(byStatus), flat(overdue), flat(dueToday))

  const orgIds = [...new Set(buckets.map((b) => b.owedByOrganisationId).filter((id): id is string => id !== null))]
  const orgs = orgIds.length ? await prisma.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : []
  const names = new Map(orgs.map((o) => [o.id, o.name]))
  const summary = summarise(buckets, names, ruleSummary)

  // The drill-down: the entitlements behind the chosen count, oldest due first.
  const where: Prisma.EntitlementWhereInput = { AND: [scope, ...filterWhere(query.filters, now)] }
  const total = await prisma.entitlement.count({ where })
  const pages = Math.max(1, Math.ceil(total / COMPLIANCE_PAGE_SIZE))
  const page = Math.min(query.page, pages)
  const rows = await prisma.entitlement.findMany({
    where,
    orderBy: [{ dueBy: 'asc' }, { right: 'asc' }, { ruleId: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * COMPLIANCE_PAGE_SIZE,
    take: COMPLIANCE_PAGE_SIZE,
    select: {
      id: true,
      ruleSetId: true,
      ruleId: true,
      right: true,
      owedBy: true,
      owedByOrganisationId: true,
      dueBy: true,
      dueAt: true,
      status: true,
      metAt: true,
      victim: { select: { id: true, reference: true } },
      case: { select: { id: true, crimeReference: true } },
    },
  })
  // Organisations on the page that no count named (a filter can only narrow, but be safe).
  const missing = [...new Set(rows.map((r) => r.owedByOrganisationId).filter((id): id is string => id !== null && !names.has(id)))]
  if (missing.length) {
    for (const o of await prisma.organisation.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(o.id, o.name)
  }

  await audit({
    actor,
    action: 'compliance.view',
    entityType: 'entitlement',
    ip: options.ip,
    details: { from: query.period.from, to: query.period.to, ...query.filters, page },
  })

  return {
    period: query.period,
    summary,
    filterLabels: filterLabels(query.filters, summary.byOrganisation),
    list: {
      total,
      page,
      pageSize: COMPLIANCE_PAGE_SIZE,
      rows: rows.map((r) => ({
        id: r.id,
        ruleSetId: r.ruleSetId,
        ruleId: r.ruleId,
        right: r.right,
        summary: ruleSummary(r.ruleSetId, r.ruleId),
        dueBy: isoDateOf(r.dueBy),
        status: complianceStatusAt(r, now),
        metAt: r.metAt,
        owner: owingOrganisationName(r, names),
        ownerKey: orgKeyOf(r),
        victim: r.victim,
        case: r.case,
      })),
    },
  }
}

/** Words for the filters in force, for the list's caption ("Overdue, right 6, Northshire Police"). */
function filterLabels(filters: ComplianceFilters, orgs: { key: string; name: string }[]) {
  return {
    status: filters.status,
    right: filters.right,
    rule: filters.rule ? ruleSummaryAnySet(filters.rule) : undefined,
    org: filters.org ? (orgs.find((o) => o.key === filters.org)?.name ?? 'the chosen organisation') : undefined,
  }
}

function ruleSummaryAnySet(ruleId: string): string {
  for (const rs of ACTIVE_RULE_SETS) {
    const rule = findRule(rs, ruleId)
    if (rule) return rule.summary
  }
  return ruleId
}

export type ComplianceView = Awaited<ReturnType<typeof complianceView>>

/**
 * The home page's "owed by your organisation": open entitlements the user's own organisation owes,
 * overdue and due today, on the records they may see — two counts on the
 * (owedByOrganisationId, status, dueAt) index. Null for those whose organisation owes none.
 */
export async function owedByMyOrganisation(actor: Actor, now: Date = new Date()) {
  if (!canViewCompliance(actor)) return null
  const prisma = await db()
  const org = await prisma.organisation.findUnique({ where: { id: actor.organisationId }, select: { name: true, kind: true } })
  if (!org || !['police', 'cps', 'witness_care'].includes(org.kind)) return null
  const mine: Prisma.EntitlementWhereInput = {
    withdrawnAt: null,
    owedByOrganisationId: actor.organisationId,
    ruleSetId: { in: ACTIVE_RULE_SETS.map((r) => r.id) },
    case: caseWhere(actor),
    victim: victimWhere(actor),
  }
  const [overdue, dueToday] = await Promise.all([
    prisma.entitlement.count({ where: { AND: [mine, statusWhere('overdue', now)] } }),
    prisma.entitlement.count({ where: { AND: [mine, statusWhere('due_today', now)] } }),
  ])
  const today = londonDateOf(now)
  // Everything overdue, however long ago it fell due: the period starts with the calendar.
  const period = { from: OWED_SINCE, to: today }
  return {
    organisation: org.name,
    overdue,
    dueToday,
    overdueHref: drillDownHref(period, { status: 'overdue', org: actor.organisationId }),
    dueTodayHref: drillDownHref({ from: today, to: today }, { status: 'due_today', org: actor.organisationId }),
  }
}

/** The first day of the seeded bank-holiday calendar, so the first day an entitlement can be due. */
const OWED_SINCE: IsoDate = '2020-01-01'
