// Stages of a criminal case (report to investigation, charge, court, sentence), plus the exits
// (no further action, discontinued, closed). The journey derives the current stage from the journal
// (derive.ts); this vocabulary and its labels are shared by every screen.

export const STAGES = [
  { id: 'reported', label: 'Reported' },
  { id: 'investigation', label: 'Investigation' },
  { id: 'suspect_released', label: 'Suspect on bail or released under investigation' },
  { id: 'charging_decision', label: 'Awaiting charging decision' },
  { id: 'first_hearing_mags', label: 'First hearing (magistrates’ or youth court)' },
  { id: 'ptph', label: 'Plea and trial preparation hearing' },
  { id: 's28_recording', label: 'Pre-recorded cross-examination (section 28)' },
  { id: 'trial', label: 'Trial' },
  { id: 'verdict', label: 'Verdict' },
  { id: 'sentence', label: 'Sentence' },
  { id: 'appeal_window', label: 'Appeal window' },
  { id: 'post_sentence', label: 'After sentence' },
  { id: 'nfa', label: 'No further action' },
  { id: 'discontinued', label: 'Discontinued' },
  { id: 'closed', label: 'Closed' },
] as const

export type StageId = (typeof STAGES)[number]['id']

const LABELS = new Map<string, string>(STAGES.map((s) => [s.id, s.label]))

export function stageLabel(id: string): string {
  return LABELS.get(id) ?? id
}

/** Exits: the path has ended (no charge, prosecution dropped, or finished). */
export const EXIT_STAGES: readonly StageId[] = ['nfa', 'discontinued', 'closed']

export function isExitStage(id: StageId): boolean {
  return EXIT_STAGES.includes(id)
}

/**
 * How far along the path a stage is (0 = just reported). Exits have no rank (null): they are not
 * "more" or "less" advanced than an open path. Used to find the least advanced open defendant.
 */
export function stageRank(id: StageId): number | null {
  if (isExitStage(id)) return null
  return STAGES.findIndex((s) => s.id === id)
}

/** Stages in which a case sent to CPS is waiting for the CPS (charging decision). */
export const AWAITING_CPS_STAGES: readonly StageId[] = ['charging_decision']

/**
 * Stages a case can leave with no new event, only because time passes (derive.ts reads `now`): a
 * listed hearing's date goes by, or the 28-day appeal window closes.
 */
export const TIME_DEPENDENT_STAGES: readonly StageId[] = ['first_hearing_mags', 'ptph', 's28_recording', 'trial', 'appeal_window']
