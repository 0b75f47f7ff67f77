// One child shared across agencies, through the real services and database: the police hand a
// child over to an advocacy service by referral (accept and take on, with a lead advocate; decline
// with a reason the referrer sees; refused once consent is withdrawn), and an advocacy service
// shares a child with a police force (consent checked; an officer links her to a case, or the
// force declines). Every step is audited; nobody sees more than the step gives them.
import { beforeAll, describe, expect, test } from 'vitest'
import { canRecordContact, canRecordVisit } from '~/domain/access/policy'
import type { NewCaseInput } from '~/domain/cases/schemas'
import { loadVictimFacts, requireVictimAccess } from '~/services/access.server'
import { db } from '~/services/db.server'
import { createCase as openCase } from '~/services/cases.server'
import { changeReferral, getReferralView, makeReferral } from '~/services/referrals.server'
import {
  answerShareRequest,
  getShareRequestView,
  listShareRequests,
  requestAccess,
  shareRequestsWaiting,
  shareWithPolice,
} from '~/services/share-requests.server'
import { setOrganisationServices } from '~/services/support-directory.server'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

const ip = '198.51.100.44'
let seq = 0
const key = () => `sharing-key-${++seq}`

let officer: TestActor, otherOfficer: TestActor, policeManager: TestActor
let advocate: TestActor, advocate2: TestActor, serviceManager: TestActor, outsider: TestActor
let force: { id: string; name: string }, service: { id: string; name: string }
let caseId: string

async function childOf(holder: { organisationId: string; userId?: string; kind: 'oic' | 'lead_advocate' }, consentFor?: string, withdrawn = false) {
  const prisma = await db()
  const v = await createVictim({})
  await allocate({ victimId: v.id, userId: holder.userId, organisationId: holder.organisationId, kind: holder.kind })
  if (holder.kind === 'lead_advocate') await allocate({ victimId: v.id, organisationId: holder.organisationId, kind: 'service' })
  if (consentFor) {
    await prisma.consent.create({
      data: {
        victimId: v.id,
        scope: 'Support and the investigation',
        sharedWith: consentFor,
        givenBy: 'Young person',
        recordedById: holder.userId!,
        recordedAt: new Date(Date.now() - 86_400_000),
        withdrawnAt: withdrawn ? new Date(Date.now() - 3_600_000) : null,
      },
    })
  }
  return v.id
}

beforeAll(async () => {
  const f = await createOrganisation({ kind: 'police', name: `Eastmere Police ${seq++}` })
  const s = await createOrganisation({ kind: 'voluntary', name: `Lanternway Advocacy ${seq++}` })
  force = { id: f.id, name: f.name }
  service = { id: s.id, name: s.name }
  officer = actor(await createUser({ role: 'officer', organisationId: f.id }))
  otherOfficer = actor(await createUser({ role: 'officer', organisationId: f.id }))
  policeManager = actor(await createUser({ role: 'manager', organisationId: f.id }))
  advocate = actor(await createUser({ role: 'advocate', organisationId: s.id }))
  advocate2 = actor(await createUser({ role: 'advocate', organisationId: s.id }))
  serviceManager = { ...actor(await createUser({ role: 'manager', organisationId: s.id })), organisationKind: 'voluntary' }
  outsider = actor(await createUser({ role: 'advocate', organisationId: (await createOrganisation({ kind: 'voluntary' })).id }))
  await setOrganisationServices(serviceManager, s.id, [{ serviceType: 'isva', description: 'Invented: ChISVA support' }], ip)
  caseId = (await createCase({ policeOrganisationId: f.id })).id
  await allocate({ caseId, userId: officer.id, organisationId: f.id, kind: 'oic' })
})

