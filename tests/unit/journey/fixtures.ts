// Synthetic journey data for the unit tests: one realistic details object per event type, one bad
// one (with the field and message expected), and a small builder for journals.
import { detailsSchema, type EventTypeId } from '~/domain/journey/events'
import type { JournalEvent } from '~/domain/journey/journal'

export const d = (iso: string) => new Date(iso)

export interface Example {
  good: Record<string, unknown>
  bad: Record<string, unknown>
  badPath: string
  badMessage: string
}

export const EXAMPLES: Record<EventTypeId, Example> = {
  crime_reported: {
    good: { reportedBy: 'professional', summary: 'School safeguarding lead reported concerns after disclosure.' },
    bad: { reportedBy: 'neighbour' },
    badPath: 'reportedBy',
    badMessage: 'Select who reported the crime',
  },
  crime_recorded: { good: {}, bad: { notes: 'x'.repeat(2001) }, badPath: 'notes', badMessage: 'Notes must be 2000 characters or fewer' },
  needs_assessment_completed: {
    good: { assessedBy: 'advocate', enhancedRightsIdentified: true, needs: 'Prefers contact through her advocate; no voicemail.' },
    bad: { assessedBy: 'advocate' },
    badPath: 'enhancedRightsIdentified',
    badMessage: 'Select yes if the child is entitled to enhanced rights',
  },
  referred_to_support_service: {
    good: { service: 'Example ChISVA Service', consentGiven: true },
    bad: { service: '   ', consentGiven: true },
    badPath: 'service',
    badMessage: 'Enter the name of the support service',
  },
  abe_interview: {
    good: { interviewer: 'DC Example One', intermediaryPresent: true, supporter: 'Foster carer' },
    bad: { intermediaryPresent: true },
    badPath: 'interviewer',
    badMessage: 'Enter the name of the interviewer',
  },
  intermediary_requested: {
    good: { requestedBy: 'police', reference: 'WIS-0001' },
    bad: { requestedBy: 'court' },
    badPath: 'requestedBy',
    badMessage: 'Select who requested the intermediary',
  },
  strategy_discussion: {
    good: { agencies: ['police', 'childrens_social_care', 'health'], decisions: 'Section 47 enquiry; ABE interview planned.' },
    bad: { agencies: [] },
    badPath: 'agencies',
    badMessage: 'Select the agencies that took part',
  },
  decision_not_to_investigate: {
    good: { reason: 'No offence disclosed after enquiries.' },
    bad: { reason: '' },
    badPath: 'reason',
    badMessage: 'Enter the reason for the decision',
  },
  suspect_arrested: {
    good: { suspectedOffences: 'Sexual activity with a child' },
    bad: { suspectedOffences: 42 },
    badPath: 'suspectedOffences',
    badMessage: 'Invalid input: expected string, received number',
  },
  suspect_interviewed: {
    good: { interviewType: 'in_custody' },
    bad: {},
    badPath: 'interviewType',
    badMessage: 'Select whether the interview was in custody or voluntary',
  },
  suspect_bailed: {
    good: { bailEndDate: d('2026-12-20T00:00:00Z'), conditions: 'Not to contact the victim', victimViewsSought: true },
    bad: { bailEndDate: d('not a date') },
    badPath: 'bailEndDate',
    badMessage: 'The date bail ends must be a real date',
  },
  suspect_released_under_investigation: { good: {}, bad: { notes: 7 }, badPath: 'notes', badMessage: 'Invalid input: expected string, received number' },
  bail_conditions_changed: {
    good: { change: 'extended', newBailEndDate: d('2027-03-20T00:00:00Z') },
    bad: { change: 'extended' },
    badPath: 'newBailEndDate',
    badMessage: 'Enter the new date bail ends',
  },
  suspect_released_nfa: {
    good: { homeOfficeOutcomeCode: '16', reason: 'Victim does not support further action at this time.' },
    bad: { homeOfficeOutcomeCode: '1' },
    badPath: 'homeOfficeOutcomeCode',
    badMessage: 'Select the Home Office outcome code',
  },
  file_to_cps: { good: { requestType: 'full_code_test' }, bad: {}, badPath: 'requestType', badMessage: 'Select what the police asked the CPS for' },
  suspect_charged: {
    good: { charges: [{ offence: 'Sexual activity with a child (s.9 SOA 2003)' }, { offence: 'Causing a child to engage in sexual activity (s.10 SOA 2003)' }], remandStatus: 'conditional_bail' },
    bad: { charges: [], remandStatus: 'custody' },
    badPath: 'charges',
    badMessage: 'Enter at least one charge',
  },
  police_no_charge_decision: {
    good: { homeOfficeOutcomeCode: '15', reason: 'Insufficient evidence to charge.' },
    bad: { homeOfficeOutcomeCode: '15' },
    badPath: 'reason',
    badMessage: 'Enter the reason for the decision',
  },
  cps_no_charge_decision: {
    good: { reason: 'evidential', explanation: 'No realistic prospect of conviction.' },
    bad: { reason: 'insufficient' },
    badPath: 'reason',
    badMessage: 'Select whether the decision was evidential or in the public interest',
  },
  out_of_court_disposal: {
    good: { disposal: 'youth_conditional_caution', decidedBy: 'police' },
    bad: { disposal: 'fine', decidedBy: 'police' },
    badPath: 'disposal',
    badMessage: 'Select the out-of-court disposal',
  },
  cps_discontinued: {
    good: { scope: 'all_charges', reason: 'victim_issues' },
    bad: { scope: 'all_charges' },
    badPath: 'reason',
    badMessage: 'Select the reason',
  },
  hearing_listed: {
    good: { hearingType: 'ptph', court: 'Example Crown Court', hearingAt: d('2027-01-15T10:00:00Z') },
    bad: { hearingType: 'ptph', court: 'Example Crown Court' },
    badPath: 'hearingAt',
    badMessage: 'Enter the date of the hearing',
  },
  hearing_outcome: {
    good: { hearingEventId: 'h1', result: 'adjourned', reason: 'Defence not ready; relisted.' },
    bad: { hearingEventId: 'h1', result: 'ineffective' },
    badPath: 'reason',
    badMessage: 'Enter why the hearing was ineffective',
  },
  bail_hearing_outcome: {
    good: { result: 'conditional_bail', conditions: 'Residence; no contact with prosecution witnesses' },
    bad: { result: 'released' },
    badPath: 'result',
    badMessage: 'Select the outcome of the bail hearing',
  },
  not_guilty_plea: { good: { charges: 'All counts' }, bad: { charges: ['x'] }, badPath: 'charges', badMessage: 'Invalid input: expected string, received array' },
  guilty_plea: {
    good: { toAllCharges: true },
    bad: { toAllCharges: false },
    badPath: 'charges',
    badMessage: 'Enter the charges the defendant pleaded guilty to',
  },
  witness_required: { good: { hearingEventId: 'h-trial' }, bad: { hearingEventId: '' }, badPath: 'hearingEventId', badMessage: 'Too small: expected string to have >=1 characters' },
  special_measures_applied: {
    good: { measures: ['live_link', 'video_recorded_evidence_in_chief', 's28_cross_examination'] },
    bad: { measures: ['hologram'] },
    badPath: 'measures[0]',
    badMessage: 'Select the special measures applied for',
  },
  special_measures_decision: {
    good: {
      decisions: [
        { measure: 'live_link', decision: 'granted' },
        { measure: 'removal_of_wigs_and_gowns', decision: 'refused' },
      ],
    },
    bad: {
      decisions: [
        { measure: 'screen', decision: 'granted' },
        { measure: 'screen', decision: 'refused' },
      ],
    },
    badPath: 'decisions[1].measure',
    badMessage: 'Each special measure can only be decided once',
  },
  pre_trial_therapy_started: {
    good: { provider: 'Example Children’s Therapy Service', policeAndCpsInformed: true },
    bad: { policeAndCpsInformed: true },
    badPath: 'provider',
    badMessage: 'Enter the therapy provider',
  },
  court_familiarisation_visit: {
    good: { court: 'Example Crown Court', visitType: 'in_person' },
    bad: { court: 'Example Crown Court', visitType: 'phone' },
    badPath: 'visitType',
    badMessage: 'Select whether the visit was in person or virtual',
  },
  vps_offered: { good: { response: 'undecided' }, bad: {}, badPath: 'response', badMessage: 'Select the victim’s response' },
  vps_made: {
    good: { readingPreference: 'read_by_prosecutor', isUpdate: false },
    bad: { readingPreference: 'read_by_prosecutor', isUpdate: 'perhaps' },
    badPath: 'isUpdate',
    badMessage: 'Select yes if this updates an earlier statement',
  },
  trial_started: { good: {}, bad: { hearingEventId: 5 }, badPath: 'hearingEventId', badMessage: 'Invalid input: expected string, received number' },
  case_outcome: {
    good: { outcome: 'acquitted', unsuccessfulReason: 'evidential', explanation: 'Jury acquitted on all counts.' },
    bad: { outcome: 'offered_no_evidence' },
    badPath: 'unsuccessfulReason',
    badMessage: 'Select why the case did not result in a conviction',
  },
  sentenced: {
    good: { custodyMonths: 54 },
    bad: {},
    badPath: 'custodyMonths',
    badMessage: 'Enter the length of custody or describe the sentence',
  },
  appeal_lodged: {
    good: { appellant: 'defendant', against: 'sentence' },
    bad: { appellant: 'victim', against: 'sentence' },
    badPath: 'appellant',
    badMessage: 'Select who lodged the appeal or referral',
  },
  appeal_outcome: { good: { result: 'dismissed' }, bad: { result: 'won' }, badPath: 'result', badMessage: 'Select the outcome of the appeal' },
  vcs_referral_made: {
    good: { victimOptedIn: true },
    bad: {},
    badPath: 'victimOptedIn',
    badMessage: 'Select yes if the victim agreed to join the Victim Contact Scheme',
  },
  vlo_contact_made: { good: { method: 'letter' }, bad: { method: 'pigeon' }, badPath: 'method', badMessage: 'Select how the victim liaison officer made contact' },
  victim_withdrew_support: { good: { reason: 'Does not want to go to court at the moment.' }, bad: { reason: 1 }, badPath: 'reason', badMessage: 'Invalid input: expected string, received number' },
  case_finalised: { good: {}, bad: { notes: null }, badPath: 'notes', badMessage: 'Invalid input: expected string, received null' },
}

