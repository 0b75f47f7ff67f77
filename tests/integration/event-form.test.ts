// The "record an event" form through the real services and database: what getEventForm offers each
// role (and refuses), the "Bad input" list end to end (the form's reading, then the journal's
// checks against the case: a field-level message each time and nothing saved), and which journal
// entries the case page lets each role correct.
import { beforeAll, describe, expect, test } from 'vitest'
import { toDateParts, todayInLondon, type DateParts } from '~/domain/calendar/date-parts'
import { readEventForm, type FormPayload } from '~/domain/journey/event-form'
import { eventTypesFor, type EventTypeId, type JourneyIssue } from '~/domain/journey/events'
import { db } from '~/services/db.server'
import { caseJourney, getEventForm, recordJourneyEvent } from '~/services/journal.server'
import { allocate, createCase, createOrganisation, createTeam, createVictim } from '#tests/setup/world'
import { type TestActor, status } from '#tests/setup/actors'

type A = TestActor

let officer: A, advocate: A, cps: A
let caseId: string, notSentCaseId: string, victim1: string, victim2: string, suspectA: string, suspectB: string, strangerSuspect: string
const ip = '198.51.100.9'
const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY)
/** The GOV.UK date boxes for the date `n` days after today in England and Wales. */
const partsIn = (n: number): DateParts => toDateParts(new Date(todayInLondon().getTime() + n * DAY))
let keySeq = 0
const key = () => `event-form-key-${++keySeq}`

/** What the route's action does: read the form, then record what it read. */
async function submit(who: A, type: EventTypeId, payload: FormPayload): Promise<{ ok: true; eventId: string } | { ok: false; issues: JourneyIssue[] }> {
  const read = readEventForm(type, payload)
  if (!read.input) return { ok: false, issues: read.issues }
  const result = await recordJourneyEvent(who, caseId, read.input, key(), ip)
  return result.ok ? { ok: true, eventId: result.eventId } : result
}

