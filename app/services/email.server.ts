// Every email is an OutboxEmail row first (its unique dedupeKey makes a repeated request harmless),
// then sent straight away through Resend. If the provider fails or is slow the row stays `pending`
// with attempts and lastError, so nothing is lost and the person's request still succeeds; a later
// issue adds the retry worker, which calls deliverOutboxEmail(id) for pending rows.
//
// Without RESEND_API_KEY (local demo) nothing leaves the machine: each email is written as JSON
// (to, subject, text) under DATA_DIR/emails/ and its row marked sent with providerId
// 'local-capture', so a developer can follow a reset link in demo mode.
//
// Email content and addresses never go to the logger: log lines carry the outbox id and template.
import { randomInt } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { render } from '@react-email/render'
import type { ReactElement } from 'react'
import { Resend } from 'resend'
import { db } from './db.server'
import { getEnv } from './env.server'
import { logger } from './logger.server'

/** Give up on one send after this long; the row stays pending for the retry worker. */
export const SEND_TIMEOUT_MS = 10_000
export const LOCAL_CAPTURE = 'local-capture'

interface EmailHeader {
  to: string
  subject: string
  /** Template name, kept on the row and used in logs (never the content). */
  template: string
  /** Unique per logical email: a second queueEmail with the same key does nothing. */
  dedupeKey: string
}

/** Either a react-email element (rendered here to HTML and plain text) or both renderings. */
export type EmailMessage = EmailHeader & ({ element: ReactElement } | { html: string; text: string })

export interface QueueOptions {
  /**
   * 'now' (default) waits for the first send attempt. 'background' returns at once and renders,
   * stores and sends afterwards, so the response takes as long whether or not an email is sent —
   * used where timing could reveal whether an account exists (lockout notices). Rendering alone
   * takes milliseconds, enough to tell the two apart.
   */
  delivery?: 'now' | 'background'
}

export type QueueResult = { id: string; status: 'sent' | 'pending' | 'duplicate' } | { id: null; status: 'queued' }

/** Renders a react-email element to the HTML and plain-text parts of an email. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { html, text }
}

/**
 * Background jobs wait this long (plus up to as much again, at random) before they start. Started
 * at once, their rendering and queries share the process (and PGlite's one connection) with the
 * response still being made, which then comes back measurably later for a real account.
 */
export const BACKGROUND_DELAY_MS = 1_000

const inFlight = new Set<Promise<unknown>>()
const waiting = new Set<() => void>()

/** Starts every waiting background job now and resolves once all have finished (tests, shutdown). */
export async function emailDeliveriesSettled(): Promise<void> {
  while (inFlight.size > 0) {
    for (const startNow of [...waiting]) startNow()
    await Promise.allSettled([...inFlight])
  }
}

/**
 * Runs email work after the response (see BACKGROUND_DELAY_MS): tracked (emailDeliveriesSettled),
 * and a failure is logged under `label`, never thrown at the person who made the request.
 */
export function runInBackground(label: string, job: () => Promise<unknown>): void {
  let startNow!: () => void
  const started = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, BACKGROUND_DELAY_MS + randomInt(BACKGROUND_DELAY_MS))
    startNow = () => {
      clearTimeout(timer)
      resolve()
    }
  })
  waiting.add(startNow)
  const run = started
    .then(() => {
      waiting.delete(startNow)
      return job()
    })
    .catch((error: unknown) => {
      logger.error({ job: label, err: error instanceof Error ? error.name : 'unknown' }, 'background email job failed')
    })
  inFlight.add(run)
  void run.finally(() => inFlight.delete(run))
}

