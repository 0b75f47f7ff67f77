// Planning the time-driven reminders, without I/O. The service
// (app/services/reminders.server.ts) collects what is open — entitlements, visit plans, hearings —
// each with its one recipient already resolved; this file decides, for an instant, which of them
// are due a reminder now, whether it is emailed at once or left to the person's digest, and what
// the email says. Dates are Europe/London calendar dates; "tomorrow" for an entitlement is the next
// working day on the England & Wales calendar (deadlines are counted in working days).
import { TZDate } from '@date-fns/tz'
import { addCalendarDays, addWorkingDays, dayOfWeek, endOfLondonDay, isWorkingDay, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'
import type { DigestProps, EntitlementReminderProps, HearingReminderProps, VisitReminderProps } from './email-props'
import { inboxRecipient, isoWeekOf, reminderKeys, userRecipient, type DigestPeriod, type EntitlementReminderState, type RecipientKey, type VisitReminderState } from './keys'
import type { Delivery, ReminderKind } from './kinds'

/** Who a reminder goes to: a person, else a team inbox, else nobody (counted as unaddressed). */
export type Recipient =
  | { type: 'user'; userId: string; email: string; organisationId: string }
  | { type: 'inbox'; organisationId: string; email: string }
  | { type: 'none'; organisationId: string | null }

export interface EntitlementItem {
  kind: 'entitlements'
  id: string
  victimId: string
  reference: string
  right: number
  rightTitle: string
  /** The owing agency: its code ('police') and label ("Police"). */
  owedByCode: string
  owedBy: string
  dueBy: IsoDate
  /** The end of the due day in London: open and now >= dueAt is overdue. */
  dueAt: Date
  recipient: Recipient
}

export interface VisitItem {
  kind: 'visits'
  victimId: string
  reference: string
  /** Why the earliest visit still owed is owed, in words. */
  reason: string
  /** The visit plan's next due date (the earliest requirement not met; in the past when overdue). */
  dueBy: IsoDate
  recipient: Recipient
}

export interface HearingItem {
  kind: 'hearings'
  /** The hearing_listed journal event. */
  eventId: string
  caseId: string
  /** The pseudonymous references of the victims this recipient supports on the case. */
  references: string[]
  /** The kind of hearing: its id ('trial') and label ("Trial"). */
  hearingType: string
  hearing: string
  hearingAt: Date
  recipient: Recipient
}

export type ReminderItem = EntitlementItem | VisitItem | HearingItem

/** How far ahead a hearing is reminded of, and how far "coming up" looks in a digest. */
export const HEARING_WITHIN_DAYS = 7
export const UPCOMING_DAYS = 7
/** Digests go out at or after this hour (London) — each working day, or on Mondays. */
export const DIGEST_HOUR = 7

// ---- formats ------------------------------------------------------------------------------------

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })

/** 'Monday 30 November 2026' for a calendar date. */
export function formatDay(date: IsoDate): string {
  const parts = dayFormat.formatToParts(new Date(`${date}T12:00:00Z`))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`
}

/** '10:00am on Thursday 3 December 2026' for an instant, in London time. */
export function formatWhen(at: Date): string {
  const parts = timeFormat.formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase()} on ${formatDay(londonDateOf(at))}`
}

// ---- which reminders are due now ----------------------------------------------------------------

/**
 * An overdue reminder is emailed only within this many days of the deadline. Older overdue items
 * stay on the home page, the compliance page and in digests; without the limit, switching
 * reminders on over years of records would email every deadline ever missed at once.
 */
export const OVERDUE_REMINDER_DAYS = 28
const tooLongOverdue = (dueAt: Date, now: Date) => now.getTime() >= dueAt.getTime() + OVERDUE_REMINDER_DAYS * 86_400_000

/** Overdue once now reaches the end of the due day; due tomorrow when due by the next working day. */
export function entitlementReminderState(item: Pick<EntitlementItem, 'dueBy' | 'dueAt'>, now: Date, holidays: ReadonlySet<IsoDate>): EntitlementReminderState | null {
  if (now.getTime() >= item.dueAt.getTime()) return tooLongOverdue(item.dueAt, now) ? null : 'overdue'
  return item.dueBy === addWorkingDays(londonDateOf(now), 1, holidays) ? 'due-tomorrow' : null
}

