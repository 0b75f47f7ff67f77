// The administrator's outbox: every email Waypoint has queued, sent or given up
// on, with what went wrong, and "Retry now"; the scheduler's latest runs. Administrators only (they
// see recipients' addresses, never a victim's details: emails carry none). The body of an email
// carrying a one-time sign-in link (EMAILS[t].secret) is never shown, whatever its status.
import { EMAILS, isEmailTemplate } from '#emails/catalogue'
import { canAdminister, type Actor } from '~/domain/access/policy'
import type { Prisma } from '~/generated/prisma/client'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'
import { wakeEmailWorker } from './email.server'
import { getEnv } from './env.server'


export const OUTBOX_PAGE_SIZE = 25
export const OUTBOX_FILTERS = ['all', 'queued', 'sent', 'failed'] as const
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number]
export type OutboxStatusGroup = 'queued' | 'sent' | 'failed'

const WHERE: Record<OutboxFilter, Prisma.OutboxEmailWhereInput> = {
  all: {},
  queued: { status: { in: ['pending', 'sending'] } },
  sent: { status: 'sent' },
  failed: { status: 'failed' },
}

function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

/** pending and sending are both "Queued" to an administrator. */
export const statusGroup = (status: string): OutboxStatusGroup => (status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'queued')

export const templateDescription = (template: string) => (isEmailTemplate(template) ? EMAILS[template].description : template)
const isSecret = (template: string) => isEmailTemplate(template) && EMAILS[template].secret

/** Whether emails really leave (Resend) or are written to DATA_DIR/emails on the server (demo). */
export const emailsCapturedLocally = () => !getEnv().RESEND_API_KEY

const LIST_SELECT = {
  id: true,
  createdAt: true,
  template: true,
  to: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  sentAt: true,
  failedAt: true,
  lastError: true,
} as const satisfies Prisma.OutboxEmailSelect

/** One page of the outbox, newest first, with the count of each status group and the scheduler's latest runs. */
export async function outboxPage(actor: Actor, query: { status?: string | null; page?: number } = {}) {
  requireAdmin(actor)
  const filter: OutboxFilter = (OUTBOX_FILTERS as readonly string[]).includes(query.status ?? '') ? (query.status as OutboxFilter) : 'all'
  const prisma = await db()
  const grouped = await prisma.outboxEmail.groupBy({ by: ['status'], _count: { _all: true } })
  const counts = { queued: 0, sent: 0, failed: 0 }
  for (const g of grouped) counts[statusGroup(g.status)] += g._count._all
  const total = filter === 'all' ? counts.queued + counts.sent + counts.failed : counts[filter]
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages)
  const [rows, jobRuns] = await Promise.all([
    prisma.outboxEmail.findMany({
      where: WHERE[filter],
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: LIST_SELECT,
    }),
    prisma.jobRun.findMany({ orderBy: { startedAt: 'desc' }, take: 10, select: { key: true, startedAt: true, completedAt: true, summary: true } }),
  ])
  return {
    filter,
    counts,
    total,
    page,
    pageSize: OUTBOX_PAGE_SIZE,
    rows: rows.map((r) => ({ ...r, description: templateDescription(r.template), group: statusGroup(r.status) })),
    jobRuns: jobRuns.map((j) => ({ ...j, summary: summaryCounts(j.summary) })),
    capturedLocally: emailsCapturedLocally(),
  }
}

const words = (key: string) => (key === 'ms' ? 'milliseconds' : key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())

/** A run's summary as label → number pairs, one level of nesting flattened ("digests daily"); anything but numbers left out. */
export function summaryCounts(summary: Prisma.JsonValue | null, prefix = ''): [string, number][] {
  if (!summary || typeof summary !== 'object' || Array.isArray(summary)) return []
  return Object.entries(summary).flatMap(([key, value]): [string, number][] => {
    const label = `${prefix}${words(key)}`
    if (typeof value === 'number') return [[label, value]]
    return prefix ? [] : summaryCounts(value ?? null, `${label} `)
  })
}

/** One email: everything on the list, its subject and plain text — the text never for a secret template. */
export async function getOutboxEmail(actor: Actor, id: string) {
  requireAdmin(actor)
  const prisma = await db()
  const row = await prisma.outboxEmail.findUnique({ where: { id }, select: { ...LIST_SELECT, subject: true, text: true, kind: true, providerId: true } })
  if (!row) throw notFound()
  const secret = isSecret(row.template)
  return {
    ...row,
    // Not even sent to the browser.
    text: secret ? null : row.text,
    secret,
    description: templateDescription(row.template),
    group: statusGroup(row.status),
    canRetry: row.status === 'failed' || row.status === 'pending',
    capturedLocally: emailsCapturedLocally(),
  }
}

export type RetryResult = { ok: true; from: 'failed' | 'pending' } | { ok: false; status: string }

/**
 * "Retry now" (failed) or "Send now" (pending): due at once, a failed email's attempts start again.
 * An email being sent or already sent is left alone. Audited as `email.retry` with the outbox id.
 */
export async function retryOutboxEmail(actor: AuditActor, id: string, ip: string, now: Date = new Date()): Promise<RetryResult> {
  requireAdmin(actor)
  const prisma = await db()
  const result = await prisma.$transaction(async (tx): Promise<RetryResult> => {
    const row = await tx.outboxEmail.findUnique({ where: { id }, select: { status: true } })
    if (!row) throw notFound()
    if (row.status !== 'failed' && row.status !== 'pending') return { ok: false, status: row.status }
    const from = row.status
    const written = await tx.outboxEmail.updateMany({
      where: { id, status: from },
      data: { status: 'pending', nextAttemptAt: now, failedAt: null, lockedUntil: null, ...(from === 'failed' ? { attempts: 0 } : {}) },
    })
    if (written.count !== 1) return { ok: false, status: (await tx.outboxEmail.findUniqueOrThrow({ where: { id }, select: { status: true } })).status }
    await audit({ actor, action: 'email.retry', entityType: 'outbox', entityId: id, ip, details: { from } }, tx)
    return { ok: true, from }
  })
  if (result.ok) wakeEmailWorker()
  return result
}
