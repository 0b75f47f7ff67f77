import { describe, expect, test } from 'vitest'
import { NO_SUPPORT_WARNING_DAYS, noSupportWarning, type EngagementFacts } from '~/domain/support/engagement'

const NOW = new Date('2026-11-23T12:00:00Z')
const DAY = 86_400_000
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY)
const facts = (over: Partial<EngagementFacts> = {}): EngagementFacts => ({
  referralStatuses: [],
  openCase: false,
  lastSessionAt: null,
  lastCompletedVisitAt: null,
  ...over,
})

describe('no support in the last N days', () => {
  test('N is 28 days', () => {
    expect(NO_SUPPORT_WARNING_DAYS).toBe(28)
  })

  test('no warning without open support or an open case, however long since contact', () => {
    expect(noSupportWarning(facts(), NOW)).toBeNull()
    expect(noSupportWarning(facts({ referralStatuses: ['sent', 'closed', 'declined', 'withdrawn'], lastSessionAt: daysAgo(400) }), NOW)).toBeNull()
  })

  test('open support (accepted or active) or an open case with no session or visit ever: warning with no last contact', () => {
    expect(noSupportWarning(facts({ referralStatuses: ['active'] }), NOW)).toEqual({ days: 28, lastContactAt: null })
    expect(noSupportWarning(facts({ referralStatuses: ['accepted'] }), NOW)).toEqual({ days: 28, lastContactAt: null })
    expect(noSupportWarning(facts({ openCase: true }), NOW)).toEqual({ days: 28, lastContactAt: null })
  })

  test('a session or a completed visit within the last 28 days stops the warning; the boundary is exactly 28 days', () => {
    expect(noSupportWarning(facts({ openCase: true, lastSessionAt: daysAgo(27) }), NOW)).toBeNull()
    expect(noSupportWarning(facts({ openCase: true, lastCompletedVisitAt: daysAgo(3) }), NOW)).toBeNull()
    expect(noSupportWarning(facts({ openCase: true, lastSessionAt: new Date(NOW.getTime() - 28 * DAY + 1) }), NOW)).toBeNull()
    expect(noSupportWarning(facts({ openCase: true, lastSessionAt: daysAgo(28) }), NOW)).toEqual({ days: 28, lastContactAt: daysAgo(28) })
  })

  test('the latest of session and visit is the last contact; a date in the future does not count', () => {
    const w = noSupportWarning(facts({ referralStatuses: ['active'], lastSessionAt: daysAgo(40), lastCompletedVisitAt: daysAgo(35) }), NOW)
    expect(w).toEqual({ days: 28, lastContactAt: daysAgo(35) })
    expect(noSupportWarning(facts({ openCase: true, lastSessionAt: new Date(NOW.getTime() + DAY) }), NOW)).toEqual({ days: 28, lastContactAt: null })
  })

  test('N can be given', () => {
    expect(noSupportWarning(facts({ openCase: true, lastSessionAt: daysAgo(10) }), NOW, 7)).toEqual({ days: 7, lastContactAt: daysAgo(10) })
  })
})
