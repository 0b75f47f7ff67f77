// The England & Wales bank-holiday calendar as administrators keep it: one-off
// holidays are proclaimed at short notice, so the seeded 2020–2030 table must be editable. Every
// change is audited with what it was before and after, in the same transaction; once it commits,
// every stored entitlement is recomputed so due dates follow the new calendar.
import { dateValueOf, isoDateOf, isWeekend, type IsoDate } from '~/domain/calendar/working-days'
import { canAdminister, type Actor } from '~/domain/access/policy'
import { todayInLondon } from '~/domain/calendar/date-parts'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'
import { recomputeAllEntitlements } from './entitlements.server'
import { logger } from './logger.server'

export type AdminActor = AuditActor

/** Years an administrator may look at or add to: wide enough for history and planning ahead. */
export const MIN_HOLIDAY_YEAR = 2000
export const MAX_HOLIDAY_YEAR = 2099

export const HOLIDAY_SOURCE_LABELS: Record<string, string> = {
  confirmed: 'Published',
  derived: 'Worked out from the usual rules',
  admin: 'Added by an administrator',
}

export function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

export interface Recomputed {
  /** Cases whose entitlements were recomputed, and how long it took. */
  cases: number
  ms: number
}

/**
 * A holiday or a deadline moves due dates on every case, so all stored entitlements are recomputed
 * once the change has committed (a case per transaction; seconds at demo scale). If this fails the
 * change still stands and the next recompute catches up; the error reaches the error boundary.
 */
export async function recomputeAfterCalendarChange(): Promise<Recomputed> {
  const started = performance.now()
  const { cases } = await recomputeAllEntitlements()
  const ms = Math.round(performance.now() - started)
  logger.info({ cases, ms }, 'entitlements recomputed after a calendar change')
  return { cases, ms }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002'
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Saturday 14 March 2026" for a calendar date (by hand: ICU versions differ on the comma). */
export function longDate(d: IsoDate): string {
  const date = dateValueOf(d)
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** The year in the query string when it is a sensible one, else this year in England and Wales. */
export function holidayYear(raw: string | null | undefined, now: Date = new Date()): number {
  const n = Number(raw)
  if (raw && Number.isInteger(n) && n >= MIN_HOLIDAY_YEAR && n <= MAX_HOLIDAY_YEAR) return n
  return todayInLondon(now).getUTCFullYear()
}

/** A yyyy-mm-dd that is a real date, or null. */
export function parseIsoDate(raw: string | null | undefined): IsoDate | null {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null
  const d = dateValueOf(raw)
  return Number.isNaN(d.getTime()) || isoDateOf(d) !== raw ? null : raw
}

/** One year's holidays, the years there are any for (plus this one), and who last changed each. */
export async function listHolidays(actor: AdminActor, year: number) {
  requireAdmin(actor)
  const prisma = await db()
  const [rows, years] = await Promise.all([
    prisma.bankHoliday.findMany({
      where: { date: { gte: dateValueOf(`${year}-01-01`), lte: dateValueOf(`${year}-12-31`) } },
      orderBy: { date: 'asc' },
    }),
    prisma.$queryRaw<{ year: number }[]>`SELECT DISTINCT EXTRACT(YEAR FROM "date")::int AS year FROM "BankHoliday" ORDER BY year`,
  ])
  const editorIds = [...new Set(rows.map((r) => r.updatedById).filter((id): id is string => Boolean(id)))]
  const editors = editorIds.length ? await prisma.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } }) : []
  const nameOf = new Map(editors.map((u) => [u.id, u.name]))
  const thisYear = todayInLondon().getUTCFullYear()
  return {
    year,
    years: [...new Set([...years.map((y) => Number(y.year)), thisYear, year])].sort((a, b) => a - b),
    holidays: rows.map((r) => ({
      date: isoDateOf(r.date),
      longDate: longDate(isoDateOf(r.date)),
      name: r.name,
      source: r.source,
      sourceLabel: HOLIDAY_SOURCE_LABELS[r.source] ?? r.source,
      updatedBy: r.updatedById ? (nameOf.get(r.updatedById) ?? 'A former user') : null,
      updatedAt: r.updatedById ? r.updatedAt : null,
    })),
  }
}

