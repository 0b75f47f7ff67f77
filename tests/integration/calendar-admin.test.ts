// The administrator's calendar against a real database: a bank holiday
// added in an entitlement's window moves its stored due date by one working day, a local rule
// deadline moves it too, and both go back when undone; every change leaves one audit row with
// before and after; weekends and duplicates are refused with a message; every other role gets 403
// from the services and from the pages.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'
import type { Role } from '~/domain/access/policy'
import { db } from '~/services/db.server'
import { addHoliday, listHolidays, removeHoliday, renameHoliday, getHoliday, type AdminActor } from '~/services/holidays-admin.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { clearDeadlineOverride, getRuleDeadline, listRuleDeadlines, setDeadlineOverride } from '~/services/rule-deadlines.server'
import { createSession } from '~/services/session.server'
import { status } from '#tests/setup/actors'

const IP = '192.0.2.88'
const RULE_SET = 'code-2020'
const RULE = 'r06_suspect_arrested'
// Tuesday 10 March 2026, 10:00 in London (GMT). A victim under 18 has enhanced rights: told of the
// arrest within 1 working day, so by Wednesday 11 March.
const ARREST = new Date('2026-03-10T10:00:00Z')
const WEDNESDAY = '2026-03-11'

let admin: AdminActor
let caseId: string
let victimId: string
let arrestId: string
const others: Partial<Record<Exclude<Role, 'admin'>, AdminActor>> = {}

const asActor = (u: { id: string; role: string; organisationId: string; email: string }): AdminActor => ({ id: u.id, role: u.role as Role, organisationId: u.organisationId, email: u.email })

async function dueBy() {
  const prisma = await db()
  const row = await prisma.entitlement.findFirstOrThrow({ where: { victimId, ruleId: RULE, triggerEventId: arrestId } })
  return row.dueBy.toISOString().slice(0, 10)
}

const auditRows = async (action: string, entityId: string) =>
  (await db()).auditEvent.findMany({ where: { action, entityId }, orderBy: { seq: 'asc' } })

beforeAll(async () => {
  const prisma = await db()
  const police = await createOrganisation({ kind: 'police' })
  const officer = await createUser({ role: 'officer', organisationId: police.id })
  admin = asActor(await createUser({ role: 'admin' }))
  others.officer = asActor(officer)
  for (const role of ['advocate', 'cps_liaison', 'manager'] as const) others[role] = asActor(await createUser({ role }))
  caseId = (await createCase({ policeOrganisationId: police.id, stage: 'investigation' })).id
  victimId = (await createVictim({ caseIds: [caseId], dateOfBirth: new Date('2011-05-17') })).id
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  const suspect = await prisma.defendant.create({ data: { caseId, label: 'Suspect A' } })
  const result = await recordJourneyEvent(asActor(officer), caseId, { type: 'suspect_arrested', occurredAt: ARREST, defendantId: suspect.id, details: {} }, 'calendar-admin-arrest', IP)
  if (!result.ok) throw new Error('could not record the arrest')
  const event = await prisma.journeyEvent.findFirstOrThrow({ where: { caseId, type: 'suspect_arrested' } })
  arrestId = event.id
})

