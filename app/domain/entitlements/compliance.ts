// The Victims' Code compliance page, without I/O: the period and filters read
// from the query string, the status of a stored entitlement at an instant, and the counts shaped
// into totals, a table by right (and rule) and a table by owing organisation. The service
// (app/services/compliance.server.ts) runs the grouped queries; everything here is testable alone.
import { isDateBlank, parseDateParts, toDateParts, type DateParts } from '~/domain/calendar/date-parts'
import { addCalendarDays, isoDateOf, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'
import { ownerLabel } from './rules'

/**
 * Where an entitlement stands now. The same semantics as entitlementStatusNow (stored `open` rows
 * are overdue once now >= dueAt, the end of the due day in London), with "due" split into due
 * today and due later so the buckets do not overlap.
 */
export const COMPLIANCE_STATUSES = ['due_today', 'due_later', 'overdue', 'met', 'met_late'] as const
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number]

/** Column headings and summary labels. */
export const STATUS_HEADINGS: Record<ComplianceStatus, string> = {
  due_today: 'Due today',
  due_later: 'Due later',
  overdue: 'Overdue',
  met: 'Met on time',
  met_late: 'Met late',
}

/** The words on each status's GOV.UK tag. */
export const STATUS_TAGS: Record<ComplianceStatus, string> = {
  due_today: 'Due today',
  due_later: 'Due',
  overdue: 'Overdue',
  met: 'Met',
  met_late: 'Met late',
}

/** The default period: entitlements due in the last 28 days or the next 28. */
export const DEFAULT_DAYS_BACK = 28
export const DEFAULT_DAYS_AHEAD = 28
/** Longest period one page counts over (about ten years): keeps a typo like year 2 from scanning everything. */
export const MAX_PERIOD_DAYS = 3660

export interface StoredEntitlement {
  /** open | met | met_late */
  status: string
  /** The due day (a @db.Date, midnight UTC). */
  dueBy: Date
  /** The end of the due day in Europe/London. */
  dueAt: Date
}

export function complianceStatusAt(row: StoredEntitlement, now: Date): ComplianceStatus {
  if (row.status === 'met' || row.status === 'met_late') return row.status
  if (now.getTime() >= row.dueAt.getTime()) return 'overdue'
  return isoDateOf(row.dueBy) === londonDateOf(now) ? 'due_today' : 'due_later'
}

// ---- the query string -----------------------------------------------------------------------------

export interface ComplianceFilters {
  status?: ComplianceStatus
  right?: number
  /** A rule id (with `right` it narrows a right to one rule). */
  rule?: string
  /** An organisation id, or `none-<owner>` for entitlements whose case names no organisation for that part. */
  org?: string
}

export interface ComplianceQuery {
  /** The period counted, by due date (inclusive). Defaults when what was typed is not usable. */
  period: { from: IsoDate; to: IsoDate }
  /** What the date boxes show: what was typed, or the period in use. */
  typed: { from: DateParts; to: DateParts }
  errors: { from?: string; to?: string }
  filters: ComplianceFilters
  page: number
}

const ISO = /^\d{4}-\d{2}-\d{2}$/
const RULE_ID = /^[a-z0-9_]{1,60}$/
const ORG_KEY = /^(none-(police|cps|witness_care|probation)|[A-Za-z0-9_-]{1,40})$/

/** A date from `name` (ISO, as links carry it) or the `name-day/-month/-year` boxes. */
function readDate(params: URLSearchParams, name: string, label: string): { typed: DateParts; date?: IsoDate; error?: string } {
  const iso = params.get(name)?.trim()
  if (iso && ISO.test(iso)) {
    const [year, month, day] = iso.split('-').map((p) => String(Number(p)))
    const typed = { day, month, year }
    const parsed = parseDateParts(typed, label, { minYear: 2000 })
    return parsed.ok ? { typed, date: isoDateOf(parsed.date) } : { typed, error: parsed.message }
  }
  const typed: DateParts = {
    day: params.get(`${name}-day`)?.slice(0, 10) ?? undefined,
    month: params.get(`${name}-month`)?.slice(0, 10) ?? undefined,
    year: params.get(`${name}-year`)?.slice(0, 10) ?? undefined,
  }
  if (isDateBlank(typed)) return { typed }
  const parsed = parseDateParts(typed, label, { minYear: 2000 })
  return parsed.ok ? { typed, date: isoDateOf(parsed.date) } : { typed, error: parsed.message }
}

