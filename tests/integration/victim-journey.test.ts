// The victim's journey through the real services and database: the timeline shows only this
// victim's and case-wide events from cases the user may see; access is refused to those with no
// reason to see the victim; contacts are recorded through the form's parsing, linked to events,
// once per form; bad dates are field errors; the printable summary is audited and hides safe
// contact details from CPS liaison.
import { parseWithZod } from '@conform-to/zod/v4'
import { beforeAll, describe, expect, test } from 'vitest'
import { contactFormSchema } from '~/domain/contacts/contact'
import { recordContact } from '~/services/contacts.server'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { getContactForm, getVictimJourney, getVictimSummary } from '~/services/victim-journey.server'
import { allocate, createCase, createOrganisation, createTeam, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor

let officer: A, advocate: A, cps: A, otherAdvocate: A, admin: A
let caseId: string, victimId: string, otherVictimId: string, suspect: string
let arrestId: string, otherVictimEventId: string, assessmentId: string
const ip = '198.51.100.9'
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)
let keySeq = 0
const key = () => `vj-key-${++keySeq}-${Date.now()}`

async function ok(result: Promise<{ ok: boolean; eventId?: string; issues?: unknown }>): Promise<string> {
  const r = await result
  if (!r.ok || !r.eventId) throw new Error(`setup event refused: ${JSON.stringify(r)}`)
  return r.eventId
}

/** A contact form as the browser would send it. */
function form(entries: Record<string, string | string[]>) {
  const f = new FormData()
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x)
  return f
}
const dateFields = (d: Date, name = 'contactedAt') => ({ [`${name}.day`]: String(d.getUTCDate()), [`${name}.month`]: String(d.getUTCMonth() + 1), [`${name}.year`]: String(d.getUTCFullYear()) })

beforeAll(async () => {
  const prisma = await db()
  const team = await createTeam()
  const { police, cpsOrg, service } = team
  ;({ officer, cps, advocate } = team)
  const otherService = await createOrganisation({ kind: 'voluntary' })
  otherAdvocate = actor(await createUser({ role: 'advocate', organisationId: otherService.id }))
  admin = actor(await createUser({ role: 'admin' }))
  caseId = (await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id, sentToCpsAt: daysAgo(20), stage: 'reported' })).id
  victimId = (await createVictim({ caseIds: [caseId] })).id
  otherVictimId = (await createVictim({ caseIds: [caseId] })).id
  await prisma.victim.update({ where: { id: victimId }, data: { safeContactMethod: 'phone', safeContactTimes: 'After 4pm on weekdays', noVoicemail: true, preferredName: 'Jay' } })
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  await allocate({ victimId, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
  await allocate({ victimId: otherVictimId, userId: otherAdvocate.id, organisationId: otherService.id, kind: 'lead_advocate' })
  suspect = (await prisma.defendant.create({ data: { caseId, label: 'Suspect A' } })).id

  otherVictimEventId = await ok(
    recordJourneyEvent(officer, caseId, { type: 'needs_assessment_completed', occurredAt: daysAgo(15), victimId: otherVictimId, details: { assessedBy: 'police', enhancedRightsIdentified: 'yes' } }, key(), ip),
  )
  assessmentId = await ok(
    recordJourneyEvent(officer, caseId, { type: 'needs_assessment_completed', occurredAt: daysAgo(14), victimId, details: { assessedBy: 'police', enhancedRightsIdentified: 'yes' } }, key(), ip),
  )
  arrestId = await ok(recordJourneyEvent(officer, caseId, { type: 'suspect_arrested', occurredAt: daysAgo(10), defendantId: suspect, details: {} }, key(), ip))
  await ok(
    recordJourneyEvent(
      cps,
      caseId,
      { type: 'suspect_charged', occurredAt: daysAgo(5), defendantId: suspect, details: { charges: [{ offence: 'Invented offence for testing' }], remandStatus: 'conditional_bail' } },
      key(),
      ip,
    ),
  )
  await ok(
    recordJourneyEvent(
      cps,
      caseId,
      { type: 'hearing_listed', occurredAt: daysAgo(4), defendantId: suspect, details: { hearingType: 'first_hearing', court: 'Invented Youth Court', hearingAt: daysAgo(-12) } },
      key(),
      ip,
    ),
  )
  // A correction: the arrest date was wrong.
  await ok(
    recordJourneyEvent(
      officer,
      caseId,
      { type: 'suspect_arrested', occurredAt: daysAgo(9), defendantId: suspect, details: {}, supersedesId: arrestId, correctionReason: 'Wrong date entered' },
      key(),
      ip,
    ),
  )
})

