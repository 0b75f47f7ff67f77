// Finding people against a real database: name search (partial, any case, word by word), victim
// reference, date of birth, crime reference and CPS URN (finding every victim on the case), the
// caseload filters (stage, allocated to me, hearing in the next N days) and pagination — always
// only within what the user may see. Also that the queries the lists rely on use the indexes, and
// that the SQL hearing filter agrees with the journey domain's upcomingHearings on the demo data.
import { beforeAll, describe, expect, test } from 'vitest'
import { allocate, createCase, createOrganisation, createUser, createVictim, unique } from '#tests/setup/world'
import type { Actor } from '~/domain/access/policy'
import { upcomingHearings } from '~/domain/journey/derive'
import { caseIdsWithHearingWithin, listCases, listVictims, NAME_ID_LIMIT, PAGE_SIZE, searchWords } from '~/services/caseload.server'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { seedDemo } from '../../prisma/seed'

type A = Actor & { email: string }
const IP = '192.0.2.44'
const DAY = 86_400_000
let keySeq = 0
const key = () => `caseload-${++keySeq}-${unique()}`

async function newActor(role: Actor['role'], organisationId?: string): Promise<A> {
  const u = await createUser({ role, organisationId })
  return { id: u.id, role, organisationId: u.organisationId, email: u.email }
}

const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id).sort()