const dayCount = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/**
 * Reads the compliance page's query string. Filters that are not valid are ignored (a list falls
 * back to everything); dates the user typed get GOV.UK error messages and are shown back as typed.
 */
export function parseComplianceQuery(params: URLSearchParams, now: Date): ComplianceQuery {
  const today = londonDateOf(now)
  const defaults = { from: addCalendarDays(today, -DEFAULT_DAYS_BACK), to: addCalendarDays(today, DEFAULT_DAYS_AHEAD) }
  const from = readDate(params, 'from', 'the start of the period')
  const to = readDate(params, 'to', 'the end of the period')
  const errors: ComplianceQuery['errors'] = {}
  if (from.error) errors.from = from.error
  if (to.error) errors.to = to.error
  let period = { from: from.date ?? defaults.from, to: to.date ?? defaults.to }
  if (!errors.from && !errors.to && period.to < period.from) {
    errors.to = 'The end of the period must be the same as or after the start'
  } else if (!errors.from && !errors.to && dayCount(period.from, period.to) > MAX_PERIOD_DAYS) {
    errors.to = 'The period must be 10 years or shorter'
  }
  if (errors.from || errors.to) period = defaults

  const filters: ComplianceFilters = {}
  const status = params.get('status')
  if (status && (COMPLIANCE_STATUSES as readonly string[]).includes(status)) filters.status = status as ComplianceStatus
  const right = Number(params.get('right'))
  if (Number.isInteger(right) && right >= 1 && right <= 99) filters.right = right
  const rule = params.get('rule')
  if (rule && RULE_ID.test(rule)) filters.rule = rule
  const org = params.get('org')
  if (org && ORG_KEY.test(org)) filters.org = org
  const page = Number(params.get('page'))

  return {
    period,
    typed: {
      from: errors.from || !isDateBlank(from.typed) ? from.typed : toDateParts(period.from),
      to: errors.to || !isDateBlank(to.typed) ? to.typed : toDateParts(period.to),
    },
    errors,
    filters,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  }
}

/** A link to the drill-down: the period kept, the given filters, scrolled to the list. */
export function drillDownHref(period: { from: IsoDate; to: IsoDate }, filters: ComplianceFilters): string {
  const params = new URLSearchParams({ from: period.from, to: period.to })
  if (filters.status) params.set('status', filters.status)
  if (filters.right !== undefined) params.set('right', String(filters.right))
  if (filters.rule) params.set('rule', filters.rule)
  if (filters.org) params.set('org', filters.org)
  return `/compliance?${params.toString()}#cases`
}

// ---- counting -------------------------------------------------------------------------------------

export type Tally = Record<ComplianceStatus, number> & { total: number }

export const emptyTally = (): Tally => ({ due_today: 0, due_later: 0, overdue: 0, met: 0, met_late: 0, total: 0 })

/** One group of stored rows with the same rule and owing organisation. */
export interface GroupKey {
  ruleSetId: string
  ruleId: string
  right: number
  owedBy: string
  owedByOrganisationId: string | null
}

export interface BucketCount extends GroupKey {
  status: ComplianceStatus
  count: number
}

const keyOf = (g: GroupKey) => `${g.ruleSetId}|${g.ruleId}|${g.right}|${g.owedBy}|${g.owedByOrganisationId ?? ''}`

/**
 * Buckets from three grouped counts: every row by stored status (open | met | met_late), the open
 * rows already overdue (dueAt <= now), and the open rows due today. Due later is what is left.
 */
