// Support referrals through the real services and database: refused
// without consent or a lawful basis naming the organisation (and with withdrawn consent, and for a
// service it does not offer), nothing saved; the life of a referral with sides and concurrency;
// sessions (the first on an accepted referral makes it active; refused on a closed one); who sees
// what — the receiving organisation decides from a summary, then (once it accepts a counselling
// referral) sees the victim (referral-only) but not visits, and only it sees session notes.
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/services/db.server'
import { requireVictimAccess } from '~/services/access.server'
import {
  changeReferral,
  getReferralForm,
  getReferralView,
  listReferralInbox,
  listVictimReferrals,
  logSession,
  makeReferral,
  referralsWaiting,
} from '~/services/referrals.server'
import { teamOverview } from '~/services/overview.server'
import { getVictimSupport } from '~/services/support.server'
import { listDirectory, setOrganisationServices } from '~/services/support-directory.server'
import { getVictimVisits } from '~/services/visits.server'
import { allocate, createCase, createOrganisation, createTeam, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.21'
let keySeq = 0
const key = () => `referral-key-${++keySeq}`
const NOTES = 'Invented: talked about sleep and school; plans for next week'

let advocate: A, officer: A, cps: A, receiver: A, receiverManager: A, otherAdvocate: A, admin: A, referrerManager: A
let victimId: string, caseId: string, noConsentVictimId: string, withdrawnVictimId: string
let receivingOrg: { id: string; name: string }

const input = (over: Partial<{ organisationId: string; serviceType: 'counselling' | 'isva'; reason: string }> = {}) => ({
  organisationId: receivingOrg.id,
  serviceType: 'counselling' as const,
  reason: 'Invented: would like therapeutic support before the trial',
  ...over,
})

beforeAll(async () => {
  const prisma = await db()
  const team = await createTeam()
  const { police, cpsOrg, service } = team
  ;({ officer, cps, advocate } = team)
  const r = await createOrganisation({ kind: 'voluntary', name: `Quiet Harbour Counselling ${keySeq++}` })
  receivingOrg = { id: r.id, name: r.name }
  referrerManager = actor(await createUser({ role: 'manager', organisationId: service.id }))
  receiver = actor(await createUser({ role: 'advocate', organisationId: r.id }))
  receiverManager = actor(await createUser({ role: 'manager', organisationId: r.id }))
  otherAdvocate = actor(await createUser({ role: 'advocate', organisationId: (await createOrganisation({ kind: 'voluntary' })).id }))
  admin = actor(await createUser({ role: 'admin', organisationId: police.id }))
  await setOrganisationServices(receiverManager, r.id, [{ serviceType: 'counselling', description: 'Invented: weekly sessions' }], ip)

  caseId = (await createCase({ policeOrganisationId: police.id, cpsOrganisationId: cpsOrg.id, sentToCpsAt: new Date('2026-11-05T10:00:00Z') })).id
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  for (const which of ['main', 'none', 'withdrawn'] as const) {
    const v = await createVictim({ caseIds: [caseId] })
    await prisma.victim.update({ where: { id: v.id }, data: { createdAt: new Date('2026-10-01T09:00:00Z') } })
    await allocate({ victimId: v.id, organisationId: service.id, kind: 'service' })
    await allocate({ victimId: v.id, userId: advocate.id, organisationId: service.id, kind: 'lead_advocate' })
    if (which === 'main') victimId = v.id
    if (which === 'none') noConsentVictimId = v.id
    if (which === 'withdrawn') withdrawnVictimId = v.id
  }
  await prisma.consent.create({
    data: {
      victimId,
      scope: 'Support and therapy',
      sharedWith: `${receivingOrg.name} counselling team`,
      givenBy: 'Young person and parent',
      recordedById: advocate.id,
      recordedAt: new Date('2026-10-02T10:00:00Z'),
    },
  })
  await prisma.consent.create({
    data: {
      victimId: noConsentVictimId,
      scope: 'Police investigation',
      sharedWith: 'Northmoor Police OIC',
      givenBy: 'Young person',
      recordedById: advocate.id,
      recordedAt: new Date('2026-10-02T10:00:00Z'),
    },
  })
  await prisma.consent.create({
    data: {
      victimId: withdrawnVictimId,
      scope: 'Support',
      sharedWith: receivingOrg.name,
      givenBy: 'Young person',
      recordedById: advocate.id,
      recordedAt: new Date('2026-10-02T10:00:00Z'),
      withdrawnAt: new Date('2026-10-20T10:00:00Z'),
    },
  })
})

describe('the directory', () => {
  test('lists the organisation with the services it offers; only its managers and administrators may change them', async () => {
    const dir = await listDirectory({ serviceType: 'counselling' })
    expect(dir.find((o) => o.id === receivingOrg.id)?.services).toEqual([
      { serviceType: 'counselling', label: 'Counselling and pre-trial therapy', description: 'Invented: weekly sessions' },
    ])
    expect((await listDirectory({ serviceType: 'isva' })).some((o) => o.id === receivingOrg.id)).toBe(false)
    expect(await status(() => setOrganisationServices(receiver, receivingOrg.id, [], ip))).toBe(403)
    expect(await status(() => setOrganisationServices(referrerManager, receivingOrg.id, [], ip))).toBe(403)
    const prisma = await db()
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'support.services.update', entityId: receivingOrg.id } })
    expect(row.details).toEqual({ services: ['counselling'] })
  })
})

