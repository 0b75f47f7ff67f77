// The current stage of a case and of each suspect/defendant, derived from the journal. Pure: the same journal and `now` always give the same answer, whatever order the
// events arrive in (they are sorted by occurredAt, then recordedAt, then id) and however many
// corrections there are (superseded events are ignored).
//
// Per defendant, the journal moves a path through phases:
//   pre-charge  reported → investigation ⇄ suspect_released (bail / RUI) → charging_decision (file
//               with CPS) — the latest police step decides; once the file is with CPS the stage
//               stays charging_decision until a decision.
//   court       after suspect_charged (or a retrial): first_hearing_mags / ptph / s28_recording /
//               trial, from the hearings: the earliest outstanding hearing decides; with none
//               outstanding, the step after the last hearing held (first hearing → PTPH, PTPH →
//               trial, ground rules → s28, s28 → trial). A hearing with an outcome of ineffective or
//               adjourned does not count (it needs relisting); a past hearing with no outcome
//               recorded counts as held. trial_started, or a trial held, means trial.
//   convicted   guilty plea to all charges, or a conviction outcome → sentence.
//   sentenced   appeal_window for 28 days after sentence (appeal and unduly lenient sentence
//               scheme limits), or while an appeal is outstanding; then post_sentence.
//   exits       nfa (released NFA, police or CPS no-charge decision, decision not to investigate),
//               discontinued (CPS discontinued all charges; outcome discontinued, withdrawn or
//               offered no evidence), closed (out-of-court disposal; acquittal, dismissal, left on
//               file and other unsuccessful outcomes; conviction quashed on appeal; case_finalised
//               for any path not yet sentenced).
// A later police step after NFA (a new arrest, a charge) reopens the path, as does a new charge
// after discontinuance. 'verdict' (in stages.ts) is never derived: a verdict moves the path on.
//
// The case stage is the least advanced open defendant; when every defendant has exited, the
// shared exit (nfa / discontinued) or closed when they differ; with no defendant yet, reported
// until an investigative step, then investigation (or nfa after a decision not to investigate).
import { DROPPED_OUTCOMES, eventType, hearingTypeLabel, isConvictionOutcome, isEventType, type HearingType } from './events'
import { detail, detailDate, effectiveJournal, type JournalEvent } from './journal'
import { describeNextStep } from './next-steps'
import { isExitStage, stageLabel, stageRank, type StageId } from './stages'

export { formatLondonDate, nextStepFor } from './next-steps'

export const APPEAL_WINDOW_DAYS = 28
const DAY = 24 * 60 * 60 * 1000

export interface DeriveOptions {
  now: Date
  /** Suspects/defendants on the case; those with no events yet take the case-level stage. */
  defendantIds?: readonly string[]
}

export interface UpcomingHearing {
  eventId: string
  hearingType: HearingType
  label: string
  court: string
  hearingAt: Date
  /** Absent: the hearing is for every defendant on the case. */
  defendantId: string | null
  receivedAt: Date | null
}

export interface DefendantJourney {
  defendantId: string
  stage: StageId
  stageLabel: string
  /** Plain-English description of what is expected next ('' when the path has ended). */
  nextStep: string
}

export interface JourneyState {
  caseStage: StageId
  caseStageLabel: string
  defendants: DefendantJourney[]
  upcomingHearings: UpcomingHearing[]
  /** What is expected next across the open paths, without repeats. */
  nextSteps: string[]
}

// ---------------------------------------------------------------------------------------------

const INVESTIGATIVE = new Set([
  'abe_interview',
  'intermediary_requested',
  'strategy_discussion',
  'suspect_arrested',
  'suspect_interviewed',
  'suspect_bailed',
  'suspect_released_under_investigation',
  'bail_conditions_changed',
  'file_to_cps',
])

/** Court hearings that mark the pre-trial and trial stages (bail, sentence and appeal do not). */
const COURT_STAGE_OF: Partial<Record<HearingType, StageId>> = {
  first_hearing: 'first_hearing_mags',
  ptph: 'ptph',
  ground_rules: 's28_recording',
  s28_recording: 's28_recording',
  trial: 'trial',
}
const AFTER_HELD: Partial<Record<HearingType, StageId>> = {
  first_hearing: 'ptph',
  ptph: 'trial',
  ground_rules: 's28_recording',
  s28_recording: 'trial',
  trial: 'trial',
}

