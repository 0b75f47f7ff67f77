// The form for one type of journey event: which questions it asks (only that type's
// fields), how the submitted values become the input JourneyEventInputSchema checks, and how a
// stored event becomes the starting values of a correction. Pure: no I/O, no React.
//
// Field names follow Conform's conventions: 'occurredAt.day', 'details.charges[0].offence'. Dates
// are GOV.UK date inputs (day, month, year) with an optional 24-hour time beside them; a date and
// time is the wall-clock time in England and Wales.
import { TZDate } from '@date-fns/tz'
import { isDateBlank, parseDateParts, type DateParts } from '~/domain/calendar/date-parts'
import {
  AGENCIES,
  APPEAL_RESULTS,
  ASSESSED_BY,
  BAIL_RESULTS,
  CASE_OUTCOMES,
  eventType,
  HEARING_RESULTS,
  HEARING_TYPES,
  HOME_OFFICE_OUTCOMES,
  journeyEventInputSchema,
  NFA_OUTCOME_CODES,
  OOCD,
  REPORTED_BY,
  SPECIAL_MEASURES,
  toJourneyIssues,
  UNSUCCESSFUL_REASONS,
  VPS_PREFERENCES,
  type EventTypeId,
  type JourneyEventInput,
  type JourneyIssue,
} from './events'
import { detail } from './journal'

export interface Choice {
  value: string
  label: string
}

interface Base {
  /** The key in `details`. */
  name: string
  label: string
  hint?: string
}

export type FieldSpec =
  | (Base & { kind: 'text'; width?: 10 | 20 | 30 })
  | (Base & { kind: 'textarea' })
  | (Base & { kind: 'number'; suffix?: string })
  | (Base & { kind: 'date'; withTime?: boolean })
  | (Base & { kind: 'radios'; options: readonly Choice[] })
  | (Base & { kind: 'select'; options: readonly Choice[] })
  | (Base & { kind: 'checkboxes'; options: readonly Choice[] })
  | (Base & { kind: 'yesno' })
  /** A hearing listed on this case (the options come from the journal). */
  | (Base & { kind: 'hearing'; optional: boolean })
  /** Up to CHARGE_ROWS offences, one text box each; empty boxes are ignored. */
  | (Base & { kind: 'charges' })
  /** For each special measure: granted, refused or not decided. */
  | (Base & { kind: 'measureDecisions' })

export const CHARGE_ROWS = 5
/** The answer for a special measure the court has not decided (left out of the decisions). */
export const NOT_DECIDED = 'not_decided'

const opts = (ids: readonly string[], labels: Record<string, string>): Choice[] => ids.map((id) => ({ value: id, label: labels[id] ?? id }))
const fromList = (list: readonly { id: string; label: string }[]): Choice[] => list.map((x) => ({ value: x.id, label: x.label }))

const REPORTED_BY_LABELS: Record<string, string> = {
  victim: 'The child or young person',
  parent_or_carer: 'A parent or carer',
  professional: 'A professional (school, social care, health)',
  other: 'Someone else',
}
const ASSESSED_BY_LABELS: Record<string, string> = { police: 'Police', advocate: 'Advocate (ISVA, ChISVA or support worker)', witness_care: 'Witness care' }
const AGENCY_LABELS: Record<string, string> = {
  police: 'Police',
  childrens_social_care: 'Children’s social care',
  health: 'Health',
  education: 'Education',
  advocate_service: 'Advocacy service',
  youth_justice: 'Youth justice',
  other: 'Other',
}
const OOCD_LABELS: Record<string, string> = {
  youth_caution: 'Youth caution',
  youth_conditional_caution: 'Youth conditional caution',
  adult_caution: 'Adult caution',
  adult_conditional_caution: 'Adult conditional caution',
  community_resolution: 'Community resolution',
  diversionary_activity: 'Diversionary, educational or intervention activity',
}
const BAIL_RESULT_LABELS: Record<string, string> = {
  remanded_in_custody: 'Remanded in custody',
  conditional_bail: 'Conditional bail',
  unconditional_bail: 'Unconditional bail',
  bail_varied: 'Bail varied',
  warrant_issued: 'Warrant issued',
}
const VPS_LABELS: Record<string, string> = {
  read_by_victim: 'The victim reads it aloud',
  read_by_prosecutor: 'The prosecutor reads it aloud',
  recording_played: 'A recording is played',
  not_read_aloud: 'The judge reads it but it is not read aloud',
  no_preference: 'No preference',
}
const APPEAL_RESULT_LABELS: Record<string, string> = {
  dismissed: 'Appeal dismissed',
  conviction_quashed: 'Conviction quashed',
  retrial_ordered: 'Retrial ordered',
  sentence_reduced: 'Sentence reduced',
  sentence_increased: 'Sentence increased',
  sentence_unchanged: 'Sentence unchanged',
}
const HEARING_RESULT_LABELS: Record<string, string> = {
  effective: 'Effective – the hearing went ahead',
  ineffective: 'Ineffective – it could not go ahead and must be relisted',
  cracked: 'Cracked – ended without a trial (for example a late guilty plea)',
  adjourned: 'Adjourned',
}

