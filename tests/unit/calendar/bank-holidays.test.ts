import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  bankHolidaysFor,
  easterSunday,
  ENGLAND_WALES_BANK_HOLIDAYS,
  ENGLAND_WALES_HOLIDAY_DATES,
  PROCLAIMED_EXCEPTIONS,
  ruleHolidays,
} from '~/domain/calendar/bank-holidays'
import { dayOfWeek, isWeekend } from '~/domain/calendar/working-days'

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const datesOf = (year: number) => bankHolidaysFor(year).map((h) => h.date)

describe('Easter Sunday (Gregorian computus)', () => {
  test.each([
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    // Edge cases of the computus: the earliest and latest possible dates, and the 1954/1981 "exceptions".
    [1818, '1818-03-22'],
    [2285, '2285-03-22'],
    [1943, '1943-04-25'],
    [2038, '2038-04-25'],
    [1954, '1954-04-18'],
    [1981, '1981-04-19'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected)
  })

  test('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year)
        expect(dayOfWeek(easter)).toBe(0)
        const monthDay = easter.slice(5)
        expect(monthDay >= '03-22' && monthDay <= '04-25').toBe(true)
      }),
    )
  })

  test('refuses years before the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError)
  })
})

// GOV.UK's published England & Wales bank holidays, every cell.
const REFERENCE_2024_2028: Record<number, Record<string, string>> = {
  2024: {
    'New Year’s Day': 'Mon 2024-01-01',
    'Good Friday': 'Fri 2024-03-29',
    'Easter Monday': 'Mon 2024-04-01',
    'Early May bank holiday': 'Mon 2024-05-06',
    'Spring bank holiday': 'Mon 2024-05-27',
    'Summer bank holiday': 'Mon 2024-08-26',
    'Christmas Day': 'Wed 2024-12-25',
    'Boxing Day': 'Thu 2024-12-26',
  },
  2025: {
    'New Year’s Day': 'Wed 2025-01-01',
    'Good Friday': 'Fri 2025-04-18',
    'Easter Monday': 'Mon 2025-04-21',
    'Early May bank holiday': 'Mon 2025-05-05',
    'Spring bank holiday': 'Mon 2025-05-26',
    'Summer bank holiday': 'Mon 2025-08-25',
    'Christmas Day': 'Thu 2025-12-25',
    'Boxing Day': 'Fri 2025-12-26',
  },
  2026: {
    'New Year’s Day': 'Thu 2026-01-01',
    'Good Friday': 'Fri 2026-04-03',
    'Easter Monday': 'Mon 2026-04-06',
    'Early May bank holiday': 'Mon 2026-05-04',
    'Spring bank holiday': 'Mon 2026-05-25',
    'Summer bank holiday': 'Mon 2026-08-31',
    'Christmas Day': 'Fri 2026-12-25',
    'Boxing Day (substitute day)': 'Mon 2026-12-28',
  },
  2027: {
    'New Year’s Day': 'Fri 2027-01-01',
    'Good Friday': 'Fri 2027-03-26',
    'Easter Monday': 'Mon 2027-03-29',
    'Early May bank holiday': 'Mon 2027-05-03',
    'Spring bank holiday': 'Mon 2027-05-31',
    'Summer bank holiday': 'Mon 2027-08-30',
    'Christmas Day (substitute day)': 'Mon 2027-12-27',
    'Boxing Day (substitute day)': 'Tue 2027-12-28',
  },
  2028: {
    'New Year’s Day (substitute day)': 'Mon 2028-01-03',
    'Good Friday': 'Fri 2028-04-14',
    'Easter Monday': 'Mon 2028-04-17',
    'Early May bank holiday': 'Mon 2028-05-01',
    'Spring bank holiday': 'Mon 2028-05-29',
    'Summer bank holiday': 'Mon 2028-08-28',
    'Christmas Day': 'Mon 2028-12-25',
    'Boxing Day': 'Tue 2028-12-26',
  },
}

