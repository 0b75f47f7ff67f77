// From Waypoint's records to the engine's input. Pure: the service loads a
// case's journal, the victim's contacts and offences, and this shapes them exactly as the
// command-line scenario does, so the stored rows and `npm run -s entitlements` agree.
import { isoDateOf } from '~/domain/calendar/working-days'
import { isSexualCategory } from '~/domain/cases/offences'
import { detail, effectiveJournal, type JournalEvent } from '~/domain/journey/journal'
import type { EntitlementsInput, ScenarioContact, ScenarioEvent } from './engine'
import type { RuleSet } from './rules'

export interface VictimRecord {
  id: string
  dateOfBirth: Date
  manualEnhancedGrounds: readonly string[]
}

export interface OffenceRecord {
  victimId: string | null
  category: string
  committedFrom: Date
}

export interface ContactRecord {
  id: string
  contactedAt: Date
  eventIds: readonly string[]
}

/**
 * The Code's offence category for one victim on a case: a sexual offence against them (or against
 * no one in particular) makes it `sexual_offence`, the "most serious crime" ground; otherwise
 * `other`. The offence date is the earliest such offence — a child then is a child for the case.
 * A case with no offences recorded yet counts from its first event (or `fallback`).
 */
export function caseFactsFor(victimId: string, offences: readonly OffenceRecord[], fallback: Date): EntitlementsInput['case'] {
  const theirs = offences.filter((o) => o.victimId === null || o.victimId === victimId)
  if (theirs.length === 0) return { offenceCategory: 'other', offenceDate: isoDateOf(fallback) }
  const earliest = theirs.reduce((a, b) => (b.committedFrom < a.committedFrom ? b : a))
  return {
    offenceCategory: theirs.some((o) => isSexualCategory(o.category)) ? 'sexual_offence' : 'other',
    offenceDate: isoDateOf(earliest.committedFrom),
  }
}

/** Each corrected event's id → the id of the event that now stands for it (end of the chain). */
export function currentVersionOf(events: readonly Pick<JournalEvent, 'id' | 'supersedesId'>[]): Map<string, string> {
  const next = new Map<string, string>()
  for (const e of events) if (e.supersedesId) next.set(e.supersedesId, e.id)
  const out = new Map<string, string>()
  for (const e of events) {
    let id = e.id
    for (let guard = 0; next.has(id) && guard < events.length; guard++) id = next.get(id)!
    out.set(e.id, id)
  }
  return out
}

function toScenarioEvent(e: JournalEvent): ScenarioEvent {
  const custodyMonths = detail<number>(e, 'custodyMonths')
  return {
    id: e.id,
    type: e.type,
    at: e.occurredAt.toISOString(),
    ...(e.receivedAt ? { receivedAt: e.receivedAt.toISOString() } : {}),
    ...(e.defendantId ? { defendant: e.defendantId } : {}),
    ...(typeof custodyMonths === 'number' ? { data: { custodyMonths } } : {}),
  }
}

/** The events that count for one victim: in force (not corrected away), about the case or about them. */
export function eventsFor(victimId: string, journal: readonly JournalEvent[]): ScenarioEvent[] {
  return effectiveJournal(journal)
    .filter((e) => !e.victimId || e.victimId === victimId)
    .map(toScenarioEvent)
}

/**
 * The engine input for one victim on one case. Events count when they are in force (not corrected
 * away) and are about the case as a whole or about this victim. A contact about an event that was
 * later corrected still told the victim about it, so it counts for the correction.
 */
export function entitlementsInputFor(args: {
  asOf: Date
  victim: VictimRecord
  offences: readonly OffenceRecord[]
  journal: readonly JournalEvent[]
  contacts: readonly ContactRecord[]
  ruleSet: RuleSet
}): EntitlementsInput {
  const { victim, journal } = args
  const events = eventsFor(victim.id, journal)
  const current = currentVersionOf(journal)
  const contacts: ScenarioContact[] = args.contacts.map((c) => ({
    at: c.contactedAt.toISOString(),
    about: [...new Set(c.eventIds.map((id) => current.get(id) ?? id))],
  }))
  const firstEvent = events[0] ? new Date(events[0].at) : args.asOf
  return {
    asOf: args.asOf.toISOString(),
    victim: { dateOfBirth: isoDateOf(victim.dateOfBirth), grounds: victim.manualEnhancedGrounds.filter((g) => args.ruleSet.manualGrounds.includes(g)) },
    case: caseFactsFor(victim.id, args.offences, firstEvent),
    events,
    contacts,
  }
}

export interface DeadlineOverride {
  ruleId: string
  enhancedDays: number
  standardDays: number
}

/** The rule set with an administrator's deadline changes applied (the published data is untouched). */
export function withOverrides(ruleSet: RuleSet, overrides: readonly DeadlineOverride[]): RuleSet {
  if (overrides.length === 0) return ruleSet
  const byRule = new Map(overrides.map((o) => [o.ruleId, o]))
  return {
    ...ruleSet,
    rules: ruleSet.rules.map((r) => {
      const o = byRule.get(r.id)
      return o ? { ...r, deadline: { ...r.deadline, enhanced: o.enhancedDays, standard: o.standardDays } } : r
    }),
  }
}

/**
 * What met an entitlement the engine found met: the contact (or, for rules met by an event, the
 * event) at that instant. The engine reports the instant; the stored row also names the record.
 */
export function metSource(
  rule: RuleSet['rules'][number],
  triggerId: string,
  metAt: string,
  input: {
    journal: readonly JournalEvent[]
    contacts: readonly ContactRecord[]
    /** currentVersionOf(journal) and effectiveJournal(journal), when the caller has them already. */
    current?: ReadonlyMap<string, string>
    effective?: readonly JournalEvent[]
  },
): { contactId?: string; eventId?: string } {
  const time = new Date(metAt).getTime()
  if (rule.metBy.kind === 'contact_about_trigger') {
    const current = input.current ?? currentVersionOf(input.journal)
    const c = input.contacts.find((c) => c.contactedAt.getTime() === time && c.eventIds.some((id) => (current.get(id) ?? id) === triggerId))
    return c ? { contactId: c.id } : {}
  }
  const type = rule.metBy.type
  const e = (input.effective ?? effectiveJournal(input.journal)).find((e) => e.type === type && e.occurredAt.getTime() === time)
  return e ? { eventId: e.id } : {}
}
