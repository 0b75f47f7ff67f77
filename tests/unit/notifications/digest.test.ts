import { describe, expect, test } from 'vitest'
import { renderTemplate } from '#emails/catalogue'
import { ENGLAND_WALES_HOLIDAY_DATES } from '~/domain/calendar/bank-holidays'
import { endOfLondonDay } from '~/domain/calendar/working-days'
import { buildDigest, kindsFor, type NewsItem } from '~/domain/notifications/digest'
import { deliveriesFrom } from '~/domain/notifications/kinds'
import { digestWindow, type ReminderItem } from '~/domain/notifications/reminders'

const at = (iso: string) => new Date(iso)
const me = { type: 'user' as const, userId: 'me', email: 'me@staff.example', organisationId: 'org' }
const now = at('2026-11-30T07:10:00Z') // Monday
const daily = digestWindow('daily', now, ENGLAND_WALES_HOLIDAY_DATES)!
const weekly = digestWindow('weekly', now, ENGLAND_WALES_HOLIDAY_DATES)!
const base = 'https://waypoint.example'

const entitlement = (id: string, dueBy: string, right = 6): ReminderItem => ({
  kind: 'entitlements',
  id,
  victimId: `victim-${id}`,
  reference: `V-2026-${id}`,
  right,
  rightTitle: 'Information about the investigation',
  owedByCode: 'police',
  owedBy: 'Police',
  dueBy,
  dueAt: endOfLondonDay(dueBy),
  recipient: me,
})
const items: ReminderItem[] = [
  entitlement('0003', '2026-12-02'),
  entitlement('0001', '2026-11-26'),
  entitlement('0002', '2026-11-30', 4),
  entitlement('0004', '2026-12-09'),
  entitlement('0005', '2026-12-20'),
  { kind: 'visits', victimId: 'victim-0006', reference: 'V-2026-0006', reason: 'Regular visit while a case is open', dueBy: '2026-12-01', recipient: me },
  { kind: 'hearings', eventId: 'e1', caseId: 'case-1', references: ['V-2026-0007', 'V-2026-0008'], hearingType: 'trial', hearing: 'Trial', hearingAt: at('2026-12-03T10:00:00Z'), recipient: me },
]

test('the kinds a person chose this summary for', () => {
  const d = deliveriesFrom([
    { kind: 'entitlements', delivery: 'daily' },
    { kind: 'visits', delivery: 'weekly' },
    { kind: 'referrals', delivery: 'weekly' },
  ])
  expect(kindsFor(d, 'daily')).toEqual(['entitlements'])
  expect(kindsFor(d, 'weekly')).toEqual(['visits', 'referrals'])
  expect(kindsFor(deliveriesFrom([]), 'daily')).toEqual([])
})

describe('building a digest', () => {
  test('daily: overdue, due today and the next 7 days, of the chosen kinds only, by date', () => {
    const props = buildDigest({ window: daily, name: 'Sam Example', kinds: ['entitlements'], items, news: [], now, baseUrl: base })
    expect(props).toEqual({
      period: 'daily',
      name: 'Sam Example',
      overdue: [{ label: "Victims' Code right 6 (Police)", reference: 'V-2026-0001', dueOn: 'Thursday 26 November 2026', url: 'https://waypoint.example/victims/victim-0001' }],
      due: [{ label: "Victims' Code right 4 (Police)", reference: 'V-2026-0002', dueOn: 'Monday 30 November 2026', url: 'https://waypoint.example/victims/victim-0002' }],
      upcoming: [{ label: "Victims' Code right 6 (Police)", reference: 'V-2026-0003', dueOn: 'Wednesday 2 December 2026', url: 'https://waypoint.example/victims/victim-0003' }],
      news: [],
      url: 'https://waypoint.example/',
    })
  })

  test('weekly: due this week, coming up the week after; visits and hearings when chosen', () => {
    const props = buildDigest({ window: weekly, name: 'Sam Example', kinds: ['entitlements', 'visits', 'hearings'], items, news: [], now, baseUrl: base })!
    expect(props.overdue.map((i) => i.reference)).toEqual(['V-2026-0001'])
    expect(props.due.map((i) => i.reference)).toEqual(['V-2026-0002', 'V-2026-0006', 'V-2026-0003', 'V-2026-0007, V-2026-0008'])
    expect(props.due[3]).toEqual({ label: 'Trial', reference: 'V-2026-0007, V-2026-0008', dueOn: '10:00am on Thursday 3 December 2026', url: 'https://waypoint.example/cases/case-1' })
    expect(props.upcoming.map((i) => i.reference)).toEqual(['V-2026-0004'])
  })

  test('news of the chosen kinds: intelligence waiting, referrals waiting and decided', () => {
    const news: NewsItem[] = [
      { kind: 'referrals', referralId: 'r1', reference: 'V-2026-0010', state: 'waiting', at: at('2026-11-27T09:00:00Z') },
      { kind: 'intelligence', itemId: 'i1', reference: 'V-2026-0011', createdAt: at('2026-11-26T09:00:00Z') },
      { kind: 'referrals', referralId: 'r2', reference: 'V-2026-0012', state: 'declined', at: at('2026-11-28T09:00:00Z') },
    ]
    const props = buildDigest({ window: weekly, name: 'Sam', kinds: ['intelligence', 'referrals'], items, news, now, baseUrl: base })!
    expect(props.overdue).toEqual([])
    expect(props.news).toEqual([
      { label: 'New intelligence in your force’s queue', reference: 'V-2026-0011', url: 'https://waypoint.example/intelligence/i1' },
      { label: 'Referral waiting for your decision', reference: 'V-2026-0010', url: 'https://waypoint.example/referrals/r1' },
      { label: 'Your referral was declined', reference: 'V-2026-0012', url: 'https://waypoint.example/referrals/r2' },
    ])
    expect(buildDigest({ window: weekly, name: 'Sam', kinds: ['referrals'], items, news, now, baseUrl: base })!.news).toHaveLength(2)
  })

  test('empty: no digest (nothing of the chosen kinds, or all of it further off)', () => {
    expect(buildDigest({ window: daily, name: 'Sam', kinds: ['referrals'], items, news: [], now, baseUrl: base })).toBeNull()
    expect(buildDigest({ window: daily, name: 'Sam', kinds: ['entitlements'], items: [entitlement('0009', '2026-12-20')], news: [], now, baseUrl: base })).toBeNull()
    expect(buildDigest({ window: daily, name: 'Sam', kinds: [], items, news: [], now, baseUrl: base })).toBeNull()
  })

  test('renders with references and links only', async () => {
    const props = buildDigest({ window: weekly, name: 'Sam Example', kinds: ['entitlements', 'visits', 'hearings'], items, news: [], now, baseUrl: base })!
    const { html, text } = await renderTemplate('digest', props)
    expect(text.toLowerCase()).toContain('your weekly waypoint summary')
    expect(text).toContain('V-2026-0001')
    expect(text.toLowerCase()).toContain('overdue (1)')
    expect(text.toLowerCase()).toContain('due this week (4)')
    expect(html).toContain('https://waypoint.example/victims/victim-0001')
  })
})
