// The administrator's outbox through the real services, routes and database:
// counts by status (pending and sending are both "Queued"), the status filter, newest first a page
// at a time; one email's subject and text — never the body of an email carrying a one-time link;
// "Retry now" / "Send now" (audited, and the worker then sends it); the scheduler's runs; every
// other role refused.
import { beforeAll, describe, expect, test } from 'vitest'
import { loader as detailLoader } from '~/routes/admin.outbox.$emailId'
import { loader as listLoader } from '~/routes/admin.outbox._index'
import { db } from '~/services/db.server'
import { runEmailWorkerOnce } from '~/services/email-worker.server'
import { getOutboxEmail, OUTBOX_PAGE_SIZE, outboxPage, retryOutboxEmail } from '~/services/outbox-admin.server'
import { createSession } from '~/services/session.server'
import { createUser } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

const ip = '198.51.100.51'
const SECRET_LINK = 'http://localhost/reset-password/invented-one-time-token-0000'
let admin: TestActor
const ids: Record<string, string> = {}

let seq = 0
async function row(data: { status: string; template?: string; text?: string | null; props?: object; createdAt?: Date; attempts?: number; lastError?: string }) {
  const prisma = await db()
  const created = await prisma.outboxEmail.create({
    data: {
      dedupeKey: `outbox-test:${++seq}`,
      to: `person${seq}@outbox.example`,
      subject: `Invented subject ${seq}`,
      template: data.template ?? 'two-factor-enrolled',
      props: data.props ?? { name: 'Invented Person' },
      text: data.text ?? null,
      html: data.text ? `<p>${data.text}</p>` : null,
      status: data.status,
      attempts: data.attempts ?? 0,
      lastError: data.lastError ?? null,
      createdAt: data.createdAt ?? new Date(Date.UTC(2026, 10, 1, 9, 0, seq)),
      failedAt: data.status === 'failed' ? new Date() : null,
      sentAt: data.status === 'sent' ? new Date() : null,
      nextAttemptAt: new Date('2099-01-01T00:00:00Z'),
    },
  })
  return created.id
}

async function asUser(who: TestActor, path: string) {
  const { setCookie } = await createSession({ userId: who.id, ip, userAgent: 'test', twoFactorPending: false })
  return new Request(`http://localhost${path}`, { headers: { cookie: setCookie.split(';')[0]! } })
}

beforeAll(async () => {
  const prisma = await db()
  admin = actor(await createUser({ role: 'admin' }))
  for (let i = 0; i < 27; i++) await row({ status: 'sent', text: `Invented sent email ${i}` })
  ids.pending = await row({ status: 'pending' })
  ids.sending = await row({ status: 'sending' })
  ids.failed = await row({ status: 'failed', attempts: 1, lastError: 'Invented: the email address is not valid (422)', text: 'Invented text of a failed email' })
  ids.secret = await row({
    status: 'failed',
    template: 'password-reset',
    props: { url: SECRET_LINK },
    text: `Choose a new password: ${SECRET_LINK}`,
    lastError: 'Invented (422)',
  })
  ids.newest = await row({ status: 'sent', template: 'referral-update', text: 'Invented newest', createdAt: new Date('2026-11-30T09:00:00Z') })
  await prisma.jobRun.create({
    data: { key: 'reminders:2026-11-29T10:05', leaseUntil: new Date(), completedAt: new Date(), summary: { queued: 3, alreadyQueued: 1, digests: { daily: 2, weekly: 0 }, note: 'not a count' } },
  })
})