export async function getHoliday(actor: AdminActor, date: IsoDate) {
  requireAdmin(actor)
  const prisma = await db()
  const row = await prisma.bankHoliday.findUnique({ where: { date: dateValueOf(date) } })
  return row ? { date: isoDateOf(row.date), longDate: longDate(isoDateOf(row.date)), name: row.name, source: row.source } : null
}

export type HolidayFailure = { ok: false; field: 'date' | 'name' | null; message: string }
export type HolidayResult = ({ ok: true } & Recomputed) | HolidayFailure

const gone: HolidayFailure = { ok: false, field: null, message: 'That bank holiday is no longer in the calendar.' }

/** Adds a one-off (or missing) holiday. A weekend is never a working day, so it would change nothing. */
export async function addHoliday(actor: AdminActor, input: { date: IsoDate; name: string }, ip: string): Promise<HolidayResult> {
  requireAdmin(actor)
  const { date } = input
  const name = input.name.trim()
  const year = Number(date.slice(0, 4))
  if (year < MIN_HOLIDAY_YEAR || year > MAX_HOLIDAY_YEAR) {
    return { ok: false, field: 'date', message: `The date must be between ${MIN_HOLIDAY_YEAR} and ${MAX_HOLIDAY_YEAR}` }
  }
  if (isWeekend(date)) {
    return {
      ok: false,
      field: 'date',
      message: `${longDate(date)} is at a weekend, which is never a working day. Enter the weekday the holiday is moved to (the substitute day)`,
    }
  }
  const duplicate = (existing: string): HolidayFailure => ({
    ok: false,
    field: 'date',
    message: `${longDate(date)} is already a bank holiday (${existing}). Change its name instead`,
  })
  const prisma = await db()
  try {
    const result = await prisma.$transaction(async (tx) => {
      const existing = await tx.bankHoliday.findUnique({ where: { date: dateValueOf(date) } })
      if (existing) return duplicate(existing.name)
      await tx.bankHoliday.create({ data: { date: dateValueOf(date), name, source: 'admin', updatedById: actor.id } })
      await audit(
        { actor, action: 'calendar.holiday.add', entityType: 'bank_holiday', entityId: date, ip, details: { before: null, after: { date, name, source: 'admin' } } },
        tx,
      )
      return null
    })
    if (result) return result
  } catch (error) {
    // Two administrators adding the same day at once: the primary key decides.
    if (isUniqueViolation(error)) return duplicate('added a moment ago')
    throw error
  }
  return { ok: true, ...(await recomputeAfterCalendarChange()) }
}

/** Renames a holiday; where the date came from (published, derived, added) does not change. */
export async function renameHoliday(actor: AdminActor, date: IsoDate, rawName: string, ip: string): Promise<HolidayResult | { ok: true; unchanged: true }> {
  requireAdmin(actor)
  const name = rawName.trim()
  const prisma = await db()
  const result = await prisma.$transaction(async (tx) => {
    const before = await tx.bankHoliday.findUnique({ where: { date: dateValueOf(date) } })
    if (!before) return gone
    if (before.name === name) return 'unchanged' as const
    await tx.bankHoliday.update({ where: { date: dateValueOf(date) }, data: { name, updatedById: actor.id } })
    await audit(
      {
        actor,
        action: 'calendar.holiday.rename',
        entityType: 'bank_holiday',
        entityId: date,
        ip,
        details: { before: { date, name: before.name, source: before.source }, after: { date, name, source: before.source } },
      },
      tx,
    )
    return null
  })
  if (result === 'unchanged') return { ok: true, unchanged: true }
  if (result) return result
  // A name does not move a due date, so there is nothing to recompute.
  return { ok: true, cases: 0, ms: 0 }
}

export async function removeHoliday(actor: AdminActor, date: IsoDate, ip: string): Promise<HolidayResult> {
  requireAdmin(actor)
  const prisma = await db()
  const result = await prisma.$transaction(async (tx) => {
    const before = await tx.bankHoliday.findUnique({ where: { date: dateValueOf(date) } })
    if (!before) return gone
    await tx.bankHoliday.delete({ where: { date: dateValueOf(date) } })
    await audit(
      {
        actor,
        action: 'calendar.holiday.remove',
        entityType: 'bank_holiday',
        entityId: date,
        ip,
        details: { before: { date, name: before.name, source: before.source }, after: null },
      },
      tx,
    )
    return null
  })
  if (result) return result
  return { ok: true, ...(await recomputeAfterCalendarChange()) }
}
