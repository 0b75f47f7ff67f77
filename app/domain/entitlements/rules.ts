// Victims' Code entitlements as data. A rule set is a versioned list of rules (one entitlement per
// (rule, trigger event)) and of the victim's own time windows. The engine (engine.ts) knows nothing
// about any particular right: a new edition of the Code, or a local CSE Victims' Charter layered on
// top of it, is a new RuleSet value, not new code.
//
// Source: the Code of Practice for Victims of Crime in England and Wales (2020): its entitlement
// deadlines and owners, with a confidence flag where a deadline is only partly confirmed, and its
// enhanced rights. Where Waypoint names a rule differently from the reference
// (r06_suspect_interviewed, r06_suspect_released_nfa), Waypoint's id is used and the reference's id is kept in `referenceId`. Pure data, no I/O.

/** Who owes the victim the entitlement. */
export type Owner = 'police' | 'cps' | 'witness_care' | 'probation'

export const OWNER_LABELS: Record<Owner, string> = { police: 'Police', cps: 'CPS', witness_care: 'Witness care', probation: 'Probation' }
export const ownerLabel = (owner: string) => OWNER_LABELS[owner as Owner] ?? owner

/**
 * How sure the reference is of a rule's deadline (§1.3 "Status" column, read for the deadline):
 * C confirmed; P partly confirmed (earlier edition or secondary summary); U unconfirmed.
 * P and U are shown with "deadline to be confirmed locally".
 */
export type Confidence = 'C' | 'P' | 'U'

/** A deadline counted from the trigger's clock instant, for enhanced and standard victims. */
export interface Deadline {
  enhanced: number
  standard: number
  unit: 'working_days'
}

/**
 * Which instant starts the clock: the event itself, or (for rules the Code counts from when the
 * Witness Care Unit receives the information) the hand-over instant when recorded, else the event.
 */
export type Clock = 'at' | 'receivedAt_or_at'

/** What meets an entitlement. Whatever meets it must not be before the trigger's `at`. */
export type MetBy =
  /** The earliest contact with the victim whose `about` lists the trigger event's id. */
  | { kind: 'contact_about_trigger' }
  /** The earliest event of `type`; with sameDefendant, only one about the trigger's defendant. */
  | { kind: 'event'; type: string; sameDefendant?: boolean }

/**
 * When a rule applies to a trigger event (all given conditions must hold; absent = always).
 * - custodyMonthsAtLeast: the trigger's `data.custodyMonths` is a number ≥ this.
 * - violentOrSexual: the offence is violent or sexual — the trigger's `data.violentOrSexual` when
 *   given, else true when the case's offence category is in the rule set's
 *   `violentOrSexualCategories`.
 * - enhancedOnly / standardOnly: only for victims with (or without) enhanced rights — for local
 *   charters that add promises to one group.
 */
export interface Applicability {
  custodyMonthsAtLeast?: number
  violentOrSexual?: true
  enhancedOnly?: true
  standardOnly?: true
}

export interface EntitlementRule {
  /** Stable id, printed in the engine's output ("r06_charge_decision"). */
  id: string
  /** The Code's right number (1–12). A local charter may use its own numbering. */
  right: number
  /** Plain-English summary of what the victim must be told or given. */
  summary: string
  /** Journal event types that start one entitlement each. */
  triggers: readonly string[]
  owner: Owner
  deadline: Deadline
  clock: Clock
  metBy: MetBy
  applies?: Applicability
  confidence: Confidence
  /** The id used for this row in the reference §1.3, when it differs. */
  referenceId?: string
}

/** A time limit that binds the victim (e.g. to ask for a review), shown so nobody misses it. */
export interface WindowRule {
  id: string
  summary: string
  triggers: readonly string[]
  /** The window closes this long after the London date of the trigger's `at`. */
  closes: { calendarDays: number } | { calendarMonths: number }
  /** Ask by this many working days after the trigger's London date for a prompt review. */
  promptBy?: { workingDays: number }
  confidence: Confidence
}

export interface RuleSet {
  /** Versioned id, e.g. 'code-2020'. */
  id: string
  title: string
  /** Offence categories that give enhanced rights as "most serious crime". */
  mostSeriousCategories: readonly string[]
  /** Offence categories presumed violent or sexual when an event does not say (r11 VCS). */
  violentOrSexualCategories: readonly string[]
  /** Grounds a professional may record (persistently targeted, vulnerable, intimidated). */
  manualGrounds: readonly string[]
  /** Each right's short title (reference §1.2), heading its group of entitlements on the victim page. */
  rightTitles: Readonly<Record<number, string>>
  rules: readonly EntitlementRule[]
  windows: readonly WindowRule[]
}