describe('police → advocacy service: the referral hands the child over', () => {
  test('the service decides from a summary; accepting takes her on with a lead advocate, who may then record contacts and visits', async () => {
    const victimId = await childOf({ organisationId: force.id, userId: officer.id, kind: 'oic' }, service.name)
    const made = await makeReferral(officer, victimId, { organisationId: service.id, serviceType: 'isva', reason: 'Invented: needs a ChISVA' }, key(), ip)
    if (!made.ok) throw new Error(JSON.stringify(made.issues))
    // Before the answer: the summary, not the record.
    expect(await status(() => requireVictimAccess(serviceManager, victimId))).toBe(404)
    const view = await getReferralView(serviceManager, made.referralId, ip)
    expect(view).toMatchObject({ handover: true, opensVictim: false, actions: expect.arrayContaining(['accept', 'decline']) })
    expect(view.summary?.age).toEqual(expect.any(Number))
    expect(view.advocates.map((a) => a.id).sort()).toEqual([advocate.id, advocate2.id].sort())
    // A lead advocate from another service is refused next to the field; nothing changes.
    expect(await changeReferral(serviceManager, made.referralId, 'accept', { version: 1, leadAdvocateId: outsider.id }, ip)).toEqual({
      ok: false,
      issues: [{ path: 'leadAdvocateId', message: 'Select an advocate from your service' }],
    })
    expect(await changeReferral(serviceManager, made.referralId, 'accept', { version: 1, leadAdvocateId: advocate2.id }, ip)).toEqual({ ok: true, status: 'accepted' })
    const prisma = await db()
    const allocations = await prisma.allocation.findMany({ where: { victimId, endedAt: null }, select: { kind: true, userId: true, organisationId: true } })
    expect(allocations).toEqual(
      expect.arrayContaining([
        { kind: 'service', userId: null, organisationId: service.id },
        { kind: 'lead_advocate', userId: advocate2.id, organisationId: service.id },
      ]),
    )
    // The service now holds the record: direct access, contacts, visits and allocation.
    for (const who of [advocate2, advocate, serviceManager]) {
      const access = await requireVictimAccess(who, victimId, 'update')
      expect(access.referralOnly).toBe(false)
      expect(canRecordContact(who, access.facts)).toBe(true)
      expect(canRecordVisit(who, access.facts)).toBe(true)
    }
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'referral.accept', entityId: made.referralId } })
    expect(audit.actorId).toBe(serviceManager.id)
    expect(JSON.stringify(audit.details)).toContain(advocate2.id)
  })

  test('declining records a reason the referring officer reads; the service gets nothing', async () => {
    const victimId = await childOf({ organisationId: force.id, userId: officer.id, kind: 'oic' }, service.name)
    const made = await makeReferral(officer, victimId, { organisationId: service.id, serviceType: 'isva', reason: 'Invented' }, key(), ip)
    if (!made.ok) throw new Error('not made')
    expect(await changeReferral(advocate, made.referralId, 'decline', { version: 1 }, ip)).toMatchObject({ ok: false, issues: [{ path: 'reason' }] })
    expect(await changeReferral(advocate, made.referralId, 'decline', { version: 1, reason: 'Invented: no capacity this month' }, ip)).toEqual({ ok: true, status: 'declined' })
    const seen = await getReferralView(officer, made.referralId, ip)
    expect(seen.history.find((h) => h.what === 'Declined')?.detail).toBe('Invented: no capacity this month')
    expect(await status(() => requireVictimAccess(advocate, victimId))).toBe(404)
  })

  test('consent withdrawn after the referral was sent: accepting is refused with the reason, nothing is shared', async () => {
    const victimId = await childOf({ organisationId: force.id, userId: officer.id, kind: 'oic' }, service.name)
    const made = await makeReferral(officer, victimId, { organisationId: service.id, serviceType: 'isva', reason: 'Invented' }, key(), ip)
    if (!made.ok) throw new Error('not made')
    const prisma = await db()
    await prisma.consent.updateMany({ where: { victimId }, data: { withdrawnAt: new Date() } })
    const refused = await changeReferral(serviceManager, made.referralId, 'accept', { version: 1 }, ip)
    expect(refused).toMatchObject({ ok: false, issues: [{ path: 'intent', message: expect.stringContaining('was withdrawn') }] })
    expect(await prisma.allocation.count({ where: { victimId, organisationId: service.id } })).toBe(0)
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: made.referralId } })).status).toBe('sent')
  })
})

