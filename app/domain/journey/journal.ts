// The journal as the domain sees it: events as stored (append-only), with corrections.
// A correction is a new event whose supersedesId names the event it replaces; the replaced event
// stays in the journal (shown struck through) but has no effect on anything derived.

export interface JournalEvent {
  id: string
  type: string
  /** When it happened (for hearing_listed: when the listing was made; the hearing date is in details). */
  occurredAt: Date
  /** When it was entered in Waypoint; breaks ties between events that happened at the same time. */
  recordedAt: Date
  /** When witness care received it from the court or CPS, where that matters. */
  receivedAt?: Date | null
  defendantId?: string | null
  victimId?: string | null
  details: unknown
  supersedesId?: string | null
}

/** The columns of a stored event that make a JournalEvent (a Prisma `select`). */
export const JOURNAL_SELECT = {
  id: true,
  type: true,
  occurredAt: true,
  recordedAt: true,
  receivedAt: true,
  defendantId: true,
  victimId: true,
  details: true,
  supersedesId: true,
} as const

/** The ids of events that a later correction replaced. */
export function supersededIds(events: readonly Pick<JournalEvent, 'supersedesId'>[]): Set<string> {
  const out = new Set<string>()
  for (const e of events) if (e.supersedesId) out.add(e.supersedesId)
  return out
}

/** For each corrected event, the reason its correction gave (shown beside the struck-through entry). */
export function correctionReasons(events: readonly { supersedesId?: string | null; correctionReason?: string | null }[]): Map<string, string | null> {
  const out = new Map<string, string | null>()
  for (const e of events) if (e.supersedesId) out.set(e.supersedesId, e.correctionReason ?? null)
  return out
}

/**
 * The events that count, in the order they happened: superseded events removed; sorted by
 * occurredAt, then recordedAt, then id (so the result does not depend on the order of the input).
 */
export function effectiveJournal<E extends JournalEvent>(events: readonly E[]): E[] {
  const gone = supersededIds(events)
  return events.filter((e) => !gone.has(e.id)).sort(compareEvents)
}

export function compareEvents(a: JournalEvent, b: JournalEvent): number {
  return (
    a.occurredAt.getTime() - b.occurredAt.getTime() ||
    a.recordedAt.getTime() - b.recordedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** Reads a field of an event's details without trusting its shape (stored JSON). */
export function detail<T = unknown>(e: Pick<JournalEvent, 'details'>, key: string): T | undefined {
  const d = e.details
  if (d === null || typeof d !== 'object') return undefined
  return (d as Record<string, unknown>)[key] as T | undefined
}

/** A date stored in details: a Date, or an ISO string when it has come back from JSON. */
export function detailDate(e: Pick<JournalEvent, 'details'>, key: string): Date | undefined {
  const v = detail<unknown>(e, key)
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v)
    return Number.isNaN(d.getTime()) ? undefined : d
  }
  return undefined
}