export const MOST_SERIOUS_CATEGORIES = [
  'sexual_offence',
  'domestic_abuse',
  'hate_crime',
  'terrorism',
  'human_trafficking',
  'attempted_murder',
  'kidnap',
  'false_imprisonment',
  'arson_endangering_life',
  'gbh_with_intent',
  'bereaved_by_crime',
] as const

export const OTHER_CATEGORIES = ['violence_other', 'theft', 'criminal_damage', 'fraud', 'other'] as const

export const OFFENCE_CATEGORIES = [...MOST_SERIOUS_CATEGORIES, ...OTHER_CATEGORIES] as const
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number]

export const MANUAL_GROUNDS = ['persistently_targeted', 'vulnerable', 'intimidated'] as const

const wd = (enhanced: number, standard: number): Deadline => ({
  enhanced,
  standard,
  unit: 'working_days',
})
const CONTACT: MetBy = { kind: 'contact_about_trigger' }

/** Right 6, police: told of each investigation decision, 1 wd (enhanced) / 5 wd (standard). */
function police6(id: string, triggers: string[], summary: string, confidence: Confidence, referenceId?: string): EntitlementRule {
  return {
    id,
    right: 6,
    summary,
    triggers,
    owner: 'police',
    deadline: wd(1, 5),
    clock: 'at',
    metBy: CONTACT,
    confidence,
    ...(referenceId ? { referenceId } : {}),
  }
}

/** Rights 8 and 9: the Witness Care Unit, counted from when it receives the information. */
function wcu(id: string, right: number, triggers: string[], deadline: Deadline, summary: string, confidence: Confidence): EntitlementRule {
  return {
    id,
    right,
    summary,
    triggers,
    owner: 'witness_care',
    deadline,
    clock: 'receivedAt_or_at',
    metBy: CONTACT,
    confidence,
  }
}

