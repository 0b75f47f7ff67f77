// The reminder scheduler on the seeded demo data: idempotent (again, later, and two runs at once
// write no duplicate rows), its slot lease (a crashed run's lapsed lease is taken over), a person
// on the daily summary gets a digest at 07:00 instead of reminders, and no queued email carries a
// seeded victim's name, address, phone, email or date of birth.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { renderTemplate, type EmailTemplate } from '#emails/catalogue'
import { ENGLAND_WALES_HOLIDAY_DATES } from '~/domain/calendar/bank-holidays'
import { endOfLondonDay } from '~/domain/calendar/working-days'
import { digestWindow } from '~/domain/notifications/reminders'
import type { PrismaClient } from '~/generated/prisma/client'
import { db } from '~/services/db.server'
import { runSchedulerOnce } from '~/services/scheduler.server'
import { formatDate } from '~/utils/format'
import { seedDemo } from '../../prisma/seed'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'

const BASE = 'https://waypoint.test'
const run = (at: Date) => runSchedulerOnce(at, { baseUrl: BASE, intervalMinutes: 5 })
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000)

let prisma: PrismaClient
// The demo's future dates are computed from the clock when seeded; the scheduler runs at that clock.
const seededAt = new Date()
let firstRunMs = 0

beforeAll(async () => {
  prisma = await db()
  await seedDemo(prisma, { now: seededAt })
})

async function outbox() {
  return prisma.outboxEmail.findMany({ select: { id: true, dedupeKey: true, to: true, subject: true, template: true, props: true, userId: true }, orderBy: { dedupeKey: 'asc' } })
}

/** No two rows are the same email: same recipient, template and content. */
function expectNoDuplicates(rows: Awaited<ReturnType<typeof outbox>>) {
  const seen = rows.map((r) => `${r.to}|${r.template}|${JSON.stringify(r.props)}`)
  expect(new Set(seen).size).toBe(seen.length)
  expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(rows.length)
}

