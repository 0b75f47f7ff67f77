// The Victims' Code entitlements engine. Pure: victim and case facts, journal
// events, contacts and an "as of" instant in; enhanced-rights status, one entitlement per (rule,
// trigger event) and the victim's time windows out. Rules come from a RuleSet (rules.ts); the
// working-day calendar from app/domain/calendar. All dates are Europe/London calendar dates.
//
// Output shape (the command-line contract, `npm run -s entitlements`): optional keys — an
// entitlement's `defendant` and `metAt`, a window's `defendant` and `promptBy` — are omitted, never
// null, when they have no value. Entitlements are sorted by dueBy, rule, trigger; windows by
// closesOn, window, trigger.
//
// Every event and contact given is taken into account, whatever its time relative to `asOf`
// (the caller passes what it knows); `asOf` only decides due versus overdue.
import { addCalendarDays, addCalendarMonths, addWorkingDays, endOfLondonDay, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'
import type { EntitlementRule, MetBy, Owner, RuleSet, WindowRule } from './rules'

export interface ScenarioEvent {
  id: string
  type: string
  /** ISO instant of the event itself. */
  at: string
  /** ISO instant the owning agency received the information (Witness Care rules count from it). */
  receivedAt?: string
  defendant?: string
  data?: {
    custodyMonths?: number
    violentOrSexual?: boolean
    [key: string]: unknown
  }
}

export interface ScenarioContact {
  at: string
  /** Ids of the events the victim was told about. */
  about: readonly string[]
}

export interface EntitlementsInput {
  asOf: string
  victim: { dateOfBirth: IsoDate; grounds: readonly string[] }
  case: { offenceCategory: string; offenceDate: IsoDate }
  events: readonly ScenarioEvent[]
  contacts: readonly ScenarioContact[]
}

export type EntitlementStatus = 'met' | 'met_late' | 'overdue' | 'due'

export interface Entitlement {
  rule: string
  right: number
  trigger: string
  defendant?: string
  owedBy: Owner
  dueBy: IsoDate
  status: EntitlementStatus
  metAt?: string
}

export interface Window {
  window: string
  trigger: string
  defendant?: string
  promptBy?: IsoDate
  closesOn: IsoDate
}

export interface EntitlementsResult {
  enhanced: boolean
  enhancedGrounds: string[]
  entitlements: Entitlement[]
  windows: Window[]
}

/** Whole years of age on `on` (both YYYY-MM-DD). A 29 February birthday falls on 1 March in other years. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  const beforeBirthday = m < bm || (m === bm && d < bd)
  return y - by - (beforeBirthday ? 1 : 0)
}

/** Enhanced-rights grounds, sorted: under_18_at_offence, most_serious_crime, and the manual grounds. */
export function enhancedGrounds(input: Pick<EntitlementsInput, 'victim' | 'case'>, ruleSet: RuleSet): string[] {
  const grounds = new Set<string>()
  if (ageOn(input.victim.dateOfBirth, input.case.offenceDate) < 18) grounds.add('under_18_at_offence')
  if (ruleSet.mostSeriousCategories.includes(input.case.offenceCategory)) grounds.add('most_serious_crime')
  for (const g of input.victim.grounds) if (ruleSet.manualGrounds.includes(g)) grounds.add(g)
  return [...grounds].sort()
}

/**
 * The status of an entitlement, from its due date, when it was met (if it was) and "as of" only.
 * Met in time when met before the end of the due day in London; overdue once `asOf` reaches it.
 */
export function entitlementStatus(dueBy: IsoDate, metAt: Date | undefined, asOf: Date): EntitlementStatus {
  const end = endOfLondonDay(dueBy).getTime()
  if (metAt) return metAt.getTime() < end ? 'met' : 'met_late'
  return asOf.getTime() >= end ? 'overdue' : 'due'
}

const instant = (iso: string) => new Date(iso)

function applies(rule: EntitlementRule, event: ScenarioEvent, input: EntitlementsInput, enhanced: boolean, ruleSet: RuleSet): boolean {
  const a = rule.applies
  if (!a) return true
  if (a.enhancedOnly && !enhanced) return false
  if (a.standardOnly && enhanced) return false
  if (a.custodyMonthsAtLeast !== undefined) {
    const months = event.data?.custodyMonths
    if (typeof months !== 'number' || months < a.custodyMonthsAtLeast) return false
  }
  if (a.violentOrSexual) {
    const given = event.data?.violentOrSexual
    const violentOrSexual = typeof given === 'boolean' ? given : ruleSet.violentOrSexualCategories.includes(input.case.offenceCategory)
    if (!violentOrSexual) return false
  }
  return true
}

/** The earliest instant that meets the entitlement, not before the trigger's `at`. */
function metAtFor(metBy: MetBy, trigger: ScenarioEvent, input: EntitlementsInput): { at: string; time: number } | undefined {
  const from = instant(trigger.at).getTime()
  const candidates: string[] =
    metBy.kind === 'contact_about_trigger'
      ? input.contacts.filter((c) => c.about.includes(trigger.id)).map((c) => c.at)
      : input.events.filter((e) => e.type === metBy.type && (!metBy.sameDefendant || e.defendant === trigger.defendant)).map((e) => e.at)
  let best: { at: string; time: number } | undefined
  for (const at of candidates) {
    const time = instant(at).getTime()
    if (time >= from && (!best || time < best.time)) best = { at, time }
  }
  return best
}

function windowFor(rule: WindowRule, event: ScenarioEvent, holidays: ReadonlySet<IsoDate>): Window {
  const date = londonDateOf(instant(event.at))
  const closesOn = 'calendarDays' in rule.closes ? addCalendarDays(date, rule.closes.calendarDays) : addCalendarMonths(date, rule.closes.calendarMonths)
  return {
    window: rule.id,
    trigger: event.id,
    ...(event.defendant !== undefined ? { defendant: event.defendant } : {}),
    ...(rule.promptBy ? { promptBy: addWorkingDays(date, rule.promptBy.workingDays, holidays) } : {}),
    closesOn,
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function evaluateEntitlements(input: EntitlementsInput, ruleSet: RuleSet, holidays: ReadonlySet<IsoDate>): EntitlementsResult {
  const grounds = enhancedGrounds(input, ruleSet)
  const enhanced = grounds.length > 0
  const asOf = instant(input.asOf)

  const entitlements: Entitlement[] = []
  for (const event of input.events) {
    for (const rule of ruleSet.rules) {
      if (!rule.triggers.includes(event.type) || !applies(rule, event, input, enhanced, ruleSet)) continue
      const clock = rule.clock === 'receivedAt_or_at' && event.receivedAt ? event.receivedAt : event.at
      const days = enhanced ? rule.deadline.enhanced : rule.deadline.standard
      const dueBy = addWorkingDays(londonDateOf(instant(clock)), days, holidays)
      const met = metAtFor(rule.metBy, event, input)
      entitlements.push({
        rule: rule.id,
        right: rule.right,
        trigger: event.id,
        ...(event.defendant !== undefined ? { defendant: event.defendant } : {}),
        owedBy: rule.owner,
        dueBy,
        status: entitlementStatus(dueBy, met ? new Date(met.time) : undefined, asOf),
        ...(met ? { metAt: met.at } : {}),
      })
    }
  }
  entitlements.sort((a, b) => compare(a.dueBy, b.dueBy) || compare(a.rule, b.rule) || compare(a.trigger, b.trigger))

  return {
    enhanced,
    enhancedGrounds: grounds,
    entitlements,
    windows: evaluateWindows(input.events, ruleSet, holidays),
  }
}

/** The victim's own time windows (asking for a review, an unduly lenient sentence), sorted. */
export function evaluateWindows(events: readonly ScenarioEvent[], ruleSet: RuleSet, holidays: ReadonlySet<IsoDate>): Window[] {
  const windows: Window[] = []
  for (const event of events) {
    for (const rule of ruleSet.windows) if (rule.triggers.includes(event.type)) windows.push(windowFor(rule, event, holidays))
  }
  return windows.sort((a, b) => compare(a.closesOn, b.closesOn) || compare(a.window, b.window) || compare(a.trigger, b.trigger))
}