async function record(who: A, raw: Record<string, unknown>): Promise<string> {
  const result = await recordJourneyEvent(who, caseId, raw, key(), ip)
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result.issues)}`)
  return result.eventId
}

// Events recorded in setup.
let arrestA: string, arrestB: string, arrestBFixed: string, listing: string, wrongListing: string, fixedListing: string, vpsVictim1: string, vpsVictim2: string

beforeAll(async () => {
  const prisma = await db()
  const team = await createTeam()
  const { police, cpsOrg, service } = team
  ;({ officer, cps, advocate } = team)
  const otherService = await createOrganisation({ kind: 'voluntary' })

  caseId = (await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id, sentToCpsAt: daysAgo(30), stage: 'reported' })).id
  victim1 = (await createVictim({ caseIds: [caseId] })).id
  victim2 = (await createVictim({ caseIds: [caseId] })).id
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  await allocate({ victimId: victim1, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
  // The second child is supported by another service.
  await allocate({ victimId: victim2, organisationId: otherService.id })
  suspectA = (await prisma.defendant.create({ data: { caseId, label: 'Suspect A' } })).id
  suspectB = (await prisma.defendant.create({ data: { caseId, label: 'Suspect B' } })).id

  // A case of the same force naming the same CPS area, but not sent to CPS yet.
  notSentCaseId = (await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id })).id
  await prisma.case.update({ where: { id: notSentCaseId }, data: { sentToCpsAt: null } })
  await allocate({ caseId: notSentCaseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  strangerSuspect = (await prisma.defendant.create({ data: { caseId: notSentCaseId, label: 'Suspect Z' } })).id

  arrestA = await record(officer, { type: 'suspect_arrested', occurredAt: daysAgo(25), defendantId: suspectA, details: {} })
  arrestB = await record(officer, { type: 'suspect_arrested', occurredAt: daysAgo(26), defendantId: suspectB, details: {} })
  arrestBFixed = await record(officer, {
    type: 'suspect_arrested',
    occurredAt: daysAgo(24),
    defendantId: suspectB,
    details: {},
    supersedesId: arrestB,
    correctionReason: 'Arrested two days later than first entered',
  })
  const trial = { type: 'hearing_listed', occurredAt: daysAgo(10), details: { hearingType: 'trial', court: 'Invented Crown Court', hearingAt: new Date(Date.now() + 60 * DAY) } }
  listing = await record(cps, trial)
  wrongListing = await record(cps, { ...trial, details: { hearingType: 'ptph', court: 'Wrong Invented Court', hearingAt: new Date(Date.now() + 20 * DAY) } })
  fixedListing = await record(cps, {
    ...trial,
    details: { hearingType: 'ptph', court: 'Invented Magistrates Court', hearingAt: new Date(Date.now() + 21 * DAY) },
    supersedesId: wrongListing,
    correctionReason: 'Wrong court',
  })
  vpsVictim1 = await record(advocate, { type: 'vps_offered', occurredAt: daysAgo(5), victimId: victim1, details: { response: 'undecided' } })
  vpsVictim2 = await record(officer, { type: 'vps_offered', occurredAt: daysAgo(5), victimId: victim2, details: { response: 'declined' } })
})

describe('getEventForm', () => {
  test('the allocated officer gets the police types and the case’s suspects, victims and listed hearings', async () => {
    const form = await getEventForm(officer, caseId)
    expect(form.case.id).toBe(caseId)
    expect(form.types.map((t) => t.id)).toEqual(eventTypesFor('officer').map((t) => t.id))
    expect(form.types.map((t) => t.id)).toEqual(expect.arrayContaining(['suspect_arrested', 'suspect_bailed', 'file_to_cps', 'suspect_charged']))
    expect(form.types.map((t) => t.id)).not.toContain('hearing_listed')
    expect(form.types.map((t) => t.id)).not.toContain('pre_trial_therapy_started')
    expect(form.type).toBeUndefined()
    expect(form.correcting).toBeNull()
    expect(form.defendants).toEqual([
      { id: suspectA, label: 'Suspect A' },
      { id: suspectB, label: 'Suspect B' },
    ])
    expect(form.victims.map((v) => v.id).sort()).toEqual([victim1, victim2].sort())
    // The corrected-away listing is not offered; its correction is.
    expect(form.hearings.map((h) => h.value).sort()).toEqual([listing, fixedListing].sort())
    const trial = form.hearings.find((h) => h.value === listing)!
    expect(trial.label).toMatch(/^Trial on .+ at Invented Crown Court$/)
  })

  test('the officer may open a police type; not a CPS one', async () => {
    expect((await getEventForm(officer, caseId, { type: 'suspect_bailed' })).type).toBe('suspect_bailed')
    expect(await status(() => getEventForm(officer, caseId, { type: 'hearing_listed' }))).toBe(403)
  })

  test('an advocate asking for a charge gets 403; their own form shows only the child they support', async () => {
    expect(await status(() => getEventForm(advocate, caseId, { type: 'suspect_charged' }))).toBe(403)
    const form = await getEventForm(advocate, caseId, { type: 'pre_trial_therapy_started' })
    expect(form.type).toBe('pre_trial_therapy_started')
    expect(form.types.map((t) => t.id)).toEqual(eventTypesFor('advocate').map((t) => t.id))
    expect(form.victims.map((v) => v.id)).toEqual([victim1])
  })

  test('CPS liaison on a case not sent to CPS gets 404, and on the sent case the CPS types', async () => {
    expect(await status(() => getEventForm(cps, notSentCaseId))).toBe(404)
    expect(await status(() => getEventForm(cps, notSentCaseId, { type: 'hearing_listed' }))).toBe(404)
    const form = await getEventForm(cps, caseId, { type: 'hearing_listed' })
    expect(form.types.map((t) => t.id)).toContain('hearing_listed')
  })

  test('correcting starts from the event; an event already corrected, or not on the case, is 404', async () => {
    const form = await getEventForm(officer, caseId, { supersedesId: arrestA })
    expect(form.type).toBe('suspect_arrested')
    expect(form.correcting).toMatchObject({ id: arrestA, type: 'suspect_arrested', defendantId: suspectA })
    expect(await status(() => getEventForm(officer, caseId, { supersedesId: arrestB }))).toBe(404)
    expect(await status(() => getEventForm(cps, caseId, { supersedesId: wrongListing }))).toBe(404)
    expect(await status(() => getEventForm(officer, caseId, { supersedesId: 'no-such-event' }))).toBe(404)
    // The correction itself may be corrected again.
    expect((await getEventForm(officer, caseId, { supersedesId: arrestBFixed })).correcting?.id).toBe(arrestBFixed)
  })

  test('the type of a correction is the event’s: an officer cannot correct a listing', async () => {
    expect(await status(() => getEventForm(officer, caseId, { supersedesId: listing }))).toBe(403)
  })

  test('an advocate may correct an event about the child they support, not one about another child', async () => {
    expect((await getEventForm(advocate, caseId, { supersedesId: vpsVictim1 })).correcting?.id).toBe(vpsVictim1)
    expect(await status(() => getEventForm(advocate, caseId, { supersedesId: vpsVictim2 }))).toBe(403)
  })
})

describe('bad input, end to end: a field-level message and nothing saved', () => {
  async function snapshot() {
    const prisma = await db()
    const [events, c] = await Promise.all([
      prisma.journeyEvent.count({ where: { caseId } }),
      prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { stage: true, sentToCpsAt: true } }),
    ])
    return { events, ...c }
  }

  async function expectRefused(who: A, type: EventTypeId, payload: FormPayload, issue: JourneyIssue) {
    const before = await snapshot()
    const result = await submit(who, type, payload)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toContainEqual(issue)
    expect(await snapshot()).toEqual(before)
  }

  test('an arrest tomorrow', async () => {
    await expectRefused(officer, 'suspect_arrested', { occurredAt: partsIn(1), occurredAtTime: '', defendantId: suspectA, details: {} }, {
      path: 'occurredAt',
      message: 'The date of the arrest must be today or in the past',
    })
    // Today is fine (the same form, a day earlier).
    const today = await submit(officer, 'suspect_interviewed', { occurredAt: partsIn(0), defendantId: suspectA, details: { interviewType: 'voluntary' } })
    expect(today.ok).toBe(true)
  })

  test('an event for a suspect on another case', async () => {
    await expectRefused(officer, 'suspect_interviewed', { occurredAt: partsIn(-3), defendantId: strangerSuspect, details: { interviewType: 'in_custody' } }, {
      path: 'defendantId',
      message: 'Select a suspect or defendant on this case',
    })
  })

  test('a sentence without a conviction', async () => {
    await expectRefused(cps, 'sentenced', { occurredAt: partsIn(-1), defendantId: suspectB, details: { custodyMonths: '24' } }, {
      path: 'defendantId',
      message: 'Record a conviction or guilty plea for this defendant before the sentence',
    })
  })

  test('a hearing outcome for a hearing that is not listed on this case', async () => {
    const outcome = (hearingEventId: string): FormPayload => ({ occurredAt: partsIn(-1), details: { hearingEventId, result: 'effective' } })
    const issue = { path: 'details.hearingEventId', message: 'Select a hearing listed on this case' }
    // Not a listing at all, a listing corrected away, and an id from nowhere.
    await expectRefused(cps, 'hearing_outcome', outcome(arrestA), issue)
    await expectRefused(cps, 'hearing_outcome', outcome(wrongListing), issue)
    await expectRefused(cps, 'hearing_outcome', outcome('no-such-hearing'), issue)
  })

  test('the form’s own problems never reach the journal', async () => {
    await expectRefused(officer, 'suspect_arrested', { occurredAt: { day: '31', month: '2', year: '2026' }, defendantId: suspectA, details: {} }, {
      path: 'occurredAt',
      message: 'The date of the arrest must be a real date',
    })
  })

  test('a listed hearing can then be given its outcome', async () => {
    const ok = await submit(cps, 'hearing_outcome', { occurredAt: partsIn(-1), details: { hearingEventId: fixedListing, result: 'adjourned', reason: 'Court time ran out' } })
    expect(ok.ok).toBe(true)
  })
})

describe('caseJourney', () => {
  const byId = async (who: A) => new Map((await caseJourney(who, caseId)).events.map((e) => [e.id, e]))

  test('the officer may correct their own role’s events that still stand', async () => {
    const events = await byId(officer)
    expect(events.get(arrestA)?.canCorrect).toBe(true)
    expect(events.get(arrestBFixed)?.canCorrect).toBe(true)
    expect(events.get(arrestB)?.canCorrect).toBe(false) // superseded
    expect(events.get(listing)?.canCorrect).toBe(false) // a CPS step
    expect(events.get(vpsVictim2)?.canCorrect).toBe(true) // shared with advocates; the officer works the case
  })

  test('CPS liaison may correct listings, not arrests', async () => {
    const events = await byId(cps)
    expect(events.get(listing)?.canCorrect).toBe(true)
    expect(events.get(fixedListing)?.canCorrect).toBe(true)
    expect(events.get(wrongListing)?.canCorrect).toBe(false)
    expect(events.get(arrestA)?.canCorrect).toBe(false)
    expect(events.get(vpsVictim1)?.canCorrect).toBe(false)
  })

  test('the advocate may correct support steps about their child, and never sees the other child’s', async () => {
    const journey = await caseJourney(advocate, caseId)
    expect(journey.canRecord).toBe(true)
    const events = new Map(journey.events.map((e) => [e.id, e]))
    expect(events.get(vpsVictim1)?.canCorrect).toBe(true)
    expect(events.get(arrestA)?.canCorrect).toBe(false)
    expect(events.has(vpsVictim2)).toBe(false)
    for (const e of journey.events) expect(e.canCorrect, e.type).toBe(e.id === vpsVictim1)
  })

  test('a corrected event shows the correction’s reason; the correction shows its own', async () => {
    const events = await byId(officer)
    expect(events.get(arrestB)).toMatchObject({ superseded: true, shownReason: 'Arrested two days later than first entered' })
    expect(events.get(arrestBFixed)).toMatchObject({ superseded: false, shownReason: 'Arrested two days later than first entered' })
    expect(events.get(wrongListing)).toMatchObject({ superseded: true, shownReason: 'Wrong court' })
    expect(events.get(arrestA)).toMatchObject({ superseded: false, shownReason: null })
  })
})
