// The factors of a finalised case (issue 6, point 2): extracted automatically from the journal,
// contacts, visits, support and Victims' Code entitlements, and stored as JSON in CaseReview.factors.
// The review dashboard reads them (share of successful outcomes with and without each binary factor).
//
// Pure: no database, no clock. Bump `version` if the shape changes incompatibly.

export type ReviewOutcome = 'successful' | 'unsuccessful' | 'no_prosecution'

/** How one defendant's path ended. */
export interface DefendantFactor {
  id: string
  label: string
  /** Event type or case outcome id, e.g. 'guilty_plea', 'suspect_released_nfa', 'cps_no_charge_decision'. */
  outcomeCode: string
  outcomeLabel: string
  /** true: convicted; false: prosecuted and not convicted; null: never prosecuted (police/CPS disposal). */
  conviction: boolean | null
  /** Reason group for an unsuccessful prosecution (UNSUCCESSFUL_REASONS id) or a CPS no-charge reason. */
  unsuccessfulReason?: string
  /** Home Office outcome code where recorded (police disposals). */
  homeOfficeOutcome?: string
}

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
  { id: 'special_measures_granted', label: 'Special measures granted', read: (f) => f.specialMeasures.some((m) => m.granted === true) },
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
