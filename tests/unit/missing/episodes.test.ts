// Also run with another machine time zone to show nothing depends on it:
//   TZ=America/New_York npx vitest run --project unit tests/unit/missing
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  describeLondonTime,
  londonWallTime,
  missingEpisodeSchema,
  returnInterviewSchema,
  rhiDueAt,
  rhiOutcome,
  withinSeventyTwoHours,
  type ReturnInterview,
  type RhiOutcome,
} from '~/domain/missing/episodes'

const HOUR = 3_600_000
const NOW = new Date('2026-11-29T10:00:00Z')
const at = (iso: string) => new Date(iso)
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('missing episode schema', () => {
  const schema = missingEpisodeSchema(NOW)
  const returned = {
    missingFrom: '2026-11-20T18:00:00Z',
    returnedAt: '2026-11-21T09:15:00Z',
    reportedToPolice: 'yes',
    policeReference: 'NM/2026/4411',
    foundBy: 'police',
  }

  test('parses a returned episode', () => {
    expect(schema.parse(returned)).toEqual({
      missingFrom: at('2026-11-20T18:00:00Z'),
      returnedAt: at('2026-11-21T09:15:00Z'),
      reportedToPolice: true,
      policeReference: 'NM/2026/4411',
      foundBy: 'police',
      foundByDetail: null,
    })
  })

  test('a child still missing has no return and no finder; blank form fields are "not given"', () => {
    const r = schema.parse({ missingFrom: '2026-11-28T22:00:00Z', returnedAt: '', reportedToPolice: 'no', policeReference: 'ignored', foundBy: '' })
    expect(r).toMatchObject({ returnedAt: null, reportedToPolice: false, policeReference: null, foundBy: null })
  })

  test('every missing field has its own message', () => {
    expect(messages(schema.safeParse({ missingFrom: '', reportedToPolice: '' }))).toEqual({
      missingFrom: 'Enter when they went missing',
      reportedToPolice: 'Select whether they were reported missing to the police',
    })
  })

  test('nothing in the future', () => {
    const r = schema.safeParse({ ...returned, missingFrom: '2026-11-29T11:00:00Z', returnedAt: '2026-11-29T12:00:00Z' })
    expect(messages(r)).toEqual({
      missingFrom: 'The time they went missing must be now or in the past',
      returnedAt: 'The time they returned must be now or in the past: leave it blank while they are still missing',
    })
    expect(schema.safeParse({ ...returned, returnedAt: NOW.toISOString() }).success).toBe(true)
  })

  test('the return must come after the start of the episode', () => {
    const msg = 'The time they returned must be after the time they went missing'
    expect(messages(schema.safeParse({ ...returned, returnedAt: '2026-11-20T17:59:00Z' }))).toEqual({ returnedAt: msg })
    expect(messages(schema.safeParse({ ...returned, returnedAt: returned.missingFrom }))).toEqual({ returnedAt: msg })
  })

  test('who found them goes with a return; "someone else" needs a name', () => {
    expect(messages(schema.safeParse({ ...returned, foundBy: undefined }))).toEqual({ foundBy: 'Select how they returned or who found them' })
    expect(messages(schema.safeParse({ ...returned, returnedAt: undefined }))).toEqual({
      returnedAt: 'Enter when they returned, or leave how they were found blank while they are missing',
    })
    expect(messages(schema.safeParse({ ...returned, foundBy: 'other' }))).toEqual({ foundByDetail: 'Enter who found them' })
    expect(schema.parse({ ...returned, foundBy: 'other', foundByDetail: 'A bus driver' }).foundByDetail).toBe('A bus driver')
    expect(messages(schema.safeParse({ ...returned, foundBy: 'aliens' }))).toEqual({ foundBy: 'Select how they returned or who found them' })
  })
})

