// The quarterly multi-agency data set for the safeguarding board. Every
// number is a SQL aggregate (Prisma groupBy/count, or one GROUP BY in $queryRaw): no rows are loaded
// into memory, whatever the size of the database. The only values read back other than counts are
// stages, statuses and fixed codes — and the distinct self-described ethnicities, which are mapped to
// broad groups here (ethnicGroupOf) and never leave this module. See docs/dataset.md.
//
// Access: managers only, and a manager sees the whole partnership's counts (every organisation),
// because the data set is anonymous aggregate numbers with small numbers suppressed — it is the
// partnership's report to the safeguarding board, not a view of any organisation's records.
// CPS liaison, officers and advocates work from case-level pages their access policy governs, and
// administrators see no casework: all are refused (403). Every report shown or downloaded is
// audited as 'dataset.export' with the quarter and the format.
import type { Actor } from '~/domain/access/policy'
import { ACTIVE_RULE_SETS } from '~/domain/entitlements/rules'
import {
  AGE_BANDS,
  buildDataset,
  CSV_HEADER,
  datasetCsvRows,
  ethnicGroupOf,
  genderRowOf,
  type ComplianceCount,
  type Dataset,
  type DatasetCounts,
  type Quarter,
} from '~/domain/review/dataset'
import { toCsv } from '~/utils/csv'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'
import { suppressionThreshold } from './review-dashboard.server'

/** May this user see or export the data set? Managers only (see above). */
export const canViewDataset = (actor: Pick<Actor, 'role'>) => actor.role === 'manager'

export type DatasetFormat = 'page' | 'csv'


const add = (out: Record<string, number>, key: string, n: number) => {
  out[key] = (out[key] ?? 0) + n
}

/**
 * The raw (unsuppressed) counts of a quarter. `now` decides which entitlements due in a quarter in
 * progress are overdue yet (those due later are not counted).
 */
