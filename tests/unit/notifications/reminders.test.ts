import { describe, expect, test } from 'vitest'
import { ENGLAND_WALES_HOLIDAY_DATES } from '~/domain/calendar/bank-holidays'
import { endOfLondonDay } from '~/domain/calendar/working-days'
import { deliveriesFrom } from '~/domain/notifications/kinds'
import {
  digestBucket,
  digestWindow,
  entitlementReminderState,
  formatDay,
  formatWhen,
  hearingIsSoon,
  OVERDUE_REMINDER_DAYS,
  planReminders,
  visitReminderState,
  type EntitlementItem,
  type HearingItem,
  type Recipient,
  type VisitItem,
} from '~/domain/notifications/reminders'

const holidays = ENGLAND_WALES_HOLIDAY_DATES
const at = (iso: string) => new Date(iso)
const due = (dueBy: string) => ({ dueBy, dueAt: endOfLondonDay(dueBy) })

const user = (id: string): Recipient => ({ type: 'user', userId: id, email: `${id}@staff.example`, organisationId: 'org-police' })
const inbox: Recipient = { type: 'inbox', organisationId: 'org-police', email: 'team@police.example' }
const nobody: Recipient = { type: 'none', organisationId: null }

const entitlement = (over: Partial<EntitlementItem> = {}): EntitlementItem => ({
  kind: 'entitlements',
  id: 'ent-1',
  victimId: 'vic-1',
  reference: 'V-2026-0001',
  right: 6,
  rightTitle: 'Information about the investigation',
  owedByCode: 'police',
  owedBy: 'Police',
  ...due('2026-11-30'),
  recipient: user('officer'),
  ...over,
})
const visit = (over: Partial<VisitItem> = {}): VisitItem => ({
  kind: 'visits',
  victimId: 'vic-1',
  reference: 'V-2026-0001',
  reason: 'Regular visit while a case is open',
  dueBy: '2026-11-30',
  recipient: user('advocate'),
  ...over,
})
const hearing = (over: Partial<HearingItem> = {}): HearingItem => ({
  kind: 'hearings',
  eventId: 'evt-1',
  caseId: 'case-1',
  references: ['V-2026-0001'],
  hearingType: 'trial',
  hearing: 'Trial',
  hearingAt: at('2026-12-03T10:00:00Z'),
  recipient: user('advocate'),
  ...over,
})

describe('an entitlement is due tomorrow on the day before its due working day', () => {
  test('a Monday deadline is "due tomorrow" on the Friday before, and on the weekend (same key, so once)', () => {
    const item = due('2026-11-30') // Monday
    expect(entitlementReminderState(item, at('2026-11-26T12:00:00Z'), holidays)).toBeNull() // Thursday
    expect(entitlementReminderState(item, at('2026-11-27T08:00:00Z'), holidays)).toBe('due-tomorrow') // Friday
    expect(entitlementReminderState(item, at('2026-11-28T08:00:00Z'), holidays)).toBe('due-tomorrow') // Saturday
    expect(entitlementReminderState(item, at('2026-11-30T08:00:00Z'), holidays)).toBeNull() // due today: not "tomorrow", not overdue yet
  })

  test('across Christmas 2026: on Thursday 24 December the next working day is Tuesday 29 (Boxing Day’s substitute is Monday 28)', () => {
    expect(entitlementReminderState(due('2026-12-29'), at('2026-12-24T09:00:00Z'), holidays)).toBe('due-tomorrow')
    expect(entitlementReminderState(due('2026-12-29'), at('2026-12-23T09:00:00Z'), holidays)).toBeNull()
    expect(entitlementReminderState(due('2026-12-24'), at('2026-12-23T09:00:00Z'), holidays)).toBe('due-tomorrow')
  })

  test('overdue from the first instant after the London due day, in winter and in summer time', () => {
    expect(entitlementReminderState(due('2026-11-30'), at('2026-11-30T23:59:59Z'), holidays)).toBeNull()
    expect(entitlementReminderState(due('2026-11-30'), at('2026-12-01T00:00:00Z'), holidays)).toBe('overdue')
    // 30 June 2026 ends at 23:00 UTC (BST).
    expect(entitlementReminderState(due('2026-06-30'), at('2026-06-30T22:59:59Z'), holidays)).toBeNull()
    expect(entitlementReminderState(due('2026-06-30'), at('2026-06-30T23:00:00Z'), holidays)).toBe('overdue')
  })
})

