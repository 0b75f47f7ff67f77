import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { londonDateOf } from '~/domain/calendar/working-days'
import { DEFAULT_VISIT_POLICY, VisitPolicyDaysSchema } from '~/domain/visits/policy'
import {
  evaluateVisitSchedule,
  openPeriods,
  visitStatus,
  type ScheduleInput,
  type VisitRecord,
  type VisitRequirement,
  type VisitSchedule,
  type VisitStatus,
} from '~/domain/visits/schedule'

type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never

function input(over: Partial<ScheduleInput> = {}): ScheduleInput {
  return { asOf: '2030-01-01T00:00:00Z', incidents: [], cases: [], courtEvents: [], visits: [], ...over }
}
const run = (i: ScheduleInput) => evaluateVisitSchedule(i, DEFAULT_VISIT_POLICY)
const done = (id: string, at: string): VisitRecord => ({ id, at, status: 'completed' })
const missed = (id: string, at: string, reason: 'declined' | 'not_found' | 'missing'): VisitRecord => ({ id, at, status: 'not_happened', reason })
/** reason trigger dueBy status [metBy] — one line per requirement, in output order. */
const lines = (i: ScheduleInput) => run(i).requirements.map((r) => [r.reason, r.trigger, r.dueBy, r.status, r.metBy].filter(Boolean).join(' '))

describe('first visit after an incident or disclosure', () => {
  const incident = { id: 'i1', at: '2026-03-02T10:00:00Z' }

  test('due 7 days after the London date; met, met late, due, overdue at the end of the London day', () => {
    expect(lines(input({ incidents: [incident], visits: [done('v1', '2026-03-05T14:00:00Z')] }))).toEqual(['first_after_incident i1 2026-03-09 met v1'])
    expect(lines(input({ incidents: [incident], visits: [done('v1', '2026-03-10T09:00:00Z')] }))).toEqual(['first_after_incident i1 2026-03-09 met_late v1'])
    expect(lines(input({ incidents: [incident], asOf: '2026-03-09T23:59:59Z' }))).toEqual(['first_after_incident i1 2026-03-09 due'])
    const overdue = run(input({ incidents: [incident], asOf: '2026-03-10T00:00:00Z' }))
    expect(overdue).toMatchObject({ nextDue: '2026-03-09', overdueCount: 1 })
  })

  test('a visit before the incident does not count; a visit at the same instant does', () => {
    expect(lines(input({ incidents: [incident], asOf: '2026-03-03T00:00:00Z', visits: [done('v0', '2026-03-01T10:00:00Z')] }))).toEqual([
      'first_after_incident i1 2026-03-09 due',
    ])
    expect(lines(input({ incidents: [incident], visits: [done('v1', incident.at)] }))).toEqual(['first_after_incident i1 2026-03-09 met v1'])
  })

  test('one visit after two disclosures in a week is the follow-up to both', () => {
    const result = run(input({ incidents: [incident, { id: 'i2', at: '2026-03-04T10:00:00Z' }], visits: [done('v1', '2026-03-06T10:00:00Z')] }))
    expect(result.requirements.map((r) => `${r.trigger} ${r.dueBy} ${r.status} ${r.metBy}`)).toEqual(['i1 2026-03-09 met v1', 'i2 2026-03-11 met v1'])
    expect(result).not.toHaveProperty('nextDue')
    expect(result.overdueCount).toBe(0)
  })

  test('a planned visit is named on the open requirement and meets nothing', () => {
    const [r] = run(
      input({ incidents: [incident], asOf: '2026-03-03T00:00:00Z', visits: [{ id: 'p1', at: '2026-03-06T10:00:00Z', status: 'planned' }] }),
    ).requirements
    expect(r).toEqual({
      reason: 'first_after_incident',
      trigger: 'i1',
      dueBy: '2026-03-09',
      status: 'due',
      attempts: [],
      missingEpisodeSuspected: false,
      planned: 'p1',
    })
  })
})

