// The email worker: claims due outbox rows, renders them (emails/catalogue.ts), sends them through
// Resend and records the outcome. Safe to run in several processes at once: a row is claimed with
// FOR UPDATE SKIP LOCKED and a lease, so only one worker sends it; Resend also receives the row id as
// its Idempotency-Key, so a send retried after a crash is not delivered twice.
//
// Without RESEND_API_KEY (local demo) nothing leaves the machine: each email is written as JSON
// under DATA_DIR/emails/ and marked sent with providerId 'local-capture'.
import { randomInt } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Resend } from 'resend'
import { EMAILS, isEmailTemplate, renderTemplate } from '#emails/catalogue'
import { afterFailure, type ProviderFailure } from '~/domain/notifications/delivery'
import { db } from './db.server'
import { onEmailQueued } from './email.server'
import { getEnv } from './env.server'
import { logger } from './logger.server'

/** A claimed row not finished within this is taken over by another worker. */
const LEASE_MS = 2 * 60_000
const BATCH = 20
export const LOCAL_CAPTURE = 'local-capture'

class SendFailure extends Error {
  constructor(
    message: string,
    readonly failure: ProviderFailure,
  ) {
    super(message)
  }
}

interface Claimed {
  id: string
  to: string
  subject: string
  template: string
  props: unknown
  html: string | null
  text: string | null
  attempts: number
  createdAt: Date
  lockedUntil: Date
}

