// Also run with another machine time zone to show nothing depends on it:
//   TZ=America/New_York npx vitest run --project unit tests/unit/calendar
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ENGLAND_WALES_HOLIDAY_DATES as HOLIDAYS } from '~/domain/calendar/bank-holidays'
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  endOfLondonDay,
  isWorkingDay,
  londonDateOf,
  type IsoDate,
} from '~/domain/calendar/working-days'

const HOUR = 3_600_000

describe('londonDateOf', () => {
  test.each([
    // GMT: London = UTC.
    ['2026-03-28T23:30:00Z', '2026-03-28'], // Saturday night before BST starts
    ['2026-03-29T00:59:59Z', '2026-03-29'],
    ['2026-03-29T01:00:00Z', '2026-03-29'], // clocks go forward: 02:00 BST
    ['2026-03-29T22:59:59Z', '2026-03-29'],
    ['2026-03-29T23:00:00Z', '2026-03-30'], // midnight BST
    // BST: London = UTC + 1.
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    ['2026-10-24T23:30:00Z', '2026-10-25'], // Saturday night before BST ends: already Sunday in London
    ['2026-10-25T00:30:00Z', '2026-10-25'], // 01:30 BST
    ['2026-10-25T01:30:00Z', '2026-10-25'], // 01:30 GMT (the repeated hour)
    ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT again
    ['2026-12-31T23:59:59Z', '2026-12-31'],
    ['2027-01-01T00:00:00Z', '2027-01-01'],
  ])('%s is %s in London', (instant, expected) => {
    expect(londonDateOf(new Date(instant))).toBe(expected)
  })

  test('refuses an invalid instant', () => {
    expect(() => londonDateOf(new Date('nonsense'))).toThrow(RangeError)
  })
})

describe('endOfLondonDay', () => {
  test('is the next London midnight', () => {
    expect(endOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-16T00:00:00.000Z')
    expect(endOfLondonDay('2026-07-01').toISOString()).toBe('2026-07-01T23:00:00.000Z')
    expect(endOfLondonDay('2026-12-31').toISOString()).toBe('2027-01-01T00:00:00.000Z')
  })

  test('the London day the clocks go forward (29 March 2026) is 23 hours long', () => {
    expect(endOfLondonDay('2026-03-28').toISOString()).toBe('2026-03-29T00:00:00.000Z')
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T23:00:00.000Z')
    expect(endOfLondonDay('2026-03-29').getTime() - endOfLondonDay('2026-03-28').getTime()).toBe(23 * HOUR)
  })

  test('the London day the clocks go back (25 October 2026) is 25 hours long', () => {
    expect(endOfLondonDay('2026-10-24').toISOString()).toBe('2026-10-24T23:00:00.000Z')
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-26T00:00:00.000Z')
    expect(endOfLondonDay('2026-10-25').getTime() - endOfLondonDay('2026-10-24').getTime()).toBe(25 * HOUR)
  })

  test('property: the last millisecond before it is on the date, the instant itself on the next date', () => {
    fc.assert(
      fc.property(isoDate(), (date) => {
        const end = endOfLondonDay(date)
        expect(londonDateOf(new Date(end.getTime() - 1))).toBe(date)
        expect(londonDateOf(end)).toBe(addCalendarDays(date, 1))
      }),
    )
  })

  test('refuses a date that does not exist', () => {
    expect(() => endOfLondonDay('2026-02-29')).toThrow(RangeError)
    expect(() => endOfLondonDay('2026-1-5')).toThrow(RangeError)
  })
})

describe('isWorkingDay', () => {
  test('weekends and bank holidays are not working days', () => {
    expect(isWorkingDay('2026-11-27', HOLIDAYS)).toBe(true) // Friday
    expect(isWorkingDay('2026-11-28', HOLIDAYS)).toBe(false) // Saturday
    expect(isWorkingDay('2026-11-29', HOLIDAYS)).toBe(false) // Sunday
    expect(isWorkingDay('2026-11-30', HOLIDAYS)).toBe(true) // Monday
    expect(isWorkingDay('2026-12-25', HOLIDAYS)).toBe(false) // Christmas Day, Friday
    expect(isWorkingDay('2026-12-28', HOLIDAYS)).toBe(false) // Boxing Day substitute, Monday
    expect(isWorkingDay('2026-12-28', new Set())).toBe(true) // only because of the holiday list
  })
})

describe('addWorkingDays', () => {
  test('across a weekend', () => {
    expect(addWorkingDays('2026-11-27', 1, HOLIDAYS)).toBe('2026-11-30') // Fri → Mon
    expect(addWorkingDays('2026-11-28', 1, HOLIDAYS)).toBe('2026-11-30') // Sat → Mon
    expect(addWorkingDays('2026-11-29', 1, HOLIDAYS)).toBe('2026-11-30') // Sun → Mon
    expect(addWorkingDays('2026-11-23', 5, HOLIDAYS)).toBe('2026-11-30') // Mon + 5 → next Mon
    expect(addWorkingDays('2026-11-23', 10, HOLIDAYS)).toBe('2026-12-07')
  })

  test('Christmas 2026: from Thursday 24 December 16:00 UTC, one working day is Tuesday 29 December', () => {
    const start = londonDateOf(new Date('2026-12-24T16:00:00Z'))
    expect(start).toBe('2026-12-24')
    // 25 Dec Fri (Christmas Day), 26–27 weekend, 28 Dec Mon (Boxing Day substitute).
    expect(addWorkingDays(start, 1, HOLIDAYS)).toBe('2026-12-29')
    expect(addWorkingDays(start, 1, new Set())).toBe('2026-12-25')
  })

  test('New Year: 1 January 2027 (Friday) is skipped', () => {
    expect(addWorkingDays('2026-12-31', 1, HOLIDAYS)).toBe('2027-01-04')
    expect(addWorkingDays('2026-12-24', 5, HOLIDAYS)).toBe('2027-01-05') // 29, 30, 31 Dec, 4, 5 Jan
  })

  test('Christmas and New Year 2027–28: both Christmas substitutes and the New Year substitute', () => {
    // 27, 28 Dec 2027 substitutes; 3 Jan 2028 New Year substitute.
    expect(addWorkingDays('2027-12-24', 1, HOLIDAYS)).toBe('2027-12-29')
    expect(addWorkingDays('2027-12-31', 1, HOLIDAYS)).toBe('2028-01-04')
  })

  test('Easter 2026: Good Friday 3 April and Easter Monday 6 April are skipped', () => {
    expect(addWorkingDays('2026-04-02', 1, HOLIDAYS)).toBe('2026-04-07')
    expect(addWorkingDays('2026-03-30', 5, HOLIDAYS)).toBe('2026-04-08') // 31, 1, 2, 7, 8
  })

  test('one-off proclaimed holidays count (2022 Jubilee)', () => {
    expect(addWorkingDays('2022-06-01', 1, HOLIDAYS)).toBe('2022-06-06')
  })

  test('refuses n below 1 or not a whole number', () => {
    expect(() => addWorkingDays('2026-11-27', 0, HOLIDAYS)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-11-27', -1, HOLIDAYS)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-11-27', 1.5, HOLIDAYS)).toThrow(RangeError)
    expect(() => addWorkingDays('27/11/2026', 1, HOLIDAYS)).toThrow(RangeError)
  })

  describe('properties (2020–2030 with the real holidays)', () => {
    const n = fc.integer({ min: 1, max: 60 })

    test('the result is never a weekend or a holiday, and is strictly after the start', () => {
      fc.assert(
        fc.property(isoDate(), n, (date, k) => {
          const result = addWorkingDays(date, k, HOLIDAYS)
          expect(isWorkingDay(result, HOLIDAYS)).toBe(true)
          expect(result > date).toBe(true)
        }),
      )
    })

    test('exactly n working days lie in (start, result]', () => {
      fc.assert(
        fc.property(isoDate(), n, (date, k) => {
          const result = addWorkingDays(date, k, HOLIDAYS)
          let count = 0
          for (let d = addCalendarDays(date, 1); d <= result; d = addCalendarDays(d, 1)) if (isWorkingDay(d, HOLIDAYS)) count++
          expect(count).toBe(k)
        }),
      )
    })

    test('strictly increasing in n', () => {
      fc.assert(
        fc.property(isoDate(), n, n, (date, a, b) => {
          fc.pre(a !== b)
          const [lo, hi] = a < b ? [a, b] : [b, a]
          expect(addWorkingDays(date, lo, HOLIDAYS) < addWorkingDays(date, hi, HOLIDAYS)).toBe(true)
        }),
      )
    })

    test('monotonic (never decreasing) in the start date', () => {
      fc.assert(
        fc.property(isoDate(), isoDate(), n, (d1, d2, k) => {
          const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1]
          expect(addWorkingDays(early, k, HOLIDAYS) <= addWorkingDays(late, k, HOLIDAYS)).toBe(true)
        }),
      )
    })

    test('addWorkingDays(d, a + b) = addWorkingDays(addWorkingDays(d, a), b)', () => {
      fc.assert(
        fc.property(isoDate(), n, n, (date, a, b) => {
          expect(addWorkingDays(date, a + b, HOLIDAYS)).toBe(addWorkingDays(addWorkingDays(date, a, HOLIDAYS), b, HOLIDAYS))
        }),
      )
    })
  })
})

