// The email outbox. Sending never happens inside a web request: a change that should email someone
// writes an OutboxEmail row (template name + props) with enqueueEmail(tx, …) in its own
// transaction, and the worker (email-worker.server.ts) renders and sends it. The row's unique
// dedupeKey means the same email can never be queued twice, whoever asks and however often.
//
// Email content and addresses never go to the logger: log lines carry the outbox id and template.
import { randomInt } from 'node:crypto'
import type { EmailProps, EmailTemplate } from '#emails/catalogue'
import { emailSubject } from '#emails/catalogue'
import type { Prisma } from '~/generated/prisma/client'
import { db, type Db } from './db.server'
import { getEnv } from './env.server'
import { logger } from './logger.server'

type Client = Db | Prisma.TransactionClient

export type NotificationKind = 'account' | 'entitlements' | 'visits' | 'hearings' | 'intelligence' | 'referrals' | 'digest'

export interface OutboxMessage<T extends EmailTemplate> {
  template: T
  props: EmailProps<T>
  to: string
  /** Unique per logical email (see dedupe keys in app/domain/notifications/keys.ts). */
  dedupeKey: string
  kind?: NotificationKind
  userId?: string | null
  organisationId?: string | null
}

/**
 * Writes the email to the outbox in the caller's transaction. Answers false when an email with the
 * same dedupe key is already there (nothing is written). Call wakeEmailWorker() after the commit.
 */
export async function enqueueEmail<T extends EmailTemplate>(client: Client, message: OutboxMessage<T>): Promise<boolean> {
  const { count } = await client.outboxEmail.createMany({
    data: [
      {
        dedupeKey: message.dedupeKey,
        to: message.to,
        subject: emailSubject(message.template, message.props),
        template: message.template,
        props: message.props as unknown as Prisma.InputJsonValue,
        kind: message.kind ?? 'account',
        userId: message.userId ?? null,
        organisationId: message.organisationId ?? null,
      },
    ],
    skipDuplicates: true,
  })
  return count === 1
}

/** Enqueues outside any other transaction and wakes the worker. */
export async function queueEmail<T extends EmailTemplate>(message: OutboxMessage<T>): Promise<boolean> {
  const queued = await enqueueEmail(await db(), message)
  if (queued) wakeEmailWorker()
  return queued
}

// The in-process worker registers here so that a request's email goes out within moments rather
// than at the next poll. Waking is a hint: with no worker in this process it does nothing.
let wake: (() => void) | undefined
export function onEmailQueued(listener: (() => void) | undefined) {
  wake = listener
}
export function wakeEmailWorker() {
  wake?.()
}

/**
 * Background jobs wait this long (plus up to as much again, at random) before they start. Used
 * where the time a response takes could reveal whether an account exists (password reset requests,
 * lockout notices): the token and outbox row are written after the answer, not before it.
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

/** Runs work after the response (see BACKGROUND_DELAY_MS); a failure is logged under `label`. */
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

/**
 * The public address for links in emails: the configured APP_URL (http://localhost:PORT in the demo
 * and development). Never the address a request came to: its Host header is chosen by the client,
 * and a reset link pointing at someone else's host would hand them the token.
 */
export function appUrl(): string {
  return getEnv().APP_URL
}
