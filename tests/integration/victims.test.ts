// Victim records against a real database: creating (reference, held by the creator's organisation,
// audited, one record per form even when submitted twice), editing with optimistic concurrency,
// closing/reopening, consent, and what CPS liaison may see.
import { beforeEach, describe, expect, test } from 'vitest'
import { allocate, createCase, createOrganisation, createUser, createVictim as createVictimRow, unique } from '#tests/setup/world'
import type { Actor } from '~/domain/access/policy'
import { createVictimSchema, type VictimDetails } from '~/domain/victims/schema'
import { verifyAuditChain } from '~/services/audit.server'
import { listVictims } from '~/services/caseload.server'
import { db } from '~/services/db.server'
import {
  addConsent,
  closeVictim,
  createVictim,
  getVictimForEdit,
  getVictimForView,
  reopenVictim,
  updateVictim,
  withdrawConsent,
} from '~/services/victims.server'
import { status } from '#tests/setup/actors'

const IP = '192.0.2.10'
type A = Actor & { email: string }

async function newActor(role: Actor['role'], organisationId?: string): Promise<A> {
  const u = await createUser({ role, organisationId })
  return { id: u.id, role: u.role, organisationId: u.organisationId, email: u.email }
}

// Each test its own child: a second record for the same child is refused (find before you add).
let surname = 'Calder'
beforeEach(() => {
  surname = `Calder${unique()}`
})

function details(overrides: Partial<VictimDetails> = {}): VictimDetails {
  const parsed = createVictimSchema().parse({
    firstName: 'Ria',
    lastName: surname,
    preferredName: 'Ri',
    dateOfBirth: { day: '3', month: '4', year: '2012' },
    phone: '07700 900777',
    address: '4 Invented Close, Nowhere',
    preferredLanguage: 'Polish',
    interpreterNeeded: true,
    safeContactMethod: 'text_message',
    safeContactTimes: 'After 4pm',
    noVoicemail: true,
    doNotTell: 'Her uncle (invented)',
    contactName: 'Parent Invented',
    contactPhone: '07700 900888',
    idempotencyKey: 'keykeykeykeykeykey',
  })
  return { ...parsed.details, ...overrides }
}

const key = () => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 24)

