// Rules for a new journey event that need the case around it (the service supplies the context and
// turns the issues into field errors). The per-type shape is checked first by
// JourneyEventInputSchema; these run on its output. Pure: no I/O.
//
// Bail end after the bail date needs no context, so JourneyEventInputSchema checks it already
// (bailDateIssues in events.ts); it is not repeated here.
import { eventType, isConvictionOutcome, isEventType, type JourneyEventInput, type JourneyIssue } from './events'
import { compareEvents, detail, effectiveJournal, supersededIds, type JournalEvent } from './journal'

export interface EventContext {
  now: Date
  /** Suspects/defendants on the case. */
  defendantIds: readonly string[]
  /** Victims linked to the case. */
  victimIds: readonly string[]
  /** The case's journal as stored (including superseded events). */
  journal: readonly JournalEvent[]
}

const HEARING_REF_TYPES = ['hearing_outcome', 'bail_hearing_outcome', 'witness_required', 'special_measures_decision', 'trial_started'] as const

/** Every problem with this event in this case; an empty list means it may be saved. */
export function checkJourneyEvent(input: JourneyEventInput, ctx: EventContext): JourneyIssue[] {
  const issues: JourneyIssue[] = []
  const def = eventType(input.type)

  // Dates that cannot be in the future. (hearing_listed: occurredAt is when the listing was made;
  // the hearing itself, details.hearingAt, may be in the future.)
  if (input.occurredAt.getTime() > ctx.now.getTime()) {
    issues.push({ path: 'occurredAt', message: `The date of ${def.dateOf} must be today or in the past` })
  }
  if (input.receivedAt && input.receivedAt.getTime() > ctx.now.getTime()) {
    issues.push({ path: 'receivedAt', message: 'The date witness care received it must be today or in the past' })
  }
  if (input.receivedAt && input.receivedAt.getTime() < startOfDayUtc(input.occurredAt).getTime()) {
    issues.push({ path: 'receivedAt', message: `The date witness care received it must be the same as or after the date of ${def.dateOf}` })
  }

  if (input.defendantId && !ctx.defendantIds.includes(input.defendantId)) {
    issues.push({ path: 'defendantId', message: 'Select a suspect or defendant on this case' })
  }
  if (input.victimId && !ctx.victimIds.includes(input.victimId)) {
    issues.push({ path: 'victimId', message: 'Select a victim linked to this case' })
  }

  // The journal as it will be once this event replaces the one it corrects.
  const gone = supersededIds(ctx.journal)
  if (input.supersedesId) {
    const target = ctx.journal.find((e) => e.id === input.supersedesId)
    if (!target) issues.push({ path: 'supersedesId', message: 'The event being corrected is not on this case' })
    else if (gone.has(target.id)) issues.push({ path: 'supersedesId', message: 'This event has already been corrected' })
  }
  const journal = effectiveJournal(ctx.journal).filter((e) => e.id !== input.supersedesId)
  const listedHearings = new Map(journal.filter((e) => e.type === 'hearing_listed').map((e) => [e.id, e]))

  // References to a hearing must name a hearing listed on this case (and not corrected away).
  if ((HEARING_REF_TYPES as readonly string[]).includes(input.type)) {
    const ref = detail<string>(input, 'hearingEventId')
    if (ref !== undefined && !listedHearings.has(ref)) {
      issues.push({ path: 'details.hearingEventId', message: 'Select a hearing listed on this case' })
    }
  }

  // A sentence needs a conviction of that defendant first.
  if (input.type === 'sentenced' && input.defendantId) {
    const asNew: JournalEvent = { ...input, id: '\uffff', recordedAt: ctx.now }
    const convicted = journal.some(
      (e) => e.defendantId === input.defendantId && isConviction(e) && compareEvents(e, asNew) <= 0,
    )
    if (!convicted) {
      issues.push({ path: 'defendantId', message: 'Record a conviction or guilty plea for this defendant before the sentence' })
    }
  }

  return issues
}

/** Is this stored event a conviction (guilty plea, or an outcome that is a conviction)? */
export function isConviction(e: Pick<JournalEvent, 'type' | 'details'>): boolean {
  if (e.type === 'guilty_plea') return true
  if (e.type === 'case_outcome') {
    const outcome = detail<string>(e, 'outcome')
    return outcome !== undefined && isConvictionOutcome(outcome)
  }
  return false
}

/** Is this stored event's type one Waypoint knows? (Old rows may carry retired types.) */
export function isKnownEvent(e: Pick<JournalEvent, 'type'>): boolean {
  return isEventType(e.type)
}

function startOfDayUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}
