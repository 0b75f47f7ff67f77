// What each reminder and summary email says, decided here and rendered by the templates in emails/
// (they import these types; nothing in the domain depends on the templates). Every field is a
// pseudonymous reference, a label or a formatted date: never a victim's name or case detail.
import type { DigestPeriod, EntitlementReminderState, VisitReminderState } from './keys'

export interface EntitlementReminderProps {
  state: EntitlementReminderState
  /** The victim's pseudonymous Waypoint reference, never a name. */
  reference: string
  right: number
  /** The right's title from the Victims' Code, e.g. "Information about the investigation". */
  rightTitle: string
  /** Who owes it, as an agency label: "Police", "CPS", "Witness care". */
  owedBy: string
  /** Formatted due day, e.g. "Monday 30 November 2026". */
  dueOn: string
  url: string
}

export interface HearingReminderProps {
  reference: string
  /** Kind of hearing as a label, e.g. "Trial"; never the court or the defendant. */
  hearing: string
  /** Formatted date and time, e.g. "10:00am on Thursday 3 December 2026". */
  when: string
  url: string
}

export interface VisitReminderProps {
  state: VisitReminderState
  reference: string
  /** Why the visit is due, from the visit plan, e.g. "Every 28 days while a case is open". */
  reason: string
  dueOn: string
  url: string
}

export interface DigestItem {
  /** What is owed, e.g. "Victims' Code right 6 (Police)" or "Follow-up visit". */
  label: string
  reference: string
  /** Formatted date it is or was due, when it has one. */
  dueOn?: string
  url: string
}

export interface DigestProps {
  period: DigestPeriod
  /** The recipient's own name (a professional, not a victim). */
  name: string
  overdue: DigestItem[]
  due: DigestItem[]
  upcoming: DigestItem[]
  /** Event news since the last digest, e.g. referrals waiting, intelligence in the queue. */
  news: DigestItem[]
  url: string
}