describe('creating a victim', () => {
  test('an advocate’s new record has a reference, is held by their service with them as lead, and is audited', async () => {
    const prisma = await db()
    const advocate = await newActor('advocate')
    const result = await createVictim(advocate, details(), key(), IP)
    if (!result.ok) throw new Error('create failed')
    expect(result.reference).toMatch(new RegExp(`^V-${new Date().getUTCFullYear()}-\\d{4,}$`))
    const v = await prisma.victim.findUniqueOrThrow({ where: { id: result.id }, include: { allocations: true } })
    expect(v).toMatchObject({ firstName: 'Ria', preferredLanguage: 'Polish', interpreterNeeded: true, noVoicemail: true, version: 1 })
    expect(v.allocations.map((a) => [a.kind, a.userId, a.organisationId]).sort()).toEqual(
      [
        ['lead_advocate', advocate.id, advocate.organisationId],
        ['service', null, advocate.organisationId],
      ].sort(),
    )
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'victim.create', entityId: v.id } })
    expect(row).toMatchObject({ actorId: advocate.id, entityType: 'victim', ip: IP })
    // The audit log holds no personal data from the form.
    expect(JSON.stringify(row.details)).not.toContain('Ria')
    const colleague = await newActor('advocate', advocate.organisationId)
    expect((await listVictims(colleague)).rows.map((r) => r.id)).toContain(v.id)
    expect((await verifyAuditChain()).ok).toBe(true)
  })

  test('an officer’s new record is allocated to them as OIC; references are sequential', async () => {
    const prisma = await db()
    const officer = await newActor('officer')
    const a = await createVictim(officer, details(), key(), IP)
    const b = await createVictim(officer, details({ lastName: `${surname}b` }), key(), IP)
    if (!a.ok || !b.ok) throw new Error('create failed')
    const allocations = await prisma.allocation.findMany({ where: { victimId: a.id } })
    expect(allocations).toHaveLength(1)
    expect(allocations[0]).toMatchObject({ kind: 'oic', userId: officer.id, organisationId: officer.organisationId })
    expect(Number(b.reference.split('-')[2])).toBe(Number(a.reference.split('-')[2]) + 1)
    expect(await status(() => getVictimForView(officer, a.id, IP))).toBe(200)
  })

  test('references follow the highest of the year, and concurrent creates never collide', async () => {
    const year = new Date().getUTCFullYear()
    await createVictimRow({ reference: `V-${year}-0500` })
    const advocate = await newActor('advocate')
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => createVictim(advocate, details({ lastName: `${surname}${i}` }), key(), IP)))
    const refs = results.map((r) => (r.ok ? r.reference : '')).sort()
    expect(new Set(refs).size).toBe(5)
    expect(refs[0]! >= `V-${year}-0501`).toBe(true)
  })

  test('a double-submitted form (same idempotency key) creates one record', async () => {
    const prisma = await db()
    const advocate = await newActor('advocate')
    const k = key()
    const [a, b] = await Promise.all([
      createVictim(advocate, details({ lastName: 'Twice' }), k, IP),
      createVictim(advocate, details({ lastName: 'Twice' }), k, IP),
    ])
    if (!a.ok || !b.ok) throw new Error('create failed')
    expect(a.id).toBe(b.id)
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true])
    const c = await createVictim(advocate, details({ lastName: 'Twice' }), k, IP)
    expect(c).toMatchObject({ ok: true, id: a.id, duplicate: true })
    expect(await prisma.victim.count({ where: { lastName: 'Twice' } })).toBe(1)
    // Another user's key never returns someone else's record.
    const other = await newActor('advocate')
    const d = await createVictim(other, details({ lastName: 'Twice', firstName: 'Another' }), k, IP)
    expect(d.ok && d.id).not.toBe(a.id)
  })

  test('only advocates, officers and managers may create; a manager may not create a restricted record they could not see', async () => {
    for (const role of ['cps_liaison', 'admin'] as const) {
      const actor = await newActor(role)
      expect(await status(() => createVictim(actor, details(), key(), IP))).toBe(403)
    }
    const manager = await newActor('manager')
    expect(await createVictim(manager, details({ restricted: true }), key(), IP)).toMatchObject({ ok: false, field: 'restricted' })
    expect(await createVictim(manager, details(), key(), IP)).toMatchObject({ ok: true })
  })
})

