// The journal's vocabulary: every kind of journey event, who may record it,
// whether it concerns a suspect/defendant or a victim, and a zod schema for its details.
//
// Pure: imports only zod and other domain modules. The form layer parses with Conform
// (`@conform-to/zod/v4`), which turns empty fields into undefined and coerces dates, numbers and
// checkboxes to the types below; the service may also call these schemas on plain objects.
//
// Ownership (who may record what): officers record police steps, CPS liaison /
// witness care record CPS and court steps, advocates record support steps. Shared steps:
//  - needs_assessment_completed, referred_to_support_service, vps_offered, vps_made: police do the
//    first needs assessment, referral (Right 4, 2 working days) and VPS offer (Right 7), and an
//    advocate often does them or repeats them → officer and advocate.
//  - victim_withdrew_support: whoever the child tells → officer and advocate.
//  - intermediary_requested: police (for the ABE interview) or CPS (for trial) → officer and
//    cps_liaison.
//  - suspect_charged: police charge (in police-charging cases or on CPS authority); CPS liaison may
//    record a charge it authorised → officer and cps_liaison.
//  - out_of_court_disposal: police, or CPS for a conditional caution → officer and cps_liaison.
//  - court_familiarisation_visit: arranged by witness care or by the advocate → both.
//  - vcs_referral_made: police or witness care refer to the Victim Contact Scheme → both.
//  - vlo_contact_made: the advocate usually hears of it; witness care may too → advocate and
//    cps_liaison.
// Managers and administrators record nothing here (oversight only); the access policy may still
// decide more (allocation, organisation) — this table answers only "may this role ever record it".
import { z } from 'zod'
import type { Role } from '~/domain/access/policy'

// ---------------------------------------------------------------------------------------------
// Shared vocabularies

/** Home Office crime outcome types (§4.1). Labels paraphrase the official wording. */
export const HOME_OFFICE_OUTCOMES = [
  { code: '1', label: 'Charged or summonsed' },
  { code: '1A', label: 'Charged or summonsed for an alternative offence' },
  { code: '2', label: 'Caution – youth' },
  { code: '3', label: 'Caution – adult' },
  { code: '4', label: 'Taken into consideration' },
  { code: '5', label: 'Offender died before proceedings' },
  { code: '6', label: 'Penalty notice for disorder' },
  { code: '7', label: 'Cannabis or khat warning' },
  { code: '8', label: 'Community resolution' },
  { code: '9', label: 'Prosecution not in the public interest (CPS decision)' },
  { code: '10', label: 'Formal action not in the public interest (police decision)' },
  { code: '11', label: 'Prosecution prevented – suspect below the age of criminal responsibility' },
  { code: '12', label: 'Prosecution prevented – suspect too ill to prosecute' },
  { code: '13', label: 'Prosecution prevented – victim or key witness dead or too ill to give evidence' },
  { code: '14', label: 'Evidential difficulties – suspect not identified; victim does not support further action' },
  { code: '15', label: 'Evidential difficulties – suspect identified; victim supports action' },
  { code: '16', label: 'Evidential difficulties – suspect identified; victim does not support action' },
  { code: '17', label: 'Prosecution time limit expired' },
  { code: '18', label: 'Investigation complete – no suspect identified' },
  { code: '20', label: 'Further action to be taken by another body or agency' },
  { code: '21', label: 'Further investigation not in the public interest (police decision)' },
  { code: '22', label: 'Diversionary, educational or intervention activity' },
] as const
export type HomeOfficeOutcomeCode = (typeof HOME_OFFICE_OUTCOMES)[number]['code']

/** Outcome codes that end a suspect's path with no further action (no charge, no disposal). */
export const NFA_OUTCOME_CODES = ['5', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '20', '21', '22'] as const
export type NfaOutcomeCode = (typeof NFA_OUTCOME_CODES)[number]

export function homeOfficeOutcomeLabel(code: string): string {
  return HOME_OFFICE_OUTCOMES.find((o) => o.code === code)?.label ?? code
}

