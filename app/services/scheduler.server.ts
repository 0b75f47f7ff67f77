// The reminder scheduler: every SCHEDULER_INTERVAL_MINUTES it queues the
// reminders that are due — entitlements due tomorrow or overdue, follow-up visits due or overdue,
// hearings in the next 7 days — and the daily and weekly digests, then wakes the email worker.
//
// Safe to run often and on several instances at once:
//  - every email has a dedupe key (app/domain/notifications/keys.ts), so the outbox holds one row
//    per reminder and recipient whoever computes it and however often;
//  - each interval slot has a JobRun row: the first instance to insert it holds a lease and does
//    the work, the others skip; a run that crashed leaves its lease to lapse and the next run in
//    the slot takes it over. The row keeps the run's counts (no names, no addresses).
import { digestWindow, planReminders, type DigestWindow, type PlannedEmail, type ReminderCount, type ReminderItem } from '~/domain/notifications/reminders'
import { buildDigest, kindsFor } from '~/domain/notifications/digest'
import { reminderKeys, schedulerRunKey, type DigestPeriod } from '~/domain/notifications/keys'
import { addCalendarDays, londonDateOf } from '~/domain/calendar/working-days'
import type { Prisma } from '~/generated/prisma/client'
import { db } from './db.server'
import { appUrl, enqueueEmail, wakeEmailWorker, type OutboxMessage } from './email.server'
import { loadHolidays } from './entitlements.server'
import { getEnv } from './env.server'
import { logger } from './logger.server'
import { collectReminderItems, digestNews, existingKeys, loadDeliveries, type DigestPerson } from './reminders.server'

/** A run not finished within this is taken over by the next run in the same slot. */
export const LEASE_MS = 10 * 60_000
/** Completed run rows older than this are deleted. */
const KEEP_RUNS_DAYS = 14
/** How far ahead items are collected: the weekly digest's "coming up" reaches the Sunday after next. */
const HORIZON_DAYS = 14

export interface SchedulerSummary {
  key: string
  /** false when another run holds (or has done) this slot. */
  ran: boolean
  skipped?: 'done' | 'running'
  due: Record<ReminderCount, number>
  deferredToDigest: number
  unaddressed: number
  /** Rows written to the outbox now, and planned emails already there from an earlier run. */
  queued: number
  alreadyQueued: number
  digests: Record<DigestPeriod, number>
  ms: number
}

const emptySummary = (key: string): SchedulerSummary => ({
  key,
  ran: false,
  due: { entitlementsDueTomorrow: 0, entitlementsOverdue: 0, visitsDue: 0, visitsOverdue: 0, hearings: 0 },
  deferredToDigest: 0,
  unaddressed: 0,
  queued: 0,
  alreadyQueued: 0,
  digests: { daily: 0, weekly: 0 },
  ms: 0,
})

/** The lease on this slot's JobRun row (its leaseUntil is our token), or why not. */
async function acquire(key: string, now: Date): Promise<{ leaseUntil: Date } | { skipped: 'done' | 'running' }> {
  const prisma = await db()
  const leaseUntil = new Date(now.getTime() + LEASE_MS)
  const created = await prisma.jobRun.createMany({ data: [{ key, startedAt: now, leaseUntil }], skipDuplicates: true })
  if (created.count === 1) return { leaseUntil }
  // Taken over only when unfinished and its lease has lapsed; one of several racing runs wins.
  const taken = await prisma.jobRun.updateMany({ where: { key, completedAt: null, leaseUntil: { lt: now } }, data: { startedAt: now, leaseUntil } })
  if (taken.count === 1) return { leaseUntil }
  const row = await prisma.jobRun.findUnique({ where: { key }, select: { completedAt: true } })
  return { skipped: row?.completedAt ? 'done' : 'running' }
}

/** Rows written per transaction: one commit per chunk rather than per email (a first run may queue thousands). */
const ENQUEUE_CHUNK = 250

/** Writes the planned emails that are not in the outbox yet; answers [queued, already there]. */
async function enqueueAll(emails: readonly PlannedEmail[]): Promise<[number, number]> {
  if (emails.length === 0) return [0, 0]
  const prisma = await db()
  const present = await existingKeys(emails.map((e) => e.dedupeKey))
  // In key order, so that two instances writing overlapping chunks wait for each other, never deadlock.
  const missing = emails.filter((e) => !present.has(e.dedupeKey)).sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1))
  let queued = 0
  for (let i = 0; i < missing.length; i += ENQUEUE_CHUNK) {
    const chunk = missing.slice(i, i + ENQUEUE_CHUNK)
    queued += await prisma.$transaction(
      async (tx) => {
        let n = 0
        // Another instance may write the same key meanwhile: enqueueEmail then answers false.
        for (const email of chunk) if (await enqueueEmail(tx, email as OutboxMessage<PlannedEmail['template']>)) n += 1
        return n
      },
      { timeout: 60_000 },
    )
  }
  return [queued, emails.length - queued]
}

