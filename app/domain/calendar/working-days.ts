// Working days and calendar arithmetic for England and Wales. Pure: no I/O, and no dependence on
// the machine's time zone. A calendar date is an IsoDate string ('YYYY-MM-DD'); day arithmetic is
// done on whole days counted from 1970-01-01 (UTC is only the counting frame, never a time zone
// for people). Only the two functions that turn instants into London dates and back
// (londonDateOf, endOfLondonDay) need the Europe/London rules, and they get them from @date-fns/tz.
import { TZDate } from '@date-fns/tz'

/** A calendar date in England and Wales, 'YYYY-MM-DD'. */
export type IsoDate = string

const LONDON = 'Europe/London'
const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

interface Ymd {
  year: number
  /** 1–12 */
  month: number
  day: number
}

/** The parts of a real calendar date, or a RangeError (a bad date is a programming error here). */
function parseIsoDate(date: IsoDate): Ymd {
  const match = ISO_DATE.exec(date)
  if (match) {
    const year = Number(match[1])
    const month = Number(match[2])
    const day = Number(match[3])
    const check = new Date(Date.UTC(year, month - 1, day))
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day }
    }
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function formatYmd(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** Days since 1970-01-01. */
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date)
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY)
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

function requireInteger(n: number, name: string) {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a whole number, got ${n}`)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date)
  return dow === 0 || dow === 6
}

/** The calendar date of a date-only database value (Prisma returns @db.Date at 00:00 UTC). */
export const isoDateOf = (value: Date): IsoDate => value.toISOString().slice(0, 10)

/** A calendar date as a date-only database value (00:00 UTC). */
export const dateValueOf = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`)

/** The Europe/London calendar date of an instant. */
export function londonDateOf(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant')
  // London's offset is whole hours and changes at 01:00 UTC, so the date is the same for a whole UTC
  // hour: remembered by hour, because TZDate's offset lookup dominated a full recompute (docs/performance.md).
  const hour = Math.floor(instant.getTime() / HOUR)
  const known = londonDates.get(hour)
  if (known) return known
  const london = new TZDate(instant.getTime(), LONDON)
  return remember(londonDates, hour, formatYmd(london.getFullYear(), london.getMonth() + 1, london.getDate()))
}

const HOUR = 60 * 60 * 1000
const londonDates = new Map<number, IsoDate>()
const dayEnds = new Map<IsoDate, number>()
function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size > 100_000) cache.clear()
  cache.set(key, value)
  return value
}

/** The first instant of the next London day after `date` (i.e. end of `date` in Europe/London, exclusive). */
export function endOfLondonDay(date: IsoDate): Date {
  const known = dayEnds.get(date)
  if (known !== undefined) return new Date(known)
  const { year, month, day } = parseIsoDate(addCalendarDays(date, 1))
  // Midnight always exists in London (the clocks change at 01:00 UTC), so this is unambiguous.
  return new Date(remember(dayEnds, date, new TZDate(year, month - 1, day, 0, 0, 0, 0, LONDON).getTime()))
}

/** Monday to Friday and not in `holidays`. */
export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  return !isWeekend(date) && !holidays.has(date)
}

/** The n-th working day strictly after `date` (n ≥ 1). */
export function addWorkingDays(date: IsoDate, n: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  requireInteger(n, 'n')
  if (n < 1) throw new RangeError(`addWorkingDays counts at least one working day, got n = ${n}`)
  let dayNumber = toDayNumber(date)
  let remaining = n
  while (remaining > 0) {
    dayNumber += 1
    if (isWorkingDay(fromDayNumber(dayNumber), holidays)) remaining -= 1
  }
  return fromDayNumber(dayNumber)
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'n')
  return fromDayNumber(toDayNumber(date) + n)
}

/** + n calendar months keeping the day of month, clamped to the month's last day (30 Nov + 3 → 28/29 Feb). */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'n')
  const { year, month, day } = parseIsoDate(date)
  const monthIndex = year * 12 + (month - 1) + n
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 + 1
  return formatYmd(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