describe('the list', () => {
  test('counts by status, newest first, a page at a time, with what each email is', async () => {
    const first = await outboxPage(admin)
    expect(first.counts).toEqual({ queued: 2, sent: 28, failed: 2 })
    expect(first.total).toBe(32)
    expect(first.rows).toHaveLength(OUTBOX_PAGE_SIZE)
    expect(first.rows[0]).toMatchObject({ id: ids.newest, description: 'Referral received, accepted or declined', group: 'sent' })
    const times = first.rows.map((r) => r.createdAt.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const second = await outboxPage(admin, { page: 2 })
    expect(second.page).toBe(2)
    expect(second.rows).toHaveLength(32 - OUTBOX_PAGE_SIZE)
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(32)
    // A page past the end shows the last one.
    expect((await outboxPage(admin, { page: 99 })).page).toBe(2)
  })

  test('filtered by status: queued is pending and sending; an unknown filter shows all', async () => {
    expect((await outboxPage(admin, { status: 'queued' })).rows.map((r) => r.id).sort()).toEqual([ids.pending, ids.sending].sort())
    const failed = await outboxPage(admin, { status: 'failed' })
    expect(failed.rows.map((r) => r.id).sort()).toEqual([ids.failed, ids.secret].sort())
    expect(failed.rows.find((r) => r.id === ids.failed)).toMatchObject({ attempts: 1, lastError: 'Invented: the email address is not valid (422)', group: 'failed' })
    expect((await outboxPage(admin, { status: 'everything' })).filter).toBe('all')
  })

  test('shows the scheduler’s latest runs with their counts only, and that emails stay on this machine without a provider key', async () => {
    const page = await outboxPage(admin)
    expect(page.jobRuns).toEqual([expect.objectContaining({ key: 'reminders:2026-11-29T10:05' })])
    // jsonb keeps its own key order.
    expect(page.jobRuns[0]!.summary.sort()).toEqual([['already queued', 1], ['digests daily', 2], ['digests weekly', 0], ['queued', 3]])
    expect(page.capturedLocally).toBe(!process.env.RESEND_API_KEY)
  })
})

describe('one email', () => {
  test('its subject and text', async () => {
    const email = await getOutboxEmail(admin, ids.failed!)
    expect(email).toMatchObject({ subject: expect.stringContaining('Invented subject'), text: 'Invented text of a failed email', secret: false, canRetry: true })
  })

  test('never the body of an email carrying a one-time link, not even to the page', async () => {
    const email = await getOutboxEmail(admin, ids.secret!)
    expect(email.secret).toBe(true)
    expect(email.text).toBeNull()
    const answer = await detailLoader({ request: await asUser(admin, `/admin/outbox/${ids.secret}`), params: { emailId: ids.secret }, context: {} })
    expect(JSON.stringify(answer)).not.toContain('invented-one-time-token')
    expect(JSON.stringify(answer)).not.toContain('Choose a new password')
  })

  test('an unknown id is not found', async () => {
    expect(await status(() => getOutboxEmail(admin, 'no-such-email'))).toBe(404)
  })
})

describe('retry', () => {
  test('a failed email is due now with its attempts reset, audited; the worker then sends it', async () => {
    const prisma = await db()
    const before = new Date()
    expect(await retryOutboxEmail(admin, ids.failed!, ip)).toEqual({ ok: true, from: 'failed' })
    const retried = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: ids.failed } })
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, failedAt: null })
    expect(retried.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000)
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'email.retry', entityId: ids.failed } })
    expect(audit).toMatchObject({ actorId: admin.id, entityType: 'outbox', ip, details: { from: 'failed' } })
    // Without a provider key the worker writes it to DATA_DIR/emails and marks it sent.
    await runEmailWorkerOnce()
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: ids.failed } })).status).toBe('sent')
  })

  test('a queued email is sent now, keeping its attempts', async () => {
    const prisma = await db()
    await prisma.outboxEmail.update({ where: { id: ids.pending }, data: { attempts: 2 } })
    expect(await retryOutboxEmail(admin, ids.pending!, ip)).toEqual({ ok: true, from: 'pending' })
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: ids.pending } })
    expect(row.attempts).toBe(2)
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now())
  })

  test('an email being sent or already sent is left alone, nothing audited', async () => {
    const prisma = await db()
    const sentId = ids.newest!
    expect(await retryOutboxEmail(admin, sentId, ip)).toEqual({ ok: false, status: 'sent' })
    expect(await retryOutboxEmail(admin, ids.sending!, ip)).toEqual({ ok: false, status: 'sending' })
    expect(await prisma.auditEvent.count({ where: { action: 'email.retry', entityId: { in: [sentId, ids.sending!] } } })).toBe(0)
    expect((await getOutboxEmail(admin, sentId)).canRetry).toBe(false)
  })
})

describe('who may', () => {
  test('every other role is refused the list, an email and retry, through the services and the pages', async () => {
    const prisma = await db()
    for (const role of ['advocate', 'officer', 'cps_liaison', 'manager'] as const) {
      const someone = actor(await createUser({ role }))
      expect(await status(() => outboxPage(someone)), role).toBe(403)
      expect(await status(() => getOutboxEmail(someone, ids.secret!)), role).toBe(403)
      expect(await status(() => retryOutboxEmail(someone, ids.secret!, ip)), role).toBe(403)
      expect(await status(async () => listLoader({ request: await asUser(someone, '/admin/outbox'), params: {}, context: {} })), role).toBe(403)
      const detail = await asUser(someone, `/admin/outbox/${ids.secret}`)
      expect(await status(() => detailLoader({ request: detail, params: { emailId: ids.secret }, context: {} })), role).toBe(403)
    }
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: ids.secret } })).status).toBe('failed')
  })

  test('signed out: sent to sign in', async () => {
    const answer = await status(() => listLoader({ request: new Request('http://localhost/admin/outbox'), params: {}, context: {} }))
    expect(answer).toBe(302)
  })
})