describe('cadence while a case is open', () => {
  const incident = { id: 'i1', at: '2026-01-05T09:00:00Z' }
  const kase = { id: 'c1', openedAt: '2026-01-05T09:00:00Z' }

  test('every 28 days from the last completed visit', () => {
    const i = input({
      incidents: [incident],
      cases: [kase],
      asOf: '2026-02-20T12:00:00Z',
      visits: [done('v1', '2026-01-08T10:00:00Z'), done('v2', '2026-02-01T10:00:00Z')],
    })
    expect(lines(i)).toEqual(['first_after_incident i1 2026-01-12 met v1', 'cadence v1 2026-02-05 met v2', 'cadence v2 2026-03-01 due'])
    expect(run(i)).toMatchObject({ nextDue: '2026-03-01', overdueCount: 0 })
  })

  test('restarts from the last completed visit: an early visit moves the next due date earlier', () => {
    const i = input({
      incidents: [incident],
      cases: [kase],
      asOf: '2026-02-01T12:00:00Z',
      visits: [done('v1', '2026-01-08T10:00:00Z'), done('v2', '2026-01-18T10:00:00Z')],
    })
    expect(lines(i)).toEqual(['first_after_incident i1 2026-01-12 met v1', 'cadence v1 2026-02-05 met v2', 'cadence v2 2026-02-15 due'])
  })

  test('before the first visit it runs from the first follow-up due date; each missed period counts', () => {
    const i = input({ incidents: [incident], cases: [kase], asOf: '2026-04-01T12:00:00Z' })
    expect(lines(i)).toEqual([
      'first_after_incident i1 2026-01-12 overdue',
      'cadence i1 2026-02-09 overdue',
      'cadence i1 2026-03-09 overdue',
      'cadence i1 2026-04-06 due',
    ])
    expect(run(i)).toMatchObject({ nextDue: '2026-01-12', overdueCount: 3 })
    // The visit that ends the gap meets the missed ones late, and the clock restarts from it.
    expect(lines({ ...i, visits: [done('v1', '2026-03-20T10:00:00Z')] })).toEqual([
      'first_after_incident i1 2026-01-12 met_late v1',
      'cadence i1 2026-02-09 met_late v1',
      'cadence i1 2026-03-09 met_late v1',
      'cadence v1 2026-04-17 due',
    ])
  })

  test('with no incident recorded it runs from the day the case opened', () => {
    expect(lines(input({ cases: [{ id: 'c9', openedAt: '2026-05-01T08:00:00Z' }], asOf: '2026-05-02T00:00:00Z' }))).toEqual(['cadence c9 2026-05-29 due'])
  })

  test('no open case, no cadence', () => {
    expect(lines(input({ incidents: [incident], visits: [done('v1', '2026-01-08T10:00:00Z')] }))).toEqual(['first_after_incident i1 2026-01-12 met v1'])
  })

  test('closing the case stops it: not yet due is dropped, already overdue stays; a new case starts it again', () => {
    const visits = [done('v1', '2026-01-08T10:00:00Z')]
    expect(lines(input({ incidents: [incident], cases: [{ ...kase, closedAt: '2026-01-31T10:00:00Z' }], visits }))).toEqual([
      'first_after_incident i1 2026-01-12 met v1',
    ])
    expect(lines(input({ incidents: [incident], cases: [{ ...kase, closedAt: '2026-02-10T10:00:00Z' }], visits }))).toEqual([
      'first_after_incident i1 2026-01-12 met v1',
      'cadence v1 2026-02-05 overdue',
    ])
    const reopened = input({
      incidents: [incident],
      cases: [
        { ...kase, closedAt: '2026-01-31T10:00:00Z' },
        { id: 'c2', openedAt: '2026-06-01T10:00:00Z' },
      ],
      visits,
      asOf: '2026-06-02T00:00:00Z',
    })
    expect(lines(reopened)).toEqual(['first_after_incident i1 2026-01-12 met v1', 'cadence c2 2026-06-29 due'])
  })

  test('overlapping cases make one open period', () => {
    expect(
      openPeriods([
        { id: 'b', openedAt: '2026-02-01T00:00:00Z', closedAt: '2026-04-01T00:00:00Z' },
        { id: 'a', openedAt: '2026-01-01T00:00:00Z', closedAt: '2026-03-01T00:00:00Z' },
        { id: 'c', openedAt: '2026-05-01T00:00:00Z' },
        { id: 'd', openedAt: '2026-05-02T00:00:00Z', closedAt: '2026-05-01T00:00:00Z' },
      ]),
    ).toEqual([
      { caseId: 'a', from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z') },
      { caseId: 'c', from: Date.parse('2026-05-01T00:00:00Z') },
    ])
  })
})

describe('after key court events', () => {
  test('trial and section 28 hearing outcomes, verdict, sentence and appeal count; other hearings and listings do not', () => {
    const i = input({
      courtEvents: [
        { id: 'h1', type: 'hearing_outcome', at: '2026-09-01T15:00:00Z', hearingType: 'ptph' },
        { id: 'h2', type: 'hearing_outcome', at: '2026-09-14T15:00:00Z', hearingType: 's28_recording' },
        { id: 'l1', type: 'hearing_listed', at: '2026-09-15T10:00:00Z' },
        { id: 'h3', type: 'hearing_outcome', at: '2026-10-05T15:00:00Z', hearingType: 'trial' },
        { id: 'o1', type: 'case_outcome', at: '2026-10-09T15:00:00Z' },
        { id: 's1', type: 'sentenced', at: '2026-10-20T15:00:00Z' },
        { id: 'a1', type: 'appeal_outcome', at: '2027-02-01T12:00:00Z' },
        { id: 'x', type: 'hearing_outcome', at: '2026-10-06T15:00:00Z' },
      ],
      visits: [done('v1', '2026-09-18T10:00:00Z'), done('v2', '2026-10-12T10:00:00Z')],
      asOf: '2026-11-01T12:00:00Z',
    })
    expect(lines(i)).toEqual([
      'after_court_event h2 2026-09-21 met v1',
      'after_court_event h3 2026-10-12 met v2',
      'after_court_event o1 2026-10-16 met v2',
      'after_court_event s1 2026-10-27 overdue',
      'after_court_event a1 2027-02-08 due',
    ])
  })

  test('the policy decides which events are key and how soon', () => {
    const policy = { ...DEFAULT_VISIT_POLICY, afterCourtEventWithinDays: 3, courtEventTypes: ['cps_discontinued' as const] }
    const result = evaluateVisitSchedule(
      input({
        courtEvents: [
          { id: 'd1', type: 'cps_discontinued', at: '2026-07-01T10:00:00Z' },
          { id: 's1', type: 'sentenced', at: '2026-07-01T10:00:00Z' },
        ],
      }),
      policy,
    )
    expect(result.requirements.map((r) => `${r.trigger} ${r.dueBy}`)).toEqual(['d1 2026-07-04'])
  })
})

describe('visits that did not happen: the plan adapts', () => {
  const kase = { id: 'c1', openedAt: '2026-01-05T09:00:00Z' }
  const base = { incidents: [{ id: 'i1', at: '2026-01-05T09:00:00Z' }], cases: [kase], asOf: '2026-01-21T12:00:00Z' }

  test('declined or not found: the next try is due within 7 days, never later than planned', () => {
    for (const reason of ['declined', 'not_found'] as const) {
      const result = run(input({ ...base, visits: [done('v1', '2026-01-08T10:00:00Z'), missed('m1', '2026-01-20T16:00:00Z', reason)] }))
      expect(result.requirements[1]).toEqual({
        reason: 'cadence',
        trigger: 'v1',
        dueBy: '2026-01-27',
        status: 'due',
        attempts: [{ visit: 'm1', at: '2026-01-20T16:00:00Z', reason }],
        missingEpisodeSuspected: false,
      })
    }
    // Declined two days before the first visit was due: still due on the original day.
    expect(lines(input({ ...base, visits: [missed('m1', '2026-01-10T10:00:00Z', 'declined')] }))[0]).toBe('first_after_incident i1 2026-01-12 overdue')
  })

  test('a failed try does not meet the requirement, a later visit does (late if after the retry date)', () => {
    const visits = [done('v1', '2026-01-08T10:00:00Z'), missed('m1', '2026-01-20T16:00:00Z', 'not_found'), done('v2', '2026-01-29T10:00:00Z')]
    expect(lines(input({ ...base, asOf: '2026-02-01T00:00:00Z', visits }))).toEqual([
      'first_after_incident i1 2026-01-12 met v1',
      'cadence v1 2026-01-27 met_late v2',
      'cadence v2 2026-02-26 due',
    ])
  })

  test('missing: flags a suspected missing episode and keeps the due date', () => {
    const [first, cadence] = run(input({ ...base, visits: [done('v1', '2026-01-08T10:00:00Z'), missed('m1', '2026-01-20T16:00:00Z', 'missing')] })).requirements
    expect(first).toMatchObject({ missingEpisodeSuspected: false, attempts: [] })
    expect(cadence).toMatchObject({ trigger: 'v1', dueBy: '2026-02-05', missingEpisodeSuspected: true, attempts: [{ visit: 'm1', reason: 'missing' }] })
  })

  test('an attempt counts for every requirement open at its time, not for those already met', () => {
    const i = input({
      incidents: [{ id: 'i1', at: '2026-01-05T09:00:00Z' }],
      courtEvents: [{ id: 's1', type: 'sentenced', at: '2026-01-06T15:00:00Z' }],
      visits: [missed('m1', '2026-01-07T10:00:00Z', 'declined'), done('v1', '2026-01-09T10:00:00Z'), missed('m2', '2026-01-10T10:00:00Z', 'missing')],
    })
    expect(run(i).requirements.map((r) => `${r.trigger} ${r.metBy} ${r.attempts.map((a) => a.visit).join(',')}`)).toEqual(['i1 v1 m1', 's1 v1 m1'])
  })
})

describe('London dates: clocks changing and month ends', () => {
  const kase = { id: 'c1', openedAt: '2026-03-01T09:00:00Z' }

  test('late March: a visit late on Saturday 28 March (GMT), the next due day ends at 23:00 UTC (BST)', () => {
    const visits = [done('v1', '2026-03-28T23:30:00Z')]
    expect(londonDateOf(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28')
    expect(lines(input({ cases: [kase], visits: [...visits, done('v2', '2026-04-25T22:59:00Z')], asOf: '2026-04-26T00:00:00Z' }))).toContain(
      'cadence v1 2026-04-25 met v2',
    )
    expect(lines(input({ cases: [kase], visits: [...visits, done('v2', '2026-04-25T23:00:00Z')], asOf: '2026-04-26T00:00:00Z' }))).toContain(
      'cadence v1 2026-04-25 met_late v2',
    )
    expect(visitStatus('2026-04-25', undefined, new Date('2026-04-25T22:59:59Z'))).toBe('due')
    expect(visitStatus('2026-04-25', undefined, new Date('2026-04-25T23:00:00Z'))).toBe('overdue')
  })

  test('late October: an incident at 00:30 BST on 25 October counts from the 25th; the due day ends at midnight GMT', () => {
    const incidents = [{ id: 'i1', at: '2026-10-24T23:30:00Z' }]
    expect(lines(input({ incidents, visits: [done('v1', '2026-11-01T23:59:00Z')] }))).toEqual(['first_after_incident i1 2026-11-01 met v1'])
    expect(lines(input({ incidents, visits: [done('v1', '2026-11-02T00:00:00Z')] }))).toEqual(['first_after_incident i1 2026-11-01 met_late v1'])
  })

  test('month and year ends, and a leap year', () => {
    const one = (at: string) => lines(input({ incidents: [{ id: 'i', at }], asOf: '2020-01-01T00:00:00Z' }))[0]
    expect(one('2026-06-30T23:30:00Z')).toBe('first_after_incident i 2026-07-08 due') // 00:30 BST on 1 July
    expect(one('2026-12-28T12:00:00Z')).toBe('first_after_incident i 2027-01-04 due')
    expect(one('2028-02-24T12:00:00Z')).toBe('first_after_incident i 2028-03-02 due')
    expect(one('2027-02-24T12:00:00Z')).toBe('first_after_incident i 2027-03-03 due')
    const cadence = (at: string) =>
      lines(input({ cases: [{ id: 'c', openedAt: '2020-01-01T00:00:00Z' }], visits: [done('v', at)], asOf: '2020-01-01T00:00:00Z' })).at(-1)
    expect(cadence('2026-01-31T12:00:00Z')).toBe('cadence v 2026-02-28 due')
    expect(cadence('2028-01-31T12:00:00Z')).toBe('cadence v 2028-02-28 due')
    expect(cadence('2028-02-01T12:00:00Z')).toBe('cadence v 2028-02-29 due')
  })
})

test('the policy: defaults, days validated', () => {
  expect(DEFAULT_VISIT_POLICY).toMatchObject({ firstVisitWithinDays: 7, cadenceDays: 28, afterCourtEventWithinDays: 7 })
  expect(VisitPolicyDaysSchema.safeParse(DEFAULT_VISIT_POLICY).success).toBe(true)
  const bad = VisitPolicyDaysSchema.safeParse({ ...DEFAULT_VISIT_POLICY, cadenceDays: 0, retryWithinDays: 2.5 })
  expect(bad.error?.issues.map((i) => i.message)).toEqual([
    'The time between visits must be at least 1 day',
    'The deadline to try again must be a whole number of days',
  ])
})

describe('properties', () => {
  const DAY = 86_400_000
  const FROM = Date.UTC(2026, 0, 1)
  const AS_OF = FROM + 400 * DAY
  const instantArb = fc.integer({ min: 0, max: 400 * DAY }).map((ms) => new Date(FROM + ms).toISOString())
  const visitArb = fc.record({ at: instantArb, outcome: fc.constantFrom('completed', 'planned', 'declined', 'not_found', 'missing') })
  const scenarioArb = fc.record({
    incidents: fc.array(instantArb, { maxLength: 3 }),
    cases: fc.array(fc.record({ openedAt: instantArb, closedAt: fc.option(instantArb, { nil: undefined }) }), { maxLength: 2 }),
    courtEvents: fc.array(fc.record({ at: instantArb, type: fc.constantFrom('case_outcome', 'sentenced', 'hearing_listed') }), { maxLength: 3 }),
    visits: fc.array(visitArb, { maxLength: 8 }),
    policy: fc.record({
      firstVisitWithinDays: fc.integer({ min: 1, max: 14 }),
      cadenceDays: fc.integer({ min: 7, max: 42 }),
      retryWithinDays: fc.integer({ min: 1, max: 14 }),
    }),
  })
  const build = (s: ArbValue<typeof scenarioArb>, extra: VisitRecord[] = []): ScheduleInput => ({
    asOf: new Date(AS_OF).toISOString(),
    incidents: s.incidents.map((at, n) => ({ id: `i${n}`, at })),
    cases: s.cases.map((c, n) => ({ id: `c${n}`, ...c })),
    courtEvents: s.courtEvents.map((e, n) => ({ id: `e${n}`, ...e })),
    visits: [
      ...s.visits.map((v, n): VisitRecord =>
        v.outcome === 'completed' || v.outcome === 'planned'
          ? { id: `v${n}`, at: v.at, status: v.outcome }
          : { id: `v${n}`, at: v.at, status: 'not_happened', reason: v.outcome },
      ),
      ...extra,
    ],
  })
  const policyOf = (s: ArbValue<typeof scenarioArb>) => ({ ...DEFAULT_VISIT_POLICY, ...s.policy })

  test('every dueBy is on or after its trigger’s London date; status is a function of (dueBy, metAt, asOf)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const i = build(s)
        const triggerAt = new Map<string, string>([
          ...i.incidents.map((x) => [x.id, x.at] as const),
          ...i.courtEvents.map((x) => [x.id, x.at] as const),
          ...i.visits.map((x) => [x.id, x.at] as const),
          ...i.cases.map((x) => [x.id, x.openedAt] as const),
        ])
        const result = evaluateVisitSchedule(i, policyOf(s))
        for (const r of result.requirements) {
          expect(r.dueBy >= londonDateOf(new Date(triggerAt.get(r.trigger)!))).toBe(true)
          expect(r.status).toBe(visitStatus(r.dueBy, r.metAt ? new Date(r.metAt) : undefined, new Date(i.asOf)))
        }
        expect(result.overdueCount).toBe(result.requirements.filter((r) => r.status === 'overdue').length)
      }),
    )
  })

  const RANK: Record<VisitStatus, number> = { met: 0, due: 1, met_late: 2, overdue: 3 }

  test('adding a completed visit (before asOf) never makes a requirement worse', () => {
    fc.assert(
      fc.property(scenarioArb, instantArb, (s, at) => {
        const policy = policyOf(s)
        const before = evaluateVisitSchedule(build(s), policy)
        const after = evaluateVisitSchedule(build(s, [done('added', at)]), policy)
        // A cadence requirement is named by its due date too: an earlier visit restarts the clock, making new ones.
        const key = (r: VisitRequirement) => `${r.reason} ${r.trigger} ${r.reason === 'cadence' ? r.dueBy : ''}`
        const afterByKey = new Map(after.requirements.map((r) => [key(r), r]))
        for (const r of before.requirements) {
          const now = afterByKey.get(key(r))
          if (r.reason !== 'cadence') expect(now).toBeDefined()
          if (!now) continue
          expect(RANK[now.status]).toBeLessThanOrEqual(RANK[r.status])
          expect(now.dueBy >= r.dueBy).toBe(true)
        }
        const overdueEvents = (x: VisitSchedule) => x.requirements.filter((r) => r.reason !== 'cadence' && r.status === 'overdue').length
        expect(overdueEvents(after)).toBeLessThanOrEqual(overdueEvents(before))
      }),
    )
  })

  test('while a case is still open exactly one cadence visit is due next; with none open, none is', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const i = build(s)
        const due = evaluateVisitSchedule(i, policyOf(s)).requirements.filter((r) => r.reason === 'cadence' && r.status === 'due')
        expect(due.length).toBe(i.cases.some((c) => c.closedAt === undefined) ? 1 : 0)
      }),
    )
  })
})
