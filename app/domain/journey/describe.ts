// Plain-English one-liners for journey events on a timeline: the title is eventTypeLabel(type);
// describeEvent gives the key details of that event (the hearing, the outcome, the bail end date,
// the charges, the special measures decided…). Pure. Never names a victim: events carry none, and
// free-text fields that could (summaries, notes, needs) are left to the record itself.
import { formatLondonDate } from './derive'
import {
  CASE_OUTCOMES,
  hearingTypeLabel,
  homeOfficeOutcomeLabel,
  SPECIAL_MEASURES,
  UNSUCCESSFUL_REASONS,
  type EventTypeId,
} from './events'
import { detail, detailDate } from './journal'

export interface DescribableEvent {
  type: string
  details: unknown
  defendant?: { label: string } | null
  receivedAt?: Date | string | null
}

const WORDS: Record<string, string> = {
  // who reported / assessed / decided
  victim: 'the victim',
  parent_or_carer: 'a parent or carer',
  professional: 'a professional',
  other: 'someone else',
  police: 'the police',
  advocate: 'the advocate',
  witness_care: 'witness care',
  cps: 'the CPS',
  // agencies
  childrens_social_care: 'children’s social care',
  health: 'health',
  education: 'education',
  advocate_service: 'the advocate service',
  youth_justice: 'youth justice',
  // out-of-court disposals
  youth_caution: 'a youth caution',
  youth_conditional_caution: 'a youth conditional caution',
  adult_caution: 'an adult caution',
  adult_conditional_caution: 'an adult conditional caution',
  community_resolution: 'a community resolution',
  diversionary_activity: 'a diversionary activity',
  // bail hearing results
  remanded_in_custody: 'Remanded in custody',
  conditional_bail: 'Bail with conditions',
  unconditional_bail: 'Bail without conditions',
  bail_varied: 'Bail varied',
  warrant_issued: 'Warrant issued',
  custody: 'Remanded in custody',
  // VPS
  read_by_victim: 'to read it in court themselves',
  read_by_prosecutor: 'for the prosecutor to read it in court',
  recording_played: 'for a recording to be played in court',
  not_read_aloud: 'for it not to be read aloud',
  no_preference: 'no preference about how it is used',
  wants_to_make: 'Wants to make a statement',
  declined: 'Declined to make a statement',
  undecided: 'Has not decided yet',
  // appeals
  dismissed: 'Appeal dismissed',
  conviction_quashed: 'Conviction quashed',
  retrial_ordered: 'Retrial ordered',
  sentence_reduced: 'Sentence reduced',
  sentence_increased: 'Sentence increased',
  sentence_unchanged: 'Sentence unchanged',
  defendant: 'the defendant',
  attorney_general: 'the Attorney General (unduly lenient sentence scheme)',
  conviction: 'the conviction',
  sentence: 'the sentence',
  conviction_and_sentence: 'the conviction and the sentence',
  // hearing results
  effective: 'The hearing went ahead',
  ineffective: 'The hearing did not go ahead',
  cracked: 'The hearing ended early (cracked)',
  adjourned: 'The hearing was adjourned',
  // file to CPS
  full_code_test: 'a full charging decision',
  threshold_test: 'a charging decision on the threshold test',
  early_advice: 'early advice',
  // interview / visits
  in_custody: 'In custody',
  voluntary: 'Voluntary interview',
  in_person: 'in person',
  virtual: 'virtual',
  phone: 'by phone',
  letter: 'by letter',
  email: 'by email',
  // charges
  evidential: 'not enough evidence',
  public_interest: 'not in the public interest',
}

const word = (id: unknown): string => (typeof id === 'string' ? (WORDS[id] ?? id.replace(/_/g, ' ')) : '')
const str = (e: DescribableEvent, key: string): string | undefined => {
  const v = detail<unknown>(e, key)
  return typeof v === 'string' && v.trim() ? v.trim() : undefined
}
const bool = (e: DescribableEvent, key: string): boolean | undefined => {
  const v = detail<unknown>(e, key)
  return typeof v === 'boolean' ? v : v === 'yes' || v === 'on' ? true : v === 'no' ? false : undefined
}
const date = (e: DescribableEvent, key: string): string | undefined => {
  const d = detailDate(e, key)
  return d ? formatLondonDate(d) : undefined
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const sentence = (...parts: (string | false | undefined | null)[]) =>
  parts
    .filter((p): p is string => Boolean(p))
    .map((p) => capital(p.trim().replace(/\.$/, '')))
    .join('. ') + '.'
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
const measureLabel = (id: string) => SPECIAL_MEASURES.find((m) => m.id === id)?.label.toLowerCase() ?? id.replace(/_/g, ' ')
const outcomeLabel = (id: string) => CASE_OUTCOMES.find((o) => o.id === id)?.label ?? id.replace(/_/g, ' ')
const reasonLabel = (id: string) => UNSUCCESSFUL_REASONS.find((r) => r.id === id)?.label.toLowerCase() ?? id.replace(/_/g, ' ')
const clip = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s)