describe('making a referral', () => {
  test('refused without consent or a lawful basis naming the organisation, with the reason; nothing saved', async () => {
    const prisma = await db()
    const before = await prisma.referral.count()
    const result = await makeReferral(advocate, noConsentVictimId, input(), key(), ip)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.consentLink).toBe(true)
    expect(result.issues[0]).toMatchObject({ path: 'organisationId' })
    expect(result.issues[0]!.message).toContain(`cover sharing with Northmoor Police OIC, not ${receivingOrg.name}`)
    expect(await prisma.referral.count()).toBe(before)
  })

  test('refused when the consent naming the organisation was withdrawn; nothing saved', async () => {
    const prisma = await db()
    const before = await prisma.referral.count()
    const result = await makeReferral(advocate, withdrawnVictimId, input(), key(), ip)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]!.message).toContain('was withdrawn on 20 October 2026')
    expect(await prisma.referral.count()).toBe(before)
  })

  test('refused for a service the organisation does not offer, next to the service; nothing saved', async () => {
    const prisma = await db()
    const before = await prisma.referral.count()
    const result = await makeReferral(advocate, victimId, input({ serviceType: 'isva' }), key(), ip)
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'serviceType',
          message: `${receivingOrg.name} does not offer isva or chisva (independent sexual violence adviser): choose a service it offers`,
        },
      ],
    })
    expect(await prisma.referral.count()).toBe(before)
  })

  test('a restricted record cannot be referred (the service could not see it); nothing saved', async () => {
    const prisma = await db()
    await prisma.victim.update({ where: { id: noConsentVictimId }, data: { restricted: true } })
    try {
      const before = await prisma.referral.count()
      const result = await makeReferral(advocate, noConsentVictimId, input(), key(), ip)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.issues[0]).toMatchObject({ path: 'organisationId', message: expect.stringContaining('This record is restricted') })
      expect(await prisma.referral.count()).toBe(before)
    } finally {
      await prisma.victim.update({ where: { id: noConsentVictimId }, data: { restricted: false } })
    }
  })

  test('only those who may update the victim may refer', async () => {
    expect(await status(() => getReferralForm(cps, victimId))).toBe(403)
    expect(await status(() => makeReferral(cps, victimId, input(), key(), ip))).toBe(403)
    expect(await status(() => makeReferral(otherAdvocate, victimId, input(), key(), ip))).toBe(404)
    expect(await status(() => makeReferral(admin, victimId, input(), key(), ip))).toBe(404)
  })

  test('with consent: saved as sent with the consent that allowed it; audited with ids only; a double submit makes one', async () => {
    const prisma = await db()
    const k = key()
    const first = await makeReferral(advocate, victimId, input(), k, ip)
    expect(first).toMatchObject({ ok: true, duplicate: false })
    const again = await makeReferral(advocate, victimId, input(), k, ip)
    expect(again).toMatchObject({ ok: true, duplicate: true })
    if (!first.ok) return
    const row = await prisma.referral.findUniqueOrThrow({ where: { id: first.referralId } })
    const consent = await prisma.consent.findFirstOrThrow({ where: { victimId } })
    expect(row).toMatchObject({ status: 'sent', sharingBasis: 'consent', consentId: consent.id, toOrganisationId: receivingOrg.id, version: 1 })
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'referral.create', entityId: victimId } })
    expect(JSON.stringify(audit.details)).not.toContain('therapeutic')
    expect(audit.details).toMatchObject({ referralId: first.referralId, consentId: consent.id, sharingBasis: 'consent' })
    // Withdraw it again so the next tests start from one live referral.
    expect(await changeReferral(advocate, first.referralId, 'withdraw', { version: 1, reason: 'Invented: made by mistake' }, ip)).toEqual({
      ok: true,
      status: 'withdrawn',
    })
  })
})

