// The access-policy matrix: for every role and each kind of record, what is allowed and refused —
// through the real services and database. It also proves the list filters (Prisma where-clauses)
// agree with the pure policy for every (user, record) pair, so list pages can never show a record
// its own page would refuse.
import { beforeAll, describe, expect, test } from 'vitest'
import {
  canAllocateToVictim,
  canRecordContact,
  canSeeVisits,
  canViewCaseThroughVictim,
  canViewVictim,
  type Actor,
} from '~/domain/access/policy'
import type { PrismaClient } from '~/generated/prisma/client'
import {
  caseWhere,
  loadCaseFacts,
  loadVictimFacts,
  requireCaseAccess,
  requireVictimAccess,
  victimWhere,
} from '~/services/access.server'
import { listVictims } from '~/services/caseload.server'
import { getCaseForView } from '~/services/cases.server'
import { db } from '~/services/db.server'
import { getVictimForView } from '~/services/victims.server'
import { getVictimVisits } from '~/services/visits.server'
import { actor, status, type TestActor } from '#tests/setup/actors'
import { allocate, createCase, createConsent, createOrganisation, createReferral, createUser, createVictim } from '#tests/setup/world'

type OrgKind = 'police' | 'cps' | 'witness_care' | 'voluntary' | 'local_authority'
type Role = Actor['role']

let prisma: PrismaClient
const orgs: Record<string, string> = {}
const users: Record<string, TestActor> = {}
const victims: Record<string, string> = {}
const cases: Record<string, string> = {}

async function org(key: string, kind: OrgKind) {
  orgs[key] = (await createOrganisation({ name: `Test ${key}`, kind })).id
}
async function user(key: string, role: Role, orgKey: string) {
  users[key] = actor(await createUser({ email: `${key}@test.example`, name: `Test ${key}`, role, organisationId: orgs[orgKey]! }))
}
async function kase(key: string, police: string, oic: string, cps?: { cps: string; wcu: string }) {
  const c = await createCase({
    crimeReference: `TEST/${key}`,
    policeOrganisationId: orgs[police]!,
    cpsOrganisationId: cps ? orgs[cps.cps] : null,
    witnessCareOrganisationId: cps ? orgs[cps.wcu] : null,
    sentToCpsAt: cps ? new Date('2026-10-01T10:00:00Z') : null,
    stage: cps ? 'file_to_cps' : 'investigation',
  })
  cases[key] = c.id
  await allocate({ kind: 'oic', caseId: c.id, userId: users[oic]!.id })
}
async function victim(
  key: string,
  opts: { restricted?: boolean; held?: string; lead?: string; explicit?: string[]; cases: string[] },
) {
  const v = await createVictim({
    reference: `V-TEST-${key}`,
    firstName: 'Test',
    lastName: key,
    dateOfBirth: new Date('2011-03-04'),
    address: `1 Invented Row, Nowhere (${key})`,
    phone: '07700 900000',
    email: `${key}@victim.example`,
    restricted: opts.restricted ?? false,
    caseIds: opts.cases.map((c) => cases[c]!),
  })
  victims[key] = v.id
  if (opts.held) await allocate({ kind: 'service', victimId: v.id, organisationId: orgs[opts.held]! })
  for (const u of [...(opts.lead ? [opts.lead] : []), ...(opts.explicit ?? [])]) {
    await allocate({ kind: u === opts.lead ? 'lead_advocate' : 'advocate', victimId: v.id, userId: users[u]!.id })
  }
}