describe('addCalendarDays', () => {
  test('across month, year and leap-day boundaries, both ways', () => {
    expect(addCalendarDays('2026-11-29', 28)).toBe('2026-12-27')
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29') // a 23-hour London day is still one day
    expect(addCalendarDays('2026-03-28', 0)).toBe('2026-03-28')
  })

  test('property: adding then subtracting returns the date; adding is additive', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (date, a, b) => {
        expect(addCalendarDays(addCalendarDays(date, a), -a)).toBe(date)
        expect(addCalendarDays(date, a + b)).toBe(addCalendarDays(addCalendarDays(date, a), b))
      }),
    )
  })
})

describe('addCalendarMonths', () => {
  test.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'], // leap year
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 2, '2026-03-31'], // counted from the start date, not month by month
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-29', 1, '2026-12-29'],
    ['2026-11-29', 2, '2027-01-29'],
    ['2026-12-15', 12, '2027-12-15'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-20', 0, '2026-05-20'],
  ] as const)('%s + %i months → %s', (date, n, expected) => {
    expect(addCalendarMonths(date, n)).toBe(expected)
  })

  test('property: keeps the day of month when it exists, otherwise the last day of the month', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -36, max: 36 }), (date, n) => {
        const result = addCalendarMonths(date, n)
        const day = Number(date.slice(8))
        const resultDay = Number(result.slice(8))
        if (resultDay !== day) {
          expect(resultDay).toBeLessThan(day)
          expect(addCalendarDays(result, 1).slice(8)).toBe('01') // clamped to the month's last day
        }
        const months = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7))
        expect(months(result) - months(date)).toBe(n)
      }),
    )
  })
})

/** A calendar date 2020-01-01 … 2030-10-31 (room for 60 working days after it within the holiday list). */
function isoDate() {
  return fc.integer({ min: 0, max: 3956 }).map((offset) => addCalendarDays('2020-01-01', offset))
}