describe('a lawful basis without consent', () => {
  test('a recorded lawful basis naming the organisation allows the referral, stored as such', async () => {
    const prisma = await db()
    const basis = await prisma.consent.create({
      data: {
        victimId: withdrawnVictimId,
        scope: 'Therapeutic support',
        sharedWith: receivingOrg.name,
        lawfulBasis: 'Public task: safeguarding a child at risk (invented)',
        recordedById: advocate.id,
        recordedAt: new Date('2026-10-25T10:00:00Z'),
      },
    })
    const made = await makeReferral(advocate, withdrawnVictimId, input(), key(), ip)
    expect(made).toMatchObject({ ok: true })
    if (!made.ok) return
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: made.referralId } })).toMatchObject({ sharingBasis: 'lawful_basis', consentId: basis.id })
  })
})

describe('the life of a referral', () => {
  let referralId: string
  let waitingBefore: { toDecide: number; toStart: number }

  beforeAll(async () => {
    const made = await makeReferral(advocate, victimId, input(), key(), ip)
    if (!made.ok) throw new Error(JSON.stringify(made.issues))
    referralId = made.referralId
  })

  test('while it waits for an answer, the receiving organisation decides from a summary in its inbox, not from the record', async () => {
    expect(await status(() => requireVictimAccess(receiver, victimId))).toBe(404)
    expect(await status(() => makeReferral(receiver, victimId, input(), key(), ip))).toBe(404)
    const view = await getReferralView(receiver, referralId, ip)
    expect(view.opensVictim).toBe(false)
    expect(view.summary).toMatchObject({ age: expect.any(Number), offences: expect.any(Array), needs: expect.any(Array), safeContact: expect.any(Array) })
    expect(view.handover).toBe(false)
    const inbox = await listReferralInbox(receiverManager)
    expect(inbox.received.map((r) => r.id)).toContain(referralId)
    expect((await listReferralInbox(advocate)).sent.map((r) => r.id)).toContain(referralId)
    expect(await status(() => listReferralInbox(officer))).toBe(403)
    // The receiving organisation's home pages count it as waiting for a decision; the referrer's do not.
    const prisma = await db()
    const sent = await prisma.referral.count({ where: { toOrganisationId: receivingOrg.id, status: 'sent' } })
    expect(sent).toBeGreaterThanOrEqual(1)
    waitingBefore = { toDecide: sent, toStart: 0 }
    expect(await referralsWaiting(receiver)).toEqual(waitingBefore)
    expect(await referralsWaiting(receiverManager)).toEqual(waitingBefore)
    expect(await referralsWaiting(advocate)).toEqual({ toDecide: 0, toStart: 0 })
    expect(await referralsWaiting(officer)).toBeNull()
    // The receiving manager's team totals are the organisation's own records, not referred victims
    // (who would otherwise show as "open victims without a lead advocate" there).
    const prisma2 = await db()
    const held = await prisma2.victim.count({ where: { status: 'open', allocations: { some: { endedAt: null, organisationId: receivingOrg.id } } } })
    expect((await teamOverview(receiverManager)).totals).toMatchObject({ openVictims: held, unallocated: 0 })
    expect((await teamOverview(referrerManager)).totals.openVictims).toBeGreaterThanOrEqual(3)
    // Another voluntary organisation sees neither the victim nor the referral.
    expect(await status(() => getReferralView(otherAdvocate, referralId, ip))).toBe(404)
  })

  test('a session on a sent referral is refused with a clear message', async () => {
    const result = await logSession(receiver, referralId, { at: new Date('2026-11-10T00:00:00Z'), kind: 'in_person', attended: true, notes: null }, key(), ip)
    expect(result).toEqual({ ok: false, issues: [{ path: 'referral', message: 'The referral must be accepted before sessions can be logged' }] })
  })

  test('illegal transitions and the wrong side are refused; nothing changes', async () => {
    expect(await changeReferral(receiver, referralId, 'activate', { version: 1 }, ip)).toEqual({
      ok: false,
      issues: [{ path: 'intent', message: 'A sent referral cannot be made active: it must be accepted first' }],
    })
    expect(await changeReferral(receiver, referralId, 'decline', { version: 1, reason: '' }, ip)).toEqual({
      ok: false,
      issues: [{ path: 'reason', message: 'Enter why the referral is being declined' }],
    })
    // The referring side cannot accept; the receiving side cannot withdraw; police cannot act.
    expect(await status(() => changeReferral(advocate, referralId, 'accept', { version: 1 }, ip))).toBe(403)
    expect(await status(() => changeReferral(receiver, referralId, 'withdraw', { version: 1, reason: 'x' }, ip))).toBe(403)
    expect(await status(() => changeReferral(officer, referralId, 'accept', { version: 1 }, ip))).toBe(403)
    const prisma = await db()
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({ status: 'sent', version: 1 })
  })

  test('accepted → the first session makes it active in the same transaction; a stale version is a conflict', async () => {
    expect(await changeReferral(receiver, referralId, 'accept', { version: 1 }, ip)).toEqual({ ok: true, status: 'accepted' })
    expect(await referralsWaiting(receiver)).toEqual({ toDecide: waitingBefore.toDecide - 1, toStart: 1 })
    // Counselling supports the child without holding the record: view only, no visits, no changes.
    const access = await requireVictimAccess(receiver, victimId)
    expect(access).toMatchObject({ referralOnly: true, canUpdate: false })
    expect(await getVictimVisits(receiver, victimId)).toBeNull()
    expect(await status(() => requireVictimAccess(receiver, victimId, 'update'))).toBe(403)
    // Someone who saw version 1 tries to decline: refused as a conflict, nothing changed.
    expect(await changeReferral(receiverManager, referralId, 'decline', { version: 1, reason: 'Invented: full' }, ip)).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'Someone else changed this referral while you were looking at it. Check its status below and try again.' }],
    })
    const k = key()
    const session = await logSession(receiver, referralId, { at: new Date(Date.now() - 60_000), kind: 'in_person', attended: true, notes: NOTES }, k, ip)
    expect(session).toMatchObject({ ok: true, activated: true, duplicate: false })
    expect(await logSession(receiver, referralId, { at: new Date(), kind: 'in_person', attended: true, notes: NOTES }, k, ip)).toMatchObject({
      ok: true,
      duplicate: true,
    })
    const prisma = await db()
    const row = await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })
    expect(row).toMatchObject({ status: 'active', version: 3 })
    expect(row.activeAt).not.toBeNull()
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'referral.session', entityId: referralId } })
    expect(JSON.stringify(audit.details)).not.toContain('sleep')
    // The referring side may not log sessions.
    expect(await status(() => logSession(advocate, referralId, { at: new Date(), kind: 'phone', attended: true, notes: null }, key(), ip))).toBe(403)
  })

  test('session notes are seen only by the receiving organisation: police, CPS and the referrer see that a session happened', async () => {
    for (const who of [receiver, receiverManager]) {
      const view = await getReferralView(who, referralId, ip)
      expect(view.seesNotes).toBe(true)
      expect(view.sessions[0]).toMatchObject({ kind: 'in_person', attended: true, notes: NOTES })
    }
    for (const who of [officer, cps, advocate, referrerManager]) {
      const view = await getReferralView(who, referralId, ip)
      expect(view.seesNotes).toBe(false)
      expect(view.sessions).toHaveLength(1)
      expect(view.sessions[0]).toMatchObject({ kind: 'in_person', attended: true, notes: null })
      expect(JSON.stringify(view)).not.toContain('sleep and school')
    }
    // Police and CPS do not see why the child was referred either; the two organisations do.
    expect((await getReferralView(officer, referralId, ip)).referral.reason).toBeNull()
    expect((await getReferralView(advocate, referralId, ip)).referral.reason).toContain('therapeutic')
    // The victim page's support list carries no notes.
    expect(JSON.stringify(await listVictimReferrals(victimId))).not.toContain('sleep')
    expect(JSON.stringify(await getVictimSupport(officer, victimId))).not.toContain('sleep')
  })

  test('the victim page lists the support with its sessions; no warning after a session today; a warning for an open case without contact', async () => {
    const support = await getVictimSupport(advocate, victimId)
    const row = support.referrals.find((r) => r.id === referralId)!
    expect(row).toMatchObject({ status: 'active', sessions: 1, organisation: receivingOrg.name, serviceLabel: 'Counselling and pre-trial therapy' })
    expect(row.lastSessionAt).not.toBeNull()
    expect(support.warning).toBeNull()
    expect(support).toMatchObject({ referralOnly: false, canRefer: true })
    expect(await getVictimSupport(receiver, victimId)).toMatchObject({ referralOnly: true, canRefer: false })
    // Another victim on the same open case, with no session or visit: warned.
    expect((await getVictimSupport(advocate, noConsentVictimId)).warning).toEqual({ days: 28, lastContactAt: null })
  })

  test('closing needs an outcome; a session on a closed referral is refused; nothing saved', async () => {
    const prisma = await db()
    expect(await changeReferral(receiver, referralId, 'close', { version: 3 }, ip)).toEqual({
      ok: false,
      issues: [{ path: 'outcome', message: 'Select the outcome of the support' }],
    })
    expect(await changeReferral(receiver, referralId, 'close', { version: 3, outcome: 'support_completed' }, ip)).toEqual({ ok: true, status: 'closed' })
    const sessions = await prisma.supportSession.count({ where: { referralId } })
    expect(await logSession(receiver, referralId, { at: new Date(), kind: 'phone', attended: true, notes: null }, key(), ip)).toEqual({
      ok: false,
      issues: [{ path: 'referral', message: 'Sessions cannot be logged on a closed referral' }],
    })
    expect(await prisma.supportSession.count({ where: { referralId } })).toBe(sessions)
    expect(await changeReferral(receiver, referralId, 'close', { version: 4, outcome: 'support_completed' }, ip)).toEqual({
      ok: false,
      issues: [{ path: 'intent', message: 'This referral has already been closed' }],
    })
    // Closed: the receiving organisation no longer sees the victim.
    expect(await status(() => requireVictimAccess(receiver, victimId))).toBe(404)
  })
})