export function bucketsFromGroups(
  byStatus: readonly (GroupKey & { status: string; count: number })[],
  overdue: readonly (GroupKey & { count: number })[],
  dueToday: readonly (GroupKey & { count: number })[],
): BucketCount[] {
  const out: BucketCount[] = []
  const open = new Map<string, GroupKey & { count: number }>()
  for (const g of byStatus) {
    const { status, count, ...key } = g
    if (status === 'met' || status === 'met_late') out.push({ ...key, status, count })
    else if (status === 'open') {
      const k = keyOf(key)
      open.set(k, { ...key, count: (open.get(k)?.count ?? 0) + count })
    }
  }
  const subtract = new Map<string, number>()
  for (const [status, groups] of [['overdue', overdue], ['due_today', dueToday]] as const) {
    for (const g of groups) {
      const { count, ...key } = g
      out.push({ ...key, status, count })
      subtract.set(keyOf(key), (subtract.get(keyOf(key)) ?? 0) + count)
    }
  }
  for (const [k, g] of open) {
    const { count, ...key } = g
    const later = count - (subtract.get(k) ?? 0)
    if (later > 0) out.push({ ...key, status: 'due_later', count: later })
  }
  return out.filter((b) => b.count > 0)
}

function add(t: Tally, status: ComplianceStatus, n: number) {
  t[status] += n
  t.total += n
}


/** The organisation key used in links and tables: the id, or `none-<owner>`. */
export const orgKeyOf = (g: Pick<GroupKey, 'owedBy' | 'owedByOrganisationId'>) => g.owedByOrganisationId ?? `none-${g.owedBy}`

/** The name shown for an owing organisation (or for a part the case names no organisation for). */
export function owingOrganisationName(g: Pick<GroupKey, 'owedBy' | 'owedByOrganisationId'>, names: ReadonlyMap<string, string>): string {
  if (g.owedByOrganisationId) return names.get(g.owedByOrganisationId) ?? 'Unknown organisation'
  return `${ownerLabel(g.owedBy)} (no organisation on the case)`
}

export interface RuleRow {
  ruleSetId: string
  ruleId: string
  summary: string
  tally: Tally
}

export interface RightRow {
  right: number
  tally: Tally
  rules: RuleRow[]
}

export interface OrganisationRow {
  key: string
  name: string
  tally: Tally
}

export interface ComplianceSummary {
  totals: Tally
  byRight: RightRow[]
  byOrganisation: OrganisationRow[]
}

/**
 * Totals, rights (each with its rules) in right order, and organisations by name with the
 * no-organisation rows last. `summaryOf` gives a rule's plain-English summary (rules.ts).
 */
export function summarise(
  buckets: readonly BucketCount[],
  names: ReadonlyMap<string, string>,
  summaryOf: (ruleSetId: string, ruleId: string) => string,
): ComplianceSummary {
  const totals = emptyTally()
  const rights = new Map<number, RightRow>()
  const rules = new Map<string, RuleRow>()
  const orgs = new Map<string, OrganisationRow>()
  for (const b of buckets) {
    add(totals, b.status, b.count)
    let right = rights.get(b.right)
    if (!right) rights.set(b.right, (right = { right: b.right, tally: emptyTally(), rules: [] }))
    add(right.tally, b.status, b.count)
    const ruleKey = `${b.right}|${b.ruleSetId}|${b.ruleId}`
    let rule = rules.get(ruleKey)
    if (!rule) {
      rules.set(ruleKey, (rule = { ruleSetId: b.ruleSetId, ruleId: b.ruleId, summary: summaryOf(b.ruleSetId, b.ruleId), tally: emptyTally() }))
      right.rules.push(rule)
    }
    add(rule.tally, b.status, b.count)
    const key = orgKeyOf(b)
    let org = orgs.get(key)
    if (!org) orgs.set(key, (org = { key, name: owingOrganisationName(b, names), tally: emptyTally() }))
    add(org.tally, b.status, b.count)
  }
  const byRight = [...rights.values()].sort((a, b) => a.right - b.right)
  for (const r of byRight) r.rules.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.ruleSetId.localeCompare(b.ruleSetId))
  const byOrganisation = [...orgs.values()].sort(
    (a, b) => Number(a.key.startsWith('none-')) - Number(b.key.startsWith('none-')) || a.name.localeCompare(b.name, 'en-GB'),
  )
  return { totals, byRight, byOrganisation }
}