export async function datasetCounts(quarter: Quarter, now: Date = new Date()): Promise<DatasetCounts> {
  const prisma = await db()
  const { start, end } = quarter
  const inQuarter = { gte: start, lt: end }
  const overdueBefore = new Date(Math.min(end.getTime(), now.getTime()))
  const ruleSetIds = ACTIVE_RULE_SETS.map((r) => r.id)

  const [
    cases,
    victims,
    newVictims,
    newReports,
    visits,
    intelligenceCreated,
    intelligenceSubmitted,
    byService,
    byStatus,
    byOutcome,
    metGroups,
    overdueGroups,
    reviewRows,
  ] = await Promise.all([
    prisma.case.groupBy({ by: ['stage'], where: { createdAt: { lt: end } }, _count: { _all: true } }),
    prisma.$queryRaw<{ stage: string; n: number }[]>`
      SELECT c."stage" AS stage, count(*)::int AS n
      FROM "VictimCase" vc JOIN "Case" c ON c."id" = vc."caseId" JOIN "Victim" v ON v."id" = vc."victimId"
      WHERE c."createdAt" < ${end} AND v."createdAt" < ${end}
      GROUP BY c."stage"`,
    prisma.victim.count({ where: { createdAt: inQuarter } }),
    // A corrected report counts once: the correction replaces it (supersededBy is the correction).
    prisma.journeyEvent.count({ where: { type: 'crime_reported', occurredAt: inQuarter, supersededBy: { is: null } } }),
    prisma.visit.groupBy({
      by: ['status', 'notHappenedReason'],
      where: { at: inQuarter, status: { in: ['completed', 'not_happened'] } },
      _count: { _all: true },
    }),
    prisma.intelligenceItem.count({ where: { createdAt: inQuarter } }),
    prisma.intelligenceItem.count({ where: { status: 'submitted', reviewedAt: inQuarter } }),
    prisma.referral.groupBy({ by: ['serviceType'], where: { sentAt: inQuarter }, _count: { _all: true } }),
    prisma.referral.groupBy({ by: ['status'], where: { sentAt: inQuarter }, _count: { _all: true } }),
    prisma.referral.groupBy({ by: ['outcome'], where: { status: 'closed', closedAt: inQuarter }, _count: { _all: true } }),
    prisma.entitlement.groupBy({
      by: ['right', 'owedBy', 'status'],
      where: { withdrawnAt: null, ruleSetId: { in: ruleSetIds }, dueAt: inQuarter, status: { in: ['met', 'met_late'] } },
      _count: { _all: true },
    }),
    prisma.entitlement.groupBy({
      by: ['right', 'owedBy'],
      where: { withdrawnAt: null, ruleSetId: { in: ruleSetIds }, dueAt: { gte: start, lte: overdueBefore }, status: 'open' },
      _count: { _all: true },
    }),
    prisma.caseReview.count(),
  ])

  const casesByStage: Record<string, number> = {}
  for (const g of cases) add(casesByStage, g.stage, g._count._all)
  const victimsByStage: Record<string, number> = {}
  for (const g of victims) add(victimsByStage, g.stage, Number(g.n))

  let visitsCompleted = 0
  const visitsNotHappened: Record<string, number> = {}
  for (const g of visits) {
    if (g.status === 'completed') visitsCompleted += g._count._all
    // The reason is required for a visit that did not happen (app/domain/visits/visit.ts).
    else if (g.notHappenedReason) add(visitsNotHappened, g.notHappenedReason, g._count._all)
  }

  const referralsByService: Record<string, number> = {}
  for (const g of byService) add(referralsByService, g.serviceType, g._count._all)
  const referralsByStatus: Record<string, number> = {}
  for (const g of byStatus) add(referralsByStatus, g.status, g._count._all)
  const referralOutcomes: Record<string, number> = {}
  for (const g of byOutcome) add(referralOutcomes, g.outcome ?? 'other', g._count._all)

  const compliance = new Map<string, ComplianceCount>()
  const complianceRow = (right: number, owedBy: string) => {
    const key = `${right}:${owedBy}`
    let row = compliance.get(key)
    if (!row) compliance.set(key, (row = { right, owedBy, met: 0, metLate: 0, overdue: 0 }))
    return row
  }
  for (const g of metGroups) {
    const row = complianceRow(g.right, g.owedBy)
    if (g.status === 'met') row.met += g._count._all
    else row.metLate += g._count._all
  }
  for (const g of overdueGroups) complianceRow(g.right, g.owedBy).overdue += g._count._all

  const prosecution = await prosecutionCounts(quarter, reviewRows > 0)
  const demographics = await demographicCounts(quarter)

  return {
    casesByStage,
    victimsByStage,
    newVictims,
    newReports,
    visitsCompleted,
    visitsNotHappened,
    intelligenceCreated,
    intelligenceSubmitted,
    referralsByService,
    referralsByStatus,
    referralOutcomes,
    compliance: [...compliance.values()],
    prosecution,
    ...demographics,
  }
}

/**
 * Prosecution outcomes: from case reviews finalised in the quarter once the review is in use (the
 * CaseReview table has rows); before that, from the CPS's case outcome events in the quarter.
 */
async function prosecutionCounts(quarter: Quarter, reviewsInUse: boolean): Promise<DatasetCounts['prosecution']> {
  const prisma = await db()
  const counts: Record<string, number> = {}
  if (reviewsInUse) {
    const groups = await prisma.caseReview.groupBy({ by: ['outcome'], where: { finalisedAt: { gte: quarter.start, lt: quarter.end } }, _count: { _all: true } })
    for (const g of groups) add(counts, g.outcome, g._count._all)
    return { source: 'case_review', counts }
  }
  const groups = await prisma.$queryRaw<{ outcome: string | null; n: number }[]>`
    SELECT e."details"->>'outcome' AS outcome, count(*)::int AS n
    FROM "JourneyEvent" e
    WHERE e."type" = 'case_outcome' AND e."occurredAt" >= ${quarter.start} AND e."occurredAt" < ${quarter.end}
      AND NOT EXISTS (SELECT 1 FROM "JourneyEvent" s WHERE s."supersedesId" = e."id")
    GROUP BY 1`
  for (const g of groups) if (g.outcome) add(counts, g.outcome, Number(g.n))
  return { source: 'case_outcome', counts }
}