const yesno = (name: string, label: string, hint?: string): FieldSpec => ({ kind: 'yesno', name, label, hint })
const notes = (label = 'Notes (optional)'): FieldSpec => ({ kind: 'textarea', name: 'notes', label, hint: 'Do not include names.' })

/** The questions each type of event asks, beyond the date and who it is about. */
export const EVENT_FIELDS: Record<EventTypeId, readonly FieldSpec[]> = {
  crime_reported: [
    { kind: 'radios', name: 'reportedBy', label: 'Who reported the crime?', options: opts(REPORTED_BY, REPORTED_BY_LABELS) },
    { kind: 'textarea', name: 'summary', label: 'Summary (optional)', hint: 'Do not include names.' },
  ],
  crime_recorded: [notes()],
  needs_assessment_completed: [
    { kind: 'radios', name: 'assessedBy', label: 'Who carried out the needs assessment?', options: opts(ASSESSED_BY, ASSESSED_BY_LABELS) },
    yesno('enhancedRightsIdentified', 'Was the child identified as entitled to enhanced rights?'),
    { kind: 'textarea', name: 'needs', label: 'Needs identified (optional)' },
  ],
  referred_to_support_service: [
    { kind: 'text', name: 'service', label: 'Support service', width: 30 },
    yesno('consentGiven', 'Did the child or their parent agree to the referral?'),
  ],
  abe_interview: [
    { kind: 'text', name: 'interviewer', label: 'Interviewer', hint: 'Name and rank or role', width: 30 },
    yesno('intermediaryPresent', 'Was a registered intermediary present?'),
    { kind: 'text', name: 'supporter', label: 'Supporter present (optional)', hint: 'For example, the child’s ISVA', width: 30 },
    { kind: 'text', name: 'location', label: 'Where the interview took place (optional)', hint: 'For example, a video interview suite', width: 30 },
  ],
  intermediary_requested: [
    { kind: 'radios', name: 'requestedBy', label: 'Who requested the intermediary?', options: [{ value: 'police', label: 'Police' }, { value: 'cps', label: 'CPS' }] },
    { kind: 'text', name: 'reference', label: 'Witness Intermediary Scheme reference (optional)', width: 20 },
  ],
  strategy_discussion: [
    { kind: 'checkboxes', name: 'agencies', label: 'Which agencies took part?', hint: 'Select all that apply.', options: opts(AGENCIES, AGENCY_LABELS) },
    { kind: 'textarea', name: 'decisions', label: 'Decisions (optional)' },
  ],
  decision_not_to_investigate: [{ kind: 'textarea', name: 'reason', label: 'Reason for the decision' }],
  suspect_arrested: [{ kind: 'textarea', name: 'suspectedOffences', label: 'Suspected offences (optional)' }],
  suspect_interviewed: [
    {
      kind: 'radios',
      name: 'interviewType',
      label: 'Was the interview in custody or voluntary?',
      options: [{ value: 'in_custody', label: 'In custody' }, { value: 'voluntary', label: 'Voluntary' }],
    },
  ],
  suspect_bailed: [
    { kind: 'date', name: 'bailEndDate', label: 'Date bail ends', hint: 'For example, 27 3 2027' },
    { kind: 'textarea', name: 'conditions', label: 'Bail conditions (optional)', hint: 'For example, not to contact the victim. Do not include addresses.' },
    yesno('victimViewsSought', 'Were the victim’s views on bail conditions sought? (optional)'),
  ],
  suspect_released_under_investigation: [notes()],
  bail_conditions_changed: [
    {
      kind: 'radios',
      name: 'change',
      label: 'How did bail change?',
      options: [{ value: 'varied', label: 'Conditions varied' }, { value: 'extended', label: 'Bail extended' }, { value: 'cancelled', label: 'Bail cancelled' }],
    },
    { kind: 'date', name: 'newBailEndDate', label: 'New date bail ends (if bail was extended)' },
    { kind: 'textarea', name: 'conditions', label: 'Bail conditions now (optional)', hint: 'Do not include addresses.' },
  ],
  suspect_released_nfa: [
    { kind: 'select', name: 'homeOfficeOutcomeCode', label: 'Home Office outcome code', options: nfaCodes() },
    { kind: 'textarea', name: 'reason', label: 'Reason (optional)' },
  ],
  file_to_cps: [
    {
      kind: 'radios',
      name: 'requestType',
      label: 'What did the police ask the CPS for?',
      options: [
        { value: 'full_code_test', label: 'A charging decision on the full Code test' },
        { value: 'threshold_test', label: 'A charging decision on the threshold test' },
        { value: 'early_advice', label: 'Early investigative advice' },
      ],
    },
  ],
  suspect_charged: [
    { kind: 'charges', name: 'charges', label: 'Charges', hint: 'One offence in each box.' },
    {
      kind: 'radios',
      name: 'remandStatus',
      label: 'Was the defendant remanded or bailed?',
      options: [
        { value: 'custody', label: 'Remanded in custody' },
        { value: 'conditional_bail', label: 'Conditional bail' },
        { value: 'unconditional_bail', label: 'Unconditional bail' },
      ],
    },
  ],
  police_no_charge_decision: [
    { kind: 'select', name: 'homeOfficeOutcomeCode', label: 'Home Office outcome code (optional)', options: nfaCodes() },
    { kind: 'textarea', name: 'reason', label: 'Reason for the decision' },
  ],
  cps_no_charge_decision: [
    {
      kind: 'radios',
      name: 'reason',
      label: 'Why did the CPS decide not to charge?',
      options: [{ value: 'evidential', label: 'Evidential – not enough evidence' }, { value: 'public_interest', label: 'Not in the public interest' }],
    },
    { kind: 'textarea', name: 'explanation', label: 'Explanation (optional)' },
  ],
  out_of_court_disposal: [
    { kind: 'radios', name: 'disposal', label: 'Which out-of-court disposal?', options: opts(OOCD, OOCD_LABELS) },
    { kind: 'radios', name: 'decidedBy', label: 'Who decided it?', options: [{ value: 'police', label: 'Police' }, { value: 'cps', label: 'CPS' }] },
  ],
  cps_discontinued: [
    {
      kind: 'radios',
      name: 'scope',
      label: 'Were all charges discontinued?',
      options: [{ value: 'all_charges', label: 'All charges' }, { value: 'some_charges', label: 'Some charges' }],
    },
    { kind: 'radios', name: 'reason', label: 'Reason', options: fromList(UNSUCCESSFUL_REASONS) },
    { kind: 'textarea', name: 'explanation', label: 'Explanation (optional)' },
  ],
  hearing_listed: [
    { kind: 'radios', name: 'hearingType', label: 'Type of hearing', options: fromList(HEARING_TYPES) },
    { kind: 'text', name: 'court', label: 'Court', width: 30 },
    { kind: 'date', name: 'hearingAt', label: 'Date of the hearing', withTime: true },
  ],
  hearing_outcome: [
    { kind: 'hearing', name: 'hearingEventId', label: 'Which hearing?', optional: false },
    { kind: 'radios', name: 'result', label: 'What happened at the hearing?', options: opts(HEARING_RESULTS, HEARING_RESULT_LABELS) },
    { kind: 'textarea', name: 'reason', label: 'Reason', hint: 'Needed if the hearing was ineffective or adjourned.' },
  ],
  bail_hearing_outcome: [
    { kind: 'radios', name: 'result', label: 'Outcome of the bail hearing', options: opts(BAIL_RESULTS, BAIL_RESULT_LABELS) },
    { kind: 'textarea', name: 'conditions', label: 'Bail conditions (optional)', hint: 'Do not include addresses.' },
    { kind: 'hearing', name: 'hearingEventId', label: 'Which hearing? (optional)', optional: true },
  ],
  not_guilty_plea: [{ kind: 'textarea', name: 'charges', label: 'Charges pleaded not guilty to (optional)' }],
  guilty_plea: [
    yesno('toAllCharges', 'Did the defendant plead guilty to all charges?'),
    { kind: 'textarea', name: 'charges', label: 'Charges pleaded guilty to', hint: 'Needed if the plea was not to all charges.' },
  ],
  witness_required: [{ kind: 'hearing', name: 'hearingEventId', label: 'For which hearing? (optional)', optional: true }],
  special_measures_applied: [
    { kind: 'checkboxes', name: 'measures', label: 'Which special measures were applied for?', hint: 'Select all that apply.', options: fromList(SPECIAL_MEASURES) },
  ],
  special_measures_decision: [
    { kind: 'measureDecisions', name: 'decisions', label: 'Decision on each special measure', hint: 'Answer for each measure the court decided.' },
    { kind: 'hearing', name: 'hearingEventId', label: 'At which hearing? (optional)', optional: true },
  ],
  pre_trial_therapy_started: [
    { kind: 'text', name: 'provider', label: 'Therapy provider', width: 30 },
    yesno('policeAndCpsInformed', 'Have the police and CPS been told about the therapy?'),
  ],
  court_familiarisation_visit: [
    { kind: 'text', name: 'court', label: 'Court', width: 30 },
    { kind: 'radios', name: 'visitType', label: 'Type of visit', options: [{ value: 'in_person', label: 'In person' }, { value: 'virtual', label: 'Virtual' }] },
  ],
  vps_offered: [
    {
      kind: 'radios',
      name: 'response',
      label: 'What did the victim say?',
      options: [
        { value: 'wants_to_make', label: 'Wants to make a statement' },
        { value: 'declined', label: 'Declined' },
        { value: 'undecided', label: 'Has not decided yet' },
      ],
    },
  ],
  vps_made: [
    { kind: 'radios', name: 'readingPreference', label: 'How would the victim like the statement used in court?', options: opts(VPS_PREFERENCES, VPS_LABELS) },
    yesno('isUpdate', 'Does this update an earlier statement?'),
  ],
  trial_started: [{ kind: 'hearing', name: 'hearingEventId', label: 'Which trial listing? (optional)', optional: true }],
  case_outcome: [
    { kind: 'radios', name: 'outcome', label: 'Outcome for this defendant', options: fromList(CASE_OUTCOMES) },
    { kind: 'radios', name: 'unsuccessfulReason', label: 'Reason, if the defendant was not convicted', options: fromList(UNSUCCESSFUL_REASONS) },
    { kind: 'textarea', name: 'explanation', label: 'Explanation (optional)' },
  ],
  sentenced: [
    { kind: 'number', name: 'custodyMonths', label: 'Custody (months)', hint: 'Leave blank if there was no custodial sentence.', suffix: 'months' },
    { kind: 'textarea', name: 'otherDisposal', label: 'Other sentence or orders', hint: 'For example, a community order or a sexual harm prevention order.' },
    yesno('hospitalOrder', 'Was a hospital order made? (optional)'),
  ],
  appeal_lodged: [
    {
      kind: 'radios',
      name: 'appellant',
      label: 'Who lodged the appeal or referral?',
      options: [{ value: 'defendant', label: 'The defendant' }, { value: 'attorney_general', label: 'The Attorney General (unduly lenient sentence)' }],
    },
    {
      kind: 'radios',
      name: 'against',
      label: 'What is it against?',
      options: [{ value: 'conviction', label: 'Conviction' }, { value: 'sentence', label: 'Sentence' }, { value: 'conviction_and_sentence', label: 'Conviction and sentence' }],
    },
  ],
  appeal_outcome: [{ kind: 'radios', name: 'result', label: 'Outcome of the appeal', options: opts(APPEAL_RESULTS, APPEAL_RESULT_LABELS) }],
  vcs_referral_made: [yesno('victimOptedIn', 'Did the victim agree to join the Victim Contact Scheme?')],
  vlo_contact_made: [
    {
      kind: 'radios',
      name: 'method',
      label: 'How did the victim liaison officer make contact?',
      options: [{ value: 'in_person', label: 'In person' }, { value: 'phone', label: 'Phone' }, { value: 'letter', label: 'Letter' }, { value: 'email', label: 'Email' }],
    },
  ],
  victim_withdrew_support: [{ kind: 'textarea', name: 'reason', label: 'Reason (optional)', hint: 'In the victim’s words if possible.' }],
  case_finalised: [notes()],
}