export const HEARING_TYPES = [
  { id: 'first_hearing', label: 'First hearing' },
  { id: 'ptph', label: 'Plea and trial preparation hearing' },
  { id: 'bail', label: 'Bail hearing' },
  { id: 'ground_rules', label: 'Ground rules hearing' },
  { id: 's28_recording', label: 'Pre-recorded cross-examination (section 28)' },
  { id: 'trial', label: 'Trial' },
  { id: 'sentence', label: 'Sentencing hearing' },
  { id: 'appeal', label: 'Appeal hearing' },
] as const
export type HearingType = (typeof HEARING_TYPES)[number]['id']
const HEARING_TYPE_IDS = HEARING_TYPES.map((h) => h.id) as [HearingType, ...HearingType[]]
export function hearingTypeLabel(id: string): string {
  return HEARING_TYPES.find((h) => h.id === id)?.label ?? id
}

export const HEARING_RESULTS = ['effective', 'ineffective', 'cracked', 'adjourned'] as const
export type HearingResult = (typeof HEARING_RESULTS)[number]

/** Special measures (§3.2, YJCEA 1999 ss.23–30). */
export const SPECIAL_MEASURES = [
  { id: 'screen', label: 'Screen' },
  { id: 'live_link', label: 'Live link' },
  { id: 'evidence_in_private', label: 'Evidence given in private' },
  { id: 'removal_of_wigs_and_gowns', label: 'Removal of wigs and gowns' },
  { id: 'video_recorded_evidence_in_chief', label: 'Video-recorded evidence-in-chief' },
  { id: 's28_cross_examination', label: 'Pre-recorded cross-examination (section 28)' },
  { id: 'intermediary', label: 'Examination through an intermediary' },
  { id: 'aids_to_communication', label: 'Aids to communication' },
] as const
export type SpecialMeasure = (typeof SPECIAL_MEASURES)[number]['id']
const SPECIAL_MEASURE_IDS = SPECIAL_MEASURES.map((m) => m.id) as [SpecialMeasure, ...SpecialMeasure[]]

/** CPS finalisation outcomes per defendant (§4.3). */
export const CASE_OUTCOMES = [
  { id: 'convicted_after_trial', label: 'Convicted after trial', conviction: true },
  { id: 'guilty_plea', label: 'Pleaded guilty', conviction: true },
  { id: 'proved_in_absence', label: 'Proved in absence', conviction: true },
  { id: 'acquitted', label: 'Acquitted after trial', conviction: false },
  { id: 'dismissed', label: 'Dismissed (no case to answer)', conviction: false },
  { id: 'judge_directed_acquittal', label: 'Judge directed or ordered acquittal', conviction: false },
  { id: 'discontinued', label: 'Discontinued', conviction: false },
  { id: 'withdrawn', label: 'Withdrawn', conviction: false },
  { id: 'offered_no_evidence', label: 'Prosecution offered no evidence', conviction: false },
  { id: 'stayed', label: 'Proceedings stayed', conviction: false },
  { id: 'left_on_file', label: 'Left to lie on file', conviction: false },
  { id: 'administratively_finalised', label: 'Administratively finalised', conviction: false },
] as const
export type CaseOutcome = (typeof CASE_OUTCOMES)[number]['id']
const CASE_OUTCOME_IDS = CASE_OUTCOMES.map((o) => o.id) as [CaseOutcome, ...CaseOutcome[]]
export const CONVICTION_OUTCOMES: readonly CaseOutcome[] = CASE_OUTCOMES.filter((o) => o.conviction).map((o) => o.id)
/** Unsuccessful outcomes where the prosecution dropped the case: the "discontinued" exit. */
export const DROPPED_OUTCOMES: readonly CaseOutcome[] = ['discontinued', 'withdrawn', 'offered_no_evidence']
export function isConvictionOutcome(outcome: string): boolean {
  return (CONVICTION_OUTCOMES as readonly string[]).includes(outcome)
}

/** Reason groups for unsuccessful outcomes (§4.3). */
export const UNSUCCESSFUL_REASONS = [
  { id: 'victim_issues', label: 'Victim issues (non-attendance, retraction, evidence not up to proof)' },
  { id: 'evidential', label: 'Evidential' },
  { id: 'public_interest', label: 'Public interest' },
  { id: 'unable_to_proceed', label: 'Unable to proceed' },
  { id: 'other', label: 'Other' },
] as const
export type UnsuccessfulReason = (typeof UNSUCCESSFUL_REASONS)[number]['id']
const UNSUCCESSFUL_REASON_IDS = UNSUCCESSFUL_REASONS.map((r) => r.id) as [UnsuccessfulReason, ...UnsuccessfulReason[]]