// ---------------------------------------------------------------------------------------------
// Journal builder. Details are parsed by the type's schema, so every sequence is realistic.

let counter = 0
export function resetIds() {
  counter = 0
}

export interface EvOptions {
  id?: string
  defendantId?: string
  victimId?: string
  details?: Record<string, unknown>
  supersedesId?: string
  recordedAt?: string
  receivedAt?: string
}

export function ev(type: EventTypeId, occurredAt: string, opts: EvOptions = {}): JournalEvent {
  counter += 1
  const id = opts.id ?? `e${String(counter).padStart(3, '0')}`
  const details = detailsSchema(type).parse(opts.details ?? EXAMPLES[type].good)
  return {
    id,
    type,
    occurredAt: d(occurredAt),
    recordedAt: d(opts.recordedAt ?? occurredAt),
    receivedAt: opts.receivedAt ? d(opts.receivedAt) : null,
    defendantId: opts.defendantId ?? null,
    victimId: opts.victimId ?? null,
    details,
    supersedesId: opts.supersedesId ?? null,
  }
}

export const listed = (id: string, hearingType: string, hearingAt: string, listedOn: string, defendantId?: string) =>
  ev('hearing_listed', listedOn, { id, defendantId, details: { hearingType, court: 'Example Crown Court', hearingAt: d(hearingAt) } })

export const outcome = (hearingEventId: string, result: string, on: string, reason?: string) =>
  ev('hearing_outcome', on, { details: { hearingEventId, result, ...(reason ? { reason } : {}) } })