type Describer = (e: DescribableEvent) => string

const DESCRIBE: Record<EventTypeId, Describer> = {
  crime_reported: (e) => sentence(`Reported by ${word(str(e, 'reportedBy')) || 'someone not recorded'}`),
  crime_recorded: () => 'The police recorded the crime.',
  needs_assessment_completed: (e) =>
    sentence(
      `Assessment by ${word(str(e, 'assessedBy')) || 'a professional'}`,
      bool(e, 'enhancedRightsIdentified') === true
        ? 'Entitled to enhanced rights under the Victims’ Code'
        : bool(e, 'enhancedRightsIdentified') === false
          ? 'Enhanced rights not identified'
          : undefined,
    ),
  referred_to_support_service: (e) =>
    sentence(
      `Referred to ${str(e, 'service') ?? 'a support service'}`,
      bool(e, 'consentGiven') === true ? 'With consent' : bool(e, 'consentGiven') === false ? 'Without consent' : undefined,
    ),
  abe_interview: (e) =>
    sentence(
      str(e, 'interviewer') ? `Interviewed by ${str(e, 'interviewer')}` : 'Video-recorded interview with the police',
      bool(e, 'intermediaryPresent') === true ? 'An intermediary was present' : undefined,
      str(e, 'supporter') ? 'A supporter was present' : undefined,
    ),
  intermediary_requested: (e) => sentence(`Requested by ${word(str(e, 'requestedBy')) || 'the police'}`),
  strategy_discussion: (e) => {
    const agencies = (detail<unknown[]>(e, 'agencies') ?? []).filter((a): a is string => typeof a === 'string').map((a) => (a === 'other' ? 'other agencies' : word(a)))
    return sentence(agencies.length ? `Agencies: ${list(agencies)}` : 'Agencies met to plan the safeguarding and the investigation')
  },
  decision_not_to_investigate: () => 'The police decided not to investigate further.',
  suspect_arrested: (e) => sentence(str(e, 'suspectedOffences') ? `Suspected of ${clip(str(e, 'suspectedOffences')!)}` : 'Arrested by the police'),
  suspect_interviewed: (e) => sentence(word(str(e, 'interviewType')) || 'Interviewed under caution'),
  suspect_bailed: (e) => sentence(date(e, 'bailEndDate') ? `Bail ends ${date(e, 'bailEndDate')}` : 'Released on bail', str(e, 'conditions') ? 'Bail conditions set' : undefined),
  suspect_released_under_investigation: () => 'Released while the investigation continues, with no bail conditions.',
  bail_conditions_changed: (e) => {
    const change = str(e, 'change')
    const end = date(e, 'newBailEndDate')
    if (change === 'cancelled') return 'Bail cancelled.'
    if (change === 'extended') return sentence(end ? `Bail extended to ${end}` : 'Bail extended')
    return sentence('Bail conditions varied', end ? `Bail ends ${end}` : undefined)
  },
  suspect_released_nfa: (e) =>
    sentence('No further action', str(e, 'homeOfficeOutcomeCode') ? `Outcome: ${homeOfficeOutcomeLabel(str(e, 'homeOfficeOutcomeCode')!)}` : undefined),
  file_to_cps: (e) => sentence(`The police asked the CPS for ${word(str(e, 'requestType')) || 'a charging decision'}`),
  suspect_charged: (e) => {
    const charges = (detail<unknown[]>(e, 'charges') ?? [])
      .map((c) => (c && typeof c === 'object' ? (c as { offence?: unknown }).offence : undefined))
      .filter((o): o is string => typeof o === 'string' && o.trim() !== '')
    return sentence(
      charges.length ? `${charges.length === 1 ? 'Charge' : 'Charges'}: ${clip(charges.join('; '), 200)}` : 'Charged',
      str(e, 'remandStatus') ? word(str(e, 'remandStatus')) : undefined,
    )
  },
  police_no_charge_decision: (e) =>
    sentence(
      'The police will not charge',
      str(e, 'homeOfficeOutcomeCode') ? `Outcome: ${homeOfficeOutcomeLabel(str(e, 'homeOfficeOutcomeCode')!)}` : undefined,
    ),
  cps_no_charge_decision: (e) => sentence(`The CPS will not charge: ${word(str(e, 'reason')) || 'reason not recorded'}`, 'The victim may ask for a review'),
  out_of_court_disposal: (e) => sentence(`Dealt with by ${word(str(e, 'disposal')) || 'an out-of-court disposal'}`, str(e, 'decidedBy') ? `Decided by ${word(str(e, 'decidedBy'))}` : undefined),
  cps_discontinued: (e) =>
    sentence(
      str(e, 'scope') === 'some_charges' ? 'Some charges dropped' : 'All charges dropped',
      str(e, 'reason') ? `Reason: ${reasonLabel(str(e, 'reason')!)}` : undefined,
    ),
  hearing_listed: (e) => {
    const type = str(e, 'hearingType')
    const at = date(e, 'hearingAt')
    const court = str(e, 'court')
    return sentence(`${type ? hearingTypeLabel(type) : 'Hearing'}${at ? ` on ${at}` : ''}${court ? ` at ${court}` : ''}`)
  },
  hearing_outcome: (e) => sentence(word(str(e, 'result')) || 'Hearing outcome recorded', str(e, 'reason') ? `Reason: ${clip(str(e, 'reason')!)}` : undefined),
  bail_hearing_outcome: (e) => sentence(word(str(e, 'result')) || 'Bail decided'),
  not_guilty_plea: () => 'Pleaded not guilty: the case goes to trial unless it ends sooner.',
  guilty_plea: (e) => sentence(bool(e, 'toAllCharges') === false ? `Pleaded guilty to some charges${str(e, 'charges') ? `: ${clip(str(e, 'charges')!)}` : ''}` : 'Pleaded guilty to all charges'),
  witness_required: () => 'The victim is needed to give evidence in court.',
  special_measures_applied: (e) => {
    const measures = (detail<unknown[]>(e, 'measures') ?? []).filter((m): m is string => typeof m === 'string').map(measureLabel)
    return sentence(measures.length ? `Applied for: ${list(measures)}` : 'Special measures applied for')
  },
  special_measures_decision: (e) => {
    const decisions = (detail<unknown[]>(e, 'decisions') ?? []).filter(
      (d): d is { measure: string; decision: string } => Boolean(d) && typeof d === 'object' && typeof (d as { measure?: unknown }).measure === 'string',
    )
    const granted = decisions.filter((d) => d.decision === 'granted').map((d) => measureLabel(d.measure))
    const refused = decisions.filter((d) => d.decision === 'refused').map((d) => measureLabel(d.measure))
    return sentence(granted.length ? `Granted: ${list(granted)}` : undefined, refused.length ? `Refused: ${list(refused)}` : undefined, !decisions.length && 'Special measures decided')
  },
  pre_trial_therapy_started: (e) =>
    sentence(
      str(e, 'provider') ? `With ${str(e, 'provider')}` : 'Therapy started',
      bool(e, 'policeAndCpsInformed') === true ? 'Police and CPS told' : bool(e, 'policeAndCpsInformed') === false ? 'Police and CPS not told yet' : undefined,
    ),
  court_familiarisation_visit: (e) => sentence(`${capital(word(str(e, 'visitType')) || 'a')} visit${str(e, 'court') ? ` to ${str(e, 'court')}` : ''}`),
  vps_offered: (e) => sentence(word(str(e, 'response')) || 'Offered the chance to make a statement'),
  vps_made: (e) =>
    sentence(
      bool(e, 'isUpdate') ? 'An updated statement' : 'Statement made',
      str(e, 'readingPreference') ? `Would like ${word(str(e, 'readingPreference'))}` : undefined,
    ),
  trial_started: () => 'The trial began.',
  case_outcome: (e) =>
    sentence(
      str(e, 'outcome') ? outcomeLabel(str(e, 'outcome')!) : 'Outcome recorded',
      str(e, 'unsuccessfulReason') ? `Reason: ${reasonLabel(str(e, 'unsuccessfulReason')!)}` : undefined,
    ),
  sentenced: (e) => {
    const months = detail<unknown>(e, 'custodyMonths')
    const custody = typeof months === 'number' ? (months === 0 ? undefined : `${months} ${months === 1 ? 'month' : 'months'} in custody`) : undefined
    return sentence(custody, str(e, 'otherDisposal') ? clip(str(e, 'otherDisposal')!) : undefined, bool(e, 'hospitalOrder') ? 'Hospital order' : undefined, !custody && !str(e, 'otherDisposal') && !bool(e, 'hospitalOrder') && 'Sentence passed')
  },
  appeal_lodged: (e) => sentence(`Appeal by ${word(str(e, 'appellant')) || 'a party'} against ${word(str(e, 'against')) || 'the decision'}`),
  appeal_outcome: (e) => sentence(word(str(e, 'result')) || 'Appeal decided'),
  vcs_referral_made: (e) =>
    sentence(bool(e, 'victimOptedIn') === true ? 'The victim agreed to join the scheme' : bool(e, 'victimOptedIn') === false ? 'The victim chose not to join the scheme' : 'Referral made'),
  vlo_contact_made: (e) => sentence(`The victim liaison officer made contact${str(e, 'method') ? ` ${word(str(e, 'method'))}` : ''}`),
  victim_withdrew_support: () => 'The victim no longer supports the prosecution.',
  case_finalised: () => 'The case is finished in court.',
}

/** A short plain-English description of an event's key details (never empty, never a name). */
export function describeEvent(event: DescribableEvent): string {
  const describe = (DESCRIBE as Record<string, Describer | undefined>)[event.type]
  const text = describe ? describe(event) : 'Event recorded.'
  const who = event.defendant?.label ? `${event.defendant.label}: ` : ''
  return `${who}${text || 'Event recorded.'}`
}

/** Every event type has a describer (for tests). */
export const DESCRIBED_TYPES = Object.keys(DESCRIBE) as EventTypeId[]