function nfaCodes(): Choice[] {
  return HOME_OFFICE_OUTCOMES.filter((o) => (NFA_OUTCOME_CODES as readonly string[]).includes(o.code)).map((o) => ({
    value: o.code,
    label: `${o.code} – ${o.label}`,
  }))
}

// ---------------------------------------------------------------------------------------------
// Submitted values → input

/** The payload as Conform parses a form: nested objects and arrays of strings. */
export type FormPayload = Record<string, unknown>

export interface ReadEventForm {
  /** What JourneyEventInputSchema accepted; absent when there are issues. */
  input?: JourneyEventInput
  issues: JourneyIssue[]
}

const str = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined
  const t = v.trim()
  return t === '' ? undefined : t
}
const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(str).filter((x): x is string => x !== undefined)
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/

/**
 * A GOV.UK date (plus an optional HH:MM time) in England and Wales → the instant. Blank → undefined
 * with no issue (the schema then says whether it was required).
 */
export function readDateTime(
  parts: unknown,
  time: unknown,
  label: string,
  path: string,
): { value?: Date; issues: JourneyIssue[] } {
  const p = obj(parts) as DateParts
  const t = str(time)
  if (isDateBlank(p)) {
    return t ? { issues: [{ path, message: `Enter ${label}` }] } : { issues: [] }
  }
  const parsed = parseDateParts(p, label, { minYear: 1990 })
  if (!parsed.ok) return { issues: [{ path, message: parsed.message }] }
  const d = parsed.date
  let hours = 0
  let minutes = 0
  if (t) {
    const m = TIME.exec(t)
    if (!m) return { issues: [{ path: `${path}Time`, message: 'Enter the time in 24-hour format, like 14:30' }] }
    hours = Number(m[1])
    minutes = Number(m[2])
  }
  const at = new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hours, minutes, 'Europe/London')
  return { value: new Date(at.getTime()), issues: [] }
}

