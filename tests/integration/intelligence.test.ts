// Intelligence for the police through the real services and database: who may record an item (from
// the victim's own visit or missing episode, sent to a force of the victim's cases), who may see it
// (the police organisation and the author — nobody else), the queue's moves with optimistic
// concurrency, double submits, the audit log without the intelligence text, and the prompt to record
// a new disclosure of an offence or suspect on the case.
import { beforeAll, describe, expect, test } from 'vitest'
import type { ItemInput } from '~/domain/intelligence/item'
import { newItemKey } from '~/domain/intelligence/item'
import { db } from '~/services/db.server'
import {
  actOnIntelligenceItem,
  createIntelligenceItem,
  disclosuresToRecord,
  getIntelligenceItem,
  getItemForm,
  intelligenceCounts,
  intelligenceQueue,
  listIntelligenceForVictim,
  markDisclosureRecorded,
  requireIntelligenceQueue,
} from '~/services/intelligence.server'
import { recordVisit } from '~/services/visits.server'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.21'
const DETAIL = 'Invented: a grey van, registration starting NX9, waits outside the youth club'

let policeA: string, policeB: string
let author: A, sameServiceAdvocate: A, otherServiceAdvocate: A, serviceManager: A
let oic: A, otherOfficerSameForce: A, policeManager: A, otherForceOfficer: A, otherForceManager: A, cps: A, witnessCare: A, admin: A
let victimId: string, otherVictimId: string, visitId: string, otherVisitId: string

const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  policeOrganisationId: policeA,
  subject: 'vehicle',
  detail: DETAIL,
  sourceEvaluation: '2',
  intelligenceAssessment: 'B',
  handlingCode: 'P',
  ...over,
})

async function newItem(over: Partial<ItemInput> = {}) {
  const result = await createIntelligenceItem(author, victimId, { visitId }, item(over), newItemKey(), ip)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.itemId
}

async function visitFor(who: A, victim: string, disclosure: 'none' | 'new_offence_or_suspect', notes?: string) {
  const result = await recordVisit(
    who,
    victim,
    {
      status: 'completed',
      at: new Date('2026-11-12T15:00:00Z'),
      placeType: 'home',
      purpose: 'Follow-up',
      seenAlone: true,
      spokenToAlone: true,
      engagement: 'engaged',
      disclosure,
      ...(notes ? { disclosureNotes: notes } : {}),
    },
    `visit-${Math.random().toString(36).slice(2)}`,
    ip,
  )
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.visitId
}

beforeAll(async () => {
  const prisma = await db()
  policeA = (await createOrganisation({ kind: 'police' })).id
  policeB = (await createOrganisation({ kind: 'police' })).id
  const cpsOrg = (await createOrganisation({ kind: 'cps' })).id
  const wcu = (await createOrganisation({ kind: 'witness_care' })).id
  const service = (await createOrganisation({ kind: 'voluntary' })).id
  const otherService = (await createOrganisation({ kind: 'voluntary' })).id
  author = actor(await createUser({ role: 'advocate', organisationId: service }))
  sameServiceAdvocate = actor(await createUser({ role: 'advocate', organisationId: service }))
  otherServiceAdvocate = actor(await createUser({ role: 'advocate', organisationId: otherService }))
  serviceManager = actor(await createUser({ role: 'manager', organisationId: service }))
  oic = actor(await createUser({ role: 'officer', organisationId: policeA }))
  otherOfficerSameForce = actor(await createUser({ role: 'officer', organisationId: policeA }))
  policeManager = actor(await createUser({ role: 'manager', organisationId: policeA }))
  otherForceOfficer = actor(await createUser({ role: 'officer', organisationId: policeB }))
  otherForceManager = actor(await createUser({ role: 'manager', organisationId: policeB }))
  cps = actor(await createUser({ role: 'cps_liaison', organisationId: cpsOrg }))
  witnessCare = actor(await createUser({ role: 'cps_liaison', organisationId: wcu }))
  admin = actor(await createUser({ role: 'admin', organisationId: policeA }))
  const caseId = (await createCase({ policeOrganisationId: policeA, cpsOrganisationId: cpsOrg, witnessCareOrganisationId: wcu })).id
  victimId = (await createVictim({ caseIds: [caseId] })).id
  otherVictimId = (await createVictim({ caseIds: [caseId] })).id
  for (const v of [victimId, otherVictimId]) {
    await prisma.victim.update({ where: { id: v }, data: { createdAt: new Date('2026-11-01T09:00:00Z') } })
    await allocate({ victimId: v, organisationId: service, kind: 'service' })
  }
  await allocate({ victimId, userId: author.id, kind: 'lead_advocate' })
  await allocate({ caseId, userId: oic.id, kind: 'oic' })
  visitId = await visitFor(author, victimId, 'new_offence_or_suspect', 'Invented: named a second man who drove her to a flat')
  otherVisitId = await visitFor(author, otherVictimId, 'none')
})