describe('bank holidays', () => {
  test('lists a year with names and sources (the seeded calendar)', async () => {
    const { holidays, years } = await listHolidays(admin, 2026)
    expect(holidays.map((h) => h.date)).toContain('2026-12-25')
    expect(holidays.find((h) => h.date === '2026-12-25')).toMatchObject({ name: 'Christmas Day', source: 'confirmed' })
    expect(years).toEqual(expect.arrayContaining([2020, 2026, 2030]))
  })

  test('a one-off holiday inside an entitlement’s window moves its due date one working day; removing it moves it back; both audited', async () => {
    expect(await dueBy()).toBe(WEDNESDAY)

    const started = performance.now()
    const added = await addHoliday(admin, { date: WEDNESDAY, name: '  Extra bank holiday (test)  ' }, IP)
    expect(added).toMatchObject({ ok: true })
    if (!added.ok) throw new Error('unreachable')
    expect(added.cases).toBeGreaterThanOrEqual(1)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(await dueBy()).toBe('2026-03-12')
    expect(await getHoliday(admin, WEDNESDAY)).toEqual({ date: WEDNESDAY, longDate: 'Wednesday 11 March 2026', name: 'Extra bank holiday (test)', source: 'admin' })
    const [addRow] = await auditRows('calendar.holiday.add', WEDNESDAY)
    expect(addRow).toMatchObject({ actorId: admin.id, actorEmail: admin.email, entityType: 'bank_holiday', ip: IP })
    expect(addRow!.details).toEqual({ before: null, after: { date: WEDNESDAY, name: 'Extra bank holiday (test)', source: 'admin' } })
    const listed = await listHolidays(admin, 2026)
    expect(listed.holidays.find((h) => h.date === WEDNESDAY)).toMatchObject({ source: 'admin', updatedBy: expect.any(String) })

    const renamed = await renameHoliday(admin, WEDNESDAY, 'Extra bank holiday (renamed)', IP)
    expect(renamed).toMatchObject({ ok: true })
    const [renameRow] = await auditRows('calendar.holiday.rename', WEDNESDAY)
    expect(renameRow!.details).toEqual({
      before: { date: WEDNESDAY, name: 'Extra bank holiday (test)', source: 'admin' },
      after: { date: WEDNESDAY, name: 'Extra bank holiday (renamed)', source: 'admin' },
    })
    // The same name again changes and audits nothing.
    expect(await renameHoliday(admin, WEDNESDAY, 'Extra bank holiday (renamed)', IP)).toEqual({ ok: true, unchanged: true })
    expect(await auditRows('calendar.holiday.rename', WEDNESDAY)).toHaveLength(1)

    expect(await removeHoliday(admin, WEDNESDAY, IP)).toMatchObject({ ok: true })
    expect(await dueBy()).toBe(WEDNESDAY)
    const [removeRow] = await auditRows('calendar.holiday.remove', WEDNESDAY)
    expect(removeRow!.details).toEqual({ before: { date: WEDNESDAY, name: 'Extra bank holiday (renamed)', source: 'admin' }, after: null })
    expect(await removeHoliday(admin, WEDNESDAY, IP)).toMatchObject({ ok: false, field: null })
  })

  test('a weekend date and a date that is already a holiday are refused with a message, changing and auditing nothing', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count()
    const saturday = await addHoliday(admin, { date: '2026-03-14', name: 'Not a working day anyway' }, IP)
    expect(saturday).toEqual({ ok: false, field: 'date', message: expect.stringContaining('Saturday 14 March 2026 is at a weekend') })
    const christmas = await addHoliday(admin, { date: '2026-12-25', name: 'Christmas again' }, IP)
    expect(christmas).toEqual({ ok: false, field: 'date', message: expect.stringContaining('already a bank holiday (Christmas Day)') })
    expect(await prisma.bankHoliday.findUnique({ where: { date: new Date('2026-03-14T00:00:00Z') } })).toBeNull()
    expect((await prisma.bankHoliday.findUniqueOrThrow({ where: { date: new Date('2026-12-25T00:00:00Z') } })).name).toBe('Christmas Day')
    expect(await prisma.auditEvent.count()).toBe(before)
  })
})