test('a visit is due when due today or tomorrow (calendar days), overdue after its due day', () => {
  expect(visitReminderState('2026-12-01', at('2026-11-29T10:00:00Z'))).toBeNull()
  expect(visitReminderState('2026-12-01', at('2026-11-30T10:00:00Z'))).toBe('due')
  expect(visitReminderState('2026-11-29', at('2026-11-28T10:00:00Z'))).toBe('due') // Sunday counts for visits
  expect(visitReminderState('2026-12-01', at('2026-12-01T23:00:00Z'))).toBe('due')
  expect(visitReminderState('2026-12-01', at('2026-12-02T00:00:00Z'))).toBe('overdue')
})

test('a hearing is soon when still to come and within 7 days', () => {
  const now = at('2026-11-29T10:00:00Z')
  expect(hearingIsSoon(at('2026-12-06T10:00:00Z'), now)).toBe(true)
  expect(hearingIsSoon(at('2026-12-06T10:00:01Z'), now)).toBe(false)
  expect(hearingIsSoon(at('2026-11-29T09:59:59Z'), now)).toBe(false)
})

test('dates read as in the emails', () => {
  expect(formatDay('2026-11-30')).toBe('Monday 30 November 2026')
  expect(formatWhen(at('2026-12-03T10:00:00Z'))).toBe('10:00am on Thursday 3 December 2026')
  expect(formatWhen(at('2026-06-03T13:30:00Z'))).toBe('2:30pm on Wednesday 3 June 2026')
})

