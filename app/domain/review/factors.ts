// The factors of a finalised case: extracted automatically from the journal,
// contacts, visits, support and Victims' Code entitlements, and stored as JSON in CaseReview.factors.
// The review dashboard reads them (share of successful outcomes with and without each binary factor).
//
// Pure: no database, no clock. Bump `version` if the shape changes incompatibly.
// How each factor is computed: docs/case-review.md.
import { deriveCaseStage } from '~/domain/journey/derive'
import { SPECIAL_MEASURES } from '~/domain/journey/events'
import { detail, effectiveJournal, type JournalEvent } from '~/domain/journey/journal'
import { stageLabel } from '~/domain/journey/stages'
import type { Finalisation } from './finalisation'
import type { DefendantFactor, ReviewOutcome } from './outcome'

export type { DefendantFactor, ReviewOutcome } from './outcome'

/** Calendar days from the crime report to the first event of each stage (null: never happened or no report). */
export interface DaysFromReport {
  abeInterview: number | null
  arrest: number | null
  fileToCps: number | null
  charge: number | null
  firstHearing: number | null
  trial: number | null
  outcome: number | null
}

export interface SpecialMeasureFactor {
  /** SPECIAL_MEASURES id */
  measure: string
  applied: boolean
  /** true granted, false refused, null not decided */
  granted: boolean | null
}

export interface ReviewFactors {
  version: 1
  outcome: ReviewOutcome
  defendants: DefendantFactor[]
  /** ISO date of the first crime_reported event, or null. */
  reportedAt: string | null
  daysFromReport: DaysFromReport
  hearings: number
  adjournments: number
  ineffectiveTrials: number
  intermediaryUsed: boolean
  specialMeasures: SpecialMeasureFactor[]
  section28Used: boolean
  /** An ISVA or other advocate was allocated to a victim on the case before the first charge (or at all, if never charged). */
  advocateBeforeCharge: boolean
  followUpVisits: number
  contacts: number
  /** Victims' Code entitlements: met by the due date, met after it, open past due at finalisation. */
  entitlements: { metOnTime: number; metLate: number; missed: number }
  victimWithdrewSupport: { withdrew: boolean; stage: string | null }
  preTrialTherapy: boolean
  /** The attrition funnel: how far the case got. */
  milestones: { suspectIdentified: boolean; arrestedOrInterviewed: boolean; fileToCps: boolean; charged: boolean; convicted: boolean }
}

export interface BinaryFactor {
  id: string
  label: string
  read: (f: ReviewFactors) => boolean
}

/** Yes/no factors for "share of successful outcomes with and without it". */
export const BINARY_FACTORS: readonly BinaryFactor[] = [
  { id: 'intermediary', label: 'Intermediary used', read: (f) => f.intermediaryUsed },
  { id: 'special_measures_granted', label: 'At least one special measure granted', read: (f) => f.specialMeasures.some((m) => m.granted === true) },
  { id: 'section28', label: 'Pre-recorded cross-examination (section 28) used', read: (f) => f.section28Used },
  { id: 'advocate_before_charge', label: 'ISVA or other advocate allocated before charge', read: (f) => f.advocateBeforeCharge },
  { id: 'follow_up_visits', label: 'At least one follow-up visit', read: (f) => f.followUpVisits > 0 },
  { id: 'entitlements_missed', label: 'A Victims’ Code entitlement was missed', read: (f) => f.entitlements.missed > 0 },
  { id: 'adjournment', label: 'At least one adjournment', read: (f) => f.adjournments > 0 },
  { id: 'ineffective_trial', label: 'At least one ineffective trial', read: (f) => f.ineffectiveTrials > 0 },
  { id: 'victim_withdrew', label: 'Victim withdrew support', read: (f) => f.victimWithdrewSupport.withdrew },
  { id: 'pre_trial_therapy', label: 'Pre-trial therapy', read: (f) => f.preTrialTherapy },
]

/** Reads stored JSON back as ReviewFactors (null if it is not a version this code understands). */
export function parseFactors(json: unknown): ReviewFactors | null {
  if (json === null || typeof json !== 'object') return null
  const f = json as Partial<ReviewFactors>
  return f.version === 1 ? (f as ReviewFactors) : null
}

// ---------------------------------------------------------------------------------------------
// Extraction

