// Every email is a row in OutboxEmail first (its unique dedupeKey makes a repeated request
// harmless), then sent at once. If the provider is down the row stays `pending` with the error, so
// nothing is lost and the user's request still succeeds; a later issue adds the retry worker.
// Without RESEND_API_KEY (local demo) emails are written as JSON under DATA_DIR/emails/ instead.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { render } from '@react-email/render'
import type { ReactElement } from 'react'
import { Resend } from 'resend'
import { db } from './db.server'
import { getEnv } from './env.server'
import { logger } from './logger.server'

export interface EmailMessage {
  to: string
  subject: string
  /** Template name, for the outbox and logs (never the content). */
  template: string
  element: ReactElement
  dedupeKey: string
}

let client: Resend | undefined
function resend(apiKey: string) {
  client ??= new Resend(apiKey, { baseUrl: getEnv().RESEND_BASE_URL })
  return client
}

async function deliver(row: { id: string; to: string; subject: string; html: string; text: string }): Promise<string> {
  const env = getEnv()
  if (!env.RESEND_API_KEY) {
    const dir = path.join(env.DATA_DIR, 'emails')
    await mkdir(dir, { recursive: true })
    await writeFile(
      path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${row.id}.json`),
      JSON.stringify({ to: row.to, subject: row.subject, text: row.text }, null, 2),
    )
    return 'local-capture'
  }
  const { data, error } = await resend(env.RESEND_API_KEY).emails.send(
    { from: env.EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text },
    { idempotencyKey: row.id },
  )
  if (error || !data) throw new Error(error?.message ?? 'no response from email provider')
  return data.id
}

/** Queues and tries to send one email. Never throws for a delivery failure. */
export async function queueEmail(message: EmailMessage): Promise<{ id: string; status: 'sent' | 'pending' | 'duplicate' }> {
  const prisma = await db()
  const existing = await prisma.outboxEmail.findUnique({ where: { dedupeKey: message.dedupeKey }, select: { id: true } })
  if (existing) return { id: existing.id, status: 'duplicate' }
  const [html, text] = await Promise.all([render(message.element), render(message.element, { plainText: true })])
  let row
  try {
    row = await prisma.outboxEmail.create({
      data: { dedupeKey: message.dedupeKey, to: message.to, subject: message.subject, template: message.template, html, text },
    })
  } catch (error) {
    // Lost a race with an identical request: the other one owns the send.
    if ((error as { code?: string }).code === 'P2002') return { id: '', status: 'duplicate' }
    throw error
  }
  try {
    const providerId = await deliver(row)
    await prisma.outboxEmail.update({
      where: { id: row.id },
      data: { status: 'sent', sentAt: new Date(), providerId, attempts: { increment: 1 } },
    })
    logger.info({ outboxId: row.id, template: message.template }, 'email sent')
    return { id: row.id, status: 'sent' }
  } catch (error) {
    const lastError = error instanceof Error ? error.message.slice(0, 500) : 'unknown error'
    await prisma.outboxEmail.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError } })
    logger.warn({ outboxId: row.id, template: message.template }, 'email not sent; kept in outbox')
    return { id: row.id, status: 'pending' }
  }
}

/** The public address for links in emails: APP_URL, else the address the request came to. */
export function appUrl(request?: Request): string {
  const configured = getEnv().APP_URL
  if (configured) return configured.replace(/\/$/, '')
  if (request) return new URL(request.url).origin
  return `http://localhost:${getEnv().PORT}`
}