describe('the victim journey', () => {
  test('the timeline shows this victim’s and case-wide events, never another victim’s, with plain descriptions', async () => {
    const journey = await getVictimJourney(advocate, victimId)
    const ids = journey.events.map((e) => e.id)
    expect(ids).toContain(assessmentId)
    expect(ids).toContain(arrestId)
    expect(ids).not.toContain(otherVictimEventId)
    for (const e of journey.events) {
      expect(e.title.length).toBeGreaterThan(0)
      expect(e.description.length).toBeGreaterThan(0)
    }
    const hearing = journey.events.find((e) => e.type === 'hearing_listed')!
    expect(hearing.description).toContain('First hearing')
    expect(hearing.description).toContain('Invented Youth Court')
    // The corrected arrest stays, marked, with the reason beside it; the correction shows it too.
    const corrected = journey.events.find((e) => e.id === arrestId)
    expect(corrected?.superseded).toBe(true)
    expect(corrected?.correctionReason).toBe('Wrong date entered')
    const correction = journey.events.find((e) => e.type === 'suspect_arrested' && e.id !== arrestId)
    expect(correction?.superseded).toBe(false)
    expect(correction?.correctionReason).toBe('Wrong date entered')
  })

  test('upcoming hearings and the next step per case and defendant', async () => {
    const journey = await getVictimJourney(advocate, victimId)
    expect(journey.upcomingHearings).toHaveLength(1)
    expect(journey.upcomingHearings[0]).toMatchObject({ label: 'First hearing', court: 'Invented Youth Court', defendant: 'Suspect A' })
    expect(journey.journeys).toHaveLength(1)
    const [c] = journey.journeys
    expect(c!.defendants[0]).toMatchObject({ label: 'Suspect A' })
    expect(c!.defendants[0]!.nextStep).toContain('First hearing')
    expect(c!.nextSteps.length).toBeGreaterThan(0)
    expect(journey.canRecordContact).toBe(true)
  })

  test('someone with no reason to see the victim is refused (404), and so is an administrator', async () => {
    expect(await status(() => getVictimJourney(otherAdvocate, victimId))).toBe(404)
    expect(await status(() => getVictimJourney(admin, victimId))).toBe(404)
    expect(await status(() => getContactForm(otherAdvocate, victimId))).toBe(404)
    expect(await status(() => getVictimSummary(otherAdvocate, victimId, ip))).toBe(404)
    expect(await status(() => recordContact(otherAdvocate, victimId, { contactedAt: daysAgo(1), method: 'phone', withWhom: 'victim', summary: 'x' }, key(), ip))).toBe(404)
  })

  test('the contact form lists this victim’s events, newest first, without corrected ones or another victim’s', async () => {
    const f = await getContactForm(advocate, victimId)
    const ids = f.events.map((e) => e.id)
    expect(ids).not.toContain(otherVictimEventId)
    expect(ids).not.toContain(arrestId)
    expect(ids).toContain(assessmentId)
    const times = f.events.map((e) => new Date(e.occurredAt).getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })
})

describe('recording a contact', () => {
  test('a contact about two events is saved from the form, and shows in the log with them', async () => {
    const journey = await getVictimJourney(advocate, victimId)
    const hearing = journey.events.find((e) => e.type === 'hearing_listed')!
    const when = daysAgo(1)
    const submission = parseWithZod(
      form({ ...dateFields(when), contactedTime: '2:30pm', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Told them about the first hearing date.', eventIds: [hearing.id, assessmentId], idempotencyKey: key() }),
      { schema: contactFormSchema() },
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    const { idempotencyKey, ...input } = submission.value
    const result = await recordContact(advocate, victimId, input, idempotencyKey, ip)
    expect(result).toMatchObject({ ok: true, duplicate: false })
    const after = await getVictimJourney(advocate, victimId)
    const contact = after.contacts.find((c) => c.summary === 'Told them about the first hearing date.')!
    expect(contact).toMatchObject({ method: 'Phone call', withWhom: 'Parent or guardian' })
    expect(contact.about.map((e) => e.id).sort()).toEqual([hearing.id, assessmentId].sort())
    // 2:30pm London time on that day.
    const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(contact.contactedAt)
    expect(hm).toBe('14:30')
  })

  test('a double-submitted form saves one contact', async () => {
    const prisma = await db()
    const k = key()
    const input = { contactedAt: daysAgo(2), method: 'in_person', withWhom: 'victim', summary: 'Double submit check', eventIds: [arrestId] }
    const first = await recordContact(advocate, victimId, input, k, ip)
    const second = await recordContact(advocate, victimId, input, k, ip)
    expect(first.ok && second.ok && second.duplicate && first.contactId === second.contactId).toBe(true)
    expect(await prisma.contact.count({ where: { victimId, summary: 'Double submit check' } })).toBe(1)
  })

  test('a future date is refused with a message on the date field; nothing is saved', async () => {
    const prisma = await db()
    const before = await prisma.contact.count({ where: { victimId } })
    const submission = parseWithZod(form({ ...dateFields(daysAgo(-3)), method: 'phone', withWhom: 'victim', summary: 'From the future', idempotencyKey: key() }), {
      schema: contactFormSchema(),
    })
    if (submission.status !== 'success') throw new Error('the form should parse')
    const { idempotencyKey, ...input } = submission.value
    const result = await recordContact(advocate, victimId, input, idempotencyKey, ip)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toContainEqual({ path: 'contactedAt', message: 'The date of the contact must be today or in the past' })
    expect(await prisma.contact.count({ where: { victimId } })).toBe(before)
  })

  test('bad form input: each problem on its own field', async () => {
    const now = new Date('2026-06-10T09:00:00Z') // 10am in London (BST)
    const parse = (entries: Record<string, string | string[]>) => parseWithZod(form(entries), { schema: contactFormSchema(now) }).reply().error
    expect(parse({ idempotencyKey: key() })).toMatchObject({
      contactedAt: ['Enter the date of the contact'],
      method: ['Select how the contact was made'],
      withWhom: ['Select who was contacted'],
      summary: ['Enter what they were told'],
    })
    const base = { method: 'phone', withWhom: 'victim', summary: 'x', idempotencyKey: key() }
    expect(parse({ ...base, 'contactedAt.day': '31', 'contactedAt.month': '2', 'contactedAt.year': '2026' })).toEqual({ contactedAt: ['The date of the contact must be a real date'] })
    expect(parse({ ...base, ...dateFields(now), contactedTime: '25:99' })).toEqual({ contactedTime: ['Enter a real time, like 2:30pm or 14:30'] })
    expect(parse({ ...base, ...dateFields(now), contactedTime: '3pm' })).toEqual({ contactedTime: ['The time of the contact must be now or in the past'] })
    expect(parse({ ...base, ...dateFields(now), contactedTime: '9:15am' })).toBeUndefined()
  })

  test('an event from another victim cannot be linked', async () => {
    const result = await recordContact(advocate, victimId, { contactedAt: daysAgo(1), method: 'phone', withWhom: 'victim', summary: 'x', eventIds: [otherVictimEventId] }, key(), ip)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('eventIds')
  })
})

describe('the journey summary for meetings', () => {
  test('is audited, and shows safe contact details to the advocate but never to CPS liaison', async () => {
    const prisma = await db()
    const forAdvocate = await getVictimSummary(advocate, victimId, ip)
    expect(forAdvocate.victim).toMatchObject({ preferredName: 'Jay' })
    expect(forAdvocate.safeContact).toMatchObject({ method: 'phone', times: 'After 4pm on weekdays', noVoicemail: true })
    expect(forAdvocate.events.length).toBeGreaterThan(0)
    const forCps = await getVictimSummary(cps, victimId, ip)
    expect(forCps.safeContact).toBeNull()
    expect(JSON.stringify(forCps)).not.toContain('After 4pm')
    const rows = await prisma.auditEvent.findMany({ where: { action: 'victim.summary.view', entityId: victimId } })
    expect(rows.map((r) => r.actorId).sort()).toEqual([advocate.id, cps.id].sort())
  })
})
