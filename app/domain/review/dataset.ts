// The quarterly multi-agency data set for the safeguarding board. Pure: the
// quarter ('2026-Q3') and its London-time bounds, the age bands, the broad ethnic groups, the data
// set's sections and rows, and turning raw counts (app/services/dataset.server.ts) into the
// published report with small numbers suppressed (./stats.ts). No names, references, ids or free
// text can reach the report: every row comes from a fixed vocabulary below, and free-text fields
// (ethnicity is self-described) are mapped to broad groups before they leave the service.
import type { IsoDate } from '~/domain/calendar/working-days'
import { STAGES } from '~/domain/journey/stages'
import { CASE_OUTCOMES } from '~/domain/journey/events'
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES, SERVICE_TYPES } from '~/domain/support/referrals'
import { GENDERS } from '~/domain/victims/schema'
import { quarterLabel, quarterRange, suppressCounts, suppressTable, toQuarter, type Quarter as QuarterId, type QuarterRange } from './stats'

export const DEFAULT_SUPPRESSION_THRESHOLD = 5

// ---- quarters ------------------------------------------------------------------------------------

/** A calendar quarter (./stats.ts QuarterRange) with its label, e.g. 'July to September 2026'. */
export interface Quarter extends QuarterRange {
  label: string
}

export const quarterOf = (id: QuarterId): Quarter => ({ ...quarterRange(id), label: quarterLabel(id) })