describe('return home interview schema', () => {
  const returnedAt = at('2026-11-21T09:15:00Z')
  const schema = returnInterviewSchema({ now: NOW, returnedAt })

  test('not offered needs nothing else and keeps nothing else', () => {
    expect(schema.parse({ status: 'not_offered', at: '2026-11-22T10:00:00Z', by: 'x', findings: 'y' })).toEqual({
      status: 'not_offered',
      at: null,
      by: null,
      findings: null,
    })
  })

  test('completed needs when and by whom; findings kept only for a completed interview', () => {
    expect(messages(schema.safeParse({ status: 'completed' }))).toEqual({
      at: 'Enter when the interview was carried out',
      by: 'Enter who carried out the interview',
    })
    expect(messages(schema.safeParse({ status: 'offered' }))).toEqual({ at: 'Enter when the interview was offered', by: 'Enter who offered the interview' })
    const done = schema.parse({
      status: 'completed',
      at: '2026-11-22T15:00:00Z',
      by: 'Jo Marsh, Safe Harbour',
      findings: 'Talked about a house on Keld Street',
    })
    expect(done).toEqual({ status: 'completed', at: at('2026-11-22T15:00:00Z'), by: 'Jo Marsh, Safe Harbour', findings: 'Talked about a house on Keld Street' })
    expect(schema.parse({ status: 'declined', at: '2026-11-22T15:00:00Z', by: 'Jo Marsh', findings: 'x' }).findings).toBeNull()
  })

  test('not before the return, not in the future', () => {
    expect(messages(schema.safeParse({ status: 'declined', at: '2026-11-21T09:00:00Z', by: 'Jo' }))).toEqual({
      at: 'The interview cannot have been declined before they returned',
    })
    expect(messages(schema.safeParse({ status: 'completed', at: '2026-11-30T09:00:00Z', by: 'Jo' }))).toEqual({ at: 'The date must be now or in the past' })
    expect(messages(schema.safeParse({ status: 'maybe' }))).toEqual({ status: 'Select whether a return home interview was offered, completed or declined' })
  })
})

describe('the 72-hour clock', () => {
  test('an ordinary week: due at the same wall time three days later', () => {
    const due = rhiDueAt(at('2026-11-20T14:00:00Z'))
    expect(due.toISOString()).toBe('2026-11-23T14:00:00.000Z')
    expect(describeLondonTime(due)).toBe('14:00 GMT on Monday 23 November 2026')
  })

  // Clocks go forward at 01:00 GMT on Sunday 29 March 2026: wall times 01:00–01:59 do not exist that day.
  test.each([
    // returned (instant), London wall time of the return, due (London wall time)
    ['2026-03-28T03:30:00Z', '03:30 GMT on Saturday 28 March 2026', '04:30 BST on Tuesday 31 March 2026'],
    ['2026-03-29T00:30:00Z', '00:30 GMT on Sunday 29 March 2026', '01:30 BST on Wednesday 1 April 2026'],
    ['2026-03-29T01:30:00Z', '02:30 BST on Sunday 29 March 2026', '02:30 BST on Wednesday 1 April 2026'],
  ])('spring forward: returned %s (%s) → due %s', (returned, wall, due) => {
    const r = at(returned)
    expect(describeLondonTime(r)).toBe(wall)
    expect(describeLondonTime(rhiDueAt(r))).toBe(due)
    expect(rhiDueAt(r).getTime() - r.getTime()).toBe(72 * HOUR)
  })

  // Clocks go back at 02:00 BST (01:00 GMT) on Sunday 25 October 2026: 01:00–01:59 happens twice.
  test.each([
    ['2026-10-23T21:00:00Z', '22:00 BST on Friday 23 October 2026', '21:00 GMT on Monday 26 October 2026'],
    // Due on the Tuesday in London, though three "days" after a Sunday return.
    ['2026-10-24T23:30:00Z', '00:30 BST on Sunday 25 October 2026', '23:30 GMT on Tuesday 27 October 2026'],
    // The repeated hour: the same wall time, an hour apart, due an hour apart.
    ['2026-10-25T00:30:00Z', '01:30 BST on Sunday 25 October 2026', '00:30 GMT on Wednesday 28 October 2026'],
    ['2026-10-25T01:30:00Z', '01:30 GMT on Sunday 25 October 2026', '01:30 GMT on Wednesday 28 October 2026'],
  ])('fall back: returned %s (%s) → due %s', (returned, wall, due) => {
    const r = at(returned)
    expect(describeLondonTime(r)).toBe(wall)
    expect(describeLondonTime(rhiDueAt(r))).toBe(due)
    expect(rhiDueAt(r).getTime() - r.getTime()).toBe(72 * HOUR)
  })

  test('wall-clock arithmetic would be wrong by an hour: the instants say who was in time', () => {
    // March: 03:30 Saturday + "3 days" on the wall = 03:30 BST Tuesday, only 71 hours later: in time.
    const march = at('2026-03-28T03:30:00Z')
    expect(withinSeventyTwoHours(march, at('2026-03-31T02:30:00Z'))).toBe(true)
    // ...and 04:15 BST Tuesday (71h45m) is still in time, though after the naive due time.
    expect(withinSeventyTwoHours(march, at('2026-03-31T03:15:00Z'))).toBe(true)
    expect(withinSeventyTwoHours(march, at('2026-03-31T03:31:00Z'))).toBe(false)
    // October: 22:00 Friday + "3 days" on the wall = 22:00 GMT Monday, 73 hours later: late.
    const october = at('2026-10-23T21:00:00Z')
    expect(withinSeventyTwoHours(october, at('2026-10-26T21:30:00Z'))).toBe(false)
    expect(withinSeventyTwoHours(october, at('2026-10-26T21:00:00Z'))).toBe(true)
  })

  test('London wall time reports the zone', () => {
    expect(londonWallTime(at('2026-07-01T12:00:00Z'))).toEqual({ date: '2026-07-01', time: '13:00', zone: 'BST' })
    expect(londonWallTime(at('2026-12-31T23:59:00Z'))).toEqual({ date: '2026-12-31', time: '23:59', zone: 'GMT' })
  })

  test('refuses an invalid instant', () => {
    expect(() => rhiDueAt(new Date('nonsense'))).toThrow(RangeError)
  })
})