describe('England & Wales bank holidays', () => {
  test.each(Object.keys(REFERENCE_2024_2028).map(Number))('%i matches the reference table exactly (every date, weekday and name)', (year) => {
    const actual = Object.fromEntries(bankHolidaysFor(year).map((h) => [h.name, `${DAY_NAMES[dayOfWeek(h.date)]} ${h.date}`]))
    expect(actual).toEqual(REFERENCE_2024_2028[year])
  })

  test('2020: Early May bank holiday moved to Friday 8 May for VE Day 75; Boxing Day substitute Monday 28 Dec', () => {
    expect(datesOf(2020)).toEqual(['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'])
    expect(ENGLAND_WALES_HOLIDAY_DATES.has('2020-05-04')).toBe(false)
    expect(bankHolidaysFor(2020).find((h) => h.date === '2020-05-08')?.name).toMatch(/VE Day/)
  })

  test('2021: Christmas Day and Boxing Day both at the weekend → Monday 27 and Tuesday 28 December', () => {
    expect(datesOf(2021)).toEqual(['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'])
  })

  test('2022: Platinum Jubilee (Spring moved to Thursday 2 June, extra Friday 3 June), State Funeral Monday 19 September, 25 Dec a Sunday', () => {
    expect(datesOf(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ])
    expect(ENGLAND_WALES_HOLIDAY_DATES.has('2022-05-30')).toBe(false)
    const byDate = new Map(bankHolidaysFor(2022).map((h) => [h.date, h.name]))
    expect(byDate.get('2022-06-03')).toMatch(/Platinum Jubilee/)
    expect(byDate.get('2022-09-19')).toMatch(/State Funeral of Queen Elizabeth II/)
    // 25 Dec 2022 was a Sunday: Boxing Day kept Monday 26, Christmas Day's substitute was Tuesday 27.
    expect(byDate.get('2022-12-26')).toBe('Boxing Day')
    expect(byDate.get('2022-12-27')).toBe('Christmas Day (substitute day)')
  })

  test('2023: New Year substitute Monday 2 January and the Coronation, Monday 8 May', () => {
    expect(datesOf(2023)).toEqual([
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ])
    expect(bankHolidaysFor(2023).find((h) => h.date === '2023-05-08')?.name).toMatch(/coronation of King Charles III/)
  })

  test('2029 and 2030 from the rules', () => {
    expect(datesOf(2029)).toEqual(['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26'])
    expect(datesOf(2030)).toEqual(['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'])
  })

  test('the exceptions are the only differences from the standing rules', () => {
    for (let year = 2020; year <= 2030; year++) {
      const rule = new Set(ruleHolidays(year).map((h) => h.date))
      const actual = new Set(datesOf(year))
      const added = [...actual].filter((d) => !rule.has(d))
      const removed = [...rule].filter((d) => !actual.has(d))
      const expectedAdded = PROCLAIMED_EXCEPTIONS.map((e) => (e.kind === 'moved' ? e.to : e.date)).filter((d) => d.startsWith(`${year}-`))
      expect(added.sort()).toEqual(expectedAdded.sort())
      const movedCount = PROCLAIMED_EXCEPTIONS.filter((e) => e.kind === 'moved' && e.year === year).length
      expect(removed).toHaveLength(movedCount)
    }
  })

  test('2020–2027 are confirmed, 2028–2030 derived', () => {
    for (const h of ENGLAND_WALES_BANK_HOLIDAYS) {
      expect(h.source).toBe(Number(h.date.slice(0, 4)) <= 2027 ? 'confirmed' : 'derived')
    }
    expect(ENGLAND_WALES_BANK_HOLIDAYS[0]?.date).toBe('2020-01-01')
    expect(ENGLAND_WALES_BANK_HOLIDAYS.at(-1)?.date).toBe('2030-12-26')
  })

  test('every holiday is a weekday, the list is in date order with no repeats, and the set matches the list', () => {
    const dates = ENGLAND_WALES_BANK_HOLIDAYS.map((h) => h.date)
    for (const d of dates) expect(isWeekend(d), d).toBe(false)
    expect([...dates].sort()).toEqual(dates)
    expect(new Set(dates).size).toBe(dates.length)
    expect(ENGLAND_WALES_HOLIDAY_DATES).toEqual(new Set(dates))
    // 8 a year, plus 2022's Jubilee and Funeral days and 2023's Coronation.
    expect(dates).toHaveLength(11 * 8 + 3)
  })

  test('substitute-day rules for every weekday Christmas can fall on', () => {
    const christmasBoxing = (year: number) =>
      bankHolidaysFor(year)
        .filter((h) => h.date.slice(5) >= '12-25')
        .map((h) => `${h.name}: ${DAY_NAMES[dayOfWeek(h.date)]} ${h.date.slice(8)}`)
    // 25 Dec on Mon (2028), Tue (2029), Wed (2024), Thu (2025), Fri (2026), Sat (2021), Sun (2022).
    expect(christmasBoxing(2028)).toEqual(['Christmas Day: Mon 25', 'Boxing Day: Tue 26'])
    expect(christmasBoxing(2029)).toEqual(['Christmas Day: Tue 25', 'Boxing Day: Wed 26'])
    expect(christmasBoxing(2024)).toEqual(['Christmas Day: Wed 25', 'Boxing Day: Thu 26'])
    expect(christmasBoxing(2025)).toEqual(['Christmas Day: Thu 25', 'Boxing Day: Fri 26'])
    expect(christmasBoxing(2026)).toEqual(['Christmas Day: Fri 25', 'Boxing Day (substitute day): Mon 28'])
    expect(christmasBoxing(2021)).toEqual(['Christmas Day (substitute day): Mon 27', 'Boxing Day (substitute day): Tue 28'])
    expect(christmasBoxing(2022)).toEqual(['Boxing Day: Mon 26', 'Christmas Day (substitute day): Tue 27'])
  })

  test('years outside 2020–2030 are refused', () => {
    expect(() => bankHolidaysFor(2019)).toThrow(RangeError)
    expect(() => bankHolidaysFor(2031)).toThrow(RangeError)
  })
})