export interface FactorInputs {
  /** The case's whole journal (corrections are applied here). */
  events: readonly JournalEvent[]
  defendantIds: readonly string[]
  /** The case's finalisation (finalisation()), finalised. */
  finalisation: Extract<Finalisation, { finalised: true }>
  /** Contacts with the case's victims. */
  contacts: readonly { contactedAt: Date }[]
  /** Visits to the case's victims. */
  visits: readonly { at: Date; status: string }[]
  /** Support referrals of the case's victims, with their sessions. */
  referrals: readonly { serviceType: string; acceptedAt: Date | null; activeAt: Date | null; sessions: readonly { at: Date; attended: boolean }[] }[]
  /** Advocate allocations (lead_advocate / advocate) of the case's victims. */
  advocateAllocations: readonly { startedAt: Date }[]
  /** The case's Victims' Code entitlements (withdrawn ones are ignored). */
  entitlements: readonly { status: string; dueAt: Date; metAt: Date | null; withdrawnAt: Date | null }[]
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Calendar days between two moments, counted on Europe/London dates. */
export function calendarDaysBetween(from: Date, to: Date): number {
  const day = (d: Date) => Date.parse(`${LONDON_DAY.format(d)}T00:00:00Z`)
  return Math.round((day(to) - day(from)) / 86_400_000)
}

function first(journal: readonly JournalEvent[], test: (e: JournalEvent) => boolean): JournalEvent | undefined {
  return journal.find(test)
}

const HEARING_DATE = (e: JournalEvent): Date | undefined => {
  const v = detail<unknown>(e, 'hearingAt')
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : undefined
  return d && !Number.isNaN(d.getTime()) ? d : undefined
}

/** Extracts the factors of a finalised case. Events after finalisation (an appeal, a sentence) still count for counts such as hearings. */
export function extractFactors(input: FactorInputs): ReviewFactors {
  const journal = effectiveJournal(input.events)
  const fin = input.finalisation
  const until = fin.finalisedAt.getTime()
  const reported = first(journal, (e) => e.type === 'crime_reported')
  const reportedAt = reported?.occurredAt ?? null
  const since = (d: Date | undefined) => (reportedAt && d ? Math.max(0, calendarDaysBetween(reportedAt, d)) : null)

  const listings = journal.filter((e) => e.type === 'hearing_listed')
  const listingById = new Map(listings.map((e) => [e.id, e]))
  const outcomes = journal.filter((e) => e.type === 'hearing_outcome')
  const listingOf = (e: JournalEvent) => listingById.get(detail<string>(e, 'hearingEventId') ?? '')
  const hearingType = (e: JournalEvent | undefined) => (e ? detail<string>(e, 'hearingType') : undefined)

  // First hearing: the earliest listed hearing date (held hearings are listed first).
  const byDate = (a: Date, b: Date) => a.getTime() - b.getTime()
  const firstHearingAt = listings
    .map(HEARING_DATE)
    .filter((d): d is Date => d !== undefined && d.getTime() <= until)
    .sort(byDate)[0]
  // Trial: when it started, else the effective trial hearing, else the first listed trial date up to finalisation.
  const trialStarted = first(journal, (e) => e.type === 'trial_started')
  const effectiveTrial = outcomes.find((o) => hearingType(listingOf(o)) === 'trial' && detail<string>(o, 'result') === 'effective')
  const trialListed = listings
    .filter((e) => hearingType(e) === 'trial')
    .map(HEARING_DATE)
    .filter((d): d is Date => d !== undefined && d.getTime() <= until)
    .sort(byDate)[0]
  const trialAt = trialStarted?.occurredAt ?? effectiveTrial?.occurredAt ?? trialListed

  // Special measures: applied (any application), granted (the latest decision on it).
  const applied = new Set<string>()
  const decided = new Map<string, boolean>()
  for (const e of journal) {
    if (e.type === 'special_measures_applied') for (const m of detail<string[]>(e, 'measures') ?? []) applied.add(m)
    if (e.type === 'special_measures_decision') {
      for (const d of detail<{ measure: string; decision: string }[]>(e, 'decisions') ?? []) decided.set(d.measure, d.decision === 'granted')
    }
  }
  const specialMeasures: SpecialMeasureFactor[] = SPECIAL_MEASURES.filter((m) => applied.has(m.id) || decided.has(m.id)).map((m) => ({
    measure: m.id,
    applied: applied.has(m.id),
    granted: decided.has(m.id) ? decided.get(m.id)! : null,
  }))

  const charged = first(journal, (e) => e.type === 'suspect_charged')
  const advocateCutoff = charged?.occurredAt.getTime() ?? until
  const advocateBeforeCharge =
    input.advocateAllocations.some((a) => a.startedAt.getTime() <= advocateCutoff) ||
    input.referrals.some((r) => r.serviceType === 'isva' && (r.activeAt ?? r.acceptedAt) !== null && (r.activeAt ?? r.acceptedAt)!.getTime() <= advocateCutoff)

  const withdrew = first(journal, (e) => e.type === 'victim_withdrew_support')
  const withdrawalStage = withdrew
    ? stageLabel(
        deriveCaseStage(
          journal.filter((e) => e.occurredAt.getTime() < withdrew.occurredAt.getTime()),
          { now: withdrew.occurredAt, defendantIds: input.defendantIds },
        ),
      )
    : null

  const live = input.entitlements.filter((e) => e.withdrawnAt === null)
  const entitlements = {
    metOnTime: live.filter((e) => e.status === 'met').length,
    metLate: live.filter((e) => e.status === 'met_late').length,
    missed: live.filter((e) => e.status === 'open' && e.dueAt.getTime() <= until).length,
  }

  const s28Granted = decided.get('s28_cross_examination') === true
  const intermediaryUsed =
    journal.some((e) => e.type === 'intermediary_requested' || (e.type === 'abe_interview' && detail<boolean>(e, 'intermediaryPresent') === true)) ||
    decided.get('intermediary') === true

  const has = (type: string) => journal.some((e) => e.type === type)
  return {
    version: 1,
    outcome: fin.outcome,
    defendants: fin.defendants.map(({ prosecuted: _p, finalisedAt: _f, ...d }) => d),
    reportedAt: reportedAt ? reportedAt.toISOString() : null,
    daysFromReport: {
      abeInterview: since(first(journal, (e) => e.type === 'abe_interview')?.occurredAt),
      arrest: since(first(journal, (e) => e.type === 'suspect_arrested')?.occurredAt),
      fileToCps: since(first(journal, (e) => e.type === 'file_to_cps')?.occurredAt),
      charge: since(charged?.occurredAt),
      firstHearing: since(firstHearingAt),
      trial: since(trialAt),
      outcome: since(fin.finalisedAt),
    },
    hearings: listings.length,
    adjournments: outcomes.filter((o) => detail<string>(o, 'result') === 'adjourned').length,
    ineffectiveTrials: outcomes.filter((o) => detail<string>(o, 'result') === 'ineffective' && hearingType(listingOf(o)) === 'trial').length,
    intermediaryUsed,
    specialMeasures,
    section28Used: s28Granted || listings.some((e) => hearingType(e) === 's28_recording'),
    advocateBeforeCharge,
    followUpVisits: input.visits.filter((v) => v.status === 'completed' && (!reportedAt || v.at >= reportedAt) && v.at.getTime() <= until).length,
    contacts: input.contacts.filter((c) => (!reportedAt || c.contactedAt >= reportedAt) && c.contactedAt.getTime() <= until).length,
    entitlements,
    victimWithdrewSupport: { withdrew: withdrew !== undefined, stage: withdrawalStage },
    preTrialTherapy:
      has('pre_trial_therapy_started') ||
      input.referrals.some((r) => r.serviceType === 'counselling' && r.sessions.some((x) => x.attended && x.at.getTime() <= until)),
    milestones: {
      suspectIdentified: input.defendantIds.length > 0,
      arrestedOrInterviewed: has('suspect_arrested') || has('suspect_interviewed'),
      fileToCps: has('file_to_cps'),
      charged: charged !== undefined,
      convicted: fin.defendants.some((d) => d.conviction === true),
    },
  }
}

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  successful: 'Successful (a defendant convicted)',
  unsuccessful: 'Unsuccessful (prosecuted, no conviction)',
  no_prosecution: 'No prosecution',
}

export function reviewOutcomeLabel(outcome: string): string {
  return REVIEW_OUTCOME_LABELS[outcome as ReviewOutcome] ?? outcome
}