// ---------------------------------------------------------------------------------------------
// Field helpers with GOV.UK-style messages

const text = (missing: string, max = 200, tooLong = 'must be 200 characters or fewer') =>
  z.string({ error: missing }).trim().min(1, missing).max(max, tooLong)
const optionalText = (what: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
const requiredDate = (what: string) =>
  z.date({ error: (iss) => (iss.input === undefined || iss.input === null ? `Enter ${what}` : `${capitalise(what)} must be a real date`) })
const optionalDate = (what: string) =>
  z.date({ error: () => `${capitalise(what)} must be a real date` }).optional()
/** A yes/no question: a boolean, or the GOV.UK radio values 'yes' / 'no' (and a ticked box, 'on'). */
const yesNo = (question: string) =>
  z.preprocess(
    (v) => (v === 'yes' || v === 'on' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v === '' ? undefined : v),
    z.boolean({ error: question }),
  )
const choice = <T extends string>(values: readonly [T, ...T[]], missing: string) => z.enum(values, { error: missing })

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

// ---------------------------------------------------------------------------------------------
// Details schemas, one per event type

export const REPORTED_BY = ['victim', 'parent_or_carer', 'professional', 'other'] as const
export const ASSESSED_BY = ['police', 'advocate', 'witness_care'] as const
export const AGENCIES = ['police', 'childrens_social_care', 'health', 'education', 'advocate_service', 'youth_justice', 'other'] as const
export const OOCD = [
  'youth_caution',
  'youth_conditional_caution',
  'adult_caution',
  'adult_conditional_caution',
  'community_resolution',
  'diversionary_activity',
] as const
export const BAIL_RESULTS = ['remanded_in_custody', 'conditional_bail', 'unconditional_bail', 'bail_varied', 'warrant_issued'] as const
export const VPS_PREFERENCES = ['read_by_victim', 'read_by_prosecutor', 'recording_played', 'not_read_aloud', 'no_preference'] as const
export const APPEAL_RESULTS = [
  'dismissed',
  'conviction_quashed',
  'retrial_ordered',
  'sentence_reduced',
  'sentence_increased',
  'sentence_unchanged',
] as const
export type AppealResult = (typeof APPEAL_RESULTS)[number]

const bailDetails = z.object({
  bailEndDate: requiredDate('the date bail ends'),
  conditions: optionalText('Bail conditions'),
  victimViewsSought: yesNo('Select yes if the victim’s views on bail conditions were sought').optional(),
})

const hearingListedDetails = z.object({
  hearingType: choice(HEARING_TYPE_IDS, 'Select the type of hearing'),
  court: text('Enter the court'),
  hearingAt: requiredDate('the date of the hearing'),
})

const hearingOutcomeDetails = z
  .object({
    hearingEventId: z.string({ error: 'Select the hearing' }).min(1, 'Select the hearing'),
    result: choice(HEARING_RESULTS, 'Select what happened at the hearing'),
    reason: optionalText('The reason'),
  })
  .superRefine((d, ctx) => {
    if ((d.result === 'ineffective' || d.result === 'adjourned') && !d.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: d.result === 'ineffective' ? 'Enter why the hearing was ineffective' : 'Enter why the hearing was adjourned',
      })
    }
  })

const measureDecision = z.object({
  measure: choice(SPECIAL_MEASURE_IDS, 'Select the special measure'),
  decision: choice(['granted', 'refused'] as const, 'Select whether the measure was granted or refused'),
})

const specialMeasuresDecisionDetails = z
  .object({
    decisions: z.array(measureDecision, { error: 'Select at least one special measure' }).min(1, 'Select at least one special measure'),
    hearingEventId: z.string().min(1).optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>()
    d.decisions.forEach((m, i) => {
      if (seen.has(m.measure)) ctx.addIssue({ code: 'custom', path: ['decisions', i, 'measure'], message: 'Each special measure can only be decided once' })
      seen.add(m.measure)
    })
  })

