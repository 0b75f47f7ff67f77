// Find before you add, against a real database: records matching a child across organisations
// (holders only for a record the user may not see), refusing a second record without a reason,
// the audited reason when there is one, partner references, and a victim added with a new case.
import { describe, expect, test } from 'vitest'
import { allocate, createCase as caseRow, createOrganisation, createUser, createVictim as victimRow, unique, uniqueWord } from '#tests/setup/world'
import { request, sessionCookieFor } from '#tests/setup/app-harness'
import type { Actor } from '~/domain/access/policy'
import type { NewCaseInput } from '~/domain/cases/schemas'
import { createVictimSchema, type VictimDetails } from '~/domain/victims/schema'
import { verifyAuditChain } from '~/services/audit.server'
import { createCase } from '~/services/cases.server'
import { db } from '~/services/db.server'
import { findExistingRecords, type ChildIdentity } from '~/services/find-before-add.server'
import { createVictim } from '~/services/victims.server'

const IP = '192.0.2.44'
type A = Actor & { email: string }

async function newActor(role: Actor['role'], organisationId?: string): Promise<A> {
  const u = await createUser({ role, organisationId })
  return { id: u.id, role: u.role, organisationId: u.organisationId, email: u.email }
}

const DOB = new Date('2011-06-15T00:00:00Z')
const key = () => unique('key').padEnd(20, 'x')

/** A child held by an advocacy service and on a case of a police force; each test its own surname. */
async function heldChild(opts: { restricted?: boolean } = {}) {
  const prisma = await db()
  const service = await createOrganisation({ name: `Harbourlight Young People ${unique()}`, kind: 'voluntary' })
  const force = await createOrganisation({ name: `Eastmarsh Constabulary ${unique()}`, kind: 'police' })
  const former = await createOrganisation({ name: `Former Holder ${unique()}`, kind: 'voluntary' })
  const lastName = uniqueWord('Quenby')
  const kase = await caseRow({ policeOrganisationId: force.id, crimeReference: `EM/26/${unique('').toUpperCase()}` })
  const victim = await victimRow({ firstName: 'Jessamy', lastName, dateOfBirth: DOB, restricted: opts.restricted, caseIds: [kase.id] })
  await prisma.victim.update({ where: { id: victim.id }, data: { preferredName: 'Jess' } })
  await allocate({ victimId: victim.id, organisationId: service.id })
  await allocate({ victimId: victim.id, organisationId: former.id, endedAt: new Date() })
  return { service, force, former, kase, victim, lastName }
}

const identity = (lastName: string, over: Partial<ChildIdentity> = {}): ChildIdentity => ({
  firstName: 'Jessamy',
  lastName,
  preferredName: null,
  dateOfBirth: DOB,
  partnerReference: null,
  ...over,
})

function details(firstName: string, lastName: string, dob = { day: '15', month: '6', year: '2011' }): VictimDetails {
  return createVictimSchema().parse({ firstName, lastName, dateOfBirth: dob, idempotencyKey: 'keykeykeykeykeykey' }).details
}

async function counts() {
  const prisma = await db()
  return {
    victims: await prisma.victim.count(),
    allocations: await prisma.allocation.count(),
    cases: await prisma.case.count(),
    links: await prisma.victimCase.count(),
    audit: await prisma.auditEvent.count(),
  }
}

