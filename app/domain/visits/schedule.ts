// The follow-up visit schedule. Pure: a victim's incidents, linked cases,
// key court events, visits and an "as of" instant in; the visits owed out. Policy from policy.ts;
// all dates are Europe/London calendar dates, due at the end of the London day (docs/visits.md).
//
// Semantics:
//  - Requirements. One `first_after_incident` per incident or disclosure, due firstVisitWithinDays
//    after its London date; one `after_court_event` per key court event, due afterCourtEventWithinDays
//    after; and `cadence` requirements, due cadenceDays after the visit (or date) they run from.
//  - Meeting. A completed visit meets every requirement triggered at or before it that is not yet
//    met: one visit after two disclosures the same week is the follow-up to both (pairing each visit
//    with one requirement would demand two visits in a day). So a requirement is met by the first
//    completed visit at or after its trigger (for cadence: strictly after the visit it runs from).
//  - Cadence. Only while a linked case is open (cases' open intervals merged into open periods).
//    It runs from the last completed visit. Before the first completed visit of an open period it runs
//    from the first follow-up's due date when one falls due within firstVisitWithinDays of the period's
//    start (the report that opened the case), otherwise from the day the period started; that first
//    cadence requirement is listed only if the period's first visit misses it. A period the
//    child was not visited in counts: when no visit comes by the due day, the next runs from that due
//    date, so three missed months are three missed visits (met late by the visit that ends the gap).
//    A cadence requirement not yet due when the last case closed is dropped; one already due stays.
//  - Visits that did not happen meet nothing; they are the `attempts` of every requirement open at
//    their time (at or after the trigger, before the meeting visit). The plan adapts: after a
//    'declined' or 'not_found' attempt the next try is due within retryWithinDays — the due date only
//    moves earlier, never later (a child who will not or cannot be seen is a risk sign in CSE, and a
//    failed try must not hide a late visit). A 'missing' attempt sets missingEpisodeSuspected so the
//    page prompts to record the missing episode; its return home interview clock (72 hours) lives there.
//  - Status is a function of (dueBy, met instant, asOf) only, as for entitlements: met before the end
//    of the due London day → 'met', after → 'met_late'; unmet → 'overdue' once asOf reaches the end
//    of the due day, else 'due'. Every record given counts whatever its time relative to asOf.
//  - Planned visits meet nothing; an open requirement names the first planned visit after its trigger.
//
// Output: requirements sorted by dueBy, reason, trigger; optional keys omitted, never null.
import { addCalendarDays, endOfLondonDay, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'
import type { VisitPolicy } from './policy'

export type NotHappenedReason = 'declined' | 'not_found' | 'missing'

export type VisitRecord =
  { id: string; at: string; status: 'planned' | 'completed' } | { id: string; at: string; status: 'not_happened'; reason: NotHappenedReason }

export interface ScheduleInput {
  asOf: string
  /** Reported incidents (the crime_reported event) and recorded disclosures. */
  incidents: readonly { id: string; at: string }[]
  /** The victim's linked cases; a case is open from openedAt until closedAt (exclusive). */
  cases: readonly { id: string; openedAt: string; closedAt?: string }[]
  /** Journal events that may be key court events; `hearingType` for a hearing_outcome. */
  courtEvents: readonly { id: string; type: string; at: string; hearingType?: string }[]
  visits: readonly VisitRecord[]
}

export type VisitReason = 'first_after_incident' | 'cadence' | 'after_court_event'
export type VisitStatus = 'met' | 'met_late' | 'due' | 'overdue'

export interface VisitAttempt {
  visit: string
  at: string
  reason: NotHappenedReason
}

export interface VisitRequirement {
  reason: VisitReason
  /** The incident, court event, visit or case (for cadence: what the clock runs from). */
  trigger: string
  dueBy: IsoDate
  status: VisitStatus
  metBy?: string
  metAt?: string
  /** Visits that did not happen while this requirement was open. */
  attempts: VisitAttempt[]
  missingEpisodeSuspected: boolean
  /** The first planned visit after the trigger, while the requirement is not met. */
  planned?: string
}

export interface VisitSchedule {
  requirements: VisitRequirement[]
  /** The earliest due date of a requirement not yet met (in the past when overdue). */
  nextDue?: IsoDate
  overdueCount: number
}

/** Met by the end of the due London day → met; unmet → overdue once asOf reaches it. */
export function visitStatus(dueBy: IsoDate, metAt: Date | undefined, asOf: Date): VisitStatus {
  const end = endOfLondonDay(dueBy).getTime()
  if (metAt) return metAt.getTime() < end ? 'met' : 'met_late'
  return asOf.getTime() >= end ? 'overdue' : 'due'
}

interface Timed<T> {
  record: T
  time: number
}

const time = (iso: string) => {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) throw new RangeError(`Not an instant: ${JSON.stringify(iso)}`)
  return t
}
const byTime = <T>(records: readonly T[], at: (r: T) => string): Timed<T>[] =>
  records.map((record) => ({ record, time: time(at(record)) })).sort((a, b) => a.time - b.time)
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b)