describe('planning', () => {
  const now = at('2026-11-27T08:00:00Z') // Friday
  const base = 'https://waypoint.example/'

  test('an item due now goes to its person, unless they chose a summary; team inboxes always get it; nobody is counted', () => {
    const deliveries = new Map([['digest-person', deliveriesFrom([{ kind: 'entitlements', delivery: 'daily' }])]])
    const plan = planReminders(
      [
        entitlement({ id: 'a', victimId: 'va', recipient: user('officer') }),
        entitlement({ id: 'b', victimId: 'vb', recipient: user('digest-person') }),
        entitlement({ id: 'c', victimId: 'vc', recipient: inbox }),
        entitlement({ id: 'd', victimId: 'vd', recipient: nobody }),
        entitlement({ id: 'e', victimId: 've', ...due('2026-11-20') }),
        entitlement({ id: 'f', victimId: 'vf', ...due('2026-12-04') }), // not due yet: nothing
      ],
      deliveries,
      now,
      holidays,
      base,
    )
    expect(plan.due).toEqual({ entitlementsDueTomorrow: 4, entitlementsOverdue: 1, visitsDue: 0, visitsOverdue: 0, hearings: 0 })
    expect(plan.deferredToDigest).toBe(1)
    expect(plan.unaddressed).toBe(1)
    expect(plan.emails.map((e) => [e.dedupeKey, e.to, e.userId, e.organisationId])).toEqual([
      ['entitlement:va:r6:police:due-tomorrow:2026-11-30:user:officer', 'officer@staff.example', 'officer', 'org-police'],
      ['entitlement:vc:r6:police:due-tomorrow:2026-11-30:inbox:org-police', 'team@police.example', null, 'org-police'],
      ['entitlement:ve:r6:police:overdue:2026-11-20:user:officer', 'officer@staff.example', 'officer', 'org-police'],
    ])
    expect(plan.emails[0]).toMatchObject({
      template: 'entitlement-reminder',
      kind: 'entitlements',
      props: {
        state: 'due-tomorrow',
        reference: 'V-2026-0001',
        right: 6,
        rightTitle: 'Information about the investigation',
        owedBy: 'Police',
        dueOn: 'Monday 30 November 2026',
        url: 'https://waypoint.example/victims/va',
      },
    })
  })

  test('two entitlements that would make the same email (same victim, right, agency, due day) make one', () => {
    const plan = planReminders([entitlement({ id: 'x1' }), entitlement({ id: 'x2' }), entitlement({ id: 'x3', right: 4 })], new Map(), now, holidays, base)
    expect(plan.due.entitlementsDueTomorrow).toBe(3)
    expect(plan.emails.map((e) => e.dedupeKey)).toEqual([
      'entitlement:vic-1:r6:police:due-tomorrow:2026-11-30:user:officer',
      'entitlement:vic-1:r4:police:due-tomorrow:2026-11-30:user:officer',
    ])
  })

  test('the choice is per kind: a summary for visits still sends hearings at once', () => {
    const deliveries = new Map([['advocate', deliveriesFrom([{ kind: 'visits', delivery: 'weekly' }])]])
    const plan = planReminders([visit({ dueBy: '2026-11-27' }), hearing()], deliveries, now, holidays, base)
    expect(plan.deferredToDigest).toBe(1)
    expect(plan.emails).toHaveLength(1)
    expect(plan.emails[0]).toMatchObject({
      template: 'hearing-reminder',
      dedupeKey: 'hearing:case-1:trial:20261203T1000Z:user:advocate',
      props: { reference: 'V-2026-0001', hearing: 'Trial', when: '10:00am on Thursday 3 December 2026', url: 'https://waypoint.example/cases/case-1' },
    })
  })

  test('visits: due and overdue states give different keys; one further off gives nothing', () => {
    const plan = planReminders([visit({ victimId: 'v1', dueBy: '2026-11-28' }), visit({ victimId: 'v2', dueBy: '2026-11-20' }), visit({ victimId: 'v3', dueBy: '2026-12-10' })], new Map(), now, holidays, base)
    expect(plan.emails.map((e) => e.dedupeKey)).toEqual(['visit:v1:due:2026-11-28:user:advocate', 'visit:v2:overdue:2026-11-20:user:advocate'])
    expect(plan.emails[1]).toMatchObject({ props: { state: 'overdue', dueOn: 'Friday 20 November 2026', reason: 'Regular visit while a case is open' } })
  })

  test('an overdue reminder is planned on every run but has one key, so it is queued once', () => {
    const item = entitlement({ ...due('2026-11-20') })
    const first = planReminders([item], new Map(), now, holidays, base)
    const later = planReminders([item], new Map(), at('2026-12-15T08:00:00Z'), holidays, base)
    expect(later.emails.map((e) => e.dedupeKey)).toEqual(first.emails.map((e) => e.dedupeKey))
  })
})