const caseOutcomeDetails = z
  .object({
    outcome: choice(CASE_OUTCOME_IDS, 'Select the outcome for this defendant'),
    unsuccessfulReason: choice(UNSUCCESSFUL_REASON_IDS, 'Select the reason').optional(),
    explanation: optionalText('The explanation'),
  })
  .superRefine((d, ctx) => {
    if (!isConvictionOutcome(d.outcome) && !d.unsuccessfulReason) {
      ctx.addIssue({ code: 'custom', path: ['unsuccessfulReason'], message: 'Select why the case did not result in a conviction' })
    }
    if (isConvictionOutcome(d.outcome) && d.unsuccessfulReason) {
      ctx.addIssue({ code: 'custom', path: ['unsuccessfulReason'], message: 'Do not give a reason for an unsuccessful outcome when the defendant was convicted' })
    }
  })

const sentencedDetails = z
  .object({
    custodyMonths: z
      .number({ error: 'Custody must be a number of months, like 18' })
      .min(0, 'Custody must be 0 months or more')
      .max(1200, 'Custody must be 1200 months or fewer')
      .optional(),
    otherDisposal: optionalText('The other disposal', 500),
    hospitalOrder: yesNo('Select yes if a hospital order was made').optional(),
  })
  .superRefine((d, ctx) => {
    if (d.custodyMonths === undefined && !d.otherDisposal && !d.hospitalOrder) {
      ctx.addIssue({ code: 'custom', path: ['custodyMonths'], message: 'Enter the length of custody or describe the sentence' })
    }
  })

const bailConditionsChangedDetails = z
  .object({
    change: choice(['varied', 'extended', 'cancelled'] as const, 'Select how bail changed'),
    newBailEndDate: optionalDate('the new date bail ends'),
    conditions: optionalText('Bail conditions'),
  })
  .superRefine((d, ctx) => {
    if (d.change === 'extended' && !d.newBailEndDate) {
      ctx.addIssue({ code: 'custom', path: ['newBailEndDate'], message: 'Enter the new date bail ends' })
    }
  })

const guiltyPleaDetails = z
  .object({
    toAllCharges: yesNo('Select yes if the defendant pleaded guilty to all charges'),
    charges: optionalText('The charges', 1000),
  })
  .superRefine((d, ctx) => {
    if (!d.toAllCharges && !d.charges) ctx.addIssue({ code: 'custom', path: ['charges'], message: 'Enter the charges the defendant pleaded guilty to' })
  })

