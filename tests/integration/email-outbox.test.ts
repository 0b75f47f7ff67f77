// The email outbox and its worker against a real database, with the Resend API intercepted by MSW:
// rows are written in the caller's transaction and deduplicated; two workers running at once send
// each email exactly once; a 500 or a timeout keeps the email queued until a retry sends it; a 4xx
// validation error becomes a visible permanent failure; one-time links are erased once sent.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { MAX_ATTEMPTS } from '~/domain/notifications/delivery'
import { db } from '~/services/db.server'
import { enqueueEmail, queueEmail } from '~/services/email.server'
import { LOCAL_CAPTURE, runEmailWorkerOnce } from '~/services/email-worker.server'
import { logger } from '~/services/logger.server'

const env = vi.hoisted(() => ({ overrides: {} as Record<string, string | number | undefined> }))
vi.mock('~/services/env.server', async (importOriginal) => {
  const actual = await importOriginal<typeof import('~/services/env.server')>()
  return { ...actual, getEnv: () => ({ ...actual.getEnv(), ...env.overrides }) }
})

const API = 'https://api.resend.test'

interface Received {
  idempotencyKey: string | null
  to: string
  subject: string
  html: string
  text: string
}
let received: Received[] = []
// What the intercepted API answers next: queued answers first, then 200 with a new id.
let answers: (() => Promise<Response> | Response)[] = []

const server = setupServer(
  http.post(`${API}/emails`, async ({ request }) => {
    const next = answers.shift()
    if (next) return next()
    const body = (await request.json()) as { to: string | string[]; subject: string; html: string; text: string }
    received.push({
      idempotencyKey: request.headers.get('idempotency-key'),
      to: ([] as string[]).concat(body.to)[0]!,
      subject: body.subject,
      html: body.html,
      text: body.text,
    })
    await delay(5)
    return HttpResponse.json({ id: `re_${received.length}_${Math.random().toString(36).slice(2)}` })
  }),
)

const error = (status: number, name: string, message: string) => () => HttpResponse.json({ statusCode: status, name, message }, { status })

let dataDir: string

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'bypass' })
  dataDir = mkdtempSync(path.join(tmpdir(), 'waypoint-outbox-'))
})
afterAll(() => {
  server.close()
  rmSync(dataDir, { recursive: true, force: true })
})
beforeEach(async () => {
  // Each test counts only its own emails.
  await (await db()).outboxEmail.deleteMany()
  env.overrides = { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: API, DATA_DIR: dataDir, EMAIL_SEND_TIMEOUT_MS: 300 }
  received = []
  answers = []
})
afterEach(() => server.resetHandlers())

let n = 0
const address = () => `outbox-${++n}-${Math.random().toString(36).slice(2, 8)}@test.example`

function lockedEmail(to: string, dedupeKey = `test:${to}`) {
  return { to, template: 'account-locked' as const, props: { minutes: 15 }, dedupeKey }
}

async function row(to: string) {
  const prisma = await db()
  return prisma.outboxEmail.findFirstOrThrow({ where: { to } })
}

/** Runs the worker as if it were `ms` later than now (to reach a backoff's next attempt). */
const later = (ms: number) => runEmailWorkerOnce(() => new Date(Date.now() + ms))

describe('queueing', () => {
  test('the row is written in the caller’s transaction: rolled back with it, kept with it', async () => {
    const prisma = await db()
    const kept = address()
    const dropped = address()
    await prisma.$transaction(async (tx) => {
      expect(await enqueueEmail(tx, lockedEmail(kept))).toBe(true)
    })
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, lockedEmail(dropped))
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await prisma.outboxEmail.count({ where: { to: { in: [kept, dropped] } } })).toBe(1)
    const stored = await row(kept)
    expect(stored).toMatchObject({ status: 'pending', attempts: 0, html: null, template: 'account-locked', subject: 'Sign-in to your Waypoint account is paused' })
  })

  test('the same dedupe key is stored once, however often and however concurrently it is queued', async () => {
    const to = address()
    const results = await Promise.all([queueEmail(lockedEmail(to)), queueEmail(lockedEmail(to)), queueEmail(lockedEmail(to))])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await queueEmail(lockedEmail(to))).toBe(false)
    // A duplicate inside a transaction does not abort it (ON CONFLICT DO NOTHING).
    const prisma = await db()
    await prisma.$transaction(async (tx) => {
      expect(await enqueueEmail(tx, lockedEmail(to))).toBe(false)
      await tx.outboxEmail.count()
    })
    expect(await (await db()).outboxEmail.count({ where: { to } })).toBe(1)
  })
})