type Phase = 'pre' | 'court' | 'convicted' | 'sentenced' | 'appeal' | 'exit'

interface PathState {
  phase: Phase
  pre: 'reported' | 'investigation' | 'suspect_released'
  withCps: boolean
  exit: StageId
  courtSince: number
  /** Where a court path with no hearings yet stands: first hearing after charge; trial after a retrial is ordered. */
  courtDefault: StageId
  trialStarted: boolean
  sentencedAt: number
  appealDecided: boolean
  bailEndDate?: Date
  /** Event types recorded on this path, so a next step never asks for one already done. */
  recorded: Set<string>
}

interface Hearing {
  event: JournalEvent
  type: HearingType
  at: Date
  court: string
  outcome?: string
}

/** Does this event apply to this defendant's path? (null = the case with no defendant.) */
function appliesTo(e: JournalEvent, defendantId: string | null): boolean {
  if (e.defendantId) return e.defendantId === defendantId
  if (!isEventType(e.type)) return false
  return eventType(e.type).defendant !== 'required'
}

function runPath(journal: readonly JournalEvent[], defendantId: string | null): PathState {
  const s: PathState = {
    phase: 'pre',
    pre: 'reported',
    withCps: false,
    exit: 'closed',
    courtSince: 0,
    courtDefault: 'first_hearing_mags',
    trialStarted: false,
    sentencedAt: 0,
    appealDecided: false,
    recorded: new Set(),
  }
  const exitTo = (stage: StageId) => {
    s.phase = 'exit'
    s.exit = stage
  }
  const reopenPre = () => {
    if (s.phase === 'exit' && s.exit === 'nfa') {
      s.phase = 'pre'
      s.withCps = false
    }
  }
  const startCourt = (at: number, stage: StageId = 'first_hearing_mags') => {
    s.phase = 'court'
    s.courtSince = at
    s.courtDefault = stage
    s.trialStarted = false
  }

  for (const e of journal) {
    if (!appliesTo(e, defendantId)) continue
    s.recorded.add(e.type)
    const at = e.occurredAt.getTime()
    // A police step for this very path (not a case-wide one) reopens it after no further action.
    if (INVESTIGATIVE.has(e.type) && (e.defendantId ?? null) === defendantId) reopenPre()
    switch (e.type) {
      case 'suspect_arrested':
      case 'suspect_interviewed':
        if (s.phase === 'pre') s.pre = 'investigation'
        break
      case 'abe_interview':
      case 'intermediary_requested':
      case 'strategy_discussion':
        if (s.phase === 'pre' && s.pre === 'reported') s.pre = 'investigation'
        break
      case 'suspect_bailed':
        if (s.phase === 'pre') {
          s.pre = 'suspect_released'
          s.bailEndDate = detailDate(e, 'bailEndDate')
        }
        break
      case 'suspect_released_under_investigation':
        if (s.phase === 'pre') {
          s.pre = 'suspect_released'
          s.bailEndDate = undefined
        }
        break
      case 'bail_conditions_changed':
        if (s.phase === 'pre') {
          s.pre = 'suspect_released'
          if (detail(e, 'change') === 'cancelled') s.bailEndDate = undefined
          else s.bailEndDate = detailDate(e, 'newBailEndDate') ?? s.bailEndDate
        }
        break
      case 'file_to_cps':
        if (s.phase === 'pre') {
          s.withCps = true
          if (s.pre === 'reported') s.pre = 'investigation'
        }
        break
      case 'decision_not_to_investigate':
      case 'suspect_released_nfa':
      case 'police_no_charge_decision':
      case 'cps_no_charge_decision':
        if (s.phase === 'pre') exitTo('nfa')
        break
      case 'out_of_court_disposal':
        if (s.phase === 'pre') exitTo('closed')
        break
      case 'suspect_charged':
        if (s.phase === 'pre' || (s.phase === 'exit' && s.exit !== 'closed')) startCourt(at)
        break
      case 'cps_discontinued':
        if ((s.phase === 'pre' || s.phase === 'court') && detail(e, 'scope') === 'all_charges') exitTo('discontinued')
        break
      case 'trial_started':
        if (s.phase === 'court') s.trialStarted = true
        break
      case 'guilty_plea':
        if (s.phase === 'court' && detail(e, 'toAllCharges') === true) s.phase = 'convicted'
        break
      case 'case_outcome': {
        const outcome = detail<string>(e, 'outcome') ?? ''
        if (s.phase === 'sentenced' || s.phase === 'appeal') break
        if (isConvictionOutcome(outcome)) s.phase = 'convicted'
        else if ((DROPPED_OUTCOMES as readonly string[]).includes(outcome)) exitTo('discontinued')
        else exitTo('closed')
        break
      }
      case 'sentenced':
        if (s.phase !== 'exit') {
          s.phase = 'sentenced'
          s.sentencedAt = at
          s.appealDecided = false
        }
        break
      case 'appeal_lodged':
        if (s.phase === 'sentenced' || s.phase === 'convicted') s.phase = 'appeal'
        break
      case 'hearing_listed':
        if (detail(e, 'hearingType') === 'appeal' && (s.phase === 'sentenced' || s.phase === 'convicted')) s.phase = 'appeal'
        break
      case 'appeal_outcome': {
        const result = detail<string>(e, 'result')
        if (s.phase !== 'appeal' && s.phase !== 'sentenced' && s.phase !== 'convicted') break
        if (result === 'conviction_quashed') exitTo('closed')
        else if (result === 'retrial_ordered') startCourt(at, 'trial')
        else {
          s.phase = s.sentencedAt ? 'sentenced' : 'convicted'
          s.appealDecided = true
        }
        break
      }
      case 'case_finalised':
        if (s.phase === 'pre' || s.phase === 'court' || s.phase === 'convicted') exitTo('closed')
        break
    }
  }
  return s
}