describe('advocacy service → police: a child who reports is shared with the force', () => {
  test('refused without consent or a lawful basis naming the force, with a link to record one; nothing saved', async () => {
    const victimId = await childOf({ organisationId: service.id, userId: advocate.id, kind: 'lead_advocate' }, 'Some other agency')
    const refused = await shareWithPolice(advocate, victimId, { organisationId: force.id, reason: 'Invented: wants to report' }, key(), ip)
    expect(refused).toMatchObject({ ok: false, consentLink: true, issues: [{ path: 'organisationId' }] })
    const withdrawn = await childOf({ organisationId: service.id, userId: advocate.id, kind: 'lead_advocate' }, force.name, true)
    expect(await shareWithPolice(advocate, withdrawn, { organisationId: force.id, reason: 'Invented' }, key(), ip)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('was withdrawn') }],
    })
    const prisma = await db()
    expect(await prisma.shareRequest.count({ where: { victimId: { in: [victimId, withdrawn] } } })).toBe(0)
    // Police officers cannot share a child with the police; an outsider cannot even see her.
    expect(await status(() => shareWithPolice(officer, victimId, { organisationId: force.id, reason: 'x' }, key(), ip))).toBe(404)
    expect(await status(() => shareWithPolice(outsider, victimId, { organisationId: force.id, reason: 'x' }, key(), ip))).toBe(404)
  })

  test('the force sees a summary, an officer links her to a case and then sees her record; audited', async () => {
    const victimId = await childOf({ organisationId: service.id, userId: advocate.id, kind: 'lead_advocate' }, `${force.name} CSE team`)
    const k = key()
    const shared = await shareWithPolice(advocate, victimId, { organisationId: force.id, reason: 'Invented: wants to report' }, k, ip)
    if (!shared.ok) throw new Error(JSON.stringify(shared.issues))
    // A double submit makes one request.
    expect(await shareWithPolice(advocate, victimId, { organisationId: force.id, reason: 'Invented' }, k, ip)).toEqual({ ok: true, requestId: shared.requestId, duplicate: true })
    expect(await shareRequestsWaiting(policeManager)).toBeGreaterThanOrEqual(1)
    // The force's managers (it has no team inbox) hear of it by email, with the reference only.
    const prisma0 = await db()
    const told = await prisma0.outboxEmail.findMany({ where: { template: 'share-update', dedupeKey: { startsWith: `share:${shared.requestId}:received:` } } })
    expect(told.map((e) => e.to)).toEqual([policeManager.email])
    expect(told[0]!.props).toMatchObject({ state: 'received', kind: 'police_report', reference: expect.any(String) })
    expect((await listShareRequests(officer)).received.map((r) => r.id)).toContain(shared.requestId)
    expect(await status(() => getShareRequestView(outsider, shared.requestId, ip))).toBe(404)
    // Before the link: the summary only.
    expect(await status(() => requireVictimAccess(officer, victimId))).toBe(404)
    const view = await getShareRequestView(officer, shared.requestId, ip)
    expect(view.actions).toEqual(['link', 'decline'])
    expect(view.victimId).toBeNull()
    expect(view.summary?.reference).toEqual(expect.any(String))
    expect(view.cases.map((c) => c.id)).toContain(caseId)
    // A police manager may decline but not link (a case needs an officer working it).
    expect((await getShareRequestView(policeManager, shared.requestId, ip)).actions).toEqual(['decline'])
    // An officer not on the case cannot link her to it.
    expect(await status(() => answerShareRequest(otherOfficer, shared.requestId, 'link', { version: 1, caseId }, ip))).toBe(404)
    expect(await answerShareRequest(officer, shared.requestId, 'link', { version: 1, caseId }, ip)).toEqual({ ok: true, status: 'linked', caseId })
    expect((await requireVictimAccess(officer, victimId)).canUpdate).toBe(true)
    const facts = await loadVictimFacts(victimId)
    expect(facts?.cases.map((c) => c.id)).toContain(caseId)
    // Answered once: a second answer is refused with a message.
    expect(await answerShareRequest(officer, shared.requestId, 'decline', { version: 2, reason: 'Invented' }, ip)).toMatchObject({
      ok: false,
      issues: [{ path: 'intent' }],
    })
    const prisma = await db()
    expect(await prisma.auditEvent.count({ where: { action: 'share.police', entityId: victimId } })).toBe(1)
    expect(await prisma.auditEvent.count({ where: { action: 'share.link', entityId: shared.requestId } })).toBe(1)
    // The advocate's side sees it linked, with the case (which they reach through the child).
    const mine = await getShareRequestView(advocate, shared.requestId, ip)
    expect(mine.request).toMatchObject({ status: 'linked', case: { id: caseId } })
  })

  test('the force declines with a reason the advocate reads; the police get no access', async () => {
    const victimId = await childOf({ organisationId: service.id, userId: advocate.id, kind: 'lead_advocate' }, force.name)
    const shared = await shareWithPolice(serviceManager, victimId, { organisationId: force.id, reason: 'Invented: unsure whether to report' }, key(), ip)
    if (!shared.ok) throw new Error('not shared')
    expect(await answerShareRequest(policeManager, shared.requestId, 'decline', { version: 1 }, ip)).toMatchObject({ ok: false, issues: [{ path: 'reason' }] })
    expect(await answerShareRequest(policeManager, shared.requestId, 'decline', { version: 1, reason: 'Invented: refer to the neighbouring force' }, ip)).toMatchObject({
      ok: true,
      status: 'declined',
    })
    expect((await getShareRequestView(advocate, shared.requestId, ip)).request.decisionReason).toBe('Invented: refer to the neighbouring force')
    expect(await status(() => requireVictimAccess(officer, victimId))).toBe(404)
    expect(await status(() => requireVictimAccess(policeManager, victimId))).toBe(404)
    // Once declined, the force no longer gets the summary either.
    expect((await getShareRequestView(policeManager, shared.requestId, ip)).summary).toBeNull()
  })

  test('an officer opens a new case for the shared child: she is linked and the share marked linked, in one step; a second submit lands on the case', async () => {
    const victimId = await childOf({ organisationId: service.id, userId: advocate.id, kind: 'lead_advocate' }, force.name)
    const shared = await shareWithPolice(advocate, victimId, { organisationId: force.id, reason: 'Invented: wants to report' }, key(), ip)
    if (!shared.ok) throw new Error('not shared')
    const input: NewCaseInput = {
      crimeReference: `EM/26/${String(Date.now()).slice(-6)}`,
      offences: [{ description: 'Invented offence', category: 'sexual_activity_with_child', sexual: true, committedFrom: new Date('2026-03-01'), committedTo: null }],
      victimIds: [],
      suspectCount: 2,
      shareRequestId: shared.requestId,
    }
    // Someone outside the force cannot use the share to open a case.
    expect(await openCase(advocate, input, ip)).toMatchObject({ ok: false, status: 403 })
    const opened = await openCase(officer, input, ip)
    if (!opened.ok || !('id' in opened)) throw new Error(JSON.stringify(opened))
    const prisma = await db()
    expect(await prisma.victimCase.count({ where: { caseId: opened.id, victimId } })).toBe(1)
    expect(await prisma.shareRequest.findUniqueOrThrow({ where: { id: shared.requestId } })).toMatchObject({ status: 'linked', caseId: opened.id, decidedById: officer.id })
    expect((await requireVictimAccess(officer, victimId)).canUpdate).toBe(true)
    expect(await openCase(officer, input, ip)).toEqual({ ok: true, id: opened.id, repeated: true })
    // Another officer of the force may not open a second case from a share already linked.
    expect(await status(() => openCase(otherOfficer, { ...input, crimeReference: `EM/26/${String(Date.now() + 1).slice(-6)}` }, ip))).toBe(404)
  })
})