interface OpenPeriod {
  caseId: string
  from: number
  /** Exclusive; undefined while a case is still open. */
  to?: number
}

/** Overlapping open intervals merged; each period named by the case that opened it. */
export function openPeriods(cases: ScheduleInput['cases']): OpenPeriod[] {
  const intervals = cases
    .map((c) => ({ caseId: c.id, from: time(c.openedAt), to: c.closedAt === undefined ? undefined : time(c.closedAt) }))
    .filter((c) => c.to === undefined || c.to > c.from)
    .sort((a, b) => a.from - b.from || compare(a.caseId, b.caseId))
  const periods: OpenPeriod[] = []
  for (const c of intervals) {
    const last = periods.at(-1)
    if (last && (last.to === undefined || c.from <= last.to)) {
      last.to = last.to === undefined || c.to === undefined ? undefined : Math.max(last.to, c.to)
    } else periods.push({ ...c })
  }
  return periods
}

export function isKeyCourtEvent(event: ScheduleInput['courtEvents'][number], policy: VisitPolicy): boolean {
  if (!(policy.courtEventTypes as readonly string[]).includes(event.type)) return false
  return event.type !== 'hearing_outcome' || (event.hearingType !== undefined && (policy.keyHearingTypes as readonly string[]).includes(event.hearingType))
}

