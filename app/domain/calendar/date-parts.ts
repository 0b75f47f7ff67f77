// GOV.UK date inputs (day, month, year boxes) → calendar dates, shared by every form that asks for
// a date (cases, victims, allocations).

export interface DateParts {
  day?: string
  month?: string
  year?: string
}

export type DateResult = { ok: true; date: Date } | { ok: false; message: string }

// A part arrives as whatever the form sent: a field sent twice is an array, which is no real date ('?').
const part = (v: unknown): string => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : '?')

const isBlank = (p: DateParts | undefined) => !p || (!part(p.day) && !part(p.month) && !part(p.year))

export function isDateBlank(parts: DateParts | undefined): boolean {
  return isBlank(parts)
}

/**
 * A real calendar date at 00:00 UTC, or a GOV.UK-style message naming the field. Years before
 * `minYear` (when given) count as not a real date.
 */
export function parseDateParts(parts: DateParts | undefined, label = 'the date', { minYear }: { minYear?: number } = {}): DateResult {
  if (isBlank(parts)) return { ok: false, message: `Enter ${label}` }
  const day = part(parts!.day)
  const month = part(parts!.month)
  const year = part(parts!.year)
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean)
  if (missing.length) return { ok: false, message: `${capitalise(label)} must include a ${missing.join(' and ')}` }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: `${capitalise(label)} must be a real date` }
  }
  const d = Number(day)
  const m = Number(month)
  const y = Number(year)
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || (minYear !== undefined && y < minYear)) {
    return { ok: false, message: `${capitalise(label)} must be a real date` }
  }
  return { ok: true, date }
}

/** Today's date (UTC midnight) in England and Wales. */
export function todayInLondon(now: Date = new Date()): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .split('-')
    .map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!))
}

export const isFutureDate = (date: Date, now: Date = new Date()) => date.getTime() > todayInLondon(now).getTime()

export function toDateParts(date: Date | string | null | undefined): DateParts {
  if (!date) return {}
  const d = typeof date === 'string' ? new Date(date) : date
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) }
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
