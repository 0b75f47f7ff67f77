// The audit log as administrators read it: filtered pages, chain verification and the CSV export.
// Administrators see it and no casework; every function re-checks the role (defence in depth
// behind the routes' requireRole), and reading, verifying or exporting the log is itself audited.
import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import { canAdminister, type Actor } from '~/domain/access/policy'
import type { ChainReport } from '~/domain/audit/chain'
import type { Prisma } from '~/generated/prisma/client'
import { toCsv, type CsvValue } from '~/utils/csv'
import { audit, verifyAuditChain, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'


export const AUDIT_PAGE_SIZE = 50
/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000

function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

export interface DateParts {
  day?: string
  month?: string
  year?: string
}

/**
 * A GOV.UK date input's three parts → the start of that day in London (audit times are instants;
 * administrators think in UK days). Empty → no date; anything else not a real date → an error.
 */
export function parseDayStart(parts: DateParts, label: string): { date?: Date; error?: string } {
  const day = parts.day?.trim() ?? ''
  const month = parts.month?.trim() ?? ''
  const year = parts.year?.trim() ?? ''
  if (!day && !month && !year) return {}
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean)
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` }
  if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) return { error: `${label} must be a real date` }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const probe = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || probe.getUTCDate() !== d || probe.getUTCMonth() !== m - 1 || y < 2000 || y > 2100) {
    return { error: `${label} must be a real date` }
  }
  return { date: new Date(new TZDate(y, m - 1, d, 'Europe/London').getTime()) }
}

const nextLondonDay = (start: Date) => {
  const t = new TZDate(start.getTime(), 'Europe/London')
  return new Date(new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + 1, 'Europe/London').getTime())
}

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined)

const AuditQuerySchema = z.object({
  action: text(100),
  actor: text(254),
  entityId: text(200),
  'from-day': text(4),
  'from-month': text(4),
  'from-year': text(6),
  'to-day': text(4),
  'to-month': text(4),
  'to-year': text(6),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
})

export interface AuditFilters {
  /** Actions starting with this, e.g. "auth.login" or "admin.user". */
  action?: string
  /** Actor's email containing this (any case), or the actor's id. */
  actor?: string
  entityId?: string
  /** From the start of this instant (inclusive) … */
  from?: Date
  /** … to before this instant. */
  to?: Date
}

/**
 * The audit page's filters from its query string (or the export form), with the values as typed
 * for redisplay and an error for each date that is not a real date (that filter is then ignored).
 */
export function parseAuditQuery(input: URLSearchParams | FormData) {
  const raw = AuditQuerySchema.parse(Object.fromEntries([...input.entries()].filter(([, v]) => typeof v === 'string')))
  const fromParts = { day: raw['from-day'], month: raw['from-month'], year: raw['from-year'] }
  const toParts = { day: raw['to-day'], month: raw['to-month'], year: raw['to-year'] }
  const from = parseDayStart(fromParts, 'The from date')
  const to = parseDayStart(toParts, 'The to date')
  const errors: { from?: string; to?: string } = { from: from.error, to: to.error }
  if (from.date && to.date && to.date < from.date) errors.to = 'The to date must be the same as or after the from date'
  const filters: AuditFilters = {
    action: raw.action,
    actor: raw.actor,
    entityId: raw.entityId,
    from: from.date,
    to: to.date && !errors.to ? nextLondonDay(to.date) : undefined,
  }
  return {
    filters,
    values: { action: raw.action, actor: raw.actor, entityId: raw.entityId, from: fromParts, to: toParts },
    errors,
    page: raw.page,
  }
}

function auditWhere(f: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.actor ? { OR: [{ actorEmail: { contains: f.actor, mode: 'insensitive' } }, { actorId: f.actor }] } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  }
}

/** Filters as recorded in the audit row of a view or export (dates as ISO instants). */
const filtersForAudit = (f: AuditFilters) =>
  Object.fromEntries(
    Object.entries({ ...f, from: f.from?.toISOString(), to: f.to?.toISOString() }).filter(([, v]) => v !== undefined),
  ) as Prisma.InputJsonObject

const auditRow = (r: { seq: bigint; at: Date; actorId: string | null; actorEmail: string | null; action: string; entityType: string | null; entityId: string | null; ip: string | null; details: Prisma.JsonValue; hash: string }) => ({
  seq: r.seq.toString(),
  at: r.at,
  actorId: r.actorId,
  actorEmail: r.actorEmail,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  ip: r.ip,
  details: r.details === null ? null : JSON.stringify(r.details),
  hash: r.hash,
})
export type AuditRow = ReturnType<typeof auditRow>

/** Newest first. Viewing the audit log is itself audited ('audit.view'). */
export async function viewAuditLog(actor: AuditActor, filters: AuditFilters, page: number | undefined, ip: string) {
  requireAdmin(actor)
  const prisma = await db()
  await audit({ actor, action: 'audit.view', entityType: 'audit', ip, details: { filters: filtersForAudit(filters), page: page ?? 1 } })
  const where = auditWhere(filters)
  const total = await prisma.auditEvent.count({ where })
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))
  const current = Math.min(Math.max(1, page ?? 1), pages)
  const rows = await prisma.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, skip: (current - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE })
  return { total, page: current, pageSize: AUDIT_PAGE_SIZE, rows: rows.map(auditRow) }
}

/** Walks the whole chain; when broken, also returns the first row that fails. Audited ('audit.verify'). */
export async function verifyAuditLog(actor: AuditActor, ip: string): Promise<{ report: ChainReport; brokenRow: AuditRow | null }> {
  requireAdmin(actor)
  const report = await verifyAuditChain()
  let brokenRow: AuditRow | null = null
  if (!report.ok) {
    const prisma = await db()
    const row = await prisma.auditEvent.findUnique({ where: { seq: BigInt(report.brokenAtSeq) } })
    brokenRow = row ? auditRow(row) : null
  }
  await audit({ actor, action: 'audit.verify', entityType: 'audit', ip, details: { ...report } })
  return { report, brokenRow }
}

const CSV_HEADER = ['seq', 'at', 'actor_email', 'actor_id', 'action', 'entity_type', 'entity_id', 'ip', 'details', 'prev_hash', 'hash']

/**
 * The filtered audit log as CSV, oldest first (at most AUDIT_EXPORT_LIMIT rows: `truncated` says
 * so). The export itself is audited ('audit.export') with its filters and row count. No byte order
 * mark: the file is read by scripts as often as by spreadsheets. Cells are formula-safe (the audit
 * log holds text typed by anyone, such as the email address tried at sign-in).
 */
export async function exportAuditCsv(actor: AuditActor, filters: AuditFilters, ip: string): Promise<{ csv: string; rows: number; truncated: boolean }> {
  requireAdmin(actor)
  const prisma = await db()
  const where = auditWhere(filters)
  const total = await prisma.auditEvent.count({ where })
  const records: CsvValue[][] = []
  let after: bigint | undefined
  while (records.length < AUDIT_EXPORT_LIMIT) {
    const batch = await prisma.auditEvent.findMany({
      where: after === undefined ? where : { AND: [where, { seq: { gt: after } }] },
      orderBy: { seq: 'asc' },
      take: Math.min(1000, AUDIT_EXPORT_LIMIT - records.length),
    })
    if (batch.length === 0) break
    for (const r of batch) {
      records.push([r.seq.toString(), r.at.toISOString(), r.actorEmail, r.actorId, r.action, r.entityType, r.entityId, r.ip, r.details === null ? '' : JSON.stringify(r.details), r.prevHash, r.hash])
    }
    after = batch[batch.length - 1]!.seq
  }
  const rows = records.length
  const truncated = total > rows
  await audit({ actor, action: 'audit.export', entityType: 'audit', ip, details: { filters: filtersForAudit(filters), rows, truncated, format: 'csv' } })
  return { csv: toCsv(CSV_HEADER, records, { bom: false }), rows, truncated }
}