export function evaluateVisitSchedule(input: ScheduleInput, policy: VisitPolicy): VisitSchedule {
  const asOf = new Date(input.asOf)
  const completed = byTime(
    input.visits.filter((v) => v.status === 'completed'),
    (v) => v.at,
  )
  const failed = byTime(
    input.visits.filter((v): v is Extract<VisitRecord, { status: 'not_happened' }> => v.status === 'not_happened'),
    (v) => v.at,
  )
  const planned = byTime(
    input.visits.filter((v) => v.status === 'planned'),
    (v) => v.at,
  )

  /** The first completed visit after `from` (at or after unless strict). */
  const firstCompleted = (from: number, strict: boolean) => completed.find((v) => (strict ? v.time > from : v.time >= from))

  /** A requirement from its trigger instant, base due date and meeting visit: attempts adapt the due date. */
  function requirement(reason: VisitReason, trigger: string, from: number, strict: boolean, baseDueBy: IsoDate) {
    const met = firstCompleted(from, strict)
    const until = met ? met.time : Infinity
    const open = failed.filter((f) => (strict ? f.time > from : f.time >= from) && f.time < until)
    let dueBy = baseDueBy
    for (const f of open) {
      if (f.record.reason !== 'missing') dueBy = minDate(dueBy, addCalendarDays(londonDateOf(new Date(f.time)), policy.retryWithinDays))
    }
    const next = met ? undefined : planned.find((p) => (strict ? p.time > from : p.time >= from))
    const result: VisitRequirement = {
      reason,
      trigger,
      dueBy,
      status: visitStatus(dueBy, met ? new Date(met.time) : undefined, asOf),
      ...(met ? { metBy: met.record.id, metAt: met.record.at } : {}),
      attempts: open.map((f) => ({ visit: f.record.id, at: f.record.at, reason: f.record.reason })),
      missingEpisodeSuspected: open.some((f) => f.record.reason === 'missing'),
      ...(next ? { planned: next.record.id } : {}),
    }
    return { result, met }
  }

  const requirements: VisitRequirement[] = []
  for (const incident of byTime(input.incidents, (i) => i.at)) {
    const base = addCalendarDays(londonDateOf(new Date(incident.time)), policy.firstVisitWithinDays)
    requirements.push(requirement('first_after_incident', incident.record.id, incident.time, false, base).result)
  }
  for (const event of byTime(
    input.courtEvents.filter((e) => isKeyCourtEvent(e, policy)),
    (e) => e.at,
  )) {
    const base = addCalendarDays(londonDateOf(new Date(event.time)), policy.afterCourtEventWithinDays)
    requirements.push(requirement('after_court_event', event.record.id, event.time, false, base).result)
  }
  const eventDueDates = requirements.map((r) => ({ dueBy: r.dueBy, trigger: r.trigger }))

  for (const period of openPeriods(input.cases)) {
    // Before the first visit of the period: from the first follow-up due soon after it opened, else its first day.
    const start = londonDateOf(new Date(period.from))
    const latestFirst = addCalendarDays(start, policy.firstVisitWithinDays)
    const first = eventDueDates
      .filter((r) => r.dueBy >= start && r.dueBy <= latestFirst)
      .sort((a, b) => compare(a.dueBy, b.dueBy) || compare(a.trigger, b.trigger))[0]
    let anchor = { date: first?.dueBy ?? start, time: period.from, strict: false, trigger: first?.trigger ?? period.caseId }
    let initial = true

    for (;;) {
      if (period.to !== undefined && anchor.time >= period.to) break
      const base = addCalendarDays(anchor.date, policy.cadenceDays)
      const { result, met } = requirement('cadence', anchor.trigger, anchor.time, anchor.strict, base)
      const end = endOfLondonDay(result.dueBy).getTime()
      // Not yet due when the last case closed, and not met while open: no longer owed.
      if (period.to !== undefined && period.to < end && !(met && met.time < period.to)) break
      // The period's first visit made in time just starts the clock (the first follow-up already records it).
      if (!(initial && met && met.time < end)) requirements.push(result)
      initial = false
      if (met && met.time < end) {
        anchor = { date: londonDateOf(new Date(met.time)), time: met.time, strict: true, trigger: met.record.id }
      } else if (met ? met.time >= endOfLondonDay(addCalendarDays(result.dueBy, policy.cadenceDays)).getTime() : asOf.getTime() >= end) {
        // A whole period missed: the next runs from this due date.
        anchor = { date: result.dueBy, time: end, strict: false, trigger: anchor.trigger }
      } else if (met) {
        anchor = { date: londonDateOf(new Date(met.time)), time: met.time, strict: true, trigger: met.record.id }
      } else break
    }
  }

  requirements.sort((a, b) => compare(a.dueBy, b.dueBy) || compare(a.reason, b.reason) || compare(a.trigger, b.trigger))
  const open = requirements.filter((r) => r.status === 'due' || r.status === 'overdue')
  const nextDue = open.length ? open.map((r) => r.dueBy).reduce(minDate) : undefined
  return {
    requirements,
    ...(nextDue !== undefined ? { nextDue } : {}),
    overdueCount: requirements.filter((r) => r.status === 'overdue').length,
  }
}