describe('recording an item', () => {
  test('the form offers the force of the victim’s case, preselected', async () => {
    const form = await getItemForm(author, victimId, { visitId })
    expect(form.police.organisations.map((o) => o.id)).toEqual([policeA])
    expect(form.preselected).toBe(policeA)
    expect(form.source).toMatchObject({ kind: 'visit', id: visitId })
  })

  test('a victim with no case may send it to any police organisation, none preselected', async () => {
    const prisma = await db()
    const noCase = (await createVictim()).id
    await allocate({ victimId: noCase, userId: author.id, kind: 'lead_advocate' })
    await prisma.victim.update({ where: { id: noCase }, data: { createdAt: new Date('2026-11-01T09:00:00Z') } })
    const visit = await visitFor(author, noCase, 'none')
    const form = await getItemForm(author, noCase, { visitId: visit })
    expect(form.police.fromCases).toBe(false)
    expect(form.police.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([policeA, policeB]))
    expect(form.preselected).toBeUndefined()
  })

  test('the author records an item; a double submit saves one; the audit holds ids and status, not the intelligence', async () => {
    const prisma = await db()
    const key = newItemKey()
    const first = await createIntelligenceItem(author, victimId, { visitId }, item(), key, ip)
    expect(first).toEqual({ ok: true, itemId: key, duplicate: false })
    const again = await createIntelligenceItem(author, victimId, { visitId }, item(), key, ip)
    expect(again).toEqual({ ok: true, itemId: key, duplicate: true })
    expect(await prisma.intelligenceItem.count({ where: { id: key } })).toBe(1)
    const row = await prisma.intelligenceItem.findUniqueOrThrow({ where: { id: key } })
    expect(row).toMatchObject({ victimId, visitId, missingEpisodeId: null, policeOrganisationId: policeA, authorId: author.id, status: 'new', version: 1 })
    const audit = await prisma.auditEvent.findMany({ where: { action: 'intelligence.create', entityId: victimId } })
    const mine = audit.find((a) => (a.details as { itemId?: string }).itemId === key)!
    expect(mine.details).toEqual({ itemId: key, visitId, missingEpisodeId: null, policeOrganisationId: policeA, status: 'new' })
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('grey van')
  })

  test('someone else replaying the author’s form key is refused', async () => {
    const key = newItemKey()
    await createIntelligenceItem(author, victimId, { visitId }, item(), key, ip)
    expect(await status(() => createIntelligenceItem(oic, victimId, { visitId }, item(), key, ip))).toBe(403)
  })

  test('a force that is not the victim’s case’s is refused next to the field, and nothing is saved', async () => {
    const prisma = await db()
    const before = await prisma.intelligenceItem.count()
    const result = await createIntelligenceItem(author, victimId, { visitId }, item({ policeOrganisationId: policeB }), newItemKey(), ip)
    expect(result).toEqual({ ok: false, issues: [{ path: 'policeOrganisationId', message: 'Select the police force of one of the victim’s cases' }] })
    expect(await prisma.intelligenceItem.count()).toBe(before)
  })

  test('the visit must be this victim’s, and one that took place or was attempted', async () => {
    expect(await status(() => getItemForm(author, victimId, { visitId: otherVisitId }))).toBe(404)
    expect(await status(() => createIntelligenceItem(author, victimId, { visitId: otherVisitId }, item(), newItemKey(), ip))).toBe(404)
    expect(await status(() => getItemForm(author, victimId, { visitId: 'no-such-visit' }))).toBe(404)
    const prisma = await db()
    const planned = await prisma.visit.create({
      data: {
        victimId,
        organisationId: author.organisationId,
        recordedById: author.id,
        status: 'planned',
        at: new Date('2030-01-10T10:00:00Z'),
        placeType: 'home',
        purpose: 'Planned',
        idempotencyKey: `planned-${Math.random()}`,
      },
    })
    expect(await status(() => getItemForm(author, victimId, { visitId: planned.id }))).toBe(404)
  })

  test('from a missing episode (?episode=): the episode must be this victim’s', async () => {
    const prisma = await db()
    const episode = await prisma.missingEpisode.create({
      data: {
        victimId,
        organisationId: author.organisationId,
        recordedById: author.id,
        missingFrom: new Date('2026-11-10T18:00:00Z'),
        returnedAt: new Date('2026-11-11T09:00:00Z'),
        reportedToPolice: true,
        idempotencyKey: `episode-${Math.random()}`,
      },
    })
    const form = await getItemForm(author, victimId, { missingEpisodeId: episode.id })
    expect(form.source).toMatchObject({ kind: 'episode', id: episode.id })
    const result = await createIntelligenceItem(author, victimId, { missingEpisodeId: episode.id }, item({ subject: 'place' }), newItemKey(), ip)
    expect(result.ok).toBe(true)
    const row = await prisma.intelligenceItem.findUniqueOrThrow({ where: { id: result.ok ? result.itemId : '' } })
    expect(row).toMatchObject({ visitId: null, missingEpisodeId: episode.id })
    expect(await status(() => getItemForm(author, otherVictimId, { missingEpisodeId: episode.id }))).toBe(404)
    expect(await status(() => createIntelligenceItem(author, otherVictimId, { missingEpisodeId: episode.id }, item(), newItemKey(), ip))).toBe(404)
  })

  test('those who may not record visits may not record intelligence', async () => {
    expect(await status(() => getItemForm(cps, victimId, { visitId }))).toBe(403)
    expect(await status(() => createIntelligenceItem(cps, victimId, { visitId }, item(), newItemKey(), ip))).toBe(403)
    expect(await status(() => createIntelligenceItem(otherServiceAdvocate, victimId, { visitId }, item(), newItemKey(), ip))).toBe(404)
    expect(await status(() => createIntelligenceItem(otherForceOfficer, victimId, { visitId }, item(), newItemKey(), ip))).toBe(404)
    expect(await status(() => createIntelligenceItem(admin, victimId, { visitId }, item(), newItemKey(), ip))).toBe(404)
  })
})