export const DETAILS_SCHEMAS = {
  crime_reported: z.object({
    reportedBy: choice(REPORTED_BY, 'Select who reported the crime'),
    summary: optionalText('The summary'),
  }),
  crime_recorded: z.object({ notes: optionalText('Notes') }),
  needs_assessment_completed: z.object({
    assessedBy: choice(ASSESSED_BY, 'Select who carried out the needs assessment'),
    enhancedRightsIdentified: yesNo('Select yes if the child is entitled to enhanced rights'),
    needs: optionalText('The needs identified'),
  }),
  referred_to_support_service: z.object({
    service: text('Enter the name of the support service'),
    consentGiven: yesNo('Select yes if the child or their parent agreed to the referral'),
  }),
  abe_interview: z.object({
    interviewer: text('Enter the name of the interviewer'),
    intermediaryPresent: yesNo('Select yes if an intermediary was present'),
    supporter: optionalText('The supporter', 200),
    location: optionalText('The location', 200),
  }),
  intermediary_requested: z.object({
    requestedBy: choice(['police', 'cps'] as const, 'Select who requested the intermediary'),
    reference: optionalText('The Witness Intermediary Scheme reference', 100),
  }),
  strategy_discussion: z.object({
    agencies: z
      .array(choice(AGENCIES, 'Select the agencies that took part'), { error: 'Select the agencies that took part' })
      .min(1, 'Select the agencies that took part'),
    decisions: optionalText('The decisions'),
  }),
  decision_not_to_investigate: z.object({ reason: text('Enter the reason for the decision', 2000, 'The reason must be 2000 characters or fewer') }),
  suspect_arrested: z.object({ suspectedOffences: optionalText('The suspected offences', 1000) }),
  suspect_interviewed: z.object({
    interviewType: choice(['in_custody', 'voluntary'] as const, 'Select whether the interview was in custody or voluntary'),
  }),
  suspect_bailed: bailDetails,
  suspect_released_under_investigation: z.object({ notes: optionalText('Notes') }),
  bail_conditions_changed: bailConditionsChangedDetails,
  suspect_released_nfa: z.object({
    homeOfficeOutcomeCode: choice(NFA_OUTCOME_CODES, 'Select the Home Office outcome code'),
    reason: optionalText('The reason'),
  }),
  file_to_cps: z.object({
    requestType: choice(
      ['full_code_test', 'threshold_test', 'early_advice'] as const,
      'Select what the police asked the CPS for',
    ),
  }),
  suspect_charged: z.object({
    charges: z
      .array(z.object({ offence: text('Enter the offence charged', 300, 'The offence must be 300 characters or fewer') }), {
        error: 'Enter at least one charge',
      })
      .min(1, 'Enter at least one charge'),
    remandStatus: choice(['custody', 'conditional_bail', 'unconditional_bail'] as const, 'Select whether the defendant was remanded or bailed'),
  }),
  police_no_charge_decision: z.object({
    homeOfficeOutcomeCode: choice(NFA_OUTCOME_CODES, 'Select the Home Office outcome code').optional(),
    reason: text('Enter the reason for the decision', 2000, 'The reason must be 2000 characters or fewer'),
  }),
  cps_no_charge_decision: z.object({
    reason: choice(['evidential', 'public_interest'] as const, 'Select whether the decision was evidential or in the public interest'),
    explanation: optionalText('The explanation'),
  }),
  out_of_court_disposal: z.object({
    disposal: choice(OOCD, 'Select the out-of-court disposal'),
    decidedBy: choice(['police', 'cps'] as const, 'Select who decided the disposal'),
  }),
  cps_discontinued: z.object({
    scope: choice(['all_charges', 'some_charges'] as const, 'Select whether all charges or only some were discontinued'),
    reason: choice(UNSUCCESSFUL_REASON_IDS, 'Select the reason'),
    explanation: optionalText('The explanation'),
  }),
  hearing_listed: hearingListedDetails,
  hearing_outcome: hearingOutcomeDetails,
  bail_hearing_outcome: z.object({
    result: choice(BAIL_RESULTS, 'Select the outcome of the bail hearing'),
    conditions: optionalText('Bail conditions'),
    hearingEventId: z.string().min(1).optional(),
  }),
  not_guilty_plea: z.object({ charges: optionalText('The charges', 1000) }),
  guilty_plea: guiltyPleaDetails,
  witness_required: z.object({ hearingEventId: z.string().min(1).optional() }),
  special_measures_applied: z.object({
    measures: z
      .array(choice(SPECIAL_MEASURE_IDS, 'Select the special measures applied for'), { error: 'Select the special measures applied for' })
      .min(1, 'Select the special measures applied for'),
  }),
  special_measures_decision: specialMeasuresDecisionDetails,
  pre_trial_therapy_started: z.object({
    provider: text('Enter the therapy provider'),
    policeAndCpsInformed: yesNo('Select yes if the police and CPS have been told about the therapy'),
  }),
  court_familiarisation_visit: z.object({
    court: text('Enter the court'),
    visitType: choice(['in_person', 'virtual'] as const, 'Select whether the visit was in person or virtual'),
  }),
  vps_offered: z.object({
    response: choice(['wants_to_make', 'declined', 'undecided'] as const, 'Select the victim’s response'),
  }),
  vps_made: z.object({
    readingPreference: choice(VPS_PREFERENCES, 'Select how the victim would like the statement used in court'),
    isUpdate: yesNo('Select yes if this updates an earlier statement'),
  }),
  trial_started: z.object({ hearingEventId: z.string().min(1).optional() }),
  case_outcome: caseOutcomeDetails,
  sentenced: sentencedDetails,
  appeal_lodged: z.object({
    appellant: choice(['defendant', 'attorney_general'] as const, 'Select who lodged the appeal or referral'),
    against: choice(['conviction', 'sentence', 'conviction_and_sentence'] as const, 'Select what the appeal is against'),
  }),
  appeal_outcome: z.object({ result: choice(APPEAL_RESULTS, 'Select the outcome of the appeal') }),
  vcs_referral_made: z.object({ victimOptedIn: yesNo('Select yes if the victim agreed to join the Victim Contact Scheme') }),
  vlo_contact_made: z.object({
    method: choice(['in_person', 'phone', 'letter', 'email'] as const, 'Select how the victim liaison officer made contact'),
  }),
  victim_withdrew_support: z.object({ reason: optionalText('The reason') }),
  case_finalised: z.object({ notes: optionalText('Notes') }),
} as const