/** The details object for one type, from the submitted `details` values. */
function readDetails(type: EventTypeId, raw: Record<string, unknown>): { details: Record<string, unknown>; issues: JourneyIssue[] } {
  const details: Record<string, unknown> = {}
  const issues: JourneyIssue[] = []
  for (const f of EVENT_FIELDS[type]) {
    const v = raw[f.name]
    switch (f.kind) {
      case 'checkboxes': {
        const values = list(v)
        if (values.length) details[f.name] = values
        break
      }
      case 'charges': {
        const charges = (Array.isArray(v) ? v : []).map((c) => str(obj(c).offence)).filter((x): x is string => x !== undefined)
        if (charges.length) details[f.name] = charges.map((offence) => ({ offence }))
        break
      }
      case 'measureDecisions': {
        const byMeasure = obj(v)
        const decisions = SPECIAL_MEASURES.flatMap((m) => {
          const decision = str(byMeasure[m.id])
          return decision && decision !== NOT_DECIDED ? [{ measure: m.id, decision }] : []
        })
        if (decisions.length) details[f.name] = decisions
        break
      }
      case 'number': {
        const s = str(v)
        if (s !== undefined) details[f.name] = /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN
        break
      }
      case 'date': {
        const noun = `the ${f.label.replace(/ \(.*\)$/, '').replace(/^./, (c) => c.toLowerCase())}`
        const read = readDateTime(v, f.withTime ? raw[`${f.name}Time`] : undefined, noun, `details.${f.name}`)
        issues.push(...read.issues)
        if (read.value) details[f.name] = read.value
        break
      }
      default: {
        const s = str(v)
        if (s !== undefined) details[f.name] = s
      }
    }
  }
  return { details, issues }
}

