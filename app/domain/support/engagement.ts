// Whether a victim has gone without support for too long. Pure.
//
// The warning shows when the victim has open support (a referral accepted or active) or an open
// case, and neither a support session they attended nor a completed follow-up visit in the last N days. N is 28,
// the same as the default follow-up visit cadence while a case is open (app/domain/visits/policy.ts).

export const NO_SUPPORT_WARNING_DAYS = 28

/** Referral statuses that mean support is under way or agreed. */
export const OPEN_SUPPORT_STATUSES: readonly string[] = ['accepted', 'active']

const DAY = 24 * 60 * 60 * 1000

export interface EngagementFacts {
  referralStatuses: readonly string[]
  openCase: boolean
  lastSessionAt: Date | null
  lastCompletedVisitAt: Date | null
}

export interface NoSupportWarning {
  days: number
  /** The last session or completed visit, if there ever was one. */
  lastContactAt: Date | null
}

/** The warning, or null when none is due (no open support or case, or contact within the last N days). */
export function noSupportWarning(facts: EngagementFacts, now: Date, days: number = NO_SUPPORT_WARNING_DAYS): NoSupportWarning | null {
  const openSupport = facts.referralStatuses.some((s) => OPEN_SUPPORT_STATUSES.includes(s))
  if (!openSupport && !facts.openCase) return null
  const contacts = [facts.lastSessionAt, facts.lastCompletedVisitAt].filter((d): d is Date => d !== null && d.getTime() <= now.getTime())
  const last = contacts.length ? new Date(Math.max(...contacts.map((d) => d.getTime()))) : null
  if (last && now.getTime() - last.getTime() < days * DAY) return null
  return { days, lastContactAt: last }
}