/** Overdue once now reaches the end of the due day; due when due today or tomorrow (calendar days: visits are). */
export function visitReminderState(dueBy: IsoDate, now: Date): VisitReminderState | null {
  const end = endOfLondonDay(dueBy)
  if (now.getTime() >= end.getTime()) return tooLongOverdue(end, now) ? null : 'overdue'
  return dueBy <= addCalendarDays(londonDateOf(now), 1) ? 'due' : null
}

/** A hearing still to come within the next 7 days (24-hour days from now). */
export function hearingIsSoon(hearingAt: Date, now: Date): boolean {
  const t = hearingAt.getTime()
  return t > now.getTime() && t <= now.getTime() + HEARING_WITHIN_DAYS * 86_400_000
}

export function recipientKey(recipient: Exclude<Recipient, { type: 'none' }>): RecipientKey {
  return recipient.type === 'user' ? userRecipient(recipient.userId) : inboxRecipient(recipient.organisationId)
}

/** An email for the outbox: exactly what enqueueEmail takes (template name and props, never rendered text). */
export type PlannedEmail = {
  to: string
  dedupeKey: string
  userId: string | null
  organisationId: string | null
} & (
  | { template: 'entitlement-reminder'; kind: 'entitlements'; props: EntitlementReminderProps }
  | { template: 'visit-reminder'; kind: 'visits'; props: VisitReminderProps }
  | { template: 'hearing-reminder'; kind: 'hearings'; props: HearingReminderProps }
  | { template: 'digest'; kind: 'digest'; props: DigestProps }
)

export type ReminderCount = 'entitlementsDueTomorrow' | 'entitlementsOverdue' | 'visitsDue' | 'visitsOverdue' | 'hearings'

export interface ReminderPlan {
  /** Emails to queue now (duplicates of earlier runs are dropped by their dedupe keys). */
  emails: PlannedEmail[]
  /** Reminders due now, by what they are (whoever receives them, and however). */
  due: Record<ReminderCount, number>
  /** Due now for a person who chose a daily or weekly summary: left to the digest. */
  deferredToDigest: number
  /** Due now with nobody to send it to (no allocated person, no team inbox). */
  unaddressed: number
}

/** Delivery choices by user id; a person with no entry gets everything at once. */
export type Deliveries = ReadonlyMap<string, Readonly<Record<ReminderKind, Delivery>>>

