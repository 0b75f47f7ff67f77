// Finalisation: a case is finalised when every defendant on it has a final
// outcome — a police disposal (with its Home Office outcome code where recorded), a CPS decision not
// to charge, a discontinuance, or a CPS finalisation outcome after charge (case_outcome). Corrections
// are applied first (effectiveJournal), so a corrected-away outcome no longer counts.
//
// A sentence with no case outcome stands for a conviction (older records: guilty plea, then sentence).
// Later events reopen a defendant: a charge after a police or CPS no-charge decision, or an appeal
// that ordered a retrial. An appeal that quashed a conviction turns it into an unsuccessful outcome.
// Pure: no database, no clock.
import { CASE_OUTCOMES, isConvictionOutcome, type OOCD, type CaseOutcome } from '~/domain/journey/events'
import { detail, effectiveJournal, type JournalEvent } from '~/domain/journey/journal'
import type { DefendantFactor, ReviewOutcome } from './outcome'

export const FINAL_EVENT_TYPES = [
  'suspect_released_nfa',
  'police_no_charge_decision',
  'out_of_court_disposal',
  'cps_no_charge_decision',
  'cps_discontinued',
  'case_outcome',
] as const

export interface FinalisationDefendant {
  id: string
  label: string
}

export interface DefendantOutcome extends DefendantFactor {
  /** Was the defendant charged (and so prosecuted)? */
  prosecuted: boolean
  finalisedAt: Date
}

export type Finalisation =
  { finalised: false; outstanding: string[] } | { finalised: true; finalisedAt: Date; outcome: ReviewOutcome; defendants: DefendantOutcome[] }

const OOCD_LABELS: Record<(typeof OOCD)[number], string> = {
  youth_caution: 'Youth caution',
  youth_conditional_caution: 'Youth conditional caution',
  adult_caution: 'Adult caution',
  adult_conditional_caution: 'Adult conditional caution',
  community_resolution: 'Community resolution',
  diversionary_activity: 'Diversionary, educational or intervention activity',
}
const OOCD_CODES: Partial<Record<(typeof OOCD)[number], string>> = {
  youth_caution: '2',
  youth_conditional_caution: '2',
  adult_caution: '3',
  adult_conditional_caution: '3',
  community_resolution: '8',
  diversionary_activity: '22',
}

function outcomeOf(e: JournalEvent, d: FinalisationDefendant): DefendantOutcome {
  const base = { id: d.id, label: d.label, finalisedAt: e.occurredAt }
  switch (e.type) {
    case 'suspect_released_nfa':
    case 'police_no_charge_decision': {
      const code = detail<string>(e, 'homeOfficeOutcomeCode')
      return {
        ...base,
        outcomeCode: e.type,
        outcomeLabel: e.type === 'suspect_released_nfa' ? 'Released with no further action' : 'Police decided not to charge',
        conviction: null,
        prosecuted: false,
        ...(code ? { homeOfficeOutcome: code } : {}),
      }
    }
    case 'out_of_court_disposal': {
      const disposal = detail<(typeof OOCD)[number]>(e, 'disposal')
      const code = disposal ? OOCD_CODES[disposal] : undefined
      return {
        ...base,
        outcomeCode: e.type,
        outcomeLabel: `Out-of-court disposal${disposal && OOCD_LABELS[disposal] ? `: ${OOCD_LABELS[disposal].toLowerCase()}` : ''}`,
        conviction: null,
        prosecuted: false,
        ...(code ? { homeOfficeOutcome: code } : {}),
      }
    }
    case 'cps_no_charge_decision': {
      const reason = detail<string>(e, 'reason')
      return {
        ...base,
        outcomeCode: e.type,
        outcomeLabel: 'CPS decided not to charge',
        conviction: null,
        prosecuted: false,
        ...(reason ? { unsuccessfulReason: reason } : {}),
        // Home Office outcome 9 is the public-interest CPS decision; 15/16 are evidential (victim support unknown here).
        ...(reason === 'public_interest' ? { homeOfficeOutcome: '9' } : {}),
      }
    }
    case 'cps_discontinued': {
      const reason = detail<string>(e, 'reason')
      return {
        ...base,
        outcomeCode: e.type,
        outcomeLabel: 'Discontinued by the CPS',
        conviction: false,
        prosecuted: true,
        ...(reason ? { unsuccessfulReason: reason } : {}),
      }
    }
    default: {
      const outcome = detail<CaseOutcome>(e, 'outcome') ?? ''
      const conviction = isConvictionOutcome(outcome)
      const reason = detail<string>(e, 'unsuccessfulReason')
      return {
        ...base,
        outcomeCode: outcome,
        outcomeLabel: CASE_OUTCOMES.find((o) => o.id === outcome)?.label ?? outcome,
        conviction,
        prosecuted: true,
        ...(!conviction && reason ? { unsuccessfulReason: reason } : {}),
      }
    }
  }
}

