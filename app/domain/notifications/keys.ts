// Dedupe keys for time-driven emails (reminders and digests) and the scheduler's run keys. A key
// names one logical email: the same reminder to the same recipient for the same due date is queued
// once however many scheduler runs (or instances) compute it (OutboxEmail.dedupeKey is unique).
// Keys hold record ids, states and dates only — never a name or an email address (addresses change;
// ids do not, and the outbox page shows keys).
import { dayOfWeek, addCalendarDays, type IsoDate } from '~/domain/calendar/working-days'

/** A recipient in a key: a person by user id, a team inbox by organisation id . */
export type RecipientKey = `user:${string}` | `inbox:${string}`

export const userRecipient = (userId: string): RecipientKey => `user:${userId}`
export const inboxRecipient = (organisationId: string): RecipientKey => `inbox:${organisationId}`

export type EntitlementReminderState = 'due-tomorrow' | 'overdue'
export type VisitReminderState = 'due' | 'overdue'
export type DigestPeriod = 'daily' | 'weekly'

export const reminderKeys = {
  /**
   * Once per victim, right, owing agency, state and due date: two entitlements of one right due the
   * same day (say, told of an arrest and of an interview) would be two identical emails, so they are one.
   */
  entitlement: (victimId: string, right: number, owedBy: string, state: EntitlementReminderState, dueBy: IsoDate, recipient: RecipientKey) =>
    `entitlement:${victimId}:r${right}:${owedBy}:${state}:${dueBy}:${recipient}`,
  /** Once per victim, the visit plan's next due date and state. */
  visit: (victimId: string, state: VisitReminderState, dueBy: IsoDate, recipient: RecipientKey) => `visit:${victimId}:${state}:${dueBy}:${recipient}`,
  /**
   * Once per hearing: case, kind and time (a listing per defendant for the same trial is one hearing;
   * a corrected listing at the same time is not reminded again, a moved one is).
   */
  hearing: (caseId: string, hearingType: string, hearingAt: Date, recipient: RecipientKey) => `hearing:${caseId}:${hearingType}:${compactInstant(hearingAt)}:${recipient}`,
  /** Once per person and period: digest:daily:<user>:2026-11-30, digest:weekly:<user>:2026-W49. */
  digest: (period: DigestPeriod, userId: string, periodId: string) => `digest:${period}:${userId}:${periodId}`,
}

/** '20261202T1000Z' (UTC, to the minute). */
const compactInstant = (at: Date) => `${at.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`

export type ReferralState = 'received' | 'accepted' | 'declined'

/** Event emails (app/services/notify.server.ts): once per event and recipient. */
export const notificationKeys = {
  intelligenceReceived: (itemId: string, recipient: RecipientKey) => `intelligence-received:${itemId}:${recipient}`,
  referral: (referralId: string, state: ReferralState, recipient: RecipientKey) => `referral:${referralId}:${state}:${recipient}`,
  share: (requestId: string, state: string, recipient: RecipientKey) => `share:${requestId}:${state}:${recipient}`,
}

/** The ISO-8601 week of a calendar date, e.g. '2026-W49' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOf(date: IsoDate): string {
  const thursday = addCalendarDays(date, 3 - ((dayOfWeek(date) + 6) % 7))
  const year = Number(thursday.slice(0, 4))
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`
}

/** The scheduler's JobRun key for the interval slot `now` falls in, e.g. 'reminders:2026-11-29T14:05Z'. */
export function schedulerRunKey(now: Date, intervalMinutes: number): string {
  const slotMs = Math.max(1, Math.floor(intervalMinutes)) * 60_000
  const start = new Date(Math.floor(now.getTime() / slotMs) * slotMs)
  return `reminders:${start.toISOString().slice(0, 16)}Z`
}