/** The digests due at `now` for one period: one per person with something in it, none already queued. */
async function planDigests(window: DigestWindow, people: readonly DigestPerson[], items: readonly ReminderItem[], now: Date, baseUrl: string): Promise<PlannedEmail[]> {
  const wanting = people
    .map((p) => ({ person: p, kinds: kindsFor(p.deliveries, window.period), key: reminderKeys.digest(window.period, p.id, window.periodId) }))
    .filter((p) => p.kinds.length > 0)
  const done = await existingKeys(wanting.map((w) => w.key))
  const due = wanting.filter((w) => !done.has(w.key))
  if (due.length === 0) return []
  const periodDays = window.period === 'daily' ? 1 : 7
  const news = await digestNews(
    due.map((d) => d.person),
    window.period,
    new Date(window.opensAt.getTime() - periodDays * 86_400_000),
  )
  const mine = new Map<string, ReminderItem[]>()
  for (const item of items) {
    if (item.recipient.type !== 'user') continue
    const list = mine.get(item.recipient.userId)
    if (list) list.push(item)
    else mine.set(item.recipient.userId, [item])
  }
  return due.flatMap(({ person, kinds, key }) => {
    const props = buildDigest({ window, name: person.name, kinds, items: mine.get(person.id) ?? [], news: news.get(person.id) ?? [], now, baseUrl })
    return props ? [{ template: 'digest' as const, kind: 'digest' as const, props, to: person.email, dedupeKey: key, userId: person.id, organisationId: null }] : []
  })
}

/**
 * One scheduler run for the slot `now` falls in: collects what is due, queues reminders and
 * digests (each once), records the counts on the slot's JobRun row and wakes the email worker.
 */
export async function runSchedulerOnce(now: Date = new Date(), options: { intervalMinutes?: number; baseUrl?: string } = {}): Promise<SchedulerSummary> {
  const started = performance.now()
  const key = schedulerRunKey(now, options.intervalMinutes ?? getEnv().SCHEDULER_INTERVAL_MINUTES)
  const summary = emptySummary(key)
  const lease = await acquire(key, now)
  if ('skipped' in lease) return { ...summary, skipped: lease.skipped }
  const prisma = await db()
  try {
    const baseUrl = options.baseUrl ?? appUrl()
    const holidays = await loadHolidays(prisma)
    const { deliveries, people } = await loadDeliveries()
    const items = await collectReminderItems(now, addCalendarDays(londonDateOf(now), HORIZON_DAYS))
    const plan = planReminders(items, deliveries, now, holidays, baseUrl)
    const digests: PlannedEmail[] = []
    for (const period of ['daily', 'weekly'] as const) {
      const window = digestWindow(period, now, holidays)
      if (!window) continue
      const planned = await planDigests(window, people, items, now, baseUrl)
      digests.push(...planned)
    }
    const [queued, alreadyQueued] = await enqueueAll([...plan.emails, ...digests])
    Object.assign(summary, {
      ran: true,
      due: plan.due,
      deferredToDigest: plan.deferredToDigest,
      unaddressed: plan.unaddressed,
      queued,
      alreadyQueued,
      digests: { daily: digests.filter((d) => d.template === 'digest' && d.props.period === 'daily').length, weekly: digests.filter((d) => d.template === 'digest' && d.props.period === 'weekly').length },
      ms: Math.round(performance.now() - started),
    })
    const { key: _key, ran: _ran, ...counts } = summary
    const finished = await prisma.jobRun.updateMany({
      where: { key, leaseUntil: lease.leaseUntil },
      data: { completedAt: new Date(), summary: counts as unknown as Prisma.InputJsonValue },
    })
    if (finished.count === 0) logger.warn({ job: key }, 'scheduler run outlived its lease; another run took the slot over')
    await prisma.jobRun.deleteMany({
      where: { key: { startsWith: 'reminders:' }, completedAt: { not: null }, startedAt: { lt: new Date(now.getTime() - KEEP_RUNS_DAYS * 86_400_000) } },
    })
    if (queued > 0) wakeEmailWorker()
    logger.info({ job: key, queued, alreadyQueued, unaddressed: summary.unaddressed, deferred: summary.deferredToDigest, ms: summary.ms }, 'scheduler run finished')
    return summary
  } catch (error) {
    // Let the next run in this slot take over at once rather than wait for the lease to lapse.
    await prisma.jobRun.updateMany({ where: { key, leaseUntil: lease.leaseUntil, completedAt: null }, data: { leaseUntil: new Date(0) } }).catch(() => undefined)
    throw error
  }
}

/** First run shortly after start (never blocking it), then one every `intervalMs`. Answers a stop function. */
export function startScheduler(intervalMs: number, firstDelayMs = 5_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve()
  let busy = false
  const tick = () => {
    if (busy) return
    busy = true
    running = runSchedulerOnce()
      .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'scheduler run failed'))
      .finally(() => {
        busy = false
      })
  }
  const first = setTimeout(tick, firstDelayMs)
  first.unref()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return async () => {
    clearTimeout(first)
    clearInterval(timer)
    await running
  }
}
