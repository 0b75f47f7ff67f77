// England & Wales bank holidays 2020–2030, built from the statutory rules plus an explicit table of
// one-off proclamations, so it is plain which dates are rule and which are exception.
//
// The rules (Banking and Financial Dealings Act 1971 Sch 1, the annual royal proclamations for New
// Year's Day and the Early May bank holiday, and common law for Good Friday and Christmas Day):
// - New Year's Day, 1 January; on a Saturday or Sunday, the next Monday instead (substitute day).
// - Good Friday and Easter Monday (Easter Sunday by the Gregorian computus, below).
// - Early May bank holiday: first Monday in May. Spring: last Monday in May. Summer: last Monday in August.
// - Christmas Day and Boxing Day; when either falls at a weekend, the next weekday not already a
//   holiday is the substitute (25 Dec Fri → Boxing Day Mon 28; Sat → Mon 27 and Tue 28;
//   Sun → Boxing Day Mon 26 and Christmas Day Tue 27; 26 Dec Sat → Mon 28).
//
// Sources: 2020–2027 are 'confirmed' — published (2024–2026 and 2027's substitute days are checked
// against GOV.UK's published list, gov.uk/bank-holidays; 2020–2023 are the published dates including
// the one-off proclamations below). 2028–2030 are 'derived': computed from the rules above and not
// yet proclaimed — a proclamation can still move or add days, which is why the calendar must stay
// editable by an admin. Scotland and Northern Ireland have different calendars; do not mix them.
import { addCalendarDays, dayOfWeek, daysInMonth, type IsoDate } from './working-days'

export interface BankHoliday {
  date: IsoDate
  name: string
  /** 'confirmed' (published) or 'derived' (from the statutory rules, not yet proclaimed) */
  source: 'confirmed' | 'derived'
}

export const FIRST_YEAR = 2020
export const LAST_YEAR = 2030
/** Years up to and including this one are published; later ones are derived from the rules. */
export const LAST_CONFIRMED_YEAR = 2027

type RuleHoliday = 'newYear' | 'goodFriday' | 'easterMonday' | 'earlyMay' | 'spring' | 'summer' | 'christmas' | 'boxing'

const RULE_NAMES: Record<RuleHoliday, string> = {
  newYear: 'New Year’s Day',
  goodFriday: 'Good Friday',
  easterMonday: 'Easter Monday',
  earlyMay: 'Early May bank holiday',
  spring: 'Spring bank holiday',
  summer: 'Summer bank holiday',
  christmas: 'Christmas Day',
  boxing: 'Boxing Day',
}

/** One-off proclamations that moved a rule holiday or added a day. All are published facts. */
type Exception =
  | { kind: 'moved'; year: number; holiday: RuleHoliday; to: IsoDate; name: string }
  | { kind: 'extra'; date: IsoDate; name: string }

export const PROCLAIMED_EXCEPTIONS: readonly Exception[] = [
  // 75th anniversary of VE Day: the Early May bank holiday moved from Monday 4 May.
  { kind: 'moved', year: 2020, holiday: 'earlyMay', to: '2020-05-08', name: 'Early May bank holiday (VE Day)' },
  // Platinum Jubilee: the Spring bank holiday moved from Monday 30 May, and an extra day the next day.
  { kind: 'moved', year: 2022, holiday: 'spring', to: '2022-06-02', name: 'Spring bank holiday' },
  { kind: 'extra', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { kind: 'extra', date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  { kind: 'extra', date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
]

const iso = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm: Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isSafeInteger(year) || year < 1583) throw new RangeError(`Gregorian Easter needs a year from 1583, got ${year}`)
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return iso(year, month, day)
}

const MONDAY = 1

function firstMonday(year: number, month: number): IsoDate {
  const first = iso(year, month, 1)
  return addCalendarDays(first, (MONDAY - dayOfWeek(first) + 7) % 7)
}

function lastMonday(year: number, month: number): IsoDate {
  const last = iso(year, month, daysInMonth(year, month))
  return addCalendarDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7))
}

const isWeekendDay = (date: IsoDate) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6

interface RuleDate {
  holiday: RuleHoliday
  date: IsoDate
  substitute: boolean
}

/** The holidays the standing rules give for a year, before any one-off proclamation. */
export function ruleHolidays(year: number): RuleDate[] {
  const easter = easterSunday(year)
  const dates: RuleDate[] = []
  const add = (holiday: RuleHoliday, date: IsoDate, substitute = false) => dates.push({ holiday, date, substitute })

  const newYear = iso(year, 1, 1)
  const newYearDow = dayOfWeek(newYear)
  if (newYearDow === 6) add('newYear', addCalendarDays(newYear, 2), true)
  else if (newYearDow === 0) add('newYear', addCalendarDays(newYear, 1), true)
  else add('newYear', newYear)

  add('goodFriday', addCalendarDays(easter, -2))
  add('easterMonday', addCalendarDays(easter, 1))
  add('earlyMay', firstMonday(year, 5))
  add('spring', lastMonday(year, 5))
  add('summer', lastMonday(year, 8))

  // Christmas then Boxing Day: each keeps its own date when that is a weekday; otherwise it takes
  // the first weekday from 27 December not already taken. (When 25 Dec is a Sunday, Boxing Day
  // keeps Monday 26 and Christmas Day's substitute is Tuesday 27.)
  const christmas = iso(year, 12, 25)
  const boxing = iso(year, 12, 26)
  const taken = new Set<IsoDate>([christmas, boxing].filter((date) => !isWeekendDay(date)))
  for (const [holiday, date] of [
    ['christmas', christmas],
    ['boxing', boxing],
  ] as const) {
    if (!isWeekendDay(date)) {
      add(holiday, date)
      continue
    }
    let substitute = iso(year, 12, 27)
    while (isWeekendDay(substitute) || taken.has(substitute)) substitute = addCalendarDays(substitute, 1)
    taken.add(substitute)
    add(holiday, substitute, true)
  }
  return dates
}

/** England & Wales bank holidays for one year (FIRST_YEAR–LAST_YEAR), in date order. */
export function bankHolidaysFor(year: number): BankHoliday[] {
  if (!Number.isSafeInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`Bank holidays are held for ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`)
  }
  const source: BankHoliday['source'] = year <= LAST_CONFIRMED_YEAR ? 'confirmed' : 'derived'
  const holidays: BankHoliday[] = ruleHolidays(year).map(({ holiday, date, substitute }) => {
    const moved = PROCLAIMED_EXCEPTIONS.find((e) => e.kind === 'moved' && e.year === year && e.holiday === holiday)
    if (moved?.kind === 'moved') return { date: moved.to, name: moved.name, source }
    return { date, name: substitute ? `${RULE_NAMES[holiday]} (substitute day)` : RULE_NAMES[holiday], source }
  })
  for (const e of PROCLAIMED_EXCEPTIONS) {
    if (e.kind === 'extra' && e.date.startsWith(`${year}-`)) holidays.push({ date: e.date, name: e.name, source })
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** England & Wales bank holidays 2020–2030. */
export const ENGLAND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze(
  Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => bankHolidaysFor(FIRST_YEAR + i))
    .flat()
    .map((h) => Object.freeze(h)),
)

export const ENGLAND_WALES_HOLIDAY_DATES: ReadonlySet<IsoDate> = new Set(ENGLAND_WALES_BANK_HOLIDAYS.map((h) => h.date))