/**
 * Reads a submitted event form for `type`: GOV.UK dates become instants, empty answers are
 * dropped, and the result is checked against the type's schema. Every problem comes back with the
 * field's name, so the page can show it next to the field.
 */
export function readEventForm(type: EventTypeId, payload: FormPayload): ReadEventForm {
  const def = eventType(type)
  const occurred = readDateTime(payload.occurredAt, payload.occurredAtTime, `the date of ${def.dateOf}`, 'occurredAt')
  const received = def.receivedAt ? readDateTime(payload.receivedAt, undefined, 'the date witness care received it', 'receivedAt') : { issues: [] }
  const { details, issues: detailIssues } = readDetails(type, obj(payload.details))
  const raw = {
    type,
    occurredAt: occurred.value,
    receivedAt: 'value' in received ? received.value : undefined,
    defendantId: def.defendant === 'none' ? undefined : str(payload.defendantId),
    victimId: def.victim === 'none' ? undefined : str(payload.victimId),
    details,
    supersedesId: str(payload.supersedesId),
    correctionReason: str(payload.correctionReason),
  }
  const conversion = [...occurred.issues, ...received.issues, ...detailIssues]
  const parsed = journeyEventInputSchema(type).safeParse(raw)
  // A field that could not be read keeps its own message, not the schema's "Enter …".
  const taken = new Set(conversion.map((i) => i.path.replace(/Time$/, '')))
  const schemaIssues = parsed.success ? [] : toJourneyIssues(parsed.error).filter((i) => !taken.has(i.path))
  const issues = [...conversion, ...schemaIssues]
  if (issues.length > 0) return { issues }
  return { input: parsed.data as JourneyEventInput, issues: [] }
}