// One police force, one CPS area, one advocacy service, with people in each and some victims.
let police: { id: string }, cpsOrg: { id: string }, service: { id: string }
let officer: A, otherOfficer: A, foreignOfficer: A, cps: A, advocate: A, colleague: A
let jodie: { id: string }, joanne: { id: string }, smithson: { id: string }, hidden: { id: string }, unrelated: { id: string }
let caseA: { id: string; crimeReference: string }, caseB: { id: string; crimeReference: string }
const URN = `42NM${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
/** Invented letters only, so names stay name-like and unique to this file. */
const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('')
const tag = letters(6)

beforeAll(async () => {
  const prisma = await db()
  police = await createOrganisation({ kind: 'police' })
  cpsOrg = await createOrganisation({ kind: 'cps' })
  service = await createOrganisation({ kind: 'voluntary' })
  officer = await newActor('officer', police.id)
  otherOfficer = await newActor('officer', police.id)
  foreignOfficer = await newActor('officer')
  cps = await newActor('cps_liaison', cpsOrg.id)
  advocate = await newActor('advocate', service.id)
  colleague = await newActor('advocate', service.id)

  jodie = await createVictim({ firstName: 'Jodie', lastName: `Smith${tag}`, dateOfBirth: new Date('2011-02-03') })
  await prisma.victim.update({ where: { id: jodie.id }, data: { preferredName: 'Jo' } })
  joanne = await createVictim({ firstName: 'Joanne', lastName: `Perrin${tag}`, dateOfBirth: new Date('2012-07-08') })
  smithson = await createVictim({ firstName: 'Kayla', lastName: `Smithson${tag}`, dateOfBirth: new Date('2011-02-03') })
  hidden = await createVictim({ firstName: 'Jodie', lastName: `Smith${tag}`, restricted: true, dateOfBirth: new Date('2011-02-03') })
  unrelated = await createVictim({ firstName: 'Jodie', lastName: `Smith${tag}`, dateOfBirth: new Date('2011-02-03') })

  caseA = await createCase({ crimeReference: `NM/26/${tag}A`, policeOrganisationId: police.id, victimIds: [jodie.id, joanne.id, hidden.id], stage: 'investigation' })
  await prisma.case.update({ where: { id: caseA.id }, data: { cpsUrn: URN, cpsOrganisationId: cpsOrg.id, sentToCpsAt: new Date(), stage: 'charging_decision' } })
  caseB = await createCase({ crimeReference: `NM/26/${tag}B`, policeOrganisationId: police.id, victimIds: [smithson.id], stage: 'investigation' })
  // The unrelated victim's case is in another force, not sent to CPS.
  await createCase({ crimeReference: `XX/26/${tag}C`, victimIds: [unrelated.id] })

  await allocate({ caseId: caseA.id, userId: officer.id, kind: 'oic' })
  await allocate({ caseId: caseB.id, userId: otherOfficer.id, kind: 'oic' })
  await allocate({ caseId: caseA.id, userId: cps.id, kind: 'cps_liaison' })
  // The service holds Jodie, Joanne and Kayla; the advocate leads Jodie; the restricted victim is allocated only to the colleague.
  for (const v of [jodie, joanne, smithson]) await allocate({ victimId: v.id, organisationId: service.id, kind: 'service' })
  await allocate({ victimId: jodie.id, userId: advocate.id, kind: 'lead_advocate' })
  await allocate({ victimId: hidden.id, userId: colleague.id, kind: 'advocate' })
})

describe('search words', () => {
  test('are lower-cased, trimmed of punctuation at the ends and at most five', () => {
    expect(searchWords('  Smith,  JO  ')).toEqual(['smith', 'jo'])
    expect(searchWords("O'Brien-Kaye")).toEqual(["o'brien-kaye"])
    expect(searchWords('a b c d e f g')).toHaveLength(5)
  })
})

describe('searching victims by name', () => {
  test('partial and in any case: "jo smi" finds Jodie Smith, word by word against first, last and preferred name', async () => {
    const found = ids(await listVictims(advocate, { q: `jo smi` }))
    expect(found).toEqual([jodie.id])
    expect(ids(await listVictims(advocate, { q: `SMITH${tag}` }))).toEqual([jodie.id])
    // Word order does not matter; a preferred name counts.
    expect(ids(await listVictims(advocate, { q: `smith${tag.toLowerCase()} jo` }))).toEqual([jodie.id])
    // "jo" alone: Jodie (and her preferred name Jo) and Joanne, not Kayla.
    const jo = ids(await listVictims(advocate, { q: 'jo' }))
    expect(jo).toEqual([jodie.id, joanne.id].sort())
    // "smi" matches the start of Smith and Smithson.
    expect(ids(await listVictims(advocate, { q: `smi` }))).toEqual([jodie.id, smithson.id].sort())
  })

  test('a word must start a name: "odie" finds nobody; wildcards typed are taken literally', async () => {
    expect((await listVictims(advocate, { q: 'odie' })).total).toBe(0)
    expect((await listVictims(advocate, { q: '%' })).total).toBe(0)
    expect((await listVictims(advocate, { q: 'j_die' })).total).toBe(0)
  })

  test('by victim reference, in any case, whole or the start', async () => {
    const prisma = await db()
    const { reference } = await prisma.victim.findUniqueOrThrow({ where: { id: joanne.id } })
    expect(ids(await listVictims(advocate, { q: reference.toLowerCase() }))).toEqual([joanne.id])
  })
})

describe('searching victims by date of birth', () => {
  test('finds the victims born that day that the user may see', async () => {
    expect(ids(await listVictims(advocate, { dateOfBirth: new Date('2011-02-03') }))).toEqual([jodie.id, smithson.id].sort())
    // Combined with a name.
    expect(ids(await listVictims(advocate, { dateOfBirth: new Date('2011-02-03'), q: 'kay' }))).toEqual([smithson.id])
    expect((await listVictims(advocate, { dateOfBirth: new Date('2011-02-04') })).total).toBe(0)
  })
})

describe('searching victims by crime reference or CPS URN', () => {
  test('finds every victim linked to the case that the user may see', async () => {
    // The officer in charge of case A sees its unrestricted victims, not the restricted one.
    expect(ids(await listVictims(officer, { q: caseA.crimeReference.toLowerCase() }))).toEqual([jodie.id, joanne.id].sort())
    expect(ids(await listVictims(officer, { q: URN }))).toEqual([jodie.id, joanne.id].sort())
    // With spaces typed, as people read URNs out.
    expect(ids(await listVictims(cps, { q: `${URN.slice(0, 2)} ${URN.slice(2, 4)} ${URN.slice(4)}` }))).toEqual([jodie.id, joanne.id].sort())
    // The start of the crime reference is enough.
    expect(ids(await listVictims(officer, { q: `nm/26/${tag.toLowerCase()}` }))).toEqual([jodie.id, joanne.id].sort())
  })

  test('an officer of another force finds nothing, by name, reference or date of birth', async () => {
    expect((await listVictims(foreignOfficer, { q: caseA.crimeReference })).total).toBe(0)
    expect((await listVictims(foreignOfficer, { q: URN })).total).toBe(0)
    expect((await listVictims(foreignOfficer, { q: 'jodie' })).total).toBe(0)
    expect((await listVictims(foreignOfficer, { dateOfBirth: new Date('2011-02-03') })).total).toBe(0)
    expect((await listCases(foreignOfficer, { q: caseA.crimeReference })).total).toBe(0)
  })

  test('a restricted victim is found only by the person allocated to them', async () => {
    expect(ids(await listVictims(advocate, { q: `jodie smith${tag}` }))).toEqual([jodie.id])
    expect(ids(await listVictims(colleague, { q: `jodie smith${tag}`, status: 'all' }))).toEqual([jodie.id, hidden.id].sort())
    expect(ids(await listVictims(cps, { q: 'jodie' }))).toEqual([jodie.id])
  })
})

describe('searching cases', () => {
  test('by crime reference, CPS URN (start or whole, any case) or a victim reference the user may see', async () => {
    expect(ids(await listCases(officer, { q: caseA.crimeReference.toLowerCase() }))).toEqual([caseA.id])
    expect(ids(await listCases(cps, { q: URN.slice(0, 6) }))).toContain(caseA.id)
    const prisma = await db()
    const { reference } = await prisma.victim.findUniqueOrThrow({ where: { id: smithson.id } })
    expect(ids(await listCases(advocate, { q: reference }))).toEqual([caseB.id])
    // The restricted victim's reference does not lead the advocate to anything.
    const restrictedRef = (await prisma.victim.findUniqueOrThrow({ where: { id: hidden.id } })).reference
    expect((await listCases(advocate, { q: restrictedRef })).total).toBe(0)
  })
})

describe('caseload filters', () => {
  test('stage', async () => {
    expect(ids(await listCases(officer, { stage: 'charging_decision' }))).toEqual([caseA.id])
    expect((await listCases(officer, { stage: 'investigation' })).total).toBe(0)
    expect(ids(await listVictims(advocate, { stage: 'investigation' }))).toEqual([smithson.id])
    expect(ids(await listVictims(advocate, { stage: 'charging_decision' }))).toEqual([jodie.id, joanne.id].sort())
  })

  test('allocated to me', async () => {
    expect(ids(await listVictims(advocate, { mine: true }))).toEqual([jodie.id])
    expect(ids(await listVictims(advocate))).toEqual([jodie.id, joanne.id, smithson.id].sort())
    expect(ids(await listCases(cps, { mine: true }))).toEqual([caseA.id])
    // For officers and CPS liaison, "mine" on the victims list means victims on cases allocated to them.
    expect(ids(await listVictims(officer, { mine: true }))).toEqual([jodie.id, joanne.id].sort())
    expect(ids(await listVictims(otherOfficer, { mine: true }))).toEqual([smithson.id])
    expect(ids(await listVictims(cps, { mine: true }))).toEqual([jodie.id, joanne.id].sort())
    expect((await listCases(officer, { mine: true })).rows.map((r) => r.id)).toEqual([caseA.id])
  })

  test('hearing in the next N days, as upcomingHearings decides: corrected-away listings and hearings with an outcome do not count', async () => {
    const now = new Date()
    const at = (days: number) => new Date(now.getTime() + days * DAY)
    const listing = (days: number, court = 'Northmoor Crown Court (invented)') => ({
      type: 'hearing_listed',
      occurredAt: new Date(now.getTime() - DAY),
      details: { hearingType: 'ptph', court, hearingAt: at(days) },
    })
    // Case A: a hearing in 10 days.
    const a = await recordJourneyEvent(cps, caseA.id, listing(10), key(), IP)
    expect(a.ok).toBe(true)
    expect(ids(await listCases(cps, { hearingWithinDays: 7, now }))).toEqual([])
    expect(ids(await listCases(cps, { hearingWithinDays: 14, now }))).toEqual([caseA.id])
    expect(ids(await listVictims(advocate, { hearingWithinDays: 14, now }))).toEqual([jodie.id, joanne.id].sort())
    expect(ids(await listVictims(advocate, { hearingWithinDays: 7, now }))).toEqual([])
    // The next hearing shows on the case row.
    const row = (await listCases(cps, { now })).rows.find((r) => r.id === caseA.id)
    expect(row?.nextHearingAt?.getTime()).toBe(at(10).getTime())

    // Corrected: the hearing is in 30 days after all. The old listing no longer counts.
    if (!a.ok) throw new Error('listing failed')
    const corrected = await recordJourneyEvent(cps, caseA.id, { ...listing(30), supersedesId: a.eventId, correctionReason: 'Listed for the wrong week' }, key(), IP)
    expect(corrected.ok).toBe(true)
    expect(ids(await listCases(cps, { hearingWithinDays: 28, now }))).toEqual([])
    expect(await caseIdsWithHearingWithin(28, now)).not.toContain(caseA.id)

    // Another listing in 5 days, then adjourned in advance: an outcome means it is not upcoming.
    const b = await recordJourneyEvent(cps, caseA.id, listing(5), key(), IP)
    if (!b.ok) throw new Error('listing failed')
    expect(ids(await listCases(cps, { hearingWithinDays: 7, now }))).toEqual([caseA.id])
    const outcome = await recordJourneyEvent(
      cps,
      caseA.id,
      { type: 'hearing_outcome', occurredAt: new Date(now.getTime() - 60_000), details: { hearingEventId: b.eventId, result: 'adjourned', reason: 'Court unavailable' } },
      key(),
      IP,
    )
    expect(outcome.ok).toBe(true)
    expect(ids(await listCases(cps, { hearingWithinDays: 7, now }))).toEqual([])
    // Only cases the user may see: the other force's officer gets nothing even with a hearing listed.
    expect((await listCases(foreignOfficer, { hearingWithinDays: 28, now: at(-5) })).total).toBe(0)
  })
})

describe('pagination', () => {
  test('pages of 25, the last page clamped, filters kept', async () => {
    const prisma = await db()
    const org = await createOrganisation({ kind: 'voluntary' })
    const lead = await newActor('advocate', org.id)
    const surname = `Pagetest${letters(8).toLowerCase()}`
    const data = Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({
      reference: `V-PAGE-${surname.toUpperCase()}-${String(i).padStart(3, '0')}`,
      firstName: 'Page',
      lastName: surname,
      dateOfBirth: new Date('2010-01-01'),
    }))
    await prisma.victim.createMany({ data })
    const created = await prisma.victim.findMany({ where: { lastName: surname }, select: { id: true } })
    await prisma.allocation.createMany({ data: created.map((v) => ({ kind: 'service' as const, victimId: v.id, organisationId: org.id })) })
    const first = await listVictims(lead, { q: surname.toLowerCase() })
    expect(first).toMatchObject({ total: PAGE_SIZE + 3, page: 1 })
    expect(first.rows).toHaveLength(PAGE_SIZE)
    const second = await listVictims(lead, { q: surname, page: 2 })
    expect(second.rows).toHaveLength(3)
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(PAGE_SIZE + 3)
    expect((await listVictims(lead, { q: surname, page: 99 })).page).toBe(2)
  })

  test('a name matching more victims than the id list holds is still searched (as ILIKE), and paged', async () => {
    const prisma = await db()
    const org = await createOrganisation({ kind: 'voluntary' })
    const lead = await newActor('advocate', org.id)
    const first = `Many${letters(8).toLowerCase()}`
    const count = NAME_ID_LIMIT + 7
    await prisma.victim.createMany({
      data: Array.from({ length: count }, (_, i) => ({ reference: `V-MANY-${first.toUpperCase()}-${String(i).padStart(5, '0')}`, firstName: first, lastName: 'Example', dateOfBirth: new Date('2010-01-01') })),
    })
    const created = await prisma.victim.findMany({ where: { firstName: first }, select: { id: true } })
    await prisma.allocation.createMany({ data: created.map((v) => ({ kind: 'service' as const, victimId: v.id, organisationId: org.id })) })
    const result = await listVictims(lead, { q: first.slice(0, 8).toUpperCase(), page: 3 })
    expect(result.total).toBe(count)
    expect(result.rows).toHaveLength(PAGE_SIZE)
    // Someone who may not see them finds none of them.
    expect((await listVictims(advocate, { q: first })).total).toBe(0)
  })
})

describe('indexes', () => {
  test('name, reference, date of birth, stage and hearing-date lookups can use an index', async () => {
    const prisma = await db()
    await prisma.$executeRawUnsafe('SET enable_seqscan = off')
    try {
      const plan = async (sql: string) =>
        (await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`)).map((r) => r['QUERY PLAN']).join('\n')
      expect(await plan(`SELECT id FROM "Victim" WHERE lower("lastName") LIKE 'smi%'`)).toMatch(/Victim_lastName_lower_idx/)
      expect(await plan(`SELECT id FROM "Victim" WHERE "reference" LIKE 'V-2026%'`)).toMatch(/Victim_reference_prefix_idx|Victim_reference_key/)
      expect(await plan(`SELECT id FROM "Case" WHERE "crimeReference" LIKE 'NM/26%'`)).toMatch(/Case_crimeReference_prefix_idx|Case_crimeReference_key/)
      expect(await plan(`SELECT id FROM "Victim" WHERE "dateOfBirth" = '2011-02-03'`)).toMatch(/Victim_dateOfBirth_idx/)
      expect(await plan(`SELECT id FROM "Case" WHERE "stage" = 'trial'`)).toMatch(/Case_stage_idx/)
      expect(
        await plan(`SELECT id FROM "JourneyEvent" WHERE type = 'hearing_listed' AND details->>'hearingAt' > '2026-01-01' AND details->>'hearingAt' <= '2026-02-01'`),
      ).toMatch(/JourneyEvent_hearingAt_idx/)
    } finally {
      await prisma.$executeRawUnsafe('RESET enable_seqscan')
    }
  })
})