describe('interview outcome', () => {
  const returnedAt = at('2026-10-23T21:00:00Z')
  const due = rhiDueAt(returnedAt)
  const plus = (h: number) => new Date(returnedAt.getTime() + h * HOUR)
  const interview = (status: ReturnInterview['status'], h?: number): ReturnInterview => ({ status, at: h === undefined ? null : plus(h), by: 'Jo Marsh' })

  test.each<[string, Date | null, ReturnInterview | null, Date, RhiOutcome]>([
    ['not returned yet', null, null, plus(1), 'still_missing'],
    ['returned after "as of"', returnedAt, null, plus(-1), 'still_missing'],
    ['nothing recorded, within 72 hours', returnedAt, null, plus(10), 'due'],
    ['nothing recorded, at the due instant', returnedAt, null, due, 'due'],
    ['nothing recorded, a millisecond later', returnedAt, null, new Date(due.getTime() + 1), 'overdue'],
    ['offered only: the clock keeps running', returnedAt, interview('offered', 2), plus(80), 'overdue'],
    ['completed at the due instant', returnedAt, interview('completed', 72), plus(100), 'completed_in_time'],
    ['completed after 72 hours', returnedAt, interview('completed', 73), plus(100), 'completed_late'],
    ['completed, but not yet as of "as of"', returnedAt, interview('completed', 40), plus(30), 'due'],
    ['declined', returnedAt, interview('declined', 5), plus(100), 'declined'],
    ['declined late', returnedAt, interview('declined', 90), plus(100), 'declined'],
    ['declined, seen before it was declined', returnedAt, interview('declined', 90), plus(80), 'overdue'],
    ['a status with no time does not count', returnedAt, interview('completed'), plus(80), 'overdue'],
  ])('%s', (_, returned, iv, asOf, expected) => {
    expect(rhiOutcome(returned, iv, asOf)).toBe(expected)
  })
})

describe('properties', () => {
  // Instants from 2020 to 2030, covering twenty changes of clocks.
  const instantArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }).map((t) => new Date(t))

  test('the interview is due exactly 72 elapsed hours after the return', () => {
    fc.assert(
      fc.property(instantArb, (r) => {
        const due = rhiDueAt(r)
        expect(due.getTime() - r.getTime()).toBe(72 * HOUR)
        expect(withinSeventyTwoHours(r, due)).toBe(true)
        expect(withinSeventyTwoHours(r, new Date(due.getTime() + 1))).toBe(false)
      }),
    )
  })

  // Allowed moves as "as of" grows: knowledge only accumulates.
  const NEXT: Record<RhiOutcome, readonly RhiOutcome[]> = {
    still_missing: ['still_missing', 'due', 'overdue', 'completed_in_time', 'completed_late', 'declined'],
    due: ['due', 'overdue', 'completed_in_time', 'completed_late', 'declined'],
    overdue: ['overdue', 'completed_late', 'declined'],
    completed_in_time: ['completed_in_time'],
    completed_late: ['completed_late'],
    declined: ['declined'],
  }

  test('the status only moves forward as "as of" grows', () => {
    const hours = fc.integer({ min: -24 * HOUR, max: 200 * HOUR })
    const interviewArb = fc.option(
      fc.record({
        status: fc.constantFrom('not_offered', 'offered', 'completed', 'declined') as fc.Arbitrary<ReturnInterview['status']>,
        offset: fc.integer({ min: 0, max: 200 * HOUR }),
      }),
      { nil: null },
    )
    fc.assert(
      fc.property(instantArb, interviewArb, hours, hours, (r, iv, a, b) => {
        const interview = iv && { status: iv.status, at: new Date(r.getTime() + iv.offset), by: 'Jo' }
        const [early, late] = a <= b ? [a, b] : [b, a]
        const first = rhiOutcome(r, interview, new Date(r.getTime() + early))
        const second = rhiOutcome(r, interview, new Date(r.getTime() + late))
        expect(NEXT[first]).toContain(second)
      }),
    )
  })
})