function hearingsOf(journal: readonly JournalEvent[]): Hearing[] {
  const hearings = new Map<string, Hearing>()
  for (const e of journal) {
    if (e.type === 'hearing_listed') {
      const at = detailDate(e, 'hearingAt')
      const type = detail<HearingType>(e, 'hearingType')
      if (at && type) hearings.set(e.id, { event: e, type, at, court: detail<string>(e, 'court') ?? '' })
    } else if (e.type === 'hearing_outcome') {
      // The latest outcome recorded for a hearing wins (journal is in order).
      const h = hearings.get(detail<string>(e, 'hearingEventId') ?? '')
      const result = detail<string>(e, 'result')
      if (h && result) h.outcome = result
    }
  }
  return [...hearings.values()]
}

interface PathStage {
  stage: StageId
  hearing?: Hearing
  lastHeld?: HearingType
}

function courtStage(s: PathState, hearings: readonly Hearing[], defendantId: string | null, now: Date): PathStage {
  const mine = hearings.filter(
    (h) =>
      COURT_STAGE_OF[h.type] !== undefined &&
      (!h.event.defendantId || h.event.defendantId === defendantId) &&
      h.event.occurredAt.getTime() >= s.courtSince,
  )
  const held = (h: Hearing) => h.outcome === 'effective' || h.outcome === 'cracked' || (h.outcome === undefined && h.at.getTime() <= now.getTime())
  const vacated = (h: Hearing) => h.outcome === 'ineffective' || h.outcome === 'adjourned'
  if (s.trialStarted || mine.some((h) => h.type === 'trial' && held(h))) return { stage: 'trial', lastHeld: s.trialStarted ? undefined : 'trial' }
  const outstanding = mine.filter((h) => !held(h) && !vacated(h)).sort((a, b) => a.at.getTime() - b.at.getTime())
  if (outstanding[0]) return { stage: COURT_STAGE_OF[outstanding[0].type]!, hearing: outstanding[0] }
  const done = mine.filter(held).sort((a, b) => a.at.getTime() - b.at.getTime())
  const last = done[done.length - 1]
  return { stage: last ? AFTER_HELD[last.type]! : s.courtDefault, lastHeld: last?.type }
}