/**
 * Age band, gender and ethnic group of the victims with activity in the quarter: a record created, a
 * journey event (theirs or on one of their cases), a contact, a visit or a referral sent in it.
 */
async function demographicCounts(quarter: Quarter): Promise<Pick<DatasetCounts, 'ageBands' | 'genders' | 'ethnicGroups'>> {
  const prisma = await db()
  const s = quarter.start
  const e = quarter.end
  const lastDay = quarter.lastDay
  const active = prisma.$queryRaw<{ band: string; gender: string | null; ethnicity: string | null; n: number }[]>`
    WITH active AS (
      SELECT v."dateOfBirth", v."gender", lower(trim(v."ethnicity")) AS ethnicity
      FROM "Victim" v
      WHERE v."createdAt" < ${e} AND (
        v."createdAt" >= ${s}
        OR EXISTS (SELECT 1 FROM "JourneyEvent" j WHERE j."victimId" = v."id" AND j."occurredAt" >= ${s} AND j."occurredAt" < ${e})
        OR EXISTS (
          SELECT 1 FROM "VictimCase" vc JOIN "JourneyEvent" j ON j."caseId" = vc."caseId"
          WHERE vc."victimId" = v."id" AND j."occurredAt" >= ${s} AND j."occurredAt" < ${e})
        OR EXISTS (SELECT 1 FROM "Contact" c WHERE c."victimId" = v."id" AND c."contactedAt" >= ${s} AND c."contactedAt" < ${e})
        OR EXISTS (SELECT 1 FROM "Visit" x WHERE x."victimId" = v."id" AND x."at" >= ${s} AND x."at" < ${e})
        OR EXISTS (SELECT 1 FROM "Referral" r WHERE r."victimId" = v."id" AND r."sentAt" >= ${s} AND r."sentAt" < ${e}))
    )
    SELECT
      CASE
        WHEN date_part('year', age(${lastDay}::date, a."dateOfBirth")) >= 18 THEN 'age_18_plus'
        WHEN date_part('year', age(${lastDay}::date, a."dateOfBirth")) >= 16 THEN 'age_16_17'
        WHEN date_part('year', age(${lastDay}::date, a."dateOfBirth")) >= 13 THEN 'age_13_15'
        ELSE 'under_13'
      END AS band,
      a."gender" AS gender,
      a.ethnicity AS ethnicity,
      count(*)::int AS n
    FROM active a
    GROUP BY 1, 2, 3`
  const groups = await active
  const ageBands: Record<string, number> = Object.fromEntries(AGE_BANDS.map((b) => [b.id, 0]))
  const genders: Record<string, number> = {}
  const ethnicGroups: Record<string, number> = {}
  for (const g of groups) {
    const n = Number(g.n)
    add(ageBands, g.band, n)
    add(genders, genderRowOf(g.gender), n)
    add(ethnicGroups, ethnicGroupOf(g.ethnicity), n)
  }
  return { ageBands, genders, ethnicGroups }
}

export interface DatasetOptions {
  ip: string
  format: DatasetFormat
  now?: Date
}

/** The published (suppressed) data set of a quarter, audited as an export in the given format. */
export async function datasetReport(actor: AuditActor, quarter: Quarter, options: DatasetOptions): Promise<Dataset> {
  if (!canViewDataset(actor)) throw forbidden()
  const [counts, threshold] = await Promise.all([datasetCounts(quarter, options.now), suppressionThreshold()])
  const dataset = buildDataset(counts, quarter, threshold)
  await audit({
    actor,
    action: 'dataset.export',
    entityType: 'dataset',
    ip: options.ip,
    details: { quarter: quarter.quarter, format: options.format, threshold },
  })
  return dataset
}

/** The data set of a quarter as CSV (spreadsheet-formula-safe cells), audited with format 'csv'. */
export async function datasetCsv(actor: AuditActor, quarter: Quarter, options: Omit<DatasetOptions, 'format'>): Promise<string> {
  const dataset = await datasetReport(actor, quarter, { ...options, format: 'csv' })
  return toCsv(CSV_HEADER, datasetCsvRows(dataset))
}