beforeAll(async () => {
  prisma = await db()
  for (const [k, kind] of [
    ['P1', 'police'], ['P2', 'police'], ['C1', 'cps'], ['C2', 'cps'], ['W1', 'witness_care'],
    ['V1', 'voluntary'], ['V2', 'voluntary'], ['ADM', 'local_authority'],
  ] as const) await org(k, kind)
  for (const [k, role, o] of [
    ['adv1', 'advocate', 'V1'], ['adv1b', 'advocate', 'V1'], ['adv2', 'advocate', 'V2'],
    ['off1', 'officer', 'P1'], ['off1b', 'officer', 'P1'], ['off2', 'officer', 'P2'],
    ['cps1', 'cps_liaison', 'C1'], ['wcu1', 'cps_liaison', 'W1'], ['cps2', 'cps_liaison', 'C2'],
    ['mgrV1', 'manager', 'V1'], ['mgrP1', 'manager', 'P1'], ['mgrC1', 'manager', 'C1'],
    ['admin', 'admin', 'ADM'],
  ] as const) await user(k, role, o)
  await kase('case1', 'P1', 'off1', { cps: 'C1', wcu: 'W1' })
  await kase('case2', 'P1', 'off1b')
  await kase('case3', 'P2', 'off2', { cps: 'C2', wcu: 'W1' })
  await victim('vA', { held: 'V1', lead: 'adv1', cases: ['case1'] })
  await victim('vB', { held: 'V2', lead: 'adv2', cases: ['case2'] })
  await victim('vC', { restricted: true, held: 'V1', explicit: ['mgrV1'], cases: ['case1'] })
  await victim('vD', { restricted: true, lead: 'adv1', cases: ['case3'] })
  await victim('vE', { cases: ['case3'] })
  // An ended allocation gives no access.
  await allocate({ kind: 'advocate', victimId: victims.vB!, userId: users.adv1b!.id, organisationId: orgs.V1!, endedAt: new Date('2026-01-01') })
  // Support referrals: only accepted and active ones give the receiving organisation (referral-only)
  // access, and never to a restricted victim. One waiting for an answer shows a summary, not the record.
  await referral('vA', 'V1', 'V2', 'accepted', 'adv1')
  await referral('vB', 'V2', 'V1', 'declined', 'adv2')
  await referral('vC', 'V1', 'V2', 'active', 'mgrV1')
  await referral('vE', 'V1', 'V2', 'closed', 'adv1')
  await referral('vE', 'V1', 'V2', 'sent', 'adv1')
})

async function referral(victim: string, from: string, to: string, status: string, by: string) {
  const consent = await createConsent({ victimId: victims[victim]!, scope: 'Support', sharedWith: `Test ${to}`, givenBy: 'Young person', recordedById: users[by]!.id })
  await createReferral({
    victimId: victims[victim]!,
    fromOrganisationId: orgs[from]!,
    toOrganisationId: orgs[to]!,
    reason: 'Test',
    referredById: users[by]!.id,
    consentId: consent.id,
    status,
    sentAt: new Date('2026-10-01T10:00:00Z'),
  })
}

// Expected visibility, written out by hand from the rules in docs/decisions/0003-access-policy.md.
const VICTIMS: Record<string, string[]> = {
  adv1: ['vA', 'vD'],
  adv1b: ['vA'],
  adv2: ['vB', 'vA'],
  off1: ['vA'],
  off1b: ['vB'],
  off2: ['vE'],
  cps1: ['vA'],
  wcu1: ['vA', 'vE'],
  cps2: ['vE'],
  mgrV1: ['vA', 'vC'],
  mgrP1: ['vA', 'vB'],
  mgrC1: ['vA'],
  admin: [],
}
const CASES: Record<string, string[]> = {
  adv1: ['case1', 'case3'],
  adv1b: ['case1'],
  adv2: ['case2', 'case1'],
  off1: ['case1'],
  off1b: ['case2'],
  off2: ['case3'],
  cps1: ['case1'],
  wcu1: ['case1', 'case3'],
  cps2: ['case3'],
  mgrV1: ['case1'],
  mgrP1: ['case1', 'case2'],
  mgrC1: ['case1'],
  admin: [],
}