describe('a request for access to a record found when adding a child', () => {
  const DOB = new Date('2012-04-09T00:00:00Z')
  async function heldByService(lastName: string, consentFor?: string) {
    const prisma = await db()
    const v = await createVictim({ firstName: 'Marnie', lastName, dateOfBirth: DOB })
    await allocate({ victimId: v.id, organisationId: service.id, kind: 'service' })
    await allocate({ victimId: v.id, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
    if (consentFor) {
      await prisma.consent.create({
        data: { victimId: v.id, scope: 'Investigation', sharedWith: consentFor, givenBy: 'Young person', recordedById: advocate.id, recordedAt: new Date(Date.now() - 86_400_000) },
      })
    }
    return v.id
  }
  const identity = (lastName: string) => ({ firstName: ' marnie ', lastName: lastName.toUpperCase(), dateOfBirth: DOB })

  test('only a record the same details find may be asked for; the requester learns nothing about the child', async () => {
    const lastName = `Quillfeather${seq++}`
    const victimId = await heldByService(lastName, force.name)
    // Someone else's record id, with details that do not find it: as if it did not exist.
    expect(await status(() => requestAccess(officer, { victimId, toOrganisationId: service.id, reason: 'x', identity: identity('Other') }, key(), ip))).toBe(404)
    // The right details but an organisation that does not hold it.
    expect(await status(() => requestAccess(officer, { victimId, toOrganisationId: force.id, reason: 'x', identity: identity(lastName) }, key(), ip))).toBe(404)
    const asked = await requestAccess(officer, { victimId, toOrganisationId: service.id, reason: 'Invented: she reported to us today', identity: identity(lastName) }, key(), ip)
    if (!asked.ok) throw new Error(JSON.stringify(asked.issues))
    const mine = await getShareRequestView(officer, asked.requestId, ip)
    expect(mine.summary).toBeNull()
    expect(mine.victimId).toBeNull()
    expect(JSON.stringify(mine)).not.toContain(lastName)
    expect(JSON.stringify(await listShareRequests(officer))).not.toContain(lastName)
    // A second request from the same organisation while one waits is refused.
    expect(await requestAccess(officer, { victimId, toOrganisationId: service.id, reason: 'again', identity: identity(lastName) }, key(), ip)).toMatchObject({ ok: false })

    // The holder approves: the officer is named on the record and can link her to a case.
    const theirs = await getShareRequestView(serviceManager, asked.requestId, ip)
    expect(theirs.actions).toEqual(['approve', 'refuse'])
    expect(theirs.summary?.name).toContain(lastName)
    expect(await answerShareRequest(serviceManager, asked.requestId, 'approve', { version: 1 }, ip)).toMatchObject({ ok: true, status: 'approved' })
    expect((await requireVictimAccess(officer, victimId)).canUpdate).toBe(true)
    const prisma = await db()
    expect(await prisma.allocation.count({ where: { victimId, userId: officer.id, kind: 'oic', endedAt: null } })).toBe(1)
    expect(await prisma.auditEvent.count({ where: { action: 'share.approve', entityId: asked.requestId, actorId: serviceManager.id } })).toBe(1)
    expect((await getShareRequestView(officer, asked.requestId, ip)).victimId).toBe(victimId)
  })

  test('giving access needs consent or a lawful basis naming the requester; refusing needs a reason the requester reads', async () => {
    const lastName = `Brackenridge${seq++}`
    const victimId = await heldByService(lastName)
    const asked = await requestAccess(officer, { victimId, toOrganisationId: service.id, reason: 'Invented', identity: identity(lastName) }, key(), ip)
    if (!asked.ok) throw new Error('not asked')
    expect(await answerShareRequest(advocate, asked.requestId, 'approve', { version: 1 }, ip)).toMatchObject({
      ok: false,
      issues: [{ path: 'intent', message: expect.stringContaining('No consent or lawful basis') }],
    })
    expect(await status(() => requireVictimAccess(officer, victimId))).toBe(404)
    // The requester cannot answer their own request.
    expect(await answerShareRequest(officer, asked.requestId, 'approve', { version: 1 }, ip)).toMatchObject({ ok: false, issues: [{ path: 'intent' }] })
    expect(await answerShareRequest(advocate, asked.requestId, 'refuse', { version: 1, reason: 'Invented: she asked us not to share yet' }, ip)).toMatchObject({
      ok: true,
      status: 'refused',
    })
    expect((await getShareRequestView(officer, asked.requestId, ip)).request.decisionReason).toBe('Invented: she asked us not to share yet')
    // The officer hears of the refusal without the record's reference.
    const prisma = await db()
    const refusal = await prisma.outboxEmail.findFirstOrThrow({ where: { template: 'share-update', dedupeKey: { startsWith: `share:${asked.requestId}:refused:` }, to: officer.email } })
    expect(refusal.props).toMatchObject({ state: 'refused', reference: null })
    expect(await status(() => requireVictimAccess(officer, victimId))).toBe(404)
  })
})
