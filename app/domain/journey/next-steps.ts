// What is expected next on one suspect's path (or the case before any suspect), in plain words.
// Pure. The stage alone is not enough: a step the journal already records (the crime recorded,
// the victim's ABE interview, the suspect's interview, a ground rules hearing or trial held) is
// never asked for again.
import { hearingTypeLabel, type HearingType } from './events'
import type { StageId } from './stages'

const NEXT_STEP: Record<StageId, string> = {
  reported: 'Police to record the crime and begin the investigation',
  investigation: 'Police investigation: interviews and gathering evidence',
  suspect_released: 'Police decision: send the file to the CPS, or no further action',
  charging_decision: 'Charging decision from CPS',
  first_hearing_mags: 'First hearing at the magistrates’ or youth court',
  ptph: 'Plea and trial preparation hearing',
  s28_recording: 'Ground rules hearing and pre-recorded cross-examination (section 28)',
  trial: 'Trial',
  verdict: 'Verdict',
  sentence: 'Sentencing hearing',
  appeal_window: 'Appeal window: an appeal or an unduly lenient sentence referral may be made',
  post_sentence: 'Victim Contact Scheme: updates about the sentence from the victim liaison officer',
  nfa: '',
  discontinued: '',
  closed: '',
}

/** The plain-English next step for a stage, with no case-specific detail. */
export function nextStepFor(stage: StageId): string {
  return NEXT_STEP[stage]
}

const londonDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
export function formatLondonDate(d: Date): string {
  return londonDate.format(d)
}

/** What the journal says about one path, as far as its next step depends on it. */
export interface PathFacts {
  stage: StageId
  /** Event types recorded on this path (case-wide ones included), corrections applied. */
  recorded: ReadonlySet<string>
  /** A suspect's own path (false: the case before any suspect is named). */
  hasSuspect: boolean
  /** The outstanding hearing that sets the stage, if any. */
  hearing?: { type: HearingType; at: Date; court: string }
  /** The type of the last hearing held on a court path. */
  lastHeld?: HearingType
  bailEndDate?: Date
  trialStarted?: boolean
  /** After sentence: when the appeal window closes; appealPending while an appeal is outstanding. */
  appealWindowEnds?: Date
  appealPending?: boolean
}

function investigationStep(f: PathFacts): string {
  const abeDone = f.recorded.has('abe_interview')
  const suspectDone = !f.hasSuspect || f.recorded.has('suspect_interviewed')
  if (abeDone && suspectDone) return 'Police investigation: gathering evidence, then a decision on sending the file to the CPS'
  if (abeDone) return 'Police investigation: interviewing the suspect and gathering evidence'
  if (f.hasSuspect && suspectDone) return 'Police investigation: the victim’s ABE interview and gathering evidence'
  return NEXT_STEP.investigation
}

/** The next step on one path: a listed hearing by date and court, otherwise what is not yet recorded. */
export function describeNextStep(f: PathFacts): string {
  const { stage, hearing } = f
  if (hearing) return `${hearingTypeLabel(hearing.type)} on ${formatLondonDate(hearing.at)}${hearing.court ? ` at ${hearing.court}` : ''}`
  switch (stage) {
    case 'reported':
      return f.recorded.has('crime_recorded') ? 'Police to begin the investigation' : NEXT_STEP.reported
    case 'investigation':
      return investigationStep(f)
    case 'suspect_released':
      return f.bailEndDate ? `${NEXT_STEP.suspect_released} (bail ends ${formatLondonDate(f.bailEndDate)})` : NEXT_STEP.suspect_released
    case 's28_recording':
      return f.lastHeld === 'ground_rules' ? hearingTypeLabel('s28_recording') : NEXT_STEP.s28_recording
    case 'trial':
      return f.trialStarted || f.lastHeld === 'trial' ? 'Verdict at the end of the trial' : NEXT_STEP.trial
    case 'appeal_window':
      if (f.appealPending) return 'Appeal decision'
      return f.appealWindowEnds ? `${NEXT_STEP.appeal_window} until ${formatLondonDate(f.appealWindowEnds)}` : NEXT_STEP.appeal_window
    default:
      return NEXT_STEP[stage]
  }
}