describe('the hearing filter agrees with the journey domain', () => {
  test('on the demo data (listings, outcomes, a corrected listing) and the cases above: 7, 14, 28 and 90 days', async () => {
    const prisma = await db()
    const now = new Date()
    await seedDemo(prisma, { now })
    const events = await prisma.journeyEvent.findMany({
      select: { id: true, caseId: true, type: true, occurredAt: true, recordedAt: true, receivedAt: true, defendantId: true, victimId: true, details: true, supersedesId: true },
    })
    const byCase = new Map<string, typeof events>()
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e])
    expect(byCase.size).toBeGreaterThan(5)
    for (const days of [7, 14, 28, 90]) {
      const until = now.getTime() + days * DAY
      const expected = [...byCase].filter(([, journal]) => upcomingHearings(journal, now).some((h) => h.hearingAt.getTime() <= until)).map(([id]) => id)
      expect((await caseIdsWithHearingWithin(days, now)).sort(), `${days} days`).toEqual(expected.sort())
    }
    // The demo's trial within the week is there; the next hearing on each row is the domain's first.
    expect((await caseIdsWithHearingWithin(7, now)).length).toBeGreaterThan(0)
    const witnessCare = await prisma.user.findUniqueOrThrow({ where: { email: 'witnesscare@demo.example' } })
    const { rows } = await listCases({ id: witnessCare.id, role: witnessCare.role, organisationId: witnessCare.organisationId }, { now })
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      const first = upcomingHearings(byCase.get(row.id) ?? [], now)[0]
      expect(row.nextHearingAt?.getTime() ?? null, row.crimeReference).toBe(first ? first.hearingAt.getTime() : null)
    }
  })
})