describe('local rule deadlines', () => {
  test('lists the rule sets with published deadlines, confidence and the to-be-confirmed flag', async () => {
    const [code] = await listRuleDeadlines(admin)
    expect(code!.id).toBe(RULE_SET)
    const arrested = code!.rules.find((r) => r.id === RULE)!
    expect(arrested).toMatchObject({ right: 6, owner: 'Police', published: { enhancedDays: 1, standardDays: 5 }, confidence: 'C', needsLocalConfirmation: false, override: null })
    const charge = code!.rules.find((r) => r.id === 'r06_charge_decision')!
    expect(charge).toMatchObject({ confidence: 'P', confidenceLabel: 'Partly confirmed', needsLocalConfirmation: true })
    expect(await getRuleDeadline(admin, RULE_SET, 'no_such_rule')).toBeNull()
    expect(await getRuleDeadline(admin, 'no-such-set', RULE)).toBeNull()
  })

  test('an override moves the stored due date; clearing it moves it back; both audited with before and after', async () => {
    const entity = `${RULE_SET}/${RULE}`
    const set = await setDeadlineOverride(admin, RULE_SET, RULE, { enhancedDays: 3, standardDays: 7, reason: ' Agreed with the local partnership (test) ' }, IP)
    expect(set).toMatchObject({ ok: true })
    // Three working days after Tuesday 10 March: Friday 13 March.
    expect(await dueBy()).toBe('2026-03-13')
    const found = await getRuleDeadline(admin, RULE_SET, RULE)
    expect(found!.rule.override).toMatchObject({ enhancedDays: 3, standardDays: 7, reason: 'Agreed with the local partnership (test)', updatedBy: expect.any(String) })
    const [first] = await auditRows('rules.deadline.override', entity)
    expect(first).toMatchObject({ actorId: admin.id, entityType: 'rule_deadline', ip: IP })
    expect(first!.details).toEqual({
      ruleSetId: RULE_SET,
      ruleId: RULE,
      published: { enhancedDays: 1, standardDays: 5 },
      before: null,
      after: { enhancedDays: 3, standardDays: 7, reason: 'Agreed with the local partnership (test)' },
    })

    await setDeadlineOverride(admin, RULE_SET, RULE, { enhancedDays: 2, standardDays: 7, reason: 'Shortened (test)' }, IP)
    expect(await dueBy()).toBe('2026-03-12')
    const rows = await auditRows('rules.deadline.override', entity)
    expect(rows).toHaveLength(2)
    expect(rows[1]!.details).toMatchObject({
      before: { enhancedDays: 3, standardDays: 7, reason: 'Agreed with the local partnership (test)' },
      after: { enhancedDays: 2, standardDays: 7, reason: 'Shortened (test)' },
    })
    // Saving the same again changes and audits nothing.
    expect(await setDeadlineOverride(admin, RULE_SET, RULE, { enhancedDays: 2, standardDays: 7, reason: 'Shortened (test)' }, IP)).toMatchObject({ ok: true, unchanged: true })
    expect(await auditRows('rules.deadline.override', entity)).toHaveLength(2)

    expect(await clearDeadlineOverride(admin, RULE_SET, RULE, IP)).toMatchObject({ ok: true })
    expect(await dueBy()).toBe(WEDNESDAY)
    const [cleared] = await auditRows('rules.deadline.clear', entity)
    expect(cleared!.details).toMatchObject({ before: { enhancedDays: 2, standardDays: 7, reason: 'Shortened (test)' }, after: null })
    expect(await clearDeadlineOverride(admin, RULE_SET, RULE, IP)).toEqual({ ok: false, reason: 'nothing_to_clear' })
  })

  test('out-of-range days, a missing reason and unknown rules are refused', async () => {
    expect(await setDeadlineOverride(admin, RULE_SET, RULE, { enhancedDays: 0, standardDays: 5, reason: 'x y z' }, IP)).toEqual({ ok: false, reason: 'invalid' })
    expect(await setDeadlineOverride(admin, RULE_SET, RULE, { enhancedDays: 1, standardDays: 61, reason: 'x y z' }, IP)).toEqual({ ok: false, reason: 'invalid' })
    expect(await setDeadlineOverride(admin, RULE_SET, RULE, { enhancedDays: 1.5, standardDays: 5, reason: 'x y z' }, IP)).toEqual({ ok: false, reason: 'invalid' })
    expect(await setDeadlineOverride(admin, RULE_SET, RULE, { enhancedDays: 1, standardDays: 5, reason: '   ' }, IP)).toEqual({ ok: false, reason: 'invalid' })
    expect(await setDeadlineOverride(admin, RULE_SET, 'no_such_rule', { enhancedDays: 1, standardDays: 5, reason: 'x y z' }, IP)).toEqual({ ok: false, reason: 'not_found' })
    expect(await (await db()).ruleDeadlineOverride.count()).toBe(0)
  })
})