describe('digest windows', () => {
  test('daily: working days from 07:00 London, in GMT and in BST', () => {
    expect(digestWindow('daily', at('2026-11-30T06:59:00Z'), holidays)).toBeNull()
    expect(digestWindow('daily', at('2026-11-30T07:00:00Z'), holidays)).toMatchObject({ periodId: '2026-11-30', dueUntil: '2026-11-30', upcomingUntil: '2026-12-07' })
    // Summer: 07:00 BST is 06:00 UTC.
    expect(digestWindow('daily', at('2026-06-01T05:59:00Z'), holidays)).toBeNull()
    expect(digestWindow('daily', at('2026-06-01T06:00:00Z'), holidays)).toMatchObject({ periodId: '2026-06-01' })
    // Weekends and bank holidays: none.
    expect(digestWindow('daily', at('2026-11-29T09:00:00Z'), holidays)).toBeNull()
    expect(digestWindow('daily', at('2026-12-28T09:00:00Z'), holidays)).toBeNull()
    // The London date decides: 23:30 UTC on 1 June is 00:30 on 2 June in London, before 07:00.
    expect(digestWindow('daily', at('2026-06-01T22:30:00Z'), holidays)).toMatchObject({ periodId: '2026-06-01' })
    expect(digestWindow('daily', at('2026-06-01T23:30:00Z'), holidays)).toBeNull()
  })

  test('across the clock change: the Monday after BST ends opens at 07:00 UTC, the Monday after it starts at 06:00 UTC', () => {
    expect(digestWindow('weekly', at('2026-10-26T06:30:00Z'), holidays)).toBeNull() // 06:30 GMT
    expect(digestWindow('weekly', at('2026-10-26T07:00:00Z'), holidays)).toMatchObject({ periodId: '2026-W44', opensAt: at('2026-10-26T07:00:00Z') })
    expect(digestWindow('weekly', at('2026-03-30T06:00:00Z'), holidays)).toMatchObject({ periodId: '2026-W14', opensAt: at('2026-03-30T06:00:00Z') })
    expect(digestWindow('daily', at('2026-03-30T05:59:00Z'), holidays)).toBeNull()
  })

  test('weekly: from Monday 07:00 for the rest of the ISO week; due = to Sunday, coming up = the week after', () => {
    const monday = digestWindow('weekly', at('2026-11-30T07:00:00Z'), holidays)
    expect(monday).toMatchObject({ period: 'weekly', periodId: '2026-W49', today: '2026-11-30', dueUntil: '2026-12-06', upcomingUntil: '2026-12-13' })
    expect(digestWindow('weekly', at('2026-12-02T15:00:00Z'), holidays)).toMatchObject({ periodId: '2026-W49', today: '2026-12-02', dueUntil: '2026-12-06' })
    // Before Monday 07:00: none (last week's was sent last Monday).
    expect(digestWindow('weekly', at('2026-11-30T06:59:00Z'), holidays)).toBeNull()
    // A bank holiday Monday still has its weekly digest.
    expect(digestWindow('weekly', at('2026-12-28T08:00:00Z'), holidays)).toMatchObject({ periodId: '2026-W53' })
  })

  test('buckets: overdue, due in the window, coming up, or further off', () => {
    const now = at('2026-11-30T07:05:00Z')
    const daily = digestWindow('daily', now, holidays)!
    const weekly = digestWindow('weekly', now, holidays)!
    expect(digestBucket(entitlement({ ...due('2026-11-27') }), daily, now)).toBe('overdue')
    expect(digestBucket(entitlement({ ...due('2026-11-30') }), daily, now)).toBe('due')
    expect(digestBucket(entitlement({ ...due('2026-12-02') }), daily, now)).toBe('upcoming')
    expect(digestBucket(entitlement({ ...due('2026-12-02') }), weekly, now)).toBe('due')
    expect(digestBucket(entitlement({ ...due('2026-12-08') }), daily, now)).toBeNull()
    expect(digestBucket(entitlement({ ...due('2026-12-08') }), weekly, now)).toBe('upcoming')
    expect(digestBucket(visit({ dueBy: '2026-11-29' }), daily, now)).toBe('overdue')
    expect(digestBucket(hearing({ hearingAt: at('2026-11-30T10:00:00Z') }), daily, now)).toBe('due')
    expect(digestBucket(hearing({ hearingAt: at('2026-11-30T07:00:00Z') }), daily, now)).toBeNull() // already held
  })
})

describe('overdue reminders have a limit', () => {
  test(`an item overdue for ${OVERDUE_REMINDER_DAYS} days or more is not emailed (it stays on the home page and in digests)`, () => {
    const end = endOfLondonDay('2026-11-02')
    expect(entitlementReminderState({ dueBy: '2026-11-02', dueAt: end }, new Date(end.getTime() + (OVERDUE_REMINDER_DAYS - 1) * 86_400_000), new Set())).toBe('overdue')
    expect(entitlementReminderState({ dueBy: '2026-11-02', dueAt: end }, new Date(end.getTime() + OVERDUE_REMINDER_DAYS * 86_400_000), new Set())).toBeNull()
    expect(visitReminderState('2026-11-02', new Date(end.getTime() + (OVERDUE_REMINDER_DAYS - 1) * 86_400_000))).toBe('overdue')
    expect(visitReminderState('2026-11-02', new Date(end.getTime() + OVERDUE_REMINDER_DAYS * 86_400_000))).toBeNull()
  })
})