// ---------------------------------------------------------------------------------------------
// Stored event → form values (a correction starts from what was recorded)

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant → its England-and-Wales date parts and 'HH:MM' (blank at midnight). */
export function toLondonDateTime(at: Date | string): { parts: DateParts; time: string } {
  const parts = LONDON_PARTS.formatToParts(new Date(at))
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  const time = `${get('hour')}:${get('minute')}`
  return { parts: { day: String(Number(get('day'))), month: String(Number(get('month'))), year: get('year') }, time: time === '00:00' ? '' : time }
}

interface StoredEvent {
  type: EventTypeId
  occurredAt: Date | string
  receivedAt?: Date | string | null
  defendantId?: string | null
  victimId?: string | null
  details: unknown
}

/** The starting values of the form that corrects `event`. */
export function eventFormValues(event: StoredEvent): Record<string, unknown> {
  const occurred = toLondonDateTime(event.occurredAt)
  const details: Record<string, unknown> = {}
  for (const f of EVENT_FIELDS[event.type]) {
    const v = detail<unknown>(event, f.name)
    if (v === undefined || v === null) continue
    switch (f.kind) {
      case 'date': {
        const at = toLondonDateTime(v as string)
        details[f.name] = at.parts
        if (f.withTime) details[`${f.name}Time`] = at.time
        break
      }
      case 'yesno':
        details[f.name] = v === true ? 'yes' : v === false ? 'no' : undefined
        break
      case 'number':
        details[f.name] = String(v)
        break
      case 'charges':
        details[f.name] = (v as { offence: string }[]).map((c) => ({ offence: c.offence }))
        break
      case 'measureDecisions':
        details[f.name] = Object.fromEntries((v as { measure: string; decision: string }[]).map((m) => [m.measure, m.decision]))
        break
      default:
        details[f.name] = v
    }
  }
  return {
    occurredAt: occurred.parts,
    occurredAtTime: occurred.time,
    receivedAt: event.receivedAt ? toLondonDateTime(event.receivedAt).parts : undefined,
    defendantId: event.defendantId ?? '',
    victimId: event.victimId ?? '',
    details,
  }
}