describe('who sees an item', () => {
  let itemId: string
  beforeAll(async () => {
    itemId = await newItem({ subject: 'online_account' })
  })

  test('the author, the officers and the managers of the police organisation open it', async () => {
    for (const who of [author, oic, otherOfficerSameForce, policeManager]) {
      const view = await getIntelligenceItem(who, itemId, ip)
      expect(view.item.detail).toBe(DETAIL)
    }
    expect((await getIntelligenceItem(author, itemId, ip)).canReview).toBe(false)
    expect((await getIntelligenceItem(author, itemId, ip)).canAnswer).toBe(true)
    expect((await getIntelligenceItem(oic, itemId, ip)).canReview).toBe(true)
    // An officer of the force who is not on the case sees the item but cannot open the victim.
    expect((await getIntelligenceItem(otherOfficerSameForce, itemId, ip)).canOpenVictim).toBe(false)
    expect((await getIntelligenceItem(oic, itemId, ip)).canOpenVictim).toBe(true)
  })

  test('everyone else gets 404: another force, CPS, witness care, other advocates, the author’s manager, administrators', async () => {
    for (const who of [otherForceOfficer, otherForceManager, cps, witnessCare, sameServiceAdvocate, otherServiceAdvocate, serviceManager, admin]) {
      expect(await status(() => getIntelligenceItem(who, itemId, ip)), `${who.role} ${who.id}`).toBe(404)
      expect(await status(() => actOnIntelligenceItem(who, itemId, { type: 'submit', reference: 'R' }, 1, ip))).toBe(404)
    }
  })

  test('the victim page section lists it for the author and the police organisation, and nothing at all for the others', async () => {
    expect((await listIntelligenceForVictim(author, victimId)).map((i) => i.id)).toContain(itemId)
    expect((await listIntelligenceForVictim(oic, victimId)).map((i) => i.id)).toContain(itemId)
    for (const who of [sameServiceAdvocate, serviceManager, cps, witnessCare]) {
      expect(await listIntelligenceForVictim(who, victimId), `${who.role} ${who.id}`).toEqual([])
    }
    // Those who cannot see the victim at all are refused the page.
    for (const who of [otherForceOfficer, otherServiceAdvocate, admin]) expect(await status(() => listIntelligenceForVictim(who, victimId))).toBe(404)
  })

  test('the queue lists it for the police organisation only; others are refused the queue', async () => {
    const queue = await intelligenceQueue(oic)
    expect(queue.rows.map((r) => r.id)).toContain(itemId)
    expect(queue.status).toBe('new')
    expect((await intelligenceQueue(policeManager)).rows.map((r) => r.id)).toContain(itemId)
    expect((await intelligenceQueue(otherForceManager)).rows.map((r) => r.id)).not.toContain(itemId)
    expect((await intelligenceQueue(otherForceOfficer)).total).toBe(0)
    for (const who of [author, serviceManager, cps, witnessCare, admin]) expect(await status(() => requireIntelligenceQueue(who))).toBe(403)
    for (const who of [author, serviceManager, cps, admin]) expect(await status(() => intelligenceQueue(who))).toBe(403)
  })

  test('the queue is newest first and paginated', async () => {
    const prisma = await db()
    const ids: string[] = []
    for (let i = 0; i < 27; i++) ids.push(await newItem({ subject: 'pattern' }))
    // Spread creation times so the order is certain.
    for (const [i, id] of ids.entries()) await prisma.intelligenceItem.update({ where: { id }, data: { createdAt: new Date(Date.UTC(2030, 0, 1, 0, i)) } })
    const first = await intelligenceQueue(oic)
    expect(first.rows).toHaveLength(25)
    expect(first.rows[0]!.id).toBe(ids[26])
    expect(first.rows[1]!.id).toBe(ids[25])
    const second = await intelligenceQueue(oic, { page: 2 })
    expect(second.page).toBe(2)
    expect(second.rows.length).toBe(second.total - 25)
    expect((await intelligenceQueue(oic, { page: 99 })).page).toBe(Math.ceil(first.total / 25))
  })
})