describe('editing a victim', () => {
  async function setup() {
    const advocate = await newActor('advocate')
    const officer = await newActor('officer')
    const created = await createVictim(advocate, details(), key(), IP)
    if (!created.ok) throw new Error('create failed')
    await allocate({ victimId: created.id, userId: officer.id, kind: 'oic' })
    return { advocate, officer, id: created.id }
  }

  test('saves, bumps the version and audits the changed field names only', async () => {
    const prisma = await db()
    const { advocate, id } = await setup()
    const result = await updateVictim(advocate, id, details({ preferredLanguage: 'Welsh' }), 1, IP)
    expect(result).toEqual({ ok: true, changed: ['preferredLanguage'] })
    expect(await prisma.victim.findUniqueOrThrow({ where: { id } })).toMatchObject({ preferredLanguage: 'Welsh', version: 2 })
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'victim.update', entityId: id } })
    expect(row.details).toEqual({ fields: ['preferredLanguage'], fromVersion: 1, toVersion: 2 })
  })

  test('a stale version is a conflict: nothing is written and it lists what the other person changed', async () => {
    const prisma = await db()
    const { advocate, officer, id } = await setup()
    // Both opened the form at version 1.
    expect(await updateVictim(officer, id, details({ safeContactTimes: 'Mornings only', noVoicemail: false }), 1, IP)).toMatchObject({ ok: true })
    const audits = await prisma.auditEvent.count()
    const result = await updateVictim(advocate, id, details({ safeContactTimes: 'Weekends', riskNotes: 'New worry' }), 1, IP)
    expect(result).toMatchObject({ ok: false, currentVersion: 2 })
    if (result.ok || !('conflict' in result)) throw new Error('expected a conflict')
    expect(result.conflict).toEqual([
      { field: 'safeContactTimes', label: 'Safe times to contact', theirs: 'Mornings only', yours: 'Weekends' },
      { field: 'noVoicemail', label: 'Do not leave voicemail', theirs: 'No', yours: 'Yes' },
    ])
    const v = await prisma.victim.findUniqueOrThrow({ where: { id } })
    expect(v).toMatchObject({ safeContactTimes: 'Mornings only', riskNotes: null, version: 2 })
    expect(await prisma.auditEvent.count()).toBe(audits)
    // Saving again at the version now shown wins on purpose.
    expect(await updateVictim(advocate, id, details({ safeContactTimes: 'Weekends' }), 2, IP)).toMatchObject({ ok: true })
  })

  test('racing saves at the same version: exactly one wins', async () => {
    const { advocate, officer, id } = await setup()
    const results = await Promise.all([
      updateVictim(advocate, id, details({ preferredName: 'One' }), 1, IP),
      updateVictim(officer, id, details({ preferredName: 'Two' }), 1, IP),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  test('closing moves the version on, so an edit form opened before it conflicts', async () => {
    const { advocate, id } = await setup()
    expect(await closeVictim(advocate, id, { reason: 'moved_area', detail: null }, IP)).toEqual({ ok: true })
    expect(await updateVictim(advocate, id, details({ preferredName: 'Late' }), 1, IP)).toMatchObject({ ok: false, currentVersion: 2 })
  })

  test('only people who may update the record may edit, close or record consent (403 / 404)', async () => {
    const { id } = await setup()
    const prisma = await db()
    const cpsOrg = await createOrganisation({ kind: 'cps' })
    const c = await createCase({ cpsOrganisationId: cpsOrg.id, victimIds: [id] })
    expect(c).toBeTruthy()
    const cps = await newActor('cps_liaison', cpsOrg.id)
    const stranger = await newActor('advocate')
    const admin = await newActor('admin')
    expect(await status(() => getVictimForView(cps, id, IP))).toBe(200)
    for (const [actor, expected] of [
      [cps, 403],
      [stranger, 404],
      [admin, 404],
    ] as const) {
      expect(await status(() => updateVictim(actor, id, details(), 1, IP))).toBe(expected)
      expect(await status(() => getVictimForEdit(actor, id, IP))).toBe(expected)
      expect(await status(() => closeVictim(actor, id, { reason: 'other', detail: 'x' }, IP))).toBe(expected)
      expect(await status(() => reopenVictim(actor, id, IP))).toBe(expected)
      expect(await status(() => addConsent(actor, id, { scope: 's', sharedWith: 'w', givenBy: 'child', lawfulBasis: null }, IP))).toBe(expected)
    }
    expect(await prisma.victim.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'open', version: 1 })
  })
})

describe('closing, reopening and consent', () => {
  test('close with a reason, then reopen; each audited; closing twice is refused', async () => {
    const prisma = await db()
    const advocate = await newActor('advocate')
    const created = await createVictim(advocate, details(), key(), IP)
    if (!created.ok) throw new Error('create failed')
    expect(await closeVictim(advocate, created.id, { reason: 'other', detail: 'Family moved abroad' }, IP)).toEqual({ ok: true })
    expect(await prisma.victim.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: 'closed',
      closedReason: 'other: Family moved abroad',
    })
    expect(await closeVictim(advocate, created.id, { reason: 'other', detail: 'again' }, IP)).toMatchObject({ ok: false })
    expect(await reopenVictim(advocate, created.id, IP)).toEqual({ ok: true })
    expect(await prisma.victim.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: 'open', closedReason: null, closedAt: null })
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { seq: 'asc' } })).map((r) => r.action)
    expect(actions).toEqual(['victim.create', 'victim.close', 'victim.reopen'])
  })

  test('consent is recorded, shown on the page and withdrawn', async () => {
    const advocate = await newActor('advocate')
    const created = await createVictim(advocate, details(), key(), IP)
    if (!created.ok) throw new Error('create failed')
    const consent = await addConsent(
      advocate,
      created.id,
      { scope: 'Investigation updates', sharedWith: 'Police OIC', givenBy: 'parent', lawfulBasis: null },
      IP,
    )
    await addConsent(
      advocate,
      created.id,
      { scope: 'Needs assessment', sharedWith: 'Children’s services', givenBy: null, lawfulBasis: 'dpa_sch1_safeguarding' },
      IP,
    )
    let view = await getVictimForView(advocate, created.id, IP)
    expect(view.victim.consents).toHaveLength(2)
    expect(await withdrawConsent(advocate, created.id, consent.id, IP)).toEqual({ ok: true })
    expect(await withdrawConsent(advocate, created.id, consent.id, IP)).toEqual({ ok: false })
    view = await getVictimForView(advocate, created.id, IP)
    expect(view.victim.consents.find((c) => c.id === consent.id)?.withdrawnAt).toBeInstanceOf(Date)
  })
})