function convictionBySentence(e: JournalEvent, d: FinalisationDefendant, pleaded: boolean): DefendantOutcome {
  const outcome: CaseOutcome = pleaded ? 'guilty_plea' : 'convicted_after_trial'
  return {
    id: d.id,
    label: d.label,
    finalisedAt: e.occurredAt,
    outcomeCode: outcome,
    outcomeLabel: CASE_OUTCOMES.find((o) => o.id === outcome)!.label,
    conviction: true,
    prosecuted: true,
  }
}

/**
 * One defendant's final outcome, or null while it is still outstanding. The journal must already be
 * effective (corrections applied) and in order. A charge after a no-charge decision reopens the
 * defendant; so does an appeal that ordered a retrial. A sentence with no case outcome recorded
 * counts as a conviction (a guilty plea if one was recorded), dated at the sentence.
 */
export function defendantOutcome(journal: readonly JournalEvent[], d: FinalisationDefendant): DefendantOutcome | null {
  let final = null as DefendantOutcome | null
  let pleaded = false
  for (const e of journal) {
    if (e.defendantId !== d.id) continue
    if (e.type === 'suspect_charged') {
      final = null
      pleaded = false
    } else if ((FINAL_EVENT_TYPES as readonly string[]).includes(e.type)) final = outcomeOf(e, d)
    else if (e.type === 'guilty_plea') pleaded = true
    // A sentence follows only a conviction: without a recorded case outcome, it stands for one.
    else if (e.type === 'sentenced' && !final) final = convictionBySentence(e, d, pleaded)
    else if (e.type === 'appeal_outcome' && final) {
      const result = detail<string>(e, 'result')
      if (result === 'retrial_ordered') final = null
      else if (result === 'conviction_quashed' && final.conviction === true) {
        final = { ...final, outcomeCode: 'conviction_quashed', outcomeLabel: 'Conviction quashed on appeal', conviction: false, finalisedAt: e.occurredAt }
      }
    }
  }
  return final
}

/**
 * Is every defendant finally disposed of? A case with no defendants is never finalised here (there
 * is no one to have an outcome; "decision not to investigate" closes a case but is not a prosecution outcome).
 */
export function finalisation(events: readonly JournalEvent[], defendants: readonly FinalisationDefendant[]): Finalisation {
  const journal = effectiveJournal(events)
  if (defendants.length === 0) return { finalised: false, outstanding: [] }
  const outcomes: DefendantOutcome[] = []
  const outstanding: string[] = []
  for (const d of defendants) {
    const o = defendantOutcome(journal, d)
    if (o) outcomes.push(o)
    else outstanding.push(d.id)
  }
  if (outstanding.length > 0) return { finalised: false, outstanding }
  const finalisedAt = new Date(Math.max(...outcomes.map((o) => o.finalisedAt.getTime())))
  const outcome: ReviewOutcome = outcomes.some((o) => o.conviction === true)
    ? 'successful'
    : outcomes.some((o) => o.prosecuted)
      ? 'unsuccessful'
      : 'no_prosecution'
  return { finalised: true, finalisedAt, outcome, defendants: outcomes }
}

/** The defendant as stored in factors (without the working fields). */
export function toDefendantFactor(o: DefendantOutcome): DefendantFactor {
  const { prosecuted: _p, finalisedAt: _f, ...rest } = o
  return rest
}