/** Claims up to `limit` rows that are due (or whose claim has lapsed) for this worker. */
async function claim(now: Date, limit: number): Promise<Claimed[]> {
  const prisma = await db()
  const lockedUntil = new Date(now.getTime() + LEASE_MS)
  const at = now.toISOString()
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "OutboxEmail"
      WHERE (status = 'pending' AND "nextAttemptAt" <= ${at}::timestamp)
         OR (status = 'sending' AND "lockedUntil" < ${at}::timestamp)
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`
    if (due.length === 0) return []
    const ids = due.map((r) => r.id)
    await tx.outboxEmail.updateMany({ where: { id: { in: ids } }, data: { status: 'sending', lockedUntil, attempts: { increment: 1 } } })
    const rows = await tx.outboxEmail.findMany({
      where: { id: { in: ids } },
      select: { id: true, to: true, subject: true, template: true, props: true, html: true, text: true, attempts: true, createdAt: true },
    })
    return rows.map((r) => ({ ...r, lockedUntil }))
  })
}

/** Sends everything due now, batch by batch, and answers how many rows ended sent / pending / failed. */
export async function runEmailWorkerOnce(now: () => Date = () => new Date()): Promise<{ sent: number; retrying: number; failed: number }> {
  const totals = { sent: 0, retrying: 0, failed: 0 }
  for (;;) {
    const rows = await claim(now(), BATCH)
    if (rows.length === 0) return totals
    for (const row of rows) {
      const outcome = await deliver(row, now())
      totals[outcome === 'sent' ? 'sent' : outcome === 'failed' ? 'failed' : 'retrying'] += 1
    }
  }
}

async function deliver(row: Claimed, now: Date): Promise<'sent' | 'pending' | 'failed'> {
  const prisma = await db()
  // Only the claim that is still ours may record the outcome (a lapsed claim was taken over).
  const mine = { id: row.id, status: 'sending', lockedUntil: row.lockedUntil }
  try {
    const { html, text } = await contentOf(row)
    const providerId = await transport({ ...row, html, text })
    const secret = isEmailTemplate(row.template) && EMAILS[row.template].secret
    await prisma.outboxEmail.updateMany({
      where: mine,
      // A one-time link is not kept once it has left: the provider has the email now.
      data: { status: 'sent', sentAt: new Date(), providerId, lastError: null, lockedUntil: null, ...(secret ? { html: '', text: '', props: {} } : {}) },
    })
    logger.info({ outboxId: row.id, template: row.template, transport: providerId === LOCAL_CAPTURE ? 'local' : 'resend' }, 'email sent')
    return 'sent'
  } catch (error) {
    const failure = error instanceof SendFailure ? error.failure : { statusCode: null }
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500)
    const next = afterFailure(failure, row.attempts, now, randomInt(1000) / 1000)
    await prisma.outboxEmail.updateMany({
      where: mine,
      data:
        next.status === 'failed'
          ? { status: 'failed', failedAt: new Date(), lastError, lockedUntil: null }
          : { status: 'pending', nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt : now, lastError, lockedUntil: null },
    })
    const log = next.status === 'failed' ? logger.error.bind(logger) : logger.warn.bind(logger)
    log({ outboxId: row.id, template: row.template, attempts: row.attempts, status: next.status }, next.status === 'failed' ? 'email failed permanently' : 'email not sent; will retry')
    return next.status === 'failed' ? 'failed' : 'pending'
  }
}

/** The stored rendering, or the template rendered now and stored (so every retry sends the same email). */
async function contentOf(row: Claimed): Promise<{ html: string; text: string }> {
  if (row.html !== null && row.text !== null) return { html: row.html, text: row.text }
  if (!isEmailTemplate(row.template)) throw new SendFailure(`Unknown email template ${row.template}`, { statusCode: null, name: 'validation_error' })
  const rendered = await renderTemplate(row.template, row.props as never)
  const prisma = await db()
  await prisma.outboxEmail.updateMany({ where: { id: row.id }, data: rendered })
  return rendered
}

interface Sendable {
  id: string
  to: string
  subject: string
  template: string
  html: string
  text: string
  createdAt: Date
}

/** Sends one email and answers the provider's id, or throws a SendFailure. */
async function transport(row: Sendable): Promise<string> {
  const env = getEnv()
  if (!env.RESEND_API_KEY) return captureLocally(row, env.DATA_DIR)
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/+$/, '') } : undefined)
  const signal = AbortSignal.timeout(env.EMAIL_SEND_TIMEOUT_MS)
  const noAnswer = () => new SendFailure(`No answer from the email provider within ${env.EMAIL_SEND_TIMEOUT_MS} ms`, { statusCode: null })
  let answer: Awaited<ReturnType<typeof resend.emails.send>>
  try {
    answer = await resend.emails.send(
      { from: env.EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text },
      { idempotencyKey: row.id, signal },
    )
  } catch (error) {
    throw signal.aborted ? noAnswer() : new SendFailure(error instanceof Error ? error.message : 'No answer from the email provider', { statusCode: null })
  }
  // The SDK reports an aborted request as a generic fetch error: say what happened.
  if (answer.error && signal.aborted) throw noAnswer()
  const { data, error } = answer
  if (error || !data?.id) {
    const statusCode = error && 'statusCode' in error ? (error.statusCode ?? null) : null
    const name = error?.name
    throw new SendFailure(`${error?.message ?? 'No answer from the email provider'}${statusCode ? ` (${statusCode})` : ''}`, { statusCode, name })
  }
  return data.id
}

/** Local demo transport: one JSON file per email under DATA_DIR/emails/ (readable by the owner only). */
async function captureLocally(row: Sendable, dataDir: string): Promise<string> {
  const dir = path.resolve(dataDir, 'emails')
  await mkdir(dir, { recursive: true })
  const stamp = row.createdAt.toISOString().replace(/[:.]/g, '-')
  const file = path.join(dir, `${stamp}-${row.template}-${row.id}.json`)
  const body = { id: row.id, createdAt: row.createdAt.toISOString(), template: row.template, to: row.to, subject: row.subject, text: row.text }
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 })
  return LOCAL_CAPTURE
}

/**
 * Runs the worker in this process: every `intervalMs`, and straight away when a request queues an
 * email (wakeEmailWorker). Answers a function that stops it and waits for the run in progress.
 */
export function startEmailWorker(intervalMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve()
  let again = false
  let busy = false
  const tick = () => {
    if (busy) {
      again = true
      return
    }
    busy = true
    running = runEmailWorkerOnce()
      .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'email worker run failed'))
      .finally(() => {
        busy = false
        if (again) {
          again = false
          tick()
        }
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  onEmailQueued(tick)
  tick()
  return async () => {
    clearInterval(timer)
    onEmailQueued(undefined)
    await running
  }
}