/** The Code of Practice for Victims of Crime in England and Wales (2020), in force 1 April 2021. */
export const CODE_2020: RuleSet = {
  id: 'code-2020',
  title: 'Code of Practice for Victims of Crime in England and Wales (2020), in force 1 April 2021',
  mostSeriousCategories: MOST_SERIOUS_CATEGORIES,
  violentOrSexualCategories: [...MOST_SERIOUS_CATEGORIES, 'violence_other'],
  manualGrounds: MANUAL_GROUNDS,
  rightTitles: {
    4: 'To be referred to services that support victims and have services tailored to your needs',
    6: 'To be provided with information about the investigation and prosecution',
    8: 'To be given information about the trial, trial process and your role as a witness',
    9: 'To be given information about the outcome of the case and any appeals',
    11: 'To be given information about the offender following a conviction',
  },
  rules: [
    {
      id: 'r04_referral_support_service',
      right: 4,
      summary: 'Referred to a victim support service',
      triggers: ['crime_reported'],
      owner: 'police',
      deadline: wd(2, 2),
      clock: 'at',
      metBy: { kind: 'event', type: 'referred_to_support_service' },
      confidence: 'C',
    },
    police6('r06_decision_not_to_investigate', ['decision_not_to_investigate'], 'Told of the decision not to investigate, with reasons', 'C'),
    police6('r06_suspect_arrested', ['suspect_arrested'], 'Told of the arrest', 'C'),
    police6('r06_suspect_interviewed', ['suspect_interviewed'], 'Told the suspect was interviewed under caution', 'C', 'r06_suspect_interviewed_under_caution'),
    police6(
      'r06_suspect_released_nfa',
      ['suspect_released_nfa'],
      'Told the suspect was released with no further action, with reasons',
      'C',
      'r06_suspect_released_no_charge',
    ),
    police6(
      'r06_suspect_bail_or_rui',
      ['suspect_bailed', 'suspect_released_under_investigation', 'bail_conditions_changed'],
      'Told of bail, release under investigation or changed bail conditions',
      'C',
    ),
    police6('r06_charge_decision', ['suspect_charged'], 'Told of the charge, the first hearing and bail or remand', 'P'),
    police6('r06_out_of_court_disposal', ['out_of_court_disposal'], 'Told of the out-of-court disposal', 'P'),
    // The reference marks the enhanced 1 wd [P] ("generally within 5 working days" is confirmed).
    police6('r06_police_no_charge_decision', ['police_no_charge_decision'], 'Told of the decision not to charge, with reasons and the right to review', 'P'),
    {
      id: 'r06_cps_no_charge_decision',
      right: 6,
      summary: 'Told of the CPS decision not to charge, with reasons and the right to review',
      triggers: ['cps_no_charge_decision'],
      owner: 'cps',
      deadline: wd(1, 5),
      clock: 'at',
      metBy: CONTACT,
      confidence: 'P',
    },
    {
      id: 'r06_cps_discontinue_or_alter',
      right: 6,
      summary: 'Told the CPS discontinued or substantially altered the charges',
      triggers: ['cps_discontinued'],
      owner: 'cps',
      deadline: wd(1, 5),
      clock: 'at',
      metBy: CONTACT,
      confidence: 'P',
    },
    wcu('r08_hearing_dates', 8, ['hearing_listed'], wd(1, 1), 'Told the date, time and place of the hearing', 'C'),
    wcu('r08_required_to_give_evidence', 8, ['witness_required'], wd(1, 1), 'Told they are required to give evidence', 'C'),
    wcu('r08_bail_hearing_outcome', 8, ['bail_hearing_outcome'], wd(1, 5), 'Told the outcome of the bail hearing', 'C'),
    wcu('r08_special_measures_outcome', 8, ['special_measures_decision'], wd(1, 5), 'Told the outcome of the special measures application', 'U'),
    wcu('r09_case_outcome', 9, ['case_outcome'], wd(1, 1), 'Told the outcome of the case', 'C'),
    wcu('r09_sentence_explained', 9, ['sentenced'], wd(1, 1), 'Told the sentence and what it means', 'C'),
    wcu('r09_appeal', 9, ['appeal_lodged'], wd(1, 5), 'Told of the appeal', 'P'),
    {
      id: 'r11_vcs_referral',
      right: 11,
      summary: 'Referred to the Victim Contact Scheme (custody of 12 months or more for a violent or sexual offence)',
      triggers: ['sentenced'],
      owner: 'police',
      deadline: wd(10, 10),
      clock: 'at',
      metBy: { kind: 'event', type: 'vcs_referral_made', sameDefendant: true },
      applies: { custodyMonthsAtLeast: 12, violentOrSexual: true },
      confidence: 'C',
    },
    {
      id: 'r11_vlo_first_contact',
      right: 11,
      summary: 'Contacted by a victim liaison officer',
      triggers: ['vcs_referral_made'],
      owner: 'probation',
      deadline: wd(20, 20),
      clock: 'at',
      metBy: { kind: 'event', type: 'vlo_contact_made', sameDefendant: true },
      confidence: 'C',
    },
  ],
  windows: [
    {
      id: 'unduly_lenient_sentence',
      summary: 'Ask the Attorney General to consider referring an unduly lenient sentence (28 days, fixed)',
      triggers: ['sentenced'],
      closes: { calendarDays: 28 },
      confidence: 'C',
    },
    {
      id: 'police_vrr_request',
      summary: "Ask the police to review the decision not to charge (Victims' Right to Review)",
      triggers: ['police_no_charge_decision'],
      closes: { calendarMonths: 3 },
      confidence: 'C',
    },
    {
      id: 'cps_vrr_request',
      summary: "Ask the CPS to review its decision (Victims' Right to Review): within 10 working days for a prompt review",
      triggers: ['cps_no_charge_decision', 'cps_discontinued'],
      promptBy: { workingDays: 10 },
      closes: { calendarMonths: 3 },
      confidence: 'C',
    },
  ],
}

export const RULE_SETS: Readonly<Record<string, RuleSet>> = {
  [CODE_2020.id]: CODE_2020,
}

/** A rule of a rule set by id (for views: summary, confidence → "deadline to be confirmed locally"). */
export function findRule(ruleSet: RuleSet, id: string): EntitlementRule | undefined {
  return ruleSet.rules.find((r) => r.id === id)
}

/** A stored entitlement's rule as published (views need its words, not an administrator's deadline). */
export function ruleOf(ruleSetId: string, ruleId: string): EntitlementRule | undefined {
  const ruleSet = RULE_SETS[ruleSetId]
  return ruleSet && findRule(ruleSet, ruleId)
}

/** Should the deadline carry a "to be confirmed locally" note? */
export const deadlineNeedsLocalConfirmation = (rule: Pick<EntitlementRule, 'confidence'>) => rule.confidence !== 'C'

/**
 * The rule sets Waypoint evaluates for every victim. A local CSE Victims' Charter is added here as
 * another RuleSet value (its own id, so its rows and compliance counts stay separate).
 */
export const ACTIVE_RULE_SETS: readonly RuleSet[] = [CODE_2020]