describe('the queue’s moves', () => {
  test('submit with the reference; the author sees it; a stale version is a conflict; submitted is final; the audit has no text', async () => {
    const prisma = await db()
    const itemId = await newItem()
    const conflictFirst = await actOnIntelligenceItem(oic, itemId, { type: 'submit', reference: 'INT/A/1' }, 2, ip)
    expect(conflictFirst).toEqual({ ok: false, conflict: { status: 'new', version: 1 } })
    expect(await actOnIntelligenceItem(oic, itemId, { type: 'submit', reference: '  ' }, 1, ip)).toEqual({
      ok: false,
      issues: [{ path: 'reference', message: 'Enter the reference from the police intelligence system' }],
    })
    expect(await actOnIntelligenceItem(oic, itemId, { type: 'submit', reference: 'INT/A/26/00001' }, 1, ip)).toEqual({ ok: true, status: 'submitted' })
    // A second officer who opened the page at the same time loses the race: nothing written.
    expect(await actOnIntelligenceItem(policeManager, itemId, { type: 'return', question: 'Which road?' }, 1, ip)).toEqual({
      ok: false,
      conflict: { status: 'submitted', version: 2 },
    })
    const seen = await getIntelligenceItem(author, itemId, ip)
    expect(seen.item).toMatchObject({ status: 'submitted', policeReference: 'INT/A/26/00001', version: 2 })
    expect((await listIntelligenceForVictim(author, victimId)).find((i) => i.id === itemId)).toMatchObject({
      status: 'submitted',
      policeReference: 'INT/A/26/00001',
    })
    expect(await actOnIntelligenceItem(oic, itemId, { type: 'return', question: 'Why?' }, 2, ip)).toEqual({
      ok: false,
      issues: [{ path: 'action', message: 'This item cannot be returned with a question: it is already submitted' }],
    })
    const audit = await prisma.auditEvent.findMany({ where: { action: { startsWith: 'intelligence.' }, entityId: victimId } })
    const submitted = audit.find((a) => a.action === 'intelligence.submit' && (a.details as { itemId?: string }).itemId === itemId)!
    expect(submitted.details).toEqual({ itemId, from: 'new', to: 'submitted', fromVersion: 1, toVersion: 2 })
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('INT/A/26/00001')
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('grey van')
  })

  test('return with a question; only the author answers; the answer puts it back to new; the author may not submit', async () => {
    const prisma = await db()
    const itemId = await newItem()
    expect(await status(() => actOnIntelligenceItem(author, itemId, { type: 'submit', reference: 'R' }, 1, ip))).toBe(403)
    expect(await actOnIntelligenceItem(policeManager, itemId, { type: 'return', question: 'Which road is the van on?' }, 1, ip)).toEqual({
      ok: true,
      status: 'returned',
    })
    expect(await actOnIntelligenceItem(oic, itemId, { type: 'submit', reference: 'R' }, 2, ip)).toMatchObject({ ok: false, issues: [{ path: 'action' }] })
    expect(await status(() => actOnIntelligenceItem(oic, itemId, { type: 'answer', answer: 'x' }, 2, ip))).toBe(403)
    const seen = await listIntelligenceForVictim(author, victimId)
    expect(seen.find((i) => i.id === itemId)).toMatchObject({ status: 'returned', question: 'Which road is the van on?' })
    expect(await actOnIntelligenceItem(author, itemId, { type: 'answer', answer: '' }, 2, ip)).toMatchObject({ ok: false, issues: [{ path: 'answer' }] })
    expect(await actOnIntelligenceItem(author, itemId, { type: 'answer', answer: 'Invented: Mill Lane' }, 2, ip)).toEqual({ ok: true, status: 'new' })
    const row = await prisma.intelligenceItem.findUniqueOrThrow({ where: { id: itemId } })
    expect(row).toMatchObject({
      status: 'new',
      question: 'Which road is the van on?',
      answer: 'Invented: Mill Lane',
      version: 3,
      reviewedById: policeManager.id,
    })
    const audit = await prisma.auditEvent.findMany({ where: { action: { in: ['intelligence.return', 'intelligence.answer'] }, entityId: victimId } })
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Which road')
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Mill Lane')
  })
})