describe('the victim page', () => {
  test('CPS liaison gets no contact, safe-contact, parent contact or ethnicity; officers get all but “who must not be told” only with update rights', async () => {
    const advocate = await newActor('advocate')
    const created = await createVictim(advocate, details({ ethnicity: 'Invented ethnicity' }), key(), IP)
    if (!created.ok) throw new Error('create failed')
    const cpsOrg = await createOrganisation({ kind: 'cps' })
    await createCase({ cpsOrganisationId: cpsOrg.id, victimIds: [created.id] })
    const cps = await newActor('cps_liaison', cpsOrg.id)
    const view = await getVictimForView(cps, created.id, IP)
    expect(view).toMatchObject({ contact: null, safeContact: null, nominatedContact: null, equality: null })
    const json = JSON.stringify(view)
    for (const secret of ['07700', 'Invented Close', 'After 4pm', 'uncle', 'Parent Invented', 'text_message', 'Invented ethnicity']) {
      expect(json).not.toContain(secret)
    }
    const own = await getVictimForView(advocate, created.id, IP)
    expect(own.safeContact).toMatchObject({ times: 'After 4pm', noVoicemail: true, doNotTell: 'Her uncle (invented)' })
    expect(own.nominatedContact?.name).toBe('Parent Invented')
  })

  test('enhanced rights are derived from offences on the victim’s cases, with manual grounds', async () => {
    const prisma = await db()
    const advocate = await newActor('advocate')
    const created = await createVictim(advocate, details({ manualEnhancedGrounds: ['intimidated'] }), key(), IP)
    if (!created.ok) throw new Error('create failed')
    let view = await getVictimForView(advocate, created.id, IP)
    expect(view.enhancedRights.grounds.map((g) => g.id)).toEqual(['under_18_at_offence', 'intimidated'])
    expect(view.enhancedRights.notes[0]).toMatch(/No offence dates/)
    const c = await createCase({ victimIds: [created.id] })
    await prisma.offence.create({
      data: { caseId: c.id, victimId: created.id, description: 'Invented', category: 'sexual', sexual: true, committedFrom: new Date('2025-01-01') },
    })
    view = await getVictimForView(advocate, created.id, IP)
    expect(view.enhancedRights.grounds.map((g) => g.id)).toEqual(['under_18_at_offence', 'most_serious_crime:sexual_offence', 'intimidated'])
    expect(view.enhancedRights.notes).toEqual([])
  })
})