describe('only administrators', () => {
  test('every other role is refused with 403 by every service, and nothing changes', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count()
    for (const actor of Object.values(others)) {
      const calls: (() => Promise<unknown>)[] = [
        () => listHolidays(actor, 2026),
        () => getHoliday(actor, '2026-12-25'),
        () => addHoliday(actor, { date: '2026-03-11', name: 'Sneaky holiday' }, IP),
        () => renameHoliday(actor, '2026-12-25', 'Renamed', IP),
        () => removeHoliday(actor, '2026-12-25', IP),
        () => listRuleDeadlines(actor),
        () => getRuleDeadline(actor, RULE_SET, RULE),
        () => setDeadlineOverride(actor, RULE_SET, RULE, { enhancedDays: 9, standardDays: 9, reason: 'Sneaky' }, IP),
        () => clearDeadlineOverride(actor, RULE_SET, RULE, IP),
      ]
      for (const call of calls) expect(await status(call), `${actor.role}`).toBe(403)
    }
    expect(await prisma.auditEvent.count()).toBe(before)
    expect(await prisma.bankHoliday.count({ where: { source: 'admin' } })).toBe(0)
  })

  test('the pages answer 403 to other roles and work for an administrator (weekend refused next to the field)', async () => {
    const holidays = await import('~/routes/admin.holidays')
    const rules = await import('~/routes/admin.rules._index')
    const rule = await import('~/routes/admin.rules.$ruleSetId.$ruleId')
    const cookieFor = async (userId: string) => (await createSession({ userId, ip: IP, userAgent: 'vitest', twoFactorPending: false })).setCookie.split(';')[0]!
    const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { cookie } })
    const post = (path: string, cookie: string, form: Record<string, string>) =>
      new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body: new URLSearchParams(form) })
    const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { ip: IP } }) as unknown as LoaderFunctionArgs & ActionFunctionArgs
    const ruleParams = { ruleSetId: RULE_SET, ruleId: RULE }

    for (const actor of Object.values(others)) {
      const cookie = await cookieFor(actor.id)
      expect(await status(() => holidays.loader(args(get('/admin/holidays', cookie)))), actor.role).toBe(403)
      expect(await status(() => holidays.action(args(post('/admin/holidays', cookie, { intent: 'remove', date: '2026-12-25' }))))).toBe(403)
      expect(await status(() => rules.loader(args(get('/admin/rules', cookie))))).toBe(403)
      expect(await status(() => rule.loader(args(get(`/admin/rules/${RULE_SET}/${RULE}`, cookie), ruleParams)))).toBe(403)
      expect(
        await status(() => rule.action(args(post(`/admin/rules/${RULE_SET}/${RULE}`, cookie, { intent: 'set', enhancedDays: '9', standardDays: '9', reason: 'Sneaky' }), ruleParams))),
      ).toBe(403)
    }

    const cookie = await cookieFor(admin.id)
    const page = await holidays.loader(args(get('/admin/holidays?year=2027', cookie)))
    expect(page.mode).toBe('list')
    expect(page.calendar!.year).toBe(2027)
    expect(await status(() => holidays.loader(args(get('/admin/holidays?remove=2026-03-12', cookie))))).toBe(404)

    const refused = (await holidays.action(args(post('/admin/holidays', cookie, { intent: 'add', 'date.day': '14', 'date.month': '3', 'date.year': '2026', name: 'Weekend day' })))) as unknown as {
      data: { intent: string; result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }
      init: { status: number }
    }
    expect(refused.init.status).toBe(400)
    expect(refused.data.result.error.date![0]).toMatch(/Saturday 14 March 2026 is at a weekend/)
    // What the administrator typed comes back.
    expect(refused.data.result.initialValue).toMatchObject({ name: 'Weekend day', date: { day: '14', month: '3', year: '2026' } })

    const missing = (await rule.action(args(post(`/admin/rules/${RULE_SET}/${RULE}`, cookie, { intent: 'set', enhancedDays: '0', standardDays: 'x', reason: '' }), ruleParams))) as unknown as {
      data: { error: Record<string, string[]> }
    }
    expect(missing.data.error).toMatchObject({
      enhancedDays: [expect.stringContaining('at least 1 working day')],
      standardDays: [expect.stringContaining('whole number')],
      reason: ['Enter why the deadline is changed'],
    })

    const added = (await holidays.action(args(post('/admin/holidays', cookie, { intent: 'add', 'date.day': '7', 'date.month': '1', 'date.year': '2030', name: 'Test holiday' })))) as Response
    expect(added.status).toBe(302)
    expect(added.headers.get('location')).toBe('/admin/holidays?year=2030')
    expect(await holidays.action(args(post('/admin/holidays', cookie, { intent: 'remove', date: '2030-01-07' })))).toMatchObject({ status: 302 })
  })
})