describe('finding existing records', () => {
  test('a record held by another organisation is reported with its holders only: no name, no reference', async () => {
    const { service, force, victim, lastName } = await heldChild()
    const stranger = await newActor('advocate')
    // Typed by preferred name, in another case and spacing.
    const found = await findExistingRecords(stranger, identity(`  ${lastName.toUpperCase()} `, { firstName: ' jess ' }))
    expect(found).toEqual([
      {
        victimId: victim.id,
        visible: false,
        holders: [
          { organisationId: force.id, name: force.name },
          { organisationId: service.id, name: service.name },
        ],
      },
    ])
    const said = JSON.stringify(found)
    for (const secret of [victim.reference, 'Jessamy', 'Jess"', lastName]) expect(said).not.toContain(secret)
  })

  test('a record the user may see is reported with its reference and name', async () => {
    const { service, victim, lastName } = await heldChild()
    const colleague = await newActor('advocate', service.id)
    expect(await findExistingRecords(colleague, identity(lastName))).toEqual([
      { victimId: victim.id, visible: true, reference: victim.reference, name: `Jessamy (Jess) ${lastName}` },
    ])
  })

  test('a restricted record is reported to someone not allocated to it as held, nothing more', async () => {
    const { service, victim, lastName } = await heldChild({ restricted: true })
    const colleague = await newActor('advocate', service.id)
    expect(await findExistingRecords(colleague, identity(lastName))).toMatchObject([{ victimId: victim.id, visible: false }])
  })

  test('a partner reference matches by Waypoint reference, crime reference and CPS URN, typed in any case and spacing', async () => {
    const prisma = await db()
    const { kase, victim } = await heldChild()
    const urn = `42EM${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    await prisma.case.update({ where: { id: kase.id }, data: { cpsUrn: urn } })
    const stranger = await newActor('officer')
    const someoneElse = { firstName: 'Different', lastName: 'Person' }
    for (const ref of [kase.crimeReference.toLowerCase(), ` ${urn.slice(0, 2)} ${urn.slice(2, 4).toLowerCase()} ${urn.slice(4)} `, victim.reference.toLowerCase()]) {
      expect(await findExistingRecords(stranger, identity('x', { ...someoneElse, partnerReference: ref })), ref).toMatchObject([{ victimId: victim.id, visible: false }])
    }
    expect(await findExistingRecords(stranger, identity('x', { ...someoneElse, partnerReference: kase.crimeReference.slice(0, -1) }))).toEqual([])
  })

  test('a partial name, another first name or another date of birth never matches', async () => {
    const { lastName } = await heldChild()
    const stranger = await newActor('advocate')
    expect(await findExistingRecords(stranger, identity(lastName.slice(0, 3)))).toEqual([])
    expect(await findExistingRecords(stranger, identity(lastName, { firstName: 'Jes' }))).toEqual([])
    expect(await findExistingRecords(stranger, identity(lastName, { firstName: 'Jessica' }))).toEqual([])
    expect(await findExistingRecords(stranger, identity(lastName, { dateOfBirth: new Date('2011-06-16T00:00:00Z') }))).toEqual([])
    expect(await findExistingRecords(stranger, identity(lastName, { dateOfBirth: null }))).toEqual([])
  })

  test('names with accents and several words are compared as typed, case and spacing aside', async () => {
    const prisma = await db()
    const { victim } = await heldChild()
    await prisma.victim.update({ where: { id: victim.id }, data: { firstName: 'Éabha', lastName: `Ní  Bhriain ${victim.id}` } })
    const stranger = await newActor('advocate')
    expect(await findExistingRecords(stranger, identity(`ní bhriain ${victim.id}`, { firstName: 'ÉABHA' }))).toMatchObject([{ victimId: victim.id }])
  })
})

describe('creating a victim checks first', () => {
  test('a match without a reason is refused and nothing is saved; with a reason it is created and the reason audited', async () => {
    const prisma = await db()
    const { victim, lastName } = await heldChild()
    const advocate = await newActor('advocate')
    const before = await counts()
    const refused = await createVictim(advocate, details('jess', lastName), key(), IP)
    expect(refused).toMatchObject({ ok: false, matches: [{ victimId: victim.id, visible: false }] })
    expect(await counts()).toEqual(before)

    expect(await createVictim(advocate, details('Jessamy', lastName), key(), IP, { duplicateReason: 'too short' })).toMatchObject({
      ok: false,
      field: 'duplicateReason',
    })
    const reason = 'The holder confirmed by phone this is a different child with the same name'
    const created = await createVictim(advocate, details('Jessamy', lastName), key(), IP, { duplicateReason: `  ${reason}  ` })
    if (!created.ok) throw new Error('create failed')
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'victim.create.duplicate', entityId: created.id } })
    expect(row).toMatchObject({ actorId: advocate.id, entityType: 'victim', ip: IP })
    expect(row.details).toMatchObject({ matchedVictimIds: [victim.id], reason })
    expect(await prisma.auditEvent.count({ where: { action: 'victim.create', entityId: created.id } })).toBe(1)
    expect((await verifyAuditChain()).ok).toBe(true)
  })

  test('a partner reference alone finds the record', async () => {
    const { kase, victim } = await heldChild()
    const officer = await newActor('officer')
    const refused = await createVictim(officer, details('Unrelated', 'Name'), key(), IP, { partnerReference: kase.crimeReference })
    expect(refused).toMatchObject({ ok: false, matches: [{ victimId: victim.id }] })
  })

  test('a double submit returns the first record instead of finding it as an existing one', async () => {
    const advocate = await newActor('advocate')
    const lastName = uniqueWord('Penwarden')
    const k = key()
    const [a, b] = await Promise.all([createVictim(advocate, details('Morwenna', lastName), k, IP), createVictim(advocate, details('Morwenna', lastName), k, IP)])
    if (!a.ok || !b.ok || !('id' in a) || !('id' in b)) throw new Error(`create failed: ${JSON.stringify([a, b])}`)
    expect(a.id).toBe(b.id)
    expect(await createVictim(advocate, details('Morwenna', lastName), k, IP)).toMatchObject({ ok: true, id: a.id, duplicate: true })
    // The same child from a new form is found, visible to its creator.
    expect(await createVictim(advocate, details('Morwenna', lastName), key(), IP)).toMatchObject({
      ok: false,
      matches: [{ victimId: a.id, visible: true, reference: a.reference }],
    })
  })
})

describe('opening a case with a victim not on Waypoint yet', () => {
  const caseInput = (over: Partial<NewCaseInput> = {}): NewCaseInput => ({
    crimeReference: `NM/26/${unique('').toUpperCase()}`,
    offences: [{ description: 'Sexual activity with a child', category: 'sexual_activity_with_child', sexual: true, committedFrom: new Date('2026-03-01'), committedTo: null }],
    victimIds: [],
    suspectCount: 1,
    ...over,
  })

  test('creates the victim, held by the officer, and the case in one audited transaction', async () => {
    const prisma = await db()
    const police = await createOrganisation({ kind: 'police' })
    const officer = await newActor('officer', police.id)
    const lastName = uniqueWord('Trevaskis')
    const input = caseInput({ newVictim: { firstName: 'Tamsin', lastName, preferredName: 'Tam', dateOfBirth: new Date('2012-02-14T00:00:00Z') } })
    const result = await createCase(officer, input, IP)
    if (!result.ok || !('id' in result)) throw new Error(`create failed: ${JSON.stringify(result)}`)
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: result.id }, include: { victims: { include: { victim: { include: { allocations: true } } } } } })
    expect(kase.victims).toHaveLength(1)
    const victim = kase.victims[0]!.victim
    expect(victim).toMatchObject({ firstName: 'Tamsin', lastName, preferredName: 'Tam' })
    expect(victim.allocations.map((a) => [a.kind, a.userId, a.organisationId])).toEqual([['oic', officer.id, police.id]])
    const audits = await prisma.auditEvent.findMany({ where: { entityId: { in: [victim.id, kase.id] } }, orderBy: { seq: 'asc' } })
    expect(audits.map((a) => a.action)).toEqual(['victim.create', 'case.create'])
    expect(audits[1]!.details).toMatchObject({ victimIds: [victim.id], newVictimId: victim.id })
    // A second submit of the same form lands on the case, not on its victim as an existing record.
    expect(await createCase(officer, input, IP)).toEqual({ ok: true, id: kase.id, repeated: true })
  })

  test('a new victim who matches a record is refused with nothing saved; with a reason both are created', async () => {
    const prisma = await db()
    const { victim, lastName } = await heldChild()
    const police = await createOrganisation({ kind: 'police' })
    const officer = await newActor('officer', police.id)
    const newVictim = { firstName: 'JESS', lastName, preferredName: null, dateOfBirth: DOB }
    const before = await counts()
    expect(await createCase(officer, caseInput({ newVictim }), IP)).toMatchObject({ ok: false, matches: [{ victimId: victim.id, visible: false }] })
    expect(await counts()).toEqual(before)
    const reason = 'Holder asked us to open our own record while consent is sought'
    const result = await createCase(officer, caseInput({ newVictim, duplicateReason: reason }), IP)
    if (!result.ok || !('id' in result)) throw new Error(`create failed: ${JSON.stringify(result)}`)
    const duplicate = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'victim.create.duplicate', actorId: officer.id } })
    expect(duplicate.details).toMatchObject({ matchedVictimIds: [victim.id], reason })
  })

  test('a case needs a selected victim or a new one', async () => {
    const police = await createOrganisation({ kind: 'police' })
    const officer = await newActor('officer', police.id)
    expect(await createCase(officer, caseInput(), IP)).toMatchObject({ ok: false, field: 'victimIds' })
  })
})

describe('the pages', () => {
  test('an officer finds Victims in the menu, sees the victims on their cases and can add one', async () => {
    const police = await createOrganisation({ kind: 'police' })
    const officer = await createUser({ role: 'officer', organisationId: police.id })
    const kase = await caseRow({ policeOrganisationId: police.id })
    await allocate({ caseId: kase.id, userId: officer.id })
    const onCase = await victimRow({ caseIds: [kase.id] })
    const elsewhere = await victimRow()
    const cookie = await sessionCookieFor(officer.id)
    const list = await request('/victims', { cookie })
    expect(list.status).toBe(200)
    const html = await list.text()
    expect(html).toContain('href="/victims"')
    expect(html).toContain('Add a victim')
    expect(html).toContain(onCase.reference)
    expect(html).not.toContain(elsewhere.reference)
    expect((await request('/victims/new', { cookie })).status).toBe(200)
  })

  test('“Add a victim” shows what was found, keeps what was typed, and asks each holder for access', async () => {
    const { service, force, victim, lastName } = await heldChild()
    const advocate = await createUser({ role: 'advocate' })
    const cookie = await sessionCookieFor(advocate.id)
    const form = { firstName: 'Jess', lastName, 'dateOfBirth.day': '15', 'dateOfBirth.month': '6', 'dateOfBirth.year': '2011', idempotencyKey: key(), phone: '07700 900555' }
    const before = await counts()
    const res = await request('/victims/new', { cookie, form })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(await counts()).toEqual(before)
    expect(html).toContain('A record for this child may already exist')
    expect(html).toContain(`held by ${force.name} and ${service.name}`)
    expect(html).not.toContain(victim.reference)
    expect(html).not.toContain('Jessamy')
    expect(html.match(/action="\/requests\/access"/g)).toHaveLength(2)
    for (const hidden of [`name="victimId" value="${victim.id}"`, `name="toOrganisationId" value="${service.id}"`, 'name="dateOfBirth" value="2011-06-15"', 'name="firstName" value="Jess"']) {
      expect(html).toContain(hidden)
    }
    expect(html).toContain(`Request access from ${service.name}`)
    expect(html).toContain('Why a second record is needed')
    // What was typed is kept.
    expect(html).toContain('value="07700 900555"')

    // Past the records found without a reason: a message next to the field, still nothing saved.
    const again = await request('/victims/new', { cookie, form: { ...form, matchesShown: 'on' } })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('Enter why a second record is needed')
    expect(await counts()).toEqual(before)

    const saved = await request('/victims/new', { cookie, form: { ...form, matchesShown: 'on', duplicateReason: 'A different child: confirmed with the holder' } })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toMatch(/^\/victims\/[^/]+$/)
  })

  test('“Open a case” shows the same panel for a new victim who may already be on Waypoint', async () => {
    const { lastName, victim } = await heldChild()
    const police = await createOrganisation({ kind: 'police' })
    const officer = await createUser({ role: 'officer', organisationId: police.id })
    const res = await request('/cases/new', {
      cookie: await sessionCookieFor(officer.id),
      form: {
        crimeReference: `NM/26/${unique('').toUpperCase()}`,
        'offences[0].description': 'Sexual activity with a child',
        'offences[0].category': 'sexual_activity_with_child',
        'offences[0].from.day': '1',
        'offences[0].from.month': '3',
        'offences[0].from.year': '2026',
        'newVictim.firstName': 'Jessamy',
        'newVictim.lastName': lastName,
        'newVictim.dateOfBirth.day': '15',
        'newVictim.dateOfBirth.month': '6',
        'newVictim.dateOfBirth.year': '2011',
        suspectCount: '1',
      },
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('A record for this child may already exist')
    expect(html).toContain(`name="victimId" value="${victim.id}"`)
    expect(html).toContain('Why a second record is needed')
  })
})