/** Stores the email in the outbox and tries to send it. Never throws for a delivery failure. */
export async function queueEmail(message: EmailMessage, options: QueueOptions = {}): Promise<QueueResult> {
  if (options.delivery === 'background') {
    runInBackground(message.template, () => queueEmail(message))
    return { id: null, status: 'queued' }
  }
  const prisma = await db()
  const existing = await prisma.outboxEmail.findUnique({ where: { dedupeKey: message.dedupeKey }, select: { id: true } })
  if (existing) return { id: existing.id, status: 'duplicate' }
  const { html, text } = 'element' in message ? await renderEmail(message.element) : message
  let id: string
  try {
    const row = await prisma.outboxEmail.create({
      data: { dedupeKey: message.dedupeKey, to: message.to, subject: message.subject, template: message.template, html, text },
      select: { id: true },
    })
    id = row.id
  } catch (error) {
    // Lost a race with an identical request: that one owns the send.
    if ((error as { code?: string }).code === 'P2002') {
      const other = await prisma.outboxEmail.findUnique({ where: { dedupeKey: message.dedupeKey }, select: { id: true } })
      return { id: other?.id ?? '', status: 'duplicate' }
    }
    throw error
  }
  return { id, status: await deliverOutboxEmail(id) }
}

/**
 * One delivery attempt for an outbox row (also the retry worker's entry point). A row already
 * sent is left alone. Resend receives the row id as its Idempotency-Key, so a retry of a send that
 * did reach the provider is not delivered twice.
 */
export async function deliverOutboxEmail(id: string): Promise<'sent' | 'pending'> {
  const prisma = await db()
  const row = await prisma.outboxEmail.findUnique({ where: { id } })
  if (!row) throw new Error(`No outbox email ${id}`)
  if (row.status === 'sent') return 'sent'
  try {
    const providerId = await transport(row)
    await prisma.outboxEmail.update({
      where: { id },
      data: { status: 'sent', sentAt: new Date(), providerId, attempts: { increment: 1 }, lastError: null },
    })
    logger.info({ outboxId: id, template: row.template, transport: providerId === LOCAL_CAPTURE ? 'local' : 'resend' }, 'email sent')
    return 'sent'
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500)
    await prisma.outboxEmail.update({ where: { id }, data: { attempts: { increment: 1 }, lastError } })
    logger.warn({ outboxId: id, template: row.template, attempts: row.attempts + 1 }, 'email not sent; kept in outbox')
    return 'pending'
  }
}

interface OutboxRow {
  id: string
  to: string
  subject: string
  template: string
  html: string
  text: string
  createdAt: Date
}

/** Sends one email and answers the provider's id, or throws. */
async function transport(row: OutboxRow): Promise<string> {
  const env = getEnv()
  if (!env.RESEND_API_KEY) return captureLocally(row, env.DATA_DIR)
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/+$/, '') } : undefined)
  const { data, error } = await resend.emails.send(
    { from: env.EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text },
    { idempotencyKey: row.id, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  )
  if (error || !data?.id) {
    const status = error && 'statusCode' in error && error.statusCode ? ` (${String(error.statusCode)})` : ''
    throw new Error(`${error?.message ?? 'No answer from the email provider'}${status}`)
  }
  return data.id
}

/** Local demo transport: one JSON file per email under DATA_DIR/emails/ (readable by the owner only). */
async function captureLocally(row: OutboxRow, dataDir: string): Promise<string> {
  const dir = path.resolve(dataDir, 'emails')
  await mkdir(dir, { recursive: true })
  const stamp = row.createdAt.toISOString().replace(/[:.]/g, '-')
  const file = path.join(dir, `${stamp}-${row.template}-${row.id}.json`)
  const body = { id: row.id, createdAt: row.createdAt.toISOString(), template: row.template, to: row.to, subject: row.subject, text: row.text }
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 })
  return LOCAL_CAPTURE
}

/**
 * The public address for links in emails: APP_URL when set. Otherwise the address the request
 * came to — but only where emails stay on this machine or outside production, because the Host
 * header is chosen by the client and a reset link pointing at someone else's host would hand them
 * the token ("password reset poisoning"). In production with real sending, set APP_URL.
 */
export function appUrl(request?: Request): string {
  const env = getEnv()
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, '')
  if (request && (!env.RESEND_API_KEY || env.NODE_ENV !== 'production')) return new URL(request.url).origin
  logger.warn('APP_URL is not set, so links in emails point at localhost; set APP_URL to the public address')
  return `http://localhost:${env.PORT}`
}