describe('new disclosures to record on the case', () => {
  test('the police organisation is prompted with the notes and the case; recording it clears the prompt', async () => {
    const prisma = await db()
    const listed = await disclosuresToRecord(oic)
    const row = listed.visits.find((v) => v.id === visitId)!
    expect(row).toMatchObject({ disclosure: 'new_offence_or_suspect', disclosureNotes: 'Invented: named a second man who drove her to a flat' })
    expect(row.victim.cases).toHaveLength(1)
    expect(listed.visits.some((v) => v.id === otherVisitId)).toBe(false)
    expect((await disclosuresToRecord(otherForceOfficer)).visits.some((v) => v.id === visitId)).toBe(false)
    for (const who of [author, cps, serviceManager, admin]) expect(await status(() => disclosuresToRecord(who))).toBe(403)
    const counts = await intelligenceCounts(oic)
    expect(counts!.disclosures).toBeGreaterThanOrEqual(1)
    expect(await intelligenceCounts(author)).toBeNull()
    expect(await intelligenceCounts(serviceManager)).toBeNull()

    expect(await status(() => markDisclosureRecorded(otherForceOfficer, visitId, 'x', ip))).toBe(404)
    expect(await status(() => markDisclosureRecorded(author, visitId, 'x', ip))).toBe(403)
    expect(await status(() => markDisclosureRecorded(oic, otherVisitId, 'x', ip))).toBe(404)
    expect(await markDisclosureRecorded(oic, visitId, '  ', ip)).toEqual({
      ok: false,
      issues: [{ path: 'note', message: 'Enter what was recorded on the case, or why not' }],
    })
    expect(await markDisclosureRecorded(policeManager, visitId, 'Suspect B added to the case', ip)).toEqual({ ok: true })
    expect(await markDisclosureRecorded(oic, visitId, 'again', ip)).toEqual({
      ok: false,
      issues: [{ path: 'action', message: 'This disclosure has already been recorded on the case' }],
    })
    const visit = await prisma.visit.findUniqueOrThrow({ where: { id: visitId } })
    expect(visit).toMatchObject({ disclosureActionedById: policeManager.id, disclosureActionNote: 'Suspect B added to the case' })
    expect(visit.disclosureActionedAt).toBeInstanceOf(Date)
    expect((await disclosuresToRecord(oic)).visits.some((v) => v.id === visitId)).toBe(false)
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'visit.disclosure_actioned', entityId: victimId } })
    expect(audit.details).toEqual({ visitId })
  })
})
