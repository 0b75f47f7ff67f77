// The prosecution case review dashboard, for CPS liaison and managers, over a
// period and an organisation (police force or CPS area) they can see:
// - the attrition funnel of the cases REPORTED in the period (first effective crime_reported event),
//   counted in SQL from the journal;
// - the outcomes of the cases FINALISED in the period (CaseReview.outcome) and of their defendants
//   (from the factors JSON);
// - for each binary factor, the share of successful outcomes among prosecuted cases with and without
//   it, with counts and a Wilson 95% interval;
// - days from report to each stage (median, quartiles, range), cases reported and finalised by quarter;
// - the lessons of signed-off reviews with their tags.
// Every published count goes through small-number suppression (app/domain/review/stats.ts) with the
// threshold in ReportSetting. Each view is audited with its parameters. See docs/review-dashboard.md.
import type { Actor } from '~/domain/access/policy'
import type { Prisma } from '~/generated/prisma/client'
import { isDateBlank, parseDateParts, toDateParts, type DateParts } from '~/domain/calendar/date-parts'
import { addCalendarDays, addCalendarMonths, endOfLondonDay, isoDateOf, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'
import { BINARY_FACTORS, parseFactors, type ReviewFactors } from '~/domain/review/factors'
import {
  isSmall,
  quantiles,
  quarterLabel,
  quartersBetween,
  suppressCounts,
  suppressFunnel,
  suppressTable,
  toQuarter,
  wilsonInterval,
  type Quantiles,
} from '~/domain/review/stats'
import { REVIEW_TAGS, reviewTagLabel } from '~/domain/review/tags'
import { CONVICTION_OUTCOMES } from '~/domain/journey/events'
import { FUNNEL_STAGES, INTERVALS, isThreshold, OUTCOME_LABELS, THRESHOLD_MESSAGE, type FactorRow } from '~/domain/review/dashboard'
import { DEFAULT_SUPPRESSION_THRESHOLD } from '~/domain/review/dataset'
import { caseWhere } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'


export const REVIEW_DASHBOARD_ROLES: readonly Actor['role'][] = ['cps_liaison', 'manager']
export const canViewReviewDashboard = (actor: Pick<Actor, 'role'>) => REVIEW_DASHBOARD_ROLES.includes(actor.role)
/** Managers set the suppression threshold (administrators cannot see the dashboard's data). */
export const canSetThreshold = (actor: Pick<Actor, 'role'>) => actor.role === 'manager'

const MAX_PERIOD_DAYS = 3660

// ---------------------------------------------------------------------------------------------
// The query string

export interface DashboardQuery {
  period: { from: IsoDate; to: IsoDate }
  typed: { from: DateParts; to: DateParts }
  errors: { from?: string; to?: string }
  /** organisation id (police force or CPS area), or undefined for all the user can see */
  org?: string
  tag?: string
}

const ISO = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[A-Za-z0-9_-]{1,40}$/

function readDate(params: URLSearchParams, name: string, label: string): { typed: DateParts; date?: IsoDate; error?: string } {
  const iso = params.get(name)?.trim()
  let typed: DateParts
  if (iso && ISO.test(iso)) {
    const [year, month, day] = iso.split('-').map((p) => String(Number(p)))
    typed = { day, month, year }
  } else {
    typed = {
      day: params.get(`${name}-day`)?.slice(0, 10) ?? undefined,
      month: params.get(`${name}-month`)?.slice(0, 10) ?? undefined,
      year: params.get(`${name}-year`)?.slice(0, 10) ?? undefined,
    }
    if (isDateBlank(typed)) return { typed }
  }
  const parsed = parseDateParts(typed, label, { minYear: 2000 })
  return parsed.ok ? { typed, date: isoDateOf(parsed.date) } : { typed, error: parsed.message }
}

/** The period defaults to the last 12 months to today (London dates, inclusive). */
export function parseDashboardQuery(params: URLSearchParams, now: Date): DashboardQuery {
  const today = londonDateOf(now)
  const defaults = { from: addCalendarDays(addCalendarMonths(today, -12), 1), to: today }
  const from = readDate(params, 'from', 'the start of the period')
  const to = readDate(params, 'to', 'the end of the period')
  const errors: DashboardQuery['errors'] = {}
  if (from.error) errors.from = from.error
  if (to.error) errors.to = to.error
  let period = { from: from.date ?? defaults.from, to: to.date ?? defaults.to }
  if (!errors.from && !errors.to && period.to < period.from) errors.to = 'The end of the period must be the same as or after the start'
  else if (!errors.from && !errors.to && (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 > MAX_PERIOD_DAYS) {
    errors.to = 'The period must be 10 years or shorter'
  }
  if (errors.from || errors.to) period = defaults
  const org = params.get('org') ?? ''
  const tag = params.get('tag') ?? ''
  return {
    period,
    typed: {
      from: errors.from || !isDateBlank(from.typed) ? from.typed : toDateParts(period.from),
      to: errors.to || !isDateBlank(to.typed) ? to.typed : toDateParts(period.to),
    },
    errors,
    org: ID.test(org) ? org : undefined,
    tag: REVIEW_TAGS.some((t) => t.id === tag) ? tag : undefined,
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

/** The partnership's small-number threshold, used by the dashboard and the data set alike. */
export async function suppressionThreshold(): Promise<number> {
  const prisma = await db()
  const row = await prisma.reportSetting.findUnique({ where: { id: 'default' }, select: { suppressionThreshold: true } })
  return row?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD
}

export type ThresholdResult = { ok: true; threshold: number } | { ok: false; issues: { path: 'threshold'; message: string }[] }

/** A manager changes the threshold (audited with the old and new values). */
export async function setSuppressionThreshold(actor: AuditActor, value: number, options: { ip: string }): Promise<ThresholdResult> {
  if (!canSetThreshold(actor)) throw forbidden()
  if (!isThreshold(value)) return { ok: false, issues: [{ path: 'threshold', message: THRESHOLD_MESSAGE }] }
  const prisma = await db()
  const before = await suppressionThreshold()
  await prisma.$transaction(async (tx) => {
    await tx.reportSetting.upsert({
      where: { id: 'default' },
      create: { id: 'default', suppressionThreshold: value, updatedById: actor.id },
      update: { suppressionThreshold: value, updatedById: actor.id },
    })
    await audit(
      {
        actor,
        action: 'report_setting.update',
        entityType: 'report_setting',
        entityId: 'default',
        ip: options.ip,
        details: { suppressionThreshold: { from: before, to: value } },
      },
      tx,
    )
  })
  return { ok: true, threshold: value }
}

// ---------------------------------------------------------------------------------------------
// The dashboard

export interface Lesson {
  caseId: string
  finalisedAt: string
  signedOffAt: string | null
  outcome: string
  lessons: string
  tags: { id: string; label: string }[]
}

/** The raw counts the dashboard is built from (exported for tests). */
export interface RawCounts {
  funnel: number[]
  outcomes: Record<string, number>
}

const NOT_SUPERSEDED = `NOT EXISTS (SELECT 1 FROM "JourneyEvent" s WHERE s."supersedesId" = e."id")`

async function countFunnel(caseIds: string[], start: Date, end: Date): Promise<{ funnel: number[]; reportedAt: Date[] }> {
  const prisma = await db()
  if (caseIds.length === 0) return { funnel: FUNNEL_STAGES.map(() => 0), reportedAt: [] }
  const has = (types: string) => `EXISTS (SELECT 1 FROM "JourneyEvent" e WHERE e."caseId" = r."caseId" AND e."type" IN (${types}) AND ${NOT_SUPERSEDED})`
  const convictions = CONVICTION_OUTCOMES.map((o) => `'${o}'`).join(', ')
  // Each flag is 'reached this stage or a later one', so the funnel never grows (a charge recorded
  // without an arrest still counts as arrested or interviewed). Suspect identified: a defendant is
  // recorded on the case.
  // Only constants are interpolated (event types, outcome ids); case ids and dates are parameters.
  const sql = `
    WITH reported AS (
      SELECT e."caseId", MIN(e."occurredAt") AS at FROM "JourneyEvent" e
      WHERE e."type" = 'crime_reported' AND e."caseId" = ANY($1::text[]) AND ${NOT_SUPERSEDED}
      GROUP BY e."caseId"
    ), flags AS (
      SELECT r."caseId", r.at,
        EXISTS (SELECT 1 FROM "Defendant" d WHERE d."caseId" = r."caseId") AS suspect,
        ${has(`'suspect_arrested', 'suspect_interviewed'`)} AS arrested,
        ${has(`'file_to_cps'`)} AS file,
        ${has(`'suspect_charged'`)} AS charged,
        EXISTS (SELECT 1 FROM "JourneyEvent" e WHERE e."caseId" = r."caseId" AND e."type" = 'case_outcome'
                AND e."details"->>'outcome' IN (${convictions}) AND ${NOT_SUPERSEDED}) AS convicted
      FROM reported r WHERE r.at >= $2 AND r.at < $3
    )
    SELECT count(*)::int AS reported,
      count(*) FILTER (WHERE suspect OR arrested OR file OR charged OR convicted)::int AS suspect,
      count(*) FILTER (WHERE arrested OR file OR charged OR convicted)::int AS arrested,
      count(*) FILTER (WHERE file OR charged OR convicted)::int AS file,
      count(*) FILTER (WHERE charged OR convicted)::int AS charged,
      count(*) FILTER (WHERE convicted)::int AS convicted,
      COALESCE(array_agg(at) FILTER (WHERE at IS NOT NULL), '{}') AS dates
    FROM flags`
  const [row] = await prisma.$queryRawUnsafe<(Record<(typeof FUNNEL_STAGES)[number]['id'], number> & { dates: Date[] })[]>(sql, caseIds, start, end)
  return { funnel: FUNNEL_STAGES.map((s) => Number(row![s.id])), reportedAt: (row!.dates ?? []).map((d) => new Date(d)) }
}

/** The reviews of cases finalised in the period, newest first. Plain SQL: one array parameter for thousands of case ids. */
async function reviewsOf(caseIds: string[], start: Date, end: Date) {
  const prisma = await db()
  if (caseIds.length === 0) return []
  return prisma.$queryRaw<
    { caseId: string; outcome: string; finalisedAt: Date; factors: Prisma.JsonValue; status: string; lessons: string | null; tags: string[]; signedOffAt: Date | null }[]
  >`SELECT "caseId", "outcome", "finalisedAt", "factors", "status", "lessons", "tags", "signedOffAt" FROM "CaseReview"
    WHERE "caseId" = ANY(${caseIds}::text[]) AND "finalisedAt" >= ${start} AND "finalisedAt" < ${end}
    ORDER BY "finalisedAt" DESC, "id" ASC`
}

function share(successful: number | null, n: number | null, trueS: number, trueN: number) {
  if (successful === null || n === null || n === 0) return { successful, n, share: null, interval: null }
  return { successful, n, share: successful / n, interval: wilsonInterval(trueS, trueN) }
}

/**
 * The cases a dashboard or export covers: those the user may see (caseWhere), narrowed to one police
 * force or CPS area when asked; and the organisations to choose from. The period is the caller's.
 */
export async function reviewScope(actor: Actor, query: Pick<DashboardQuery, 'period' | 'org'>) {
  const prisma = await db()
  const { from, to } = query.period
  // Scalar columns only: a CPS area sees thousands of cases, and nesting each one's organisations
  // made this the dashboard's slowest step (docs/performance.md). The few organisations come after.
  const visible = await prisma.case.findMany({ where: caseWhere(actor), select: { id: true, policeOrganisationId: true, cpsOrganisationId: true } })
  const police = new Set(visible.map((c) => c.policeOrganisationId))
  const cps = new Set(visible.flatMap((c) => (c.cpsOrganisationId ? [c.cpsOrganisationId] : [])))
  const named = await prisma.organisation.findMany({ where: { id: { in: [...police, ...cps] } }, select: { id: true, name: true } })
  const organisations = named
    .flatMap((o) => [...(cps.has(o.id) ? [{ ...o, kind: 'cps' as const }] : []), ...(police.has(o.id) ? [{ ...o, kind: 'police' as const }] : [])])
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
  const org = organisations.find((o) => o.id === query.org) ?? null
  const caseIds = visible.filter((c) => !org || c.policeOrganisationId === org.id || c.cpsOrganisationId === org.id).map((c) => c.id)
  return { start: endOfLondonDay(addCalendarDays(from, -1)), end: endOfLondonDay(to), organisations, org, caseIds }
}

export async function reviewDashboard(actor: AuditActor, query: DashboardQuery, options: { ip: string; now?: Date }) {
  if (!canViewReviewDashboard(actor)) throw forbidden()
  const { from, to } = query.period
  const [{ start, end, organisations, org, caseIds }, threshold] = await Promise.all([reviewScope(actor, query), suppressionThreshold()])

  const [{ funnel: rawFunnel, reportedAt }, reviews] = await Promise.all([
    countFunnel(caseIds, start, end),
    reviewsOf(caseIds, start, end),
  ])

  // Funnel
  const funnelShown = suppressFunnel(rawFunnel, threshold)
  const funnel = FUNNEL_STAGES.map((s, i) => ({ ...s, count: funnelShown[i]! }))

  // Outcomes of finalised cases
  const rawOutcomes: Record<string, number> = { successful: 0, unsuccessful: 0, no_prosecution: 0 }
  for (const r of reviews) rawOutcomes[r.outcome] = (rawOutcomes[r.outcome] ?? 0) + 1
  const outcomes = suppressCounts(rawOutcomes, threshold)

  // Defendants' outcomes (from the factors)
  const parsed = reviews.map((r) => ({ ...r, f: parseFactors(r.factors) })).filter((r): r is typeof r & { f: ReviewFactors } => r.f !== null)
  const rawDefendants: Record<string, number> = {}
  const defendantLabels = new Map<string, string>()
  for (const r of parsed)
    for (const d of r.f.defendants) {
      rawDefendants[d.outcomeCode] = (rawDefendants[d.outcomeCode] ?? 0) + 1
      defendantLabels.set(d.outcomeCode, d.outcomeLabel)
    }
  const defendantsShown = suppressCounts(rawDefendants, threshold)
  const defendantOutcomes = {
    rows: Object.keys(rawDefendants)
      .sort((a, b) => rawDefendants[b]! - rawDefendants[a]! || a.localeCompare(b))
      .map((code) => ({ code, label: defendantLabels.get(code) ?? code, count: defendantsShown.counts[code] ?? null })),
    total: defendantsShown.total,
  }

  // Factors: prosecuted cases (successful or unsuccessful). The factor tables repeat the numbers of
  // successful and unsuccessful cases (their column totals), so when the outcome breakdown withholds
  // either, the factor tables are withheld as a whole (else one table could undo the other's suppression).
  const prosecuted = parsed.filter((r) => r.outcome === 'successful' || r.outcome === 'unsuccessful')
  const factorsWithheld = outcomes.counts.successful === null || outcomes.counts.unsuccessful === null
  const factors: FactorRow[] = BINARY_FACTORS.map((factor) => {
    const cells = [
      [0, 0],
      [0, 0],
    ]
    for (const r of prosecuted) cells[factor.read(r.f) ? 0 : 1]![r.outcome === 'successful' ? 0 : 1]! += 1
    const t = suppressTable(cells, threshold)
    const hide = (v: number | null) => (factorsWithheld ? null : v)
    return {
      id: factor.id,
      label: factor.label,
      with: share(hide(t.cells[0]![0]!), hide(t.rowTotals[0]!), cells[0]![0]!, cells[0]![0]! + cells[0]![1]!),
      without: share(hide(t.cells[1]![0]!), hide(t.rowTotals[1]!), cells[1]![0]!, cells[1]![0]! + cells[1]![1]!),
    }
  })

  // Days from report to each stage (too few cases: not shown)
  const distributions = INTERVALS.map((i) => {
    const values = parsed.map((r) => r.f.daysFromReport[i.key]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    const summary: Quantiles | null = values.length >= threshold ? quantiles(values) : null
    return { key: i.key, label: i.label, summary }
  })

  // By quarter
  const quarters = quartersBetween(from, to)
  const reportedByQuarter = Object.fromEntries(quarters.map((q) => [q, 0])) as Record<string, number>
  for (const d of reportedAt) reportedByQuarter[toQuarter(d)] = (reportedByQuarter[toQuarter(d)] ?? 0) + 1
  const finalisedByQuarter = Object.fromEntries(quarters.map((q) => [q, 0])) as Record<string, number>
  for (const r of reviews) finalisedByQuarter[toQuarter(r.finalisedAt)] = (finalisedByQuarter[toQuarter(r.finalisedAt)] ?? 0) + 1
  const reportedQ = suppressCounts(reportedByQuarter, threshold)
  const finalisedQ = suppressCounts(finalisedByQuarter, threshold)
  const trend = {
    quarters: quarters.map((q) => ({ id: q, label: quarterLabel(q), short: q.replace('-', ' ') })),
    reported: quarters.map((q) => reportedQ.counts[q] ?? null),
    finalised: quarters.map((q) => finalisedQ.counts[q] ?? null),
  }

  // Lessons of signed-off reviews
  const signed = reviews.filter((r) => r.status === 'signed_off')
  const tagCounts = REVIEW_TAGS.map((t) => ({ id: t.id, label: t.label, count: signed.filter((r) => r.tags.includes(t.id)).length })).filter((t) => t.count > 0)
  const lessons: Lesson[] = signed
    .filter((r) => r.lessons && (!query.tag || r.tags.includes(query.tag)))
    .map((r) => ({
      caseId: r.caseId,
      finalisedAt: r.finalisedAt.toISOString(),
      signedOffAt: r.signedOffAt?.toISOString() ?? null,
      outcome: r.outcome,
      lessons: r.lessons!,
      tags: r.tags.map((id) => ({ id, label: reviewTagLabel(id) })),
    }))

  await audit({
    actor,
    action: 'review.dashboard.view',
    entityType: 'case_review',
    ip: options.ip,
    details: { from, to, org: org?.id ?? null, tag: query.tag ?? null, threshold },
  })

  return {
    period: query.period,
    threshold,
    organisations,
    organisation: org,
    funnel,
    outcomes: {
      rows: Object.keys(OUTCOME_LABELS).map((id) => ({ id, label: OUTCOME_LABELS[id]!, count: outcomes.counts[id] ?? null })),
      total: outcomes.total,
    },
    defendantOutcomes,
    factors,
    factorsWithheld,
    prosecuted: factorsWithheld || isSmall(prosecuted.length, threshold) ? null : prosecuted.length,
    distributions,
    trend,
    tagCounts,
    lessons,
  }
}

export type ReviewDashboard = Awaited<ReturnType<typeof reviewDashboard>>