describe('victim records', () => {
  test.each(Object.keys(VICTIMS))('%s sees exactly the victims the rules give them', async (who) => {
    const actor = users[who]!
    const allowed = new Set(VICTIMS[who])
    for (const key of Object.keys(victims)) {
      const expected = allowed.has(key) ? 200 : 404
      expect(await status(() => requireVictimAccess(actor, victims[key]!)), `${who} → ${key}`).toBe(expected)
    }
    const listed = await prisma.victim.findMany({ where: victimWhere(actor), select: { lastName: true } })
    expect(listed.map((v) => v.lastName).sort()).toEqual([...allowed].sort())
  })

  test('a victim that does not exist answers 404, like one the user may not see', async () => {
    expect(await status(() => requireVictimAccess(users.adv1!, 'no-such-victim'))).toBe(404)
  })

  test('CPS liaison never receives address, phone or email; others with access do', async () => {
    for (const who of ['cps1', 'wcu1']) {
      const view = await getVictimForView(users[who]!, victims.vA!, '127.0.0.1')
      expect(view.contact).toBeNull()
      expect(JSON.stringify(view)).not.toContain('Invented Row')
      expect(JSON.stringify(view)).not.toContain('07700')
    }
    for (const who of ['adv1', 'off1', 'mgrV1']) {
      const view = await getVictimForView(users[who]!, victims.vA!, '127.0.0.1')
      expect(view.contact?.address).toContain('Invented Row')
    }
  })

  test('who may change a victim record', async () => {
    expect(await status(() => requireVictimAccess(users.adv1!, victims.vA!, 'update'))).toBe(200)
    expect(await status(() => requireVictimAccess(users.off1!, victims.vA!, 'update'))).toBe(200)
    expect(await status(() => requireVictimAccess(users.cps1!, victims.vA!, 'update'))).toBe(403)
    expect(await status(() => requireVictimAccess(users.adv2!, victims.vA!, 'update'))).toBe(403) // referral-only
    expect(await status(() => requireVictimAccess(users.adv2!, victims.vC!, 'update'))).toBe(404)
    expect(await status(() => requireVictimAccess(users.admin!, victims.vA!, 'update'))).toBe(404)
  })

  test('referral-only access: the receiving organisation views the victim, but cannot change, allocate or see visits', async () => {
    const access = await requireVictimAccess(users.adv2!, victims.vA!)
    expect(access.referralOnly).toBe(true)
    expect(access.canUpdate).toBe(false)
    expect(canSeeVisits(users.adv2!, access.facts)).toBe(false)
    expect(canAllocateToVictim(users.adv2!, access.facts)).toBe(false)
    expect(canRecordContact(users.adv2!, access.facts)).toBe(false)
    expect(await status(() => requireVictimAccess(users.adv2!, victims.vA!, 'update'))).toBe(403)
    expect(await getVictimVisits(users.adv2!, victims.vA!)).toBeNull()
    expect(await status(() => getVictimVisits(users.adv1!, victims.vA!))).toBe(200)
    // The referring side keeps its own (direct) access.
    expect((await requireVictimAccess(users.adv1!, victims.vA!)).referralOnly).toBe(false)
    // The victims list of the receiving advocate shows the referred victim.
    const list = await listVictims(users.adv2!, {})
    expect(list.rows.map((r) => r.lastName).sort()).toEqual(['vA', 'vB'])
  })

  test('viewing a victim page is audited', async () => {
    await getVictimForView(users.adv1!, victims.vD!, '203.0.113.9')
    const row = await prisma.auditEvent.findFirst({ where: { action: 'victim.view', entityId: victims.vD! }, orderBy: { seq: 'desc' } })
    expect(row).toMatchObject({ actorId: users.adv1!.id, entityType: 'victim', ip: '203.0.113.9' })
  })
})

describe('case records', () => {
  test.each(Object.keys(CASES))('%s sees exactly the cases the rules give them', async (who) => {
    const actor = users[who]!
    const allowed = new Set(CASES[who])
    for (const key of Object.keys(cases)) {
      const expected = allowed.has(key) ? 200 : 404
      expect(await status(() => requireCaseAccess(actor, cases[key]!)), `${who} → ${key}`).toBe(expected)
    }
    const listed = await prisma.case.findMany({ where: caseWhere(actor), select: { crimeReference: true } })
    expect(listed.map((c) => c.crimeReference.replace('TEST/', '')).sort()).toEqual([...allowed].sort())
  })

  test('who may change a case', async () => {
    expect(await status(() => requireCaseAccess(users.off1!, cases.case1!, 'update'))).toBe(200)
    expect(await status(() => requireCaseAccess(users.cps1!, cases.case1!, 'update'))).toBe(200)
    expect(await status(() => requireCaseAccess(users.adv1!, cases.case1!, 'update'))).toBe(403)
    expect(await status(() => requireCaseAccess(users.mgrP1!, cases.case1!, 'update'))).toBe(403)
    expect(await status(() => requireCaseAccess(users.off1b!, cases.case1!, 'update'))).toBe(404)
  })

  test('a restricted victim on a visible case is counted, not shown', async () => {
    const view = await getCaseForView(users.off1!, cases.case1!, '127.0.0.1')
    expect(view.victims.map((v) => v.lastName)).toEqual(['vA'])
    expect(view.hiddenVictimCount).toBe(1)
  })
})

test('list filters and the pure policy agree for every user and record', async () => {
  for (const actor of Object.values(users)) {
    const visibleVictims = new Set((await prisma.victim.findMany({ where: victimWhere(actor), select: { id: true } })).map((v) => v.id))
    for (const id of Object.values(victims)) {
      expect(visibleVictims.has(id)).toBe(canViewVictim(actor, (await loadVictimFacts(id))!))
    }
    const visibleCases = new Set((await prisma.case.findMany({ where: caseWhere(actor), select: { id: true } })).map((c) => c.id))
    for (const id of Object.values(cases)) {
      const loaded = (await loadCaseFacts(id))!
      expect(visibleCases.has(id)).toBe(canViewCaseThroughVictim(actor, loaded.facts, loaded.victims))
    }
  }
})