describe('on the demo data', () => {
  test('the first run queues reminders, records its counts on the slot’s JobRun row and is quick', async () => {
    const started = performance.now()
    const summary = await run(seededAt)
    firstRunMs = performance.now() - started
    expect(summary.ran).toBe(true)
    expect(summary.queued).toBeGreaterThan(0)
    expect(summary.queued + summary.alreadyQueued).toBeGreaterThan(0)
    const rows = await outbox()
    expect(rows).toHaveLength(summary.queued)
    expectNoDuplicates(rows)
    // Every kind of time-driven reminder is in the demo.
    const templates = new Set(rows.map((r) => r.template))
    for (const t of ['entitlement-reminder', 'visit-reminder', 'hearing-reminder']) expect(templates).toContain(t)
    const jobRun = await prisma.jobRun.findUniqueOrThrow({ where: { key: summary.key } })
    expect(jobRun.completedAt).not.toBeNull()
    expect(jobRun.summary).toMatchObject({ queued: summary.queued, unaddressed: summary.unaddressed })
    expect(firstRunMs).toBeLessThan(15_000)
    console.info(`runSchedulerOnce on the demo data: ${Math.round(firstRunMs)} ms, queued ${summary.queued}`)
  })

  test('the officer on the weekly summary gets entitlements and intelligence in a digest, not one by one', async () => {
    const officer2 = await prisma.user.findUniqueOrThrow({ where: { email: 'officer2@demo.example' } })
    const rows = await prisma.outboxEmail.findMany({ where: { userId: officer2.id } })
    expect(rows.filter((r) => r.template !== 'digest')).toEqual([])
    // The weekly digest goes at the first run from Monday 07:00 London until the week ends.
    const window = digestWindow('weekly', seededAt, ENGLAND_WALES_HOLIDAY_DATES)
    if (!window) {
      expect(rows).toEqual([])
      return
    }
    expect(rows.map((r) => r.dedupeKey)).toEqual([`digest:weekly:${officer2.id}:${window.periodId}`])
    const props = rows[0]!.props as { overdue: { label: string }[]; news: { label: string }[] }
    expect(props.overdue.length).toBeGreaterThan(0)
    expect(props.overdue.every((i) => /^Victims' Code right \d+ \(Police\)$/.test(i.label))).toBe(true)
    expect(props.news.map((n) => n.label)).toContain('New intelligence in your force’s queue')
  })

  test('running again in the same slot does nothing; in the next slot it queues nothing already queued', async () => {
    const before = await outbox()
    const again = await run(seededAt)
    expect(again).toMatchObject({ ran: false, skipped: 'done', queued: 0 })
    const later = await run(minutes(seededAt, 5))
    expect(later.ran).toBe(true)
    expect(later.alreadyQueued).toBeGreaterThanOrEqual(before.length - 5)
    const after = await outbox()
    expect(after).toHaveLength(before.length + later.queued)
    expectNoDuplicates(after)
  })

  test('two runs at once: in one slot only one does the work; in two slots both work and nothing is queued twice', async () => {
    const t = minutes(seededAt, 10)
    const [a, b] = await Promise.all([run(t), run(t)])
    expect([a.ran, b.ran].sort()).toEqual([false, true])
    expect([a, b].find((s) => !s.ran)).toMatchObject({ skipped: expect.stringMatching(/^(running|done)$/) })
    const [c, d] = await Promise.all([run(minutes(seededAt, 15)), run(minutes(seededAt, 20))])
    expect(c.ran && d.ran).toBe(true)
    expectNoDuplicates(await outbox())
  })

  test('no queued email names a seeded victim or gives their address, phone, email or date of birth', async () => {
    const victims = await prisma.victim.findMany()
    expect(victims.length).toBeGreaterThan(10)
    const rows = await outbox()
    expect(rows.length).toBeGreaterThan(0)
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const forbidden: { what: string; pattern: RegExp }[] = victims.flatMap((v) => {
      const dob = v.dateOfBirth.toISOString().slice(0, 10)
      const [y, m, d] = dob.split('-')
      return [
        ...[v.firstName, v.lastName, v.preferredName].filter((x): x is string => Boolean(x)).map((name) => ({ what: 'name', pattern: new RegExp(`\\b${escape(name)}\\b`) })),
        ...[v.address, v.phone, v.email, dob, `${d}/${m}/${y}`, formatDate(v.dateOfBirth)]
          .filter((x): x is string => Boolean(x))
          .map((value) => ({ what: 'contact or date of birth', pattern: new RegExp(escape(value), 'i') })),
      ]
    })
    for (const row of rows) {
      const { html, text } = await renderTemplate(row.template as EmailTemplate, row.props as never)
      for (const [part, content] of [
        ['to', row.to],
        ['subject', row.subject],
        ['text', text],
        ['html', html],
      ] as const) {
        const hit = forbidden.find((f) => f.pattern.test(content))
        expect(hit, `${row.template} ${part} contains a victim's ${hit?.what}`).toBeUndefined()
      }
    }
  })
})

describe('the daily summary', () => {
  test('a person on the daily summary gets no reminder at once, and a digest from 07:00 on a working day, once', async () => {
    const police = await createOrganisation({ kind: 'police', inboxEmail: 'team@digest-police.test.example' })
    const officer = await createUser({ role: 'officer', organisationId: police.id, name: 'Test Officer Daily' })
    await prisma.notificationPreference.create({ data: { userId: officer.id, kind: 'entitlements', delivery: 'daily' } })
    const k = await createCase({ policeOrganisationId: police.id })
    const victim = await createVictim({ caseIds: [k.id], reference: 'V-T-DIGEST-1' })
    await allocate({ caseId: k.id, userId: officer.id, kind: 'oic' })
    const trigger = await prisma.journeyEvent.create({
      data: { caseId: k.id, type: 'suspect_arrested', occurredAt: new Date('2026-12-01T10:00:00Z'), recordedById: officer.id, idempotencyKey: randomUUID() },
    })
    // Due Tuesday 8 December: "due tomorrow" on Monday 7 December.
    await prisma.entitlement.create({
      data: {
        victimId: victim.id,
        caseId: k.id,
        ruleSetId: 'code-2020',
        ruleId: 'r06_suspect_arrested',
        right: 6,
        triggerEventId: trigger.id,
        owedBy: 'police',
        owedByOrganisationId: police.id,
        dueBy: new Date('2026-12-08T00:00:00Z'),
        dueAt: endOfLondonDay('2026-12-08'),
        status: 'open',
        computedAt: new Date('2026-12-01T10:00:00Z'),
      },
    })
    const mine = () => prisma.outboxEmail.findMany({ where: { OR: [{ userId: officer.id }, { organisationId: police.id }] } })

    const early = await run(new Date('2026-12-07T06:30:00Z'))
    expect(early.ran).toBe(true)
    expect(early.deferredToDigest).toBeGreaterThanOrEqual(1)
    expect(await mine()).toEqual([])

    await run(new Date('2026-12-07T07:00:00Z'))
    await run(new Date('2026-12-07T07:30:00Z'))
    const rows = await mine()
    expect(rows.map((r) => [r.template, r.dedupeKey])).toEqual([['digest', `digest:daily:${officer.id}:2026-12-07`]])
    expect(rows[0]!.props).toMatchObject({
      period: 'daily',
      name: 'Test Officer Daily',
      overdue: [],
      due: [],
      upcoming: [{ label: "Victims' Code right 6 (Police)", reference: 'V-T-DIGEST-1', dueOn: 'Tuesday 8 December 2026' }],
    })
  })
})

describe('the slot lease', () => {
  test('a crashed run’s lapsed lease is taken over; a live one is left alone; a finished slot is not redone', async () => {
    const t = new Date('2026-12-09T10:00:00Z')
    const key = 'reminders:2026-12-09T10:00Z'
    await prisma.jobRun.create({ data: { key, startedAt: minutes(t, -15), leaseUntil: minutes(t, -5) } })
    const takeover = await run(t)
    expect(takeover.ran).toBe(true)
    const row = await prisma.jobRun.findUniqueOrThrow({ where: { key } })
    expect(row.completedAt).not.toBeNull()
    expect(row.startedAt).toEqual(t)
    expect(await run(minutes(t, 1))).toMatchObject({ ran: false, skipped: 'done' })

    const live = 'reminders:2026-12-09T10:05Z'
    await prisma.jobRun.create({ data: { key: live, startedAt: minutes(t, 5), leaseUntil: minutes(t, 15) } })
    expect(await run(minutes(t, 6))).toMatchObject({ ran: false, skipped: 'running' })
    expect((await prisma.jobRun.findUniqueOrThrow({ where: { key: live } })).completedAt).toBeNull()
  })
})