describe('the worker', () => {
  test('renders, sends with the row id as idempotency key, and records the provider id', async () => {
    const to = address()
    await queueEmail(lockedEmail(to))
    expect(await runEmailWorkerOnce()).toMatchObject({ sent: 1, retrying: 0, failed: 0 })
    const sent = await row(to)
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, lockedUntil: null })
    expect(sent.providerId).toMatch(/^re_/)
    expect(sent.html).toContain('<html')
    const [email] = received.filter((r) => r.to === to)
    expect(email).toMatchObject({ idempotencyKey: sent.id, subject: sent.subject, text: sent.text })
  })

  test('a reminder is sent exactly once across two concurrent worker runs', async () => {
    const tos = Array.from({ length: 25 }, address)
    for (const to of tos) await queueEmail(lockedEmail(to))
    const [a, b] = await Promise.all([runEmailWorkerOnce(), runEmailWorkerOnce()])
    expect(a.sent + b.sent).toBe(25)
    const mine = received.filter((r) => tos.includes(r.to))
    expect(mine).toHaveLength(25)
    expect(new Set(mine.map((r) => r.idempotencyKey)).size).toBe(25)
    // A third run finds nothing left to send.
    expect(await runEmailWorkerOnce()).toMatchObject({ sent: 0 })
  })

  test('when the API answers 500 the email stays queued with the error, backs off, and is sent on retry', async () => {
    const to = address()
    await queueEmail(lockedEmail(to))
    answers.push(error(500, 'internal_server_error', 'Simulated outage'))
    expect(await runEmailWorkerOnce()).toMatchObject({ sent: 0, retrying: 1 })
    const waiting = await row(to)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, sentAt: null })
    expect(waiting.lastError).toContain('Simulated outage')
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(Date.now() + 29_000)
    // Not due yet: nothing happens.
    expect(await runEmailWorkerOnce()).toMatchObject({ sent: 0, retrying: 0 })
    // Once the backoff has passed it is sent.
    expect(await later(10 * 60_000)).toMatchObject({ sent: 1 })
    expect(await row(to)).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
    expect(received.filter((r) => r.to === to)).toHaveLength(1)
  })

  test('when the API does not answer in time the email stays queued and is sent on retry', async () => {
    const to = address()
    await queueEmail(lockedEmail(to))
    answers.push(async () => {
      await delay(2_000)
      return HttpResponse.json({ id: 're_too_late' })
    })
    expect(await runEmailWorkerOnce()).toMatchObject({ retrying: 1 })
    const waiting = await row(to)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, providerId: null })
    expect(waiting.lastError).toBe('No answer from the email provider within 300 ms')
    expect(await later(10 * 60_000)).toMatchObject({ sent: 1 })
    expect(await row(to)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  test('a 422 validation error is a permanent failure, kept visible and never retried by itself', async () => {
    const to = address()
    await queueEmail(lockedEmail(to))
    answers.push(error(422, 'validation_error', 'Invalid `to` field.'))
    expect(await runEmailWorkerOnce()).toMatchObject({ failed: 1 })
    const failed = await row(to)
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 })
    expect(failed.failedAt).toBeInstanceOf(Date)
    expect(failed.lastError).toContain('Invalid `to` field.')
    expect(await later(7 * 24 * 60 * 60_000)).toMatchObject({ sent: 0, failed: 0 })
    expect(received.filter((r) => r.to === to)).toHaveLength(0)
  })

  test(`after ${MAX_ATTEMPTS} failed attempts a retryable error becomes a permanent failure`, async () => {
    const to = address()
    await queueEmail(lockedEmail(to))
    const prisma = await db()
    await prisma.outboxEmail.updateMany({ where: { to }, data: { attempts: MAX_ATTEMPTS - 1 } })
    answers.push(error(503, 'application_error', 'Still down'))
    expect(await runEmailWorkerOnce()).toMatchObject({ failed: 1 })
    expect(await row(to)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
  })

  test('a claim left by a worker that died is taken over once its lease has lapsed', async () => {
    const to = address()
    await queueEmail(lockedEmail(to))
    const prisma = await db()
    await prisma.outboxEmail.updateMany({ where: { to }, data: { status: 'sending', attempts: 1, lockedUntil: new Date(Date.now() + 60_000) } })
    expect(await runEmailWorkerOnce()).toMatchObject({ sent: 0 })
    expect(await later(5 * 60_000)).toMatchObject({ sent: 1 })
    expect(await row(to)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  test('a one-time link is erased from the row once it has been sent', async () => {
    const to = address()
    const url = 'https://waypoint.test.example/reset-password/SECRET-TOKEN-VALUE'
    await queueEmail({ to, template: 'password-reset', props: { url, minutes: 30 }, dedupeKey: `reset:${to}` })
    await runEmailWorkerOnce()
    const sent = await row(to)
    expect(sent.status).toBe('sent')
    expect(JSON.stringify(sent)).not.toContain('SECRET-TOKEN-VALUE')
    expect(received.find((r) => r.to === to)?.text).toContain(url)
  })

  test('without RESEND_API_KEY the email is written under DATA_DIR/emails and marked sent by local capture', async () => {
    env.overrides.RESEND_API_KEY = undefined
    const to = address()
    await queueEmail(lockedEmail(to))
    await runEmailWorkerOnce()
    const sent = await row(to)
    expect(sent).toMatchObject({ status: 'sent', providerId: LOCAL_CAPTURE })
    const files = readdirSync(path.join(dataDir, 'emails')).filter((f) => f.includes(sent.id))
    expect(files).toHaveLength(1)
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'emails', files[0]!), 'utf8')) as Record<string, string>
    expect(saved).toMatchObject({ to, template: 'account-locked', subject: sent.subject })
    expect(saved.text).toContain('15 minutes')
    expect(received).toHaveLength(0)
  })

  test('log lines name the outbox row and template, never the address or the content', async () => {
    const calls: unknown[][] = []
    for (const level of ['info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
        calls.push(args)
      }) as never)
    }
    const to = address()
    await queueEmail({ to, template: 'password-reset', props: { url: 'https://x.example/secret-link', minutes: 30 }, dedupeKey: `log:${to}` })
    await queueEmail(lockedEmail(to, `log2:${to}`))
    answers.push(error(500, 'internal_server_error', 'down'))
    await runEmailWorkerOnce()
    expect(calls.length).toBeGreaterThanOrEqual(2)
    const logged = JSON.stringify(calls)
    expect(logged).not.toContain(to)
    expect(logged).not.toContain('secret-link')
    expect(logged).not.toContain('paused')
  })
})