function pathStage(s: PathState, hearings: readonly Hearing[], defendantId: string | null, now: Date): PathStage {
  switch (s.phase) {
    case 'exit':
      return { stage: s.exit }
    case 'pre':
      return { stage: s.withCps ? 'charging_decision' : s.pre }
    case 'court':
      return courtStage(s, hearings, defendantId, now)
    case 'convicted':
      return { stage: 'sentence', hearing: nextHearingOfType(hearings, 'sentence', defendantId, now) }
    case 'appeal':
      return { stage: 'appeal_window', hearing: nextHearingOfType(hearings, 'appeal', defendantId, now) }
    case 'sentenced':
      return { stage: !s.appealDecided && now.getTime() < s.sentencedAt + APPEAL_WINDOW_DAYS * DAY ? 'appeal_window' : 'post_sentence' }
  }
}

function nextHearingOfType(hearings: readonly Hearing[], type: HearingType, defendantId: string | null, now: Date): Hearing | undefined {
  return hearings
    .filter((h) => h.type === type && h.outcome === undefined && h.at.getTime() > now.getTime() && (!h.event.defendantId || h.event.defendantId === defendantId))
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0]
}

/** The next step on one path, from its stage and what its journal already records. */
function nextStepOf(s: PathState, { stage, hearing, lastHeld }: PathStage, hasSuspect: boolean): string {
  return describeNextStep({
    stage,
    recorded: s.recorded,
    hasSuspect,
    hearing: hearing && { type: hearing.type, at: hearing.at, court: hearing.court },
    lastHeld,
    bailEndDate: s.bailEndDate,
    trialStarted: s.trialStarted,
    appealWindowEnds: s.phase === 'sentenced' ? new Date(s.sentencedAt + APPEAL_WINDOW_DAYS * DAY) : undefined,
    appealPending: s.phase === 'appeal',
  })
}

// ---------------------------------------------------------------------------------------------

/** Hearings listed on the case, not yet held (no outcome), not corrected away, after `now`; soonest first. */
export function upcomingHearings(events: readonly JournalEvent[], now: Date): UpcomingHearing[] {
  return hearingsOf(effectiveJournal(events))
    .filter((h) => h.outcome === undefined && h.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.event.id < b.event.id ? -1 : 1))
    .map((h) => ({
      eventId: h.event.id,
      hearingType: h.type,
      label: hearingTypeLabel(h.type),
      court: h.court,
      hearingAt: h.at,
      defendantId: h.event.defendantId ?? null,
      receivedAt: h.event.receivedAt ?? null,
    }))
}

/** The stage of the case and of each defendant, upcoming hearings and the next steps expected. */
export function deriveJourney(events: readonly JournalEvent[], options: DeriveOptions): JourneyState {
  const { now } = options
  const journal = effectiveJournal(events)
  const hearings = hearingsOf(journal)

  const ids = new Set<string>(options.defendantIds ?? [])
  for (const e of journal) if (e.defendantId) ids.add(e.defendantId)
  const defendantIds = [...ids].sort()

  const defendants: DefendantJourney[] = defendantIds.map((id) => {
    const s = runPath(journal, id)
    const at = pathStage(s, hearings, id, now)
    return { defendantId: id, stage: at.stage, stageLabel: stageLabel(at.stage), nextStep: nextStepOf(s, at, true) }
  })

  let caseStage: StageId
  let nextSteps: string[]
  if (defendants.length === 0) {
    const s = runPath(journal, null)
    const at = pathStage(s, hearings, null, now)
    caseStage = at.stage
    const step = nextStepOf(s, { stage: at.stage }, false)
    nextSteps = step ? [step] : []
  } else {
    const open = defendants.filter((d) => !isExitStage(d.stage))
    if (open.length > 0) {
      caseStage = open.reduce((least, d) => (stageRank(d.stage)! < stageRank(least.stage)! ? d : least)).stage
    } else {
      const exits = new Set(defendants.map((d) => d.stage))
      caseStage = exits.size === 1 ? defendants[0]!.stage : 'closed'
    }
    nextSteps = [...new Set(open.map((d) => d.nextStep).filter(Boolean))]
  }

  return {
    caseStage,
    caseStageLabel: stageLabel(caseStage),
    defendants,
    upcomingHearings: upcomingHearings(events, now),
    nextSteps,
  }
}

/** Just the case stage (what the service stores on Case.stage for indexed lists). */
export function deriveCaseStage(events: readonly JournalEvent[], options: DeriveOptions): StageId {
  return deriveJourney(events, options).caseStage
}