const url = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`

/** The reminder an item is due now, as the email it would be (to no one yet), or null. */
function reminderFor(item: ReminderItem, now: Date, holidays: ReadonlySet<IsoDate>, baseUrl: string) {
  switch (item.kind) {
    case 'entitlements': {
      const state = entitlementReminderState(item, now, holidays)
      if (!state) return null
      return {
        count: state === 'overdue' ? ('entitlementsOverdue' as const) : ('entitlementsDueTomorrow' as const),
        key: (r: RecipientKey) => reminderKeys.entitlement(item.victimId, item.right, item.owedByCode, state, item.dueBy, r),
        email: {
          template: 'entitlement-reminder' as const,
          kind: 'entitlements' as const,
          props: {
            state,
            reference: item.reference,
            right: item.right,
            rightTitle: item.rightTitle,
            owedBy: item.owedBy,
            dueOn: formatDay(item.dueBy),
            url: url(baseUrl, `/victims/${item.victimId}`),
          },
        },
      }
    }
    case 'visits': {
      const state = visitReminderState(item.dueBy, now)
      if (!state) return null
      return {
        count: state === 'overdue' ? ('visitsOverdue' as const) : ('visitsDue' as const),
        key: (r: RecipientKey) => reminderKeys.visit(item.victimId, state, item.dueBy, r),
        email: {
          template: 'visit-reminder' as const,
          kind: 'visits' as const,
          props: { state, reference: item.reference, reason: item.reason, dueOn: formatDay(item.dueBy), url: url(baseUrl, `/victims/${item.victimId}`) },
        },
      }
    }
    case 'hearings': {
      if (!hearingIsSoon(item.hearingAt, now)) return null
      return {
        count: 'hearings' as const,
        key: (r: RecipientKey) => reminderKeys.hearing(item.caseId, item.hearingType, item.hearingAt, r),
        email: {
          template: 'hearing-reminder' as const,
          kind: 'hearings' as const,
          props: { reference: item.references.join(', '), hearing: item.hearing, when: formatWhen(item.hearingAt), url: url(baseUrl, `/cases/${item.caseId}`) },
        },
      }
    }
  }
}

/**
 * The reminders due at `now`: to a person who wants this kind at once, an email; to a person who
 * chose a summary, nothing now (the digest lists it); to a team inbox, always an email.
 */
export function planReminders(items: readonly ReminderItem[], deliveries: Deliveries, now: Date, holidays: ReadonlySet<IsoDate>, baseUrl: string): ReminderPlan {
  const plan: ReminderPlan = {
    emails: [],
    due: { entitlementsDueTomorrow: 0, entitlementsOverdue: 0, visitsDue: 0, visitsOverdue: 0, hearings: 0 },
    deferredToDigest: 0,
    unaddressed: 0,
  }
  const keys = new Set<string>()
  for (const item of items) {
    const reminder = reminderFor(item, now, holidays, baseUrl)
    if (!reminder) continue
    plan.due[reminder.count] += 1
    const recipient = item.recipient
    if (recipient.type === 'none') {
      plan.unaddressed += 1
      continue
    }
    if (recipient.type === 'user' && (deliveries.get(recipient.userId)?.[item.kind] ?? 'immediate') !== 'immediate') {
      plan.deferredToDigest += 1
      continue
    }
    // Items that make the same email (same key) are sent as one.
    const dedupeKey = reminder.key(recipientKey(recipient))
    if (keys.has(dedupeKey)) continue
    keys.add(dedupeKey)
    plan.emails.push({
      ...reminder.email,
      to: recipient.email,
      dedupeKey,
      userId: recipient.type === 'user' ? recipient.userId : null,
      organisationId: recipient.organisationId,
    } as PlannedEmail)
  }
  return plan
}

// ---- digest windows -----------------------------------------------------------------------------

export interface DigestWindow {
  period: DigestPeriod
  /** The day (daily, '2026-11-30') or ISO week (weekly, '2026-W49') the digest is for. */
  periodId: string
  today: IsoDate
  /** Due: up to and including this day (today for daily; Sunday for weekly). */
  dueUntil: IsoDate
  /** Coming up: after dueUntil, up to and including this day. */
  upcomingUntil: IsoDate
  /** When the window opened (07:00 London on the day, or on the Monday). */
  opensAt: Date
}

/** 07:00 on a London calendar date, as an instant (GMT or BST as the day has it). */
export function londonSevenAm(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(new TZDate(y!, m! - 1, d!, DIGEST_HOUR, 0, 0, 0, 'Europe/London').getTime())
}

/**
 * The digest due at `now`, or null: the daily one on a working day from 07:00 London; the weekly
 * one from 07:00 on Monday for the rest of that ISO week (a run that missed Monday morning still
 * sends it; the dedupe key makes it once a week).
 */
export function digestWindow(period: DigestPeriod, now: Date, holidays: ReadonlySet<IsoDate>): DigestWindow | null {
  const today = londonDateOf(now)
  if (period === 'daily') {
    const opensAt = londonSevenAm(today)
    if (!isWorkingDay(today, holidays) || now.getTime() < opensAt.getTime()) return null
    return { period, periodId: today, today, dueUntil: today, upcomingUntil: addCalendarDays(today, UPCOMING_DAYS), opensAt }
  }
  const monday = addCalendarDays(today, -((dayOfWeek(today) + 6) % 7))
  const opensAt = londonSevenAm(monday)
  if (now.getTime() < opensAt.getTime()) return null
  const sunday = addCalendarDays(monday, 6)
  return { period, periodId: isoWeekOf(today), today, dueUntil: sunday, upcomingUntil: addCalendarDays(sunday, UPCOMING_DAYS), opensAt }
}

export type DigestBucket = 'overdue' | 'due' | 'upcoming'

/** Where an item stands in a digest sent at `now`, or null when it is further off. */
export function digestBucket(item: ReminderItem, window: DigestWindow, now: Date): DigestBucket | null {
  let date: IsoDate
  switch (item.kind) {
    case 'entitlements':
      if (now.getTime() >= item.dueAt.getTime()) return 'overdue'
      date = item.dueBy
      break
    case 'visits':
      if (now.getTime() >= endOfLondonDay(item.dueBy).getTime()) return 'overdue'
      date = item.dueBy
      break
    case 'hearings':
      if (item.hearingAt.getTime() <= now.getTime()) return null
      date = londonDateOf(item.hearingAt)
      break
  }
  if (date <= window.dueUntil) return 'due'
  return date <= window.upcomingUntil ? 'upcoming' : null
}