function previousQuarter(id: QuarterId): QuarterId {
  const [year, q] = [Number(id.slice(0, 4)), Number(id.slice(6))]
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${(q - 1) as 1 | 2 | 3}`
}

/** The last complete quarter: what the board usually asks for. */
export const defaultQuarter = (now: Date): Quarter => quarterOf(previousQuarter(toQuarter(now)))

/** The first year anyone can ask for (Waypoint holds nothing earlier). */
export const FIRST_YEAR = 2020

export type QuarterResult = { ok: true; quarter: Quarter } | { ok: false; message: string }

/**
 * Reads '2026-Q3' (also '2026 q3' or '2026Q3'). Refuses malformed input, years before FIRST_YEAR and
 * quarters that have not started; the quarter in progress is allowed (its counts run to date).
 */
export function parseQuarter(input: string | null | undefined, now: Date): QuarterResult {
  const value = (input ?? '').trim()
  if (!value) return { ok: false, message: 'Select the quarter' }
  const match = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(value)
  if (!match) return { ok: false, message: 'Enter the quarter as a year and quarter, like 2026-Q3' }
  const year = Number(match[1])
  if (year < FIRST_YEAR) return { ok: false, message: `The quarter must be in ${FIRST_YEAR} or later` }
  const quarter = quarterOf(`${year}-Q${Number(match[2]) as 1 | 2 | 3 | 4}`)
  if (quarter.start.getTime() > now.getTime()) return { ok: false, message: 'The quarter must not be in the future' }
  return { ok: true, quarter }
}

/** Quarters offered in the picker, newest first: the one in progress and the `count - 1` before it. */
export function recentQuarters(now: Date, count = 8): Quarter[] {
  const ids: QuarterId[] = [toQuarter(now)]
  while (ids.length < count) ids.push(previousQuarter(ids[ids.length - 1]!))
  return ids.map(quarterOf)
}

// ---- age bands -----------------------------------------------------------------------------------

export const AGE_BANDS = [
  { id: 'under_13', label: 'Under 13', min: 0 },
  { id: 'age_13_15', label: '13 to 15', min: 13 },
  { id: 'age_16_17', label: '16 or 17', min: 16 },
  { id: 'age_18_plus', label: '18 or over', min: 18 },
] as const

export type AgeBand = (typeof AGE_BANDS)[number]['id']

/** Age in whole years on `on` (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number)
  const [y, m, d] = on.split('-').map(Number)
  const hadBirthday = m! > bm! || (m === bm && d! >= bd!)
  return y! - by! - (hadBirthday ? 0 : 1)
}

/** The age band at the quarter's end (its last day). */
export function ageBandOf(dateOfBirth: IsoDate, quarterLastDay: IsoDate): AgeBand {
  const age = ageOn(dateOfBirth, quarterLastDay)
  let band: AgeBand = 'under_13'
  for (const b of AGE_BANDS) if (age >= b.min) band = b.id
  return band
}

// ---- gender and ethnicity ------------------------------------------------------------------------

export const NOT_RECORDED = 'not_recorded'

export const GENDER_ROWS = [...GENDERS.map((g) => ({ id: g.value as string, label: g.label as string })), { id: NOT_RECORDED, label: 'Not recorded' }]

/** A stored gender as one of the rows (anything unexpected counts as not recorded). */
export const genderRowOf = (gender: string | null | undefined) => (gender && GENDERS.some((g) => g.value === gender) ? gender : NOT_RECORDED)

// The five broad groups of the 2021 census (England and Wales). Ethnicity is self-described free
// text in Waypoint, so it is grouped by the words people use; what matches no group is "another
// ethnic group or not classified" — never the text itself.
export const ETHNIC_GROUPS = [
  { id: 'asian', label: 'Asian, Asian British or Asian Welsh' },
  { id: 'black', label: 'Black, Black British, Black Welsh, Caribbean or African' },
  { id: 'mixed', label: 'Mixed or multiple ethnic groups' },
  { id: 'white', label: 'White' },
  { id: 'other', label: 'Another ethnic group or not classified' },
  { id: NOT_RECORDED, label: 'Not recorded' },
] as const

export type EthnicGroup = (typeof ETHNIC_GROUPS)[number]['id']

// Checked in this order: "Mixed White and Black Caribbean" is mixed, "Black British" is black.
const ETHNIC_PATTERNS: readonly [EthnicGroup, RegExp][] = [
  ['mixed', /\b(mixed|multiple|dual heritage|biracial|multi-?racial)\b|\bwhite and (black|asian)\b/],
  ['asian', /\b(asian|indian|pakistani|bangladeshi|chinese|sri lankan|nepali|kashmiri|tamil|punjabi|filipin[oa]|vietnamese)\b/],
  ['black', /\b(black|african|caribbean|somali|nigerian|ghanaian|eritrean|jamaican)\b/],
  ['other', /\b(arab|kurdish|turkish|iranian|afghan|latin|any other|other ethnic)\b/],
  ['white', /\b(white|english|welsh|scottish|northern irish|irish|british|gypsy|irish traveller|traveller|roma|polish|romanian|european)\b/],
]

export function ethnicGroupOf(ethnicity: string | null | undefined): EthnicGroup {
  const text = (ethnicity ?? '').trim().toLowerCase()
  if (!text || /^(not known|unknown|prefer not to say|not stated)$/.test(text)) return NOT_RECORDED
  for (const [group, pattern] of ETHNIC_PATTERNS) if (pattern.test(text)) return group
  return 'other'
}

// ---- raw counts (what the service counts) --------------------------------------------------------

export const AGENCIES = [
  { id: 'police', label: 'Police' },
  { id: 'cps', label: 'Crown Prosecution Service' },
  { id: 'witness_care', label: 'Witness care' },
  { id: 'probation', label: 'Probation' },
] as const

export const RIGHTS = Array.from({ length: 12 }, (_, i) => i + 1)

export const NOT_HAPPENED_REASONS = [
  { id: 'declined', label: 'Declined' },
  { id: 'not_found', label: 'Not found' },
  { id: 'missing', label: 'Missing' },
] as const

export const REVIEW_OUTCOMES = [
  { id: 'successful', label: 'Successful (at least one defendant convicted)' },
  { id: 'unsuccessful', label: 'Unsuccessful (prosecuted, no conviction)' },
  { id: 'no_prosecution', label: 'No prosecution' },
] as const

type Counts = Record<string, number>

export interface ComplianceCount {
  right: number
  /** police | cps | witness_care | probation */
  owedBy: string
  met: number
  metLate: number
  overdue: number
}

export interface DatasetCounts {
  /** Cases that existed at the quarter's end, by their stage now. */
  casesByStage: Counts
  /** Victims on those cases (one per victim and case), by the case's stage now. */
  victimsByStage: Counts
  newVictims: number
  newReports: number
  visitsCompleted: number
  /** Visits that did not happen in the quarter, by reason. */
  visitsNotHappened: Counts
  intelligenceCreated: number
  intelligenceSubmitted: number
  /** Referrals sent in the quarter, by service type. */
  referralsByService: Counts
  /** The same referrals, by their status now. */
  referralsByStatus: Counts
  /** Referrals closed in the quarter, by outcome (null outcome counts as 'other'). */
  referralOutcomes: Counts
  /** Entitlements with dueAt in the quarter, by right and owing agency. */
  compliance: ComplianceCount[]
  /** 'case_review': reviews finalised in the quarter; 'case_outcome': defendants' CPS finalisations in the quarter. */
  prosecution: { source: 'case_review' | 'case_outcome'; counts: Counts }
  ageBands: Counts
  genders: Counts
  ethnicGroups: Counts
}

// ---- the report ----------------------------------------------------------------------------------

/** A published count: null when suppressed. */
export type Cell = number | null

export interface DatasetRow {
  label: string
  values: Cell[]
}

export interface DatasetSection {
  id: string
  title: string
  /** What is counted, in a sentence (shown under the heading and in docs/dataset.md). */
  description: string
  /** The heading of the row labels' column, then one heading per value column. */
  rowHeading: string
  columns: string[]
  rows: DatasetRow[]
  /** The total row (after suppression), when the section has one. */
  total?: DatasetRow
}

export interface Dataset {
  quarter: { id: QuarterId; label: string; firstDay: IsoDate; lastDay: IsoDate }
  threshold: number
  sections: DatasetSection[]
}

interface Vocabulary {
  readonly id: string
  readonly label: string
}

/** One column of counts over a fixed vocabulary, with a total; suppressed as one group. */
function listSection(
  meta: Omit<DatasetSection, 'rows' | 'total' | 'columns'> & { column?: string },
  vocabulary: readonly Vocabulary[],
  counts: Counts,
  threshold: number,
  { total = true }: { total?: boolean } = {},
): DatasetSection {
  const raw: Counts = {}
  for (const v of vocabulary) raw[v.id] = counts[v.id] ?? 0
  const published = suppressCounts(raw, threshold)
  const { column = 'Number', ...rest } = meta
  const rows = vocabulary.map((v) => ({ label: v.label, values: [published.counts[v.id] ?? null] }))
  return {
    ...rest,
    columns: [column],
    rows,
    ...(total ? { total: { label: 'Total', values: [published.total] } } : {}),
  }
}

/** Separate headline numbers: each suppressed on its own (there is no total to recover them from). */
function headlineSection(
  meta: Omit<DatasetSection, 'rows' | 'total' | 'columns'>,
  items: readonly (Vocabulary & { count: number })[],
  threshold: number,
): DatasetSection {
  return {
    ...meta,
    columns: ['Number'],
    rows: items.map((item) => ({ label: item.label, values: [suppressCounts({ [item.id]: item.count }, threshold).counts[item.id] ?? null] })),
  }
}

/** A table of rows × columns with row and column totals, suppressed so no cell can be recovered. */
function tableSection(
  meta: Omit<DatasetSection, 'rows' | 'total' | 'columns'>,
  rowLabels: readonly string[],
  columns: readonly string[],
  cells: number[][],
  threshold: number,
): DatasetSection {
  const published = suppressTable(cells, threshold)
  return {
    ...meta,
    columns: [...columns, 'Total'],
    rows: rowLabels.map((label, i) => ({ label, values: [...published.cells[i]!, published.rowTotals[i] ?? null] })),
    total: { label: 'Total', values: [...published.columnTotals, published.grandTotal] },
  }
}

const STAGE_ROWS: readonly Vocabulary[] = STAGES

export function buildDataset(counts: DatasetCounts, quarter: Quarter, threshold: number): Dataset {
  const t = threshold
  const sections: DatasetSection[] = []

  // Cases and victims by stage: two one-way breakdowns side by side, each suppressed against its own
  // total (a case and a victim are different units: no row adds them up, so no row total is published).
  const cases = suppressCounts(Object.fromEntries(STAGE_ROWS.map((s) => [s.id, counts.casesByStage[s.id] ?? 0])), t)
  const victims = suppressCounts(Object.fromEntries(STAGE_ROWS.map((s) => [s.id, counts.victimsByStage[s.id] ?? 0])), t)
  sections.push({
    id: 'stage',
    title: 'Cases and victims by stage',
    description:
      'Cases recorded by the end of the quarter, by the stage each case is at now (not as it was at the end of the quarter), and the victims on them: a victim on two cases is counted once for each case.',
    rowHeading: 'Stage',
    columns: ['Cases', 'Victims'],
    rows: STAGE_ROWS.map((s) => ({ label: s.label, values: [cases.counts[s.id] ?? null, victims.counts[s.id] ?? null] })),
    total: { label: 'Total', values: [cases.total, victims.total] },
  })

  sections.push(
    headlineSection(
      {
        id: 'new',
        title: 'New victims and reports',
        description: 'Victim records created in the quarter, and crimes reported in the quarter (crime reported events, corrections counted once).',
        rowHeading: 'Measure',
      },
      [
        { id: 'new_victims', label: 'New victim records', count: counts.newVictims },
        { id: 'new_reports', label: 'Crimes reported', count: counts.newReports },
      ],
      t,
    ),
  )

  sections.push(
    listSection(
      {
        id: 'visits',
        title: 'Follow-up visits',
        description:
          'Visits that took place in the quarter, and visits that were due (planned or attempted) in the quarter but did not happen, by reason. Visits still planned are not counted.',
        rowHeading: 'Visit',
      },
      [{ id: 'completed', label: 'Completed' }, ...NOT_HAPPENED_REASONS.map((r) => ({ id: r.id, label: `Did not happen: ${r.label.toLowerCase()}` }))],
      { completed: counts.visitsCompleted, ...counts.visitsNotHappened },
      t,
    ),
  )

  sections.push(
    headlineSection(
      {
        id: 'intelligence',
        title: 'Intelligence',
        description: 'Intelligence items recorded in the quarter, and items the police marked as submitted to police systems in the quarter.',
        rowHeading: 'Measure',
      },
      [
        { id: 'created', label: 'Items recorded', count: counts.intelligenceCreated },
        { id: 'submitted', label: 'Items submitted to police systems', count: counts.intelligenceSubmitted },
      ],
      t,
    ),
  )

  sections.push(
    listSection(
      {
        id: 'referrals_service',
        title: 'Support referrals by service type',
        description: 'Referrals to support services sent in the quarter, by the type of service.',
        rowHeading: 'Service type',
      },
      SERVICE_TYPES,
      counts.referralsByService,
      t,
    ),
  )
  sections.push(
    listSection(
      {
        id: 'referrals_status',
        title: 'Support referrals by status',
        description: 'The same referrals (sent in the quarter), by where each stands now.',
        rowHeading: 'Status',
      },
      REFERRAL_STATUSES,
      counts.referralsByStatus,
      t,
    ),
  )
  sections.push(
    listSection(
      {
        id: 'referrals_outcome',
        title: 'Support referrals by outcome',
        description: 'Referrals closed in the quarter, by the outcome of the support.',
        rowHeading: 'Outcome',
      },
      REFERRAL_OUTCOMES,
      counts.referralOutcomes,
      t,
    ),
  )

  // Victims' Code compliance: one row per right and owing agency that has entitlements.
  const rows = [...counts.compliance]
    .filter((c) => c.met + c.metLate + c.overdue > 0)
    .sort((a, b) => a.right - b.right || AGENCIES.findIndex((x) => x.id === a.owedBy) - AGENCIES.findIndex((x) => x.id === b.owedBy))
  sections.push(
    tableSection(
      {
        id: 'compliance',
        title: 'Victims’ Code compliance by right and agency',
        description:
          'Entitlements that fell due in the quarter, by right and the agency that owes them: met on time, met late, and overdue (still not met). Entitlements due in the quarter that are not yet due at the time of the report are not counted.',
        rowHeading: 'Right and agency',
      },
      rows.map((c) => `Right ${c.right}: ${AGENCIES.find((a) => a.id === c.owedBy)?.label ?? 'Other agency'}`),
      ['Met on time', 'Met late', 'Overdue'],
      rows.map((c) => [c.met, c.metLate, c.overdue]),
      t,
    ),
  )

  const fromReviews = counts.prosecution.source === 'case_review'
  sections.push(
    listSection(
      {
        id: 'prosecution',
        title: 'Prosecution outcomes',
        description: fromReviews
          ? 'Cases finalised in the quarter (every defendant has a final outcome), by the outcome of the case review.'
          : 'Final outcomes of defendants recorded by the CPS in the quarter (case outcome events), one per defendant.',
        rowHeading: 'Outcome',
      },
      fromReviews ? REVIEW_OUTCOMES : CASE_OUTCOMES,
      counts.prosecution.counts,
      t,
    ),
  )

  const demographic = 'Victims with activity in the quarter (a record created, a journey event, a contact, a visit or a referral in the quarter)'
  sections.push(
    listSection(
      { id: 'age', title: 'Victims by age band', description: `${demographic}, by age on the last day of the quarter.`, rowHeading: 'Age' },
      AGE_BANDS,
      counts.ageBands,
      t,
    ),
  )
  sections.push(
    listSection({ id: 'gender', title: 'Victims by gender', description: `${demographic}, by gender.`, rowHeading: 'Gender' }, GENDER_ROWS, counts.genders, t),
  )
  sections.push(
    listSection(
      {
        id: 'ethnicity',
        title: 'Victims by ethnic group',
        description: `${demographic}, by broad ethnic group (the five groups of the 2021 census), grouped from what was recorded.`,
        rowHeading: 'Ethnic group',
      },
      ETHNIC_GROUPS,
      counts.ethnicGroups,
      t,
    ),
  )

  return { quarter: { id: quarter.quarter, label: quarter.label, firstDay: quarter.firstDay, lastDay: quarter.lastDay }, threshold, sections }
}

// ---- CSV -----------------------------------------------------------------------------------------

export const CSV_HEADER = ['Quarter', 'Section', 'Row', 'Column', 'Count'] as const

/** The text shown and exported for a suppressed cell. */
export const SUPPRESSED = 'withheld'

/** The data set as records (long format: one line per published number) under CSV_HEADER. */
export function datasetCsvRows(dataset: Dataset): (string | number)[][] {
  const out: (string | number)[][] = []
  for (const section of dataset.sections) {
    for (const row of section.total ? [...section.rows, section.total] : section.rows) {
      row.values.forEach((value, i) => {
        out.push([dataset.quarter.id, section.title, row.label, section.columns[i]!, value === null ? SUPPRESSED : value])
      })
    }
  }
  return out
}
