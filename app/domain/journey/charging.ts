// Which suspects on a case are with CPS awaiting a charging decision. Each suspect or defendant has
// their own path (derive.ts), so one suspect's file can be with CPS while another is still under
// investigation or already charged; the case's stage follows the least advanced of them. CPS
// liaison's list therefore follows the suspects' own stages, not the case's.
import { deriveJourney } from './derive'
import { effectiveJournal, type JournalEvent } from './journal'
import { AWAITING_CPS_STAGES, STAGES, stageRank, type StageId } from './stages'

const LAST_RANK = Math.max(...AWAITING_CPS_STAGES.map((id) => stageRank(id)!))

/**
 * The case stages at which a suspect may be awaiting a charging decision: those up to it. A case's
 * stage is its least advanced open suspect's, so a case with one awaiting is at most that far
 * along; and no stage before charge moves with time alone, so the stored Case.stage is exact
 * here. Lists read cases at these stages and derive each suspect's own stage.
 */
export const CASE_STAGES_WITH_CHARGING_WAIT: readonly StageId[] = STAGES.map((s) => s.id).filter((id) => {
  const rank = stageRank(id)
  return rank !== null && rank <= LAST_RANK
})

/** A file sent to CPS for this suspect, or for the whole case (so for each of its suspects). */
const sentToCps = (e: JournalEvent, defendantId: string | null) => e.type === 'file_to_cps' && (!e.defendantId || e.defendantId === defendantId)

export interface SuspectAwaitingDecision {
  /** null: the case has no suspect recorded and its file went to CPS as a whole. */
  defendantId: string | null
  label: string | null
  /** When the file that is with CPS was sent (the latest sent for this suspect or the whole case). */
  sentAt: Date
}

export interface SuspectElsewhere {
  defendantId: string
  label: string
  stage: StageId
  stageLabel: string
}

export interface AwaitingChargingDecision {
  /** In the case's order of suspects. */
  awaiting: SuspectAwaitingDecision[]
  /** Every other suspect or defendant on the case, with their own stage. */
  others: SuspectElsewhere[]
  nextHearingAt: Date | null
}

const isAwaiting = (stage: StageId) => AWAITING_CPS_STAGES.includes(stage)

/**
 * The suspects of a case who are with CPS awaiting a charging decision, and where the others are;
 * null when none is.
 */
export function awaitingChargingDecision(
  events: readonly JournalEvent[],
  defendants: readonly { id: string; label: string }[],
  now: Date,
): AwaitingChargingDecision | null {
  const journey = deriveJourney(events, { now, defendantIds: defendants.map((d) => d.id) })
  const journal = effectiveJournal(events)
  const sentAt = (defendantId: string | null) => journal.findLast((e) => sentToCps(e, defendantId))?.occurredAt
  const nextHearingAt = journey.upcomingHearings[0]?.hearingAt ?? null

  if (journey.defendants.length === 0) {
    const at = sentAt(null)
    return isAwaiting(journey.caseStage) && at ? { awaiting: [{ defendantId: null, label: null, sentAt: at }], others: [], nextHearingAt } : null
  }
  const pathOf = new Map(journey.defendants.map((p) => [p.defendantId, p]))
  const awaiting: SuspectAwaitingDecision[] = []
  const others: SuspectElsewhere[] = []
  for (const d of defendants) {
    const path = pathOf.get(d.id)
    if (!path) continue
    const at = isAwaiting(path.stage) ? sentAt(d.id) : undefined
    if (at) awaiting.push({ defendantId: d.id, label: d.label, sentAt: at })
    else others.push({ defendantId: d.id, label: d.label, stage: path.stage, stageLabel: path.stageLabel })
  }
  return awaiting.length > 0 ? { awaiting, others, nextHearingAt } : null
}
