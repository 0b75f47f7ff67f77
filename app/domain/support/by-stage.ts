// Which support was active in each stage of a case. Pure.
//
// Stage periods come from the journal with the journey's own derivation (app/domain/journey/derive.ts):
// the case stage is evaluated at every moment it can change — each event, each date an event names
// (a hearing, the end of bail) and the close of each appeal window — knowing only the events that had
// happened by then, and consecutive equal stages are merged. Support periods are referral active
// periods (active until closed) and advocate allocations; a support counts in a stage when the two
// periods overlap.
import { APPEAL_WINDOW_DAYS, deriveCaseStage } from '~/domain/journey/derive'
import { effectiveJournal, type JournalEvent } from '~/domain/journey/journal'
import { stageLabel, type StageId } from '~/domain/journey/stages'

const DAY = 24 * 60 * 60 * 1000

export interface StagePeriod {
  stage: StageId
  label: string
  from: Date
  /** Null: the stage the case is in now. */
  to: Date | null
}

const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/

/** Every moment after `from` at which the stage could change because of this event. */
function momentsOf(e: JournalEvent): number[] {
  const out = [e.occurredAt.getTime(), e.occurredAt.getTime() + APPEAL_WINDOW_DAYS * DAY + 1]
  if (e.details && typeof e.details === 'object') {
    for (const v of Object.values(e.details as Record<string, unknown>)) {
      const t = typeof v === 'string' && ISO.test(v) ? Date.parse(v) : v instanceof Date ? v.getTime() : NaN
      // A dated hearing counts as held once its time has passed; the moment after it is when the stage moves.
      if (!Number.isNaN(t)) out.push(t, t + 1)
    }
  }
  return out
}

/** The case's stages over time, oldest first, up to `now`. Empty for a case with no events. */
export function stagePeriods(events: readonly JournalEvent[], now: Date, defendantIds?: readonly string[]): StagePeriod[] {
  const journal = effectiveJournal(events)
  if (journal.length === 0) return []
  const start = journal[0]!.occurredAt.getTime()
  const moments = [...new Set(journal.flatMap(momentsOf))].filter((t) => t >= start && t <= now.getTime()).sort((a, b) => a - b)
  const periods: StagePeriod[] = []
  for (const t of moments) {
    const known = journal.filter((e) => e.occurredAt.getTime() <= t)
    const stage = deriveCaseStage(known, { now: new Date(t), defendantIds })
    const last = periods[periods.length - 1]
    if (last && last.stage === stage) continue
    if (last) last.to = new Date(t)
    periods.push({ stage, label: stageLabel(stage), from: new Date(t), to: null })
  }
  return periods
}

export interface SupportPeriod {
  kind: 'referral' | 'advocate'
  /** What to show, e.g. "Counselling and pre-trial therapy (Harbour Lights)" or "Lead advocate: Ama Okafor-Reyes". */
  label: string
  from: Date
  /** Null: still going. */
  to: Date | null
}

export interface StageSupport extends StagePeriod {
  support: SupportPeriod[]
}

const end = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY)

/** For each stage period, the support periods that overlap it (in the order given). */
export function supportByStage(periods: readonly StagePeriod[], supports: readonly SupportPeriod[]): StageSupport[] {
  return periods.map((p) => ({
    ...p,
    support: supports.filter((s) => s.from.getTime() < end(p.to) && end(s.to) > p.from.getTime()),
  }))
}