export type EventTypeId = keyof typeof DETAILS_SCHEMAS
export type EventDetails<T extends EventTypeId> = z.infer<(typeof DETAILS_SCHEMAS)[T]>

// ---------------------------------------------------------------------------------------------
// The vocabulary

export type Requirement = 'required' | 'optional' | 'none'
export type RecordingRole = Extract<Role, 'officer' | 'cps_liaison' | 'advocate'>

export interface EventTypeDef {
  id: EventTypeId
  label: string
  /** Noun phrase for the event's date in messages: "Enter the date of {dateOf}". */
  dateOf: string
  owners: readonly RecordingRole[]
  /** Whether the event is about one suspect/defendant (defendantId). 'optional': absent = all. */
  defendant: Requirement
  /** Whether the event is about one victim on the case (victimId). */
  victim: Requirement
  /** Whether the event may carry receivedAt (when witness care received it from court or CPS). */
  receivedAt: boolean
}

const O = ['officer'] as const
const C = ['cps_liaison'] as const
const A = ['advocate'] as const
const OA = ['officer', 'advocate'] as const
const OC = ['officer', 'cps_liaison'] as const
const AC = ['advocate', 'cps_liaison'] as const

type Def = Omit<EventTypeDef, 'id' | 'receivedAt'> & { receivedAt?: boolean }
const DEFS: Record<EventTypeId, Def> = {
  crime_reported: { label: 'Crime reported', dateOf: 'the report', owners: O, defendant: 'none', victim: 'optional' },
  crime_recorded: { label: 'Crime recorded', dateOf: 'recording', owners: O, defendant: 'none', victim: 'none' },
  needs_assessment_completed: { label: 'Needs assessment completed', dateOf: 'the needs assessment', owners: OA, defendant: 'none', victim: 'required' },
  referred_to_support_service: { label: 'Referred to a support service', dateOf: 'the referral', owners: OA, defendant: 'none', victim: 'required' },
  abe_interview: { label: 'Achieving Best Evidence (ABE) interview', dateOf: 'the ABE interview', owners: O, defendant: 'none', victim: 'required' },
  intermediary_requested: { label: 'Registered intermediary requested', dateOf: 'the request', owners: OC, defendant: 'none', victim: 'required' },
  strategy_discussion: { label: 'Strategy discussion', dateOf: 'the strategy discussion', owners: O, defendant: 'none', victim: 'optional' },
  decision_not_to_investigate: { label: 'Decision not to investigate', dateOf: 'the decision', owners: O, defendant: 'none', victim: 'none' },
  suspect_arrested: { label: 'Suspect arrested', dateOf: 'the arrest', owners: O, defendant: 'required', victim: 'none' },
  suspect_interviewed: { label: 'Suspect interviewed under caution', dateOf: 'the interview', owners: O, defendant: 'required', victim: 'none' },
  suspect_bailed: { label: 'Suspect released on bail', dateOf: 'the bail', owners: O, defendant: 'required', victim: 'none' },
  suspect_released_under_investigation: { label: 'Suspect released under investigation', dateOf: 'the release', owners: O, defendant: 'required', victim: 'none' },
  bail_conditions_changed: { label: 'Bail conditions changed', dateOf: 'the change', owners: O, defendant: 'required', victim: 'none' },
  suspect_released_nfa: { label: 'Suspect released with no further action', dateOf: 'the release', owners: O, defendant: 'required', victim: 'none' },
  file_to_cps: { label: 'File sent to CPS for a charging decision', dateOf: 'sending the file', owners: O, defendant: 'optional', victim: 'none' },
  suspect_charged: { label: 'Suspect charged', dateOf: 'the charge', owners: OC, defendant: 'required', victim: 'none' },
  police_no_charge_decision: { label: 'Police decided not to charge', dateOf: 'the decision', owners: O, defendant: 'required', victim: 'none' },
  cps_no_charge_decision: { label: 'CPS decided not to charge', dateOf: 'the decision', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  out_of_court_disposal: { label: 'Out-of-court disposal', dateOf: 'the disposal', owners: OC, defendant: 'required', victim: 'none' },
  cps_discontinued: { label: 'CPS discontinued the case', dateOf: 'the discontinuance', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  hearing_listed: { label: 'Hearing listed', dateOf: 'the listing', owners: C, defendant: 'optional', victim: 'none', receivedAt: true },
  hearing_outcome: { label: 'Hearing outcome', dateOf: 'the hearing', owners: C, defendant: 'optional', victim: 'none', receivedAt: true },
  bail_hearing_outcome: { label: 'Bail hearing outcome', dateOf: 'the bail hearing', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  not_guilty_plea: { label: 'Not guilty plea', dateOf: 'the plea', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  guilty_plea: { label: 'Guilty plea', dateOf: 'the plea', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  witness_required: { label: 'Victim required to give evidence', dateOf: 'the decision', owners: C, defendant: 'none', victim: 'required', receivedAt: true },
  special_measures_applied: { label: 'Special measures applied for', dateOf: 'the application', owners: C, defendant: 'none', victim: 'required' },
  special_measures_decision: { label: 'Special measures decision', dateOf: 'the decision', owners: C, defendant: 'none', victim: 'required', receivedAt: true },
  pre_trial_therapy_started: { label: 'Pre-trial therapy started', dateOf: 'the first session', owners: A, defendant: 'none', victim: 'required' },
  court_familiarisation_visit: { label: 'Court familiarisation visit', dateOf: 'the visit', owners: AC, defendant: 'none', victim: 'required' },
  vps_offered: { label: 'Victim personal statement offered', dateOf: 'the offer', owners: OA, defendant: 'none', victim: 'required' },
  vps_made: { label: 'Victim personal statement made', dateOf: 'the statement', owners: OA, defendant: 'none', victim: 'required' },
  trial_started: { label: 'Trial started', dateOf: 'the start of the trial', owners: C, defendant: 'optional', victim: 'none', receivedAt: true },
  case_outcome: { label: 'Case outcome', dateOf: 'the outcome', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  sentenced: { label: 'Sentenced', dateOf: 'the sentence', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  appeal_lodged: { label: 'Appeal lodged', dateOf: 'the appeal', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  appeal_outcome: { label: 'Appeal outcome', dateOf: 'the appeal decision', owners: C, defendant: 'required', victim: 'none', receivedAt: true },
  vcs_referral_made: { label: 'Referred to the Victim Contact Scheme', dateOf: 'the referral', owners: OC, defendant: 'required', victim: 'required' },
  vlo_contact_made: { label: 'Victim liaison officer made contact', dateOf: 'the contact', owners: AC, defendant: 'optional', victim: 'required' },
  victim_withdrew_support: { label: 'Victim withdrew support for the prosecution', dateOf: 'the withdrawal', owners: OA, defendant: 'none', victim: 'required' },
  case_finalised: { label: 'Case finalised', dateOf: 'finalisation', owners: C, defendant: 'none', victim: 'none' },
}

export const EVENT_TYPE_IDS = Object.keys(DETAILS_SCHEMAS) as [EventTypeId, ...EventTypeId[]]

export const EVENT_TYPES: readonly EventTypeDef[] = EVENT_TYPE_IDS.map((id) => ({
  id,
  ...DEFS[id],
  receivedAt: DEFS[id].receivedAt ?? false,
}))

const BY_ID = new Map<string, EventTypeDef>(EVENT_TYPES.map((t) => [t.id, t]))

export function isEventType(type: string): type is EventTypeId {
  return BY_ID.has(type)
}

export function eventType(type: EventTypeId): EventTypeDef {
  return BY_ID.get(type)!
}

export function eventTypeLabel(type: string): string {
  return BY_ID.get(type)?.label ?? type
}

/** May a user with this role ever record this type of event? (Allocation is checked elsewhere.) */
export function canRecordEventType(role: Role, type: string): boolean {
  const def = BY_ID.get(type)
  return def !== undefined && (def.owners as readonly string[]).includes(role)
}

/** The event types a role may record, in vocabulary order (for the "record an event" menu). */
export function eventTypesFor(role: Role): EventTypeDef[] {
  return EVENT_TYPES.filter((t) => (t.owners as readonly string[]).includes(role))
}

export function detailsSchema<T extends EventTypeId>(type: T): (typeof DETAILS_SCHEMAS)[T] {
  return DETAILS_SCHEMAS[type]
}

// ---------------------------------------------------------------------------------------------
// The whole input for one event (form → service)

/** Bail end date must fall after the bail date (no context needed, so the schema checks it). */
export function bailDateIssues(input: { type: string; occurredAt: Date; details: unknown }): JourneyIssue[] {
  const details = input.details as { bailEndDate?: Date; newBailEndDate?: Date } | undefined
  const end = input.type === 'suspect_bailed' ? details?.bailEndDate : input.type === 'bail_conditions_changed' ? details?.newBailEndDate : undefined
  if (!(end instanceof Date) || Number.isNaN(end.getTime()) || Number.isNaN(input.occurredAt.getTime())) return []
  if (end.getTime() <= input.occurredAt.getTime()) {
    const field = input.type === 'suspect_bailed' ? 'bailEndDate' : 'newBailEndDate'
    return [{ path: `details.${field}`, message: 'The date bail ends must be after the date of the bail' }]
  }
  return []
}

/** A problem with one field, named as Conform names it ('occurredAt', 'details.charges[0].offence'). */
export interface JourneyIssue {
  path: string
  message: string
}

const id = (missing: string) => z.string({ error: missing }).trim().min(1, missing)

function inputSchemaFor<T extends EventTypeId>(type: T) {
  const def = DEFS[type]
  const base = z.object({
    type: z.literal(type),
    occurredAt: requiredDate(`the date of ${def.dateOf}`),
    receivedAt: def.receivedAt ? optionalDate('the date witness care received it') : z.undefined().optional(),
    defendantId:
      def.defendant === 'required'
        ? id('Select the suspect or defendant')
        : def.defendant === 'optional'
          ? z.string().trim().min(1).optional()
          : z.undefined({ error: 'This kind of event is not about a suspect or defendant' }).optional(),
    victimId:
      def.victim === 'required'
        ? id('Select the victim')
        : def.victim === 'optional'
          ? z.string().trim().min(1).optional()
          : z.undefined({ error: 'This kind of event is not about one victim' }).optional(),
    details: DETAILS_SCHEMAS[type] as (typeof DETAILS_SCHEMAS)[T],
    supersedesId: z.string().trim().min(1).optional(),
    correctionReason: optionalText('The reason for the correction', 1000),
  })
  return base.superRefine((v, ctx) => {
    if (v.supersedesId && !v.correctionReason) {
      ctx.addIssue({ code: 'custom', path: ['correctionReason'], message: 'Enter the reason for the correction' })
    }
    for (const issue of bailDateIssues(v as { type: string; occurredAt: Date; details: unknown })) {
      ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message })
    }
  })
}

const OPTIONS = EVENT_TYPE_IDS.map((t) => inputSchemaFor(t)) as unknown as {
  [K in EventTypeId]: ReturnType<typeof inputSchemaFor<K>>
}[EventTypeId][]

/** One journey event as entered: a discriminated union on `type`, each member with its own details. */
export const JourneyEventInputSchema = z.discriminatedUnion(
  'type',
  OPTIONS as unknown as [(typeof OPTIONS)[number], ...(typeof OPTIONS)[number][]],
  { error: 'Select the type of event' },
)
export type JourneyEventInput = z.infer<typeof JourneyEventInputSchema>

/** The stored columns an event input becomes: one mapping for the journal service and both seeds. */
export function eventColumns(input: JourneyEventInput) {
  return {
    type: input.type,
    occurredAt: input.occurredAt,
    receivedAt: input.receivedAt ?? null,
    defendantId: input.defendantId ?? null,
    victimId: input.victimId ?? null,
    details: input.details,
    supersedesId: input.supersedesId ?? null,
    correctionReason: input.correctionReason ?? null,
  }
}

/** The schema of the whole input for one type, for a form that records only that type. */
export function journeyEventInputSchema<T extends EventTypeId>(type: T) {
  return inputSchemaFor(type)
}

/** zod issues → JourneyIssue[] with Conform-style paths. */
export function toJourneyIssues(error: z.ZodError): JourneyIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else out += out ? `.${String(p)}` : String(p)
  }
  return out
}
