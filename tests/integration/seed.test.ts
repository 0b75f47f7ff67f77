// The demo data (prisma/seed.ts): seeding an empty database creates every account of the team brief
// with a working password, gives every casework role something to see under the one access policy,
// and holds the records the e2e tests rely on (restricted and Harbour-Lights-only victims).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  canViewCaseThroughVictim,
  canViewVictim,
  canViewVictimContactDetails,
  type Actor,
  type CaseFacts,
  type VictimFacts,
} from '~/domain/access/policy'
import { checkContact, ContactInputSchema } from '~/domain/contacts/contact'
import { deriveCaseStage, deriveJourney, upcomingHearings } from '~/domain/journey/derive'
import { canRecordEventType, isEventType, journeyEventInputSchema, NFA_OUTCOME_CODES } from '~/domain/journey/events'
import { detail, type JournalEvent } from '~/domain/journey/journal'
import { AWAITING_CPS_STAGES, STAGES } from '~/domain/journey/stages'
import { checkJourneyEvent } from '~/domain/journey/validate'
import { deriveEnhancedRights } from '~/domain/victims/enhanced-rights'
import type { PrismaClient } from '~/generated/prisma/client'
import { caseWhere, loadCaseFacts, loadVictimFacts, requireVictimAccess, victimWhere } from '~/services/access.server'
import { db } from '~/services/db.server'
import { recomputeAllEntitlements } from '~/services/entitlements.server'
import { verifyPassword } from '~/services/password.server'
import { parseDashboardQuery, reviewDashboard, type ReviewDashboard } from '~/services/review-dashboard.server'
import { ageOn } from '~/utils/format'
import { DEMO_PASSWORD, DEMO_REFERENCE_DATE, DEMO_REFERENCES, seedDemo, type SeedSummary } from '../../prisma/seed'
import { CASES } from '../../prisma/seed/cases'
import { status } from '#tests/setup/actors'

// Written out from docs/TEAM-BRIEF.md, not imported from the seed, so the test checks the seed.
const BRIEF_USERS = [
  ['advocate@demo.example', 'advocate', 'Brightpath Young Survivors Service'],
  ['advocate2@demo.example', 'advocate', 'Harbour Lights Therapeutic Support'],
  ['officer@demo.example', 'officer', 'Northmoor Police'],
  ['officer2@demo.example', 'officer', 'Northmoor Police'],
  ['cps@demo.example', 'cps_liaison', 'CPS Northmoor and Dale'],
  ['witnesscare@demo.example', 'cps_liaison', 'Northmoor Witness Care Unit'],
  ['manager@demo.example', 'manager', 'Brightpath Young Survivors Service'],
  ['police.manager@demo.example', 'manager', 'Northmoor Police'],
  ['admin@demo.example', 'admin', 'Waypoint Administration'],
  ['twofactor@demo.example', 'advocate', 'Brightpath Young Survivors Service'],
  ['reset@demo.example', 'officer', 'Northmoor Police'],
  ['deactivate-me@demo.example', 'advocate', 'Harbour Lights Therapeutic Support'],
] as const

const STAGE_IDS: string[] = STAGES.map((s) => s.id)

let prisma: PrismaClient
let summary: SeedSummary
let seedMs: number
const actors: Record<string, Actor & { email: string }> = {}
const victimFacts = new Map<string, VictimFacts>() // by reference
const caseFacts = new Map<string, { facts: CaseFacts; victims: VictimFacts[] }>() // by crime reference

const actor = (email: string) => actors[email]!
const victimsSeenBy = (a: Actor) => [...victimFacts].filter(([, v]) => canViewVictim(a, v)).map(([ref]) => ref)
const casesSeenBy = (a: Actor) =>
  [...caseFacts].filter(([, c]) => canViewCaseThroughVictim(a, c.facts, c.victims)).map(([ref]) => ref)

beforeAll(async () => {
  prisma = await db()
  expect(await prisma.organisation.count()).toBe(0)
  const started = performance.now()
  summary = await seedDemo(prisma)
  seedMs = performance.now() - started

  for (const u of await prisma.user.findMany({ select: { id: true, email: true, role: true, organisationId: true } })) {
    actors[u.email] = u
  }
  for (const v of await prisma.victim.findMany({ select: { id: true, reference: true } })) {
    victimFacts.set(v.reference, (await loadVictimFacts(v.id))!)
  }
  for (const c of await prisma.case.findMany({ select: { id: true, crimeReference: true } })) {
    caseFacts.set(c.crimeReference, (await loadCaseFacts(c.id))!)
  }
})

describe('accounts and organisations', () => {
  test('seeding is fast (one password hash, batched inserts)', () => {
    // K1–K12 with their 16 victims, and the 40 finalised or closed cases of the history (one victim each).
    expect(summary).toMatchObject({ users: BRIEF_USERS.length, victims: 56, cases: 52 })
    // About 4 s alone on the 2-core CI machine (measured); other test files run alongside it.
    expect(seedMs).toBeLessThan(10_000)
  })

  test('creates exactly the users of the team brief, each with the demo password', async () => {
    const users = await prisma.user.findMany({ include: { organisation: true, password: true } })
    expect(users.map((u) => u.email).sort()).toEqual(BRIEF_USERS.map(([email]) => email).sort())
    for (const [email, role, organisation] of BRIEF_USERS) {
      const u = users.find((x) => x.email === email)!
      expect({ role: u.role, organisation: u.organisation.name, active: u.active }, email).toEqual({ role, organisation, active: true })
      expect(u.name.trim().length, email).toBeGreaterThan(3)
      expect(u.totpSecret, email).toBeNull()
      expect(await verifyPassword(u.password!.hash, DEMO_PASSWORD), email).toBe(true)
      expect(await verifyPassword(u.password!.hash, 'not-the-password'), email).toBe(false)
    }
  })

  test('has the organisations the foundation issue asks for, none requiring 2FA', async () => {
    const orgs = await prisma.organisation.findMany()
    const kinds = orgs.map((o) => o.kind)
    for (const kind of ['police', 'cps', 'witness_care', 'local_authority'] as const) expect(kinds).toContain(kind)
    expect(kinds.filter((k) => k === 'voluntary').length).toBeGreaterThanOrEqual(2)
    expect(orgs.every((o) => !o.requireTwoFactor)).toBe(true)
    expect(orgs.every((o) => o.inboxEmail)).toBe(true)
  })

  test('every email address is on an .example domain', async () => {
    const emails = [
      ...(await prisma.user.findMany({ select: { email: true } })).map((u) => u.email),
      ...(await prisma.organisation.findMany({ select: { inboxEmail: true } })).map((o) => o.inboxEmail),
      ...(await prisma.victim.findMany({ select: { email: true } })).map((v) => v.email).filter(Boolean),
    ]
    expect(emails.length).toBeGreaterThan(20)
    for (const email of emails) expect(email).toMatch(/^[^@\s]+@[^@\s]+\.example$/)
  })
})

describe('victims and cases', () => {
  test('children and young people aged 12 to 19 on the reference date, with synthetic references', async () => {
    const victims = await prisma.victim.findMany()
    for (const v of victims) {
      const age = ageOn(v.dateOfBirth, DEMO_REFERENCE_DATE)
      expect(age, v.reference).toBeGreaterThanOrEqual(12)
      expect(age, v.reference).toBeLessThanOrEqual(19)
      expect(v.reference).toMatch(/^V-20\d\d-\d{4}$/)
      if (v.phone) expect(v.phone).toMatch(/^07700 900\d{3}$/) // Ofcom's drama range
      expect(v.createdAt.getTime()).toBeLessThanOrEqual(DEMO_REFERENCE_DATE.getTime())
    }
    // Hollie, and the 40 young people of the history, whose support has ended.
    expect(victims.filter((v) => v.status === 'closed' && v.closedAt)).toHaveLength(41)
    expect(victims.filter((v) => v.restricted).length).toBeGreaterThanOrEqual(2)
  })

  test('cases use the §4.4 stages, have CPS URNs exactly when sent to CPS, and some have several victims', async () => {
    const cases = await prisma.case.findMany({ include: { _count: { select: { victims: true } } } })
    for (const c of cases) {
      expect(STAGE_IDS, c.crimeReference).toContain(c.stage)
      expect(c.crimeReference).toMatch(/^NM\/2\d\/\d{6}$/)
      expect(c.cpsUrn !== null, c.crimeReference).toBe(c.sentToCpsAt !== null)
      expect(c.cpsOrganisationId !== null, c.crimeReference).toBe(c.sentToCpsAt !== null)
      if (c.witnessCareOrganisationId) expect(c.sentToCpsAt).not.toBeNull()
    }
    expect(new Set(cases.map((c) => c.stage)).size).toBeGreaterThanOrEqual(9)
    expect(cases.filter((c) => c._count.victims >= 2).length).toBeGreaterThanOrEqual(2)
    const onTwo = await prisma.victim.findUniqueOrThrow({
      where: { reference: DEMO_REFERENCES.victimOnTwoCases },
      include: { _count: { select: { cases: true } } },
    })
    expect(onTwo._count.cases).toBe(2)
    const awaiting = cases.find((c) => c.crimeReference === DEMO_REFERENCES.caseAwaitingCps)!
    expect(AWAITING_CPS_STAGES).toContain(awaiting.stage)
    expect(awaiting.sentToCpsAt).not.toBeNull()
  })

  test('caseloads: advocate@ leads six victims, Brightpath holds about nine, officer@ is OIC on six cases', async () => {
    const active = { endedAt: null }
    const count = (where: object) => prisma.allocation.count({ where: { ...active, ...where } })
    const brightpath = await prisma.organisation.findUniqueOrThrow({ where: { name: 'Brightpath Young Survivors Service' } })
    const harbour = await prisma.organisation.findUniqueOrThrow({ where: { name: 'Harbour Lights Therapeutic Support' } })
    expect(await count({ kind: 'lead_advocate', userId: actor('advocate@demo.example').id })).toBe(6)
    expect(await count({ kind: 'lead_advocate', userId: actor('advocate2@demo.example').id })).toBe(4)
    expect(await count({ kind: 'service', userId: null, organisationId: brightpath.id })).toBeGreaterThanOrEqual(8)
    expect(await count({ kind: 'service', userId: null, organisationId: harbour.id })).toBeGreaterThanOrEqual(4)
    expect(await count({ kind: 'oic', caseId: { not: null }, userId: actor('officer@demo.example').id })).toBe(6)
    expect(await count({ kind: 'oic', caseId: { not: null }, userId: actor('officer2@demo.example').id })).toBeGreaterThanOrEqual(4)
    expect(await count({ kind: 'cps_liaison', userId: actor('cps@demo.example').id })).toBeGreaterThanOrEqual(2)
    // Some history: ended allocations exist and give no access (checked through the policy below).
    expect(await prisma.allocation.count({ where: { endedAt: { not: null } } })).toBeGreaterThanOrEqual(2)
  })
})

describe('what each role sees under the access policy', () => {
  test('every casework role has records to see; the administrator sees none', () => {
    for (const [email, role] of BRIEF_USERS) {
      const a = actor(email)
      const victims = victimsSeenBy(a)
      const cases = casesSeenBy(a)
      if (role === 'admin') {
        expect([victims, cases], email).toEqual([[], []])
        continue
      }
      // The e2e-only accounts may be changed by tests; they need no caseload of their own.
      if (['reset@demo.example', 'deactivate-me@demo.example'].includes(email)) continue
      expect(victims.length, `${email} victims`).toBeGreaterThan(0)
      expect(cases.length, `${email} cases`).toBeGreaterThan(0)
    }
  })

  test('CPS liaison and witness care reach only cases sent to CPS, without contact details', () => {
    for (const email of ['cps@demo.example', 'witnesscare@demo.example']) {
      const cases = casesSeenBy(actor(email))
      expect(cases.length, email).toBeGreaterThanOrEqual(4)
      for (const ref of cases) expect(caseFacts.get(ref)!.facts.sentToCps, `${email} ${ref}`).toBe(true)
      expect(cases).not.toContain(DEMO_REFERENCES.caseNotSentToCps)
      for (const ref of victimsSeenBy(actor(email))) {
        expect(canViewVictimContactDetails(actor(email), victimFacts.get(ref)!)).toBe(false)
      }
    }
    expect(casesSeenBy(actor('cps@demo.example'))).toContain(DEMO_REFERENCES.caseAwaitingCps)
  })

  test('the restricted victim allocated to manager@ is hidden from advocate@ and other Brightpath staff', async () => {
    const ref = DEMO_REFERENCES.restrictedForManager
    expect(victimFacts.get(ref)!.restricted).toBe(true)
    expect(victimsSeenBy(actor('manager@demo.example'))).toContain(ref)
    for (const email of ['advocate@demo.example', 'twofactor@demo.example', 'police.manager@demo.example', 'cps@demo.example']) {
      expect(victimsSeenBy(actor(email)), email).not.toContain(ref)
    }
    const id = victimFacts.get(ref)!.id
    expect(await status(() => requireVictimAccess(actor('advocate@demo.example'), id))).toBe(404)
    expect(await status(() => requireVictimAccess(actor('manager@demo.example'), id))).toBe(200)
  })

  test('the restricted victim allocated to advocate@ is hidden from other Brightpath staff', () => {
    const ref = DEMO_REFERENCES.restrictedForAdvocate
    expect(victimFacts.get(ref)!.restricted).toBe(true)
    expect(victimsSeenBy(actor('advocate@demo.example'))).toContain(ref)
    for (const email of ['manager@demo.example', 'twofactor@demo.example', 'police.manager@demo.example']) {
      expect(victimsSeenBy(actor(email)), email).not.toContain(ref)
    }
  })

  test('the Harbour-Lights-only victim answers 404 to advocate@ and is seen by advocate2@', async () => {
    const ref = DEMO_REFERENCES.harbourOnlyVictim
    const id = victimFacts.get(ref)!.id
    expect(victimsSeenBy(actor('advocate@demo.example'))).not.toContain(ref)
    expect(victimsSeenBy(actor('manager@demo.example'))).not.toContain(ref)
    expect(victimsSeenBy(actor('advocate2@demo.example'))).toContain(ref)
    expect(await status(() => requireVictimAccess(actor('advocate@demo.example'), id))).toBe(404)
    expect(await status(() => requireVictimAccess(actor('advocate2@demo.example'), id))).toBe(200)
  })

  test('advocates see their service’s victims; ended allocations give no access', () => {
    const seen = victimsSeenBy(actor('advocate@demo.example'))
    expect(seen.length).toBeGreaterThanOrEqual(9)
    expect(seen).toContain(DEMO_REFERENCES.closedVictim)
    // advocate2@ once led this victim at Harbour Lights; the allocation has ended.
    expect(victimsSeenBy(actor('advocate2@demo.example'))).not.toContain(DEMO_REFERENCES.victimOnTwoCases)
    // A victim who declined advocacy support is seen only through her case.
    expect(seen).not.toContain(DEMO_REFERENCES.victimWithoutSupportService)
    expect(victimsSeenBy(actor('officer@demo.example'))).toContain(DEMO_REFERENCES.victimWithoutSupportService)
  })

  test('list filters agree with the pure policy on the demo data', async () => {
    for (const [email] of BRIEF_USERS) {
      const a = actor(email)
      const listedVictims = await prisma.victim.findMany({ where: victimWhere(a), select: { reference: true } })
      expect(listedVictims.map((v) => v.reference).sort(), email).toEqual(victimsSeenBy(a).sort())
      const listedCases = await prisma.case.findMany({ where: caseWhere(a), select: { crimeReference: true } })
      expect(listedCases.map((c) => c.crimeReference).sort(), email).toEqual(casesSeenBy(a).sort())
    }
  })
})

// ---- Journeys: offences, suspects, journal events and contacts ----------------------------------

/** Stored details come back from JSON: turn ISO date strings back into Dates, as the form would give. */
function revive(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) return new Date(value)
  if (Array.isArray(value)) return value.map(revive)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]))
  return value
}

const loadJournals = async () => {
  const cases = await prisma.case.findMany({
    include: {
      events: { include: { recordedBy: { select: { role: true } } } },
      defendants: { select: { id: true, label: true } },
      victims: { select: { victimId: true } },
      offences: true,
    },
  })
  return cases
}

describe('demo journeys', () => {
  test('seeding creates offences, suspects, journal events and contacts', async () => {
    expect(summary.events).toBeGreaterThanOrEqual(100)
    expect(summary.offences).toBeGreaterThanOrEqual(12)
    expect(summary.contacts).toBeGreaterThanOrEqual(20)
    expect(await prisma.journeyEvent.count()).toBe(summary.events)
    expect(await prisma.offence.count()).toBe(summary.offences)
    expect(await prisma.contact.count()).toBe(summary.contacts)
    expect(await prisma.defendant.count()).toBe(summary.suspects)
    for (const c of await loadJournals()) {
      expect(c.events.length, c.crimeReference).toBeGreaterThan(0)
      expect(c.offences.length, c.crimeReference).toBeGreaterThan(0)
      c.defendants.forEach((d) => expect(d.label).toMatch(/^Suspect [A-Z]$/))
    }
  })

  test('every event passes its schema and the journal checks, recorded by a role that owns the step', async () => {
    for (const c of await loadJournals()) {
      const journal = [...c.events].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
      for (const [i, e] of journal.entries()) {
        const where = `${c.crimeReference} ${e.type}`
        expect(isEventType(e.type), where).toBe(true)
        if (!isEventType(e.type)) continue
        const raw = {
          type: e.type,
          occurredAt: e.occurredAt,
          receivedAt: e.receivedAt ?? undefined,
          defendantId: e.defendantId ?? undefined,
          victimId: e.victimId ?? undefined,
          details: revive(e.details),
          supersedesId: e.supersedesId ?? undefined,
          correctionReason: e.correctionReason ?? undefined,
        }
        const parsed = journeyEventInputSchema(e.type).safeParse(raw)
        expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true)
        expect(canRecordEventType(e.recordedBy.role, e.type), `${where} by ${e.recordedBy.role}`).toBe(true)
        expect(e.occurredAt.getTime(), where).toBeLessThanOrEqual(Date.now())
        expect(e.idempotencyKey, where).toMatch(/^demo-seed:/)
        const issues = checkJourneyEvent(parsed.data as never, {
          now: new Date(),
          defendantIds: c.defendants.map((d) => d.id),
          victimIds: c.victims.map((v) => v.victimId),
          journal: journal.slice(0, i) as JournalEvent[],
        })
        expect(issues, where).toEqual([])
      }
    }
  })

  test('every case’s stored stage is the stage its journal derives, and sentToCpsAt is when the file went', async () => {
    const stages: string[] = []
    for (const c of await loadJournals()) {
      const derived = deriveCaseStage(c.events, { now: new Date(), defendantIds: c.defendants.map((d) => d.id) })
      expect(c.stage, c.crimeReference).toBe(derived)
      stages.push(c.stage)
      const filed = c.events.filter((e) => e.type === 'file_to_cps' && !e.supersedesId)
      expect(c.sentToCpsAt?.getTime() ?? null, c.crimeReference).toBe(filed.at(-1)?.occurredAt.getTime() ?? null)
    }
    // The spread the demo shows (K9's appeal window closes on 4 December 2026, so it is not required).
    for (const stage of ['reported', 'investigation', 'suspect_released', 'charging_decision', 'ptph', 's28_recording', 'trial', 'post_sentence', 'nfa']) {
      expect(stages, stage).toContain(stage)
    }
    expect(stages.filter((s) => s === 'charging_decision')).toHaveLength(1)
  })

  test('the journeys include ABE interviews, bail ending in the future, special measures, a conviction and sentence', async () => {
    const events = await prisma.journeyEvent.findMany()
    const types = new Set(events.map((e) => e.type))
    for (const type of ['abe_interview', 'suspect_arrested', 'suspect_bailed', 'file_to_cps', 'suspect_charged', 'hearing_listed', 'special_measures_applied', 'special_measures_decision', 'case_outcome', 'sentenced', 'suspect_released_nfa', 'not_guilty_plea', 'guilty_plea']) {
      expect(types, type).toContain(type)
    }
    const futureBail = events.some((e) => {
      const bail = revive(e.details) as { bailEndDate?: Date; newBailEndDate?: Date }
      const d = bail.newBailEndDate ?? bail.bailEndDate
      return d instanceof Date && d.getTime() > Date.now()
    })
    expect(futureBail).toBe(true)
  })

  test('hearings are coming up, one within seven days; corrected listings do not count', async () => {
    const events = await prisma.journeyEvent.findMany()
    const upcoming = upcomingHearings(events, new Date())
    expect(upcoming.length).toBeGreaterThanOrEqual(3)
    const week = Date.now() + 7 * 24 * 60 * 60 * 1000
    expect(upcoming.some((h) => h.hearingAt.getTime() <= week)).toBe(true)
    const superseded = new Set(events.map((e) => e.supersedesId).filter(Boolean))
    expect(upcoming.some((h) => superseded.has(h.eventId))).toBe(false)
  })

  test('there are corrections: a superseded event and a later one with a reason', async () => {
    const corrections = await prisma.journeyEvent.findMany({ where: { supersedesId: { not: null } }, include: { supersedes: true } })
    expect(corrections.length).toBeGreaterThanOrEqual(1)
    for (const c of corrections) {
      expect(c.correctionReason?.length).toBeGreaterThan(10)
      expect(c.type).toBe(c.supersedes!.type)
      expect(c.recordedAt.getTime()).toBeGreaterThan(c.supersedes!.recordedAt.getTime())
    }
    const trialCase = await prisma.case.findUniqueOrThrow({ where: { crimeReference: DEMO_REFERENCES.caseTrialThisWeek } })
    expect(corrections.some((c) => c.caseId === trialCase.id)).toBe(true)
  })

  test('a case with two suspects on different paths: one charged, one released with no further action', async () => {
    const c = (await loadJournals()).find((x) => x.crimeReference === DEMO_REFERENCES.caseTrialThisWeek)!
    const journey = deriveJourney(c.events, { now: new Date(), defendantIds: c.defendants.map((d) => d.id) })
    expect(journey.defendants.map((d) => d.stage).sort()).toEqual(['nfa', 'trial'])
    const nfa = c.events.find((e) => e.type === 'suspect_released_nfa')!
    expect(NFA_OUTCOME_CODES).toContain(detail(nfa, 'homeOfficeOutcomeCode'))
    expect(c.events.some((e) => e.type === 'suspect_charged' && e.defendantId !== nfa.defendantId)).toBe(true)
    const four = (await loadJournals()).find((x) => x.crimeReference === DEMO_REFERENCES.caseWithFourDefendants)!
    expect(four.defendants).toHaveLength(4)
    expect(four.stage).toBe('ptph')
  })

  test('offences give every victim on a case enhanced rights (under 18 at the offence; sexual offence)', async () => {
    const victims = await prisma.victim.findMany({ include: { cases: { include: { case: { include: { offences: true } } } } } })
    for (const v of victims.filter((x) => x.cases.length > 0)) {
      const offences = v.cases.flatMap((vc) => vc.case.offences.filter((o) => o.victimId === null || o.victimId === v.id))
      expect(offences.length, v.reference).toBeGreaterThan(0)
      const rights = deriveEnhancedRights({ dateOfBirth: v.dateOfBirth, offences, manualGrounds: v.manualEnhancedGrounds })
      expect(rights.eligible, v.reference).toBe(true)
      expect(rights.grounds.map((g) => g.id), v.reference).toEqual(expect.arrayContaining(['under_18_at_offence', 'most_serious_crime:sexual_offence']))
    }
  })

  test('contacts record what each victim was told, by casework staff, about events on their cases', async () => {
    const contacts = await prisma.contact.findMany({
      include: { by: { select: { role: true } }, events: { include: { event: { include: { case: { include: { victims: true } } } } } } },
    })
    const told = new Set(contacts.map((c) => c.victimId))
    const onCases = await prisma.victimCase.findMany({ select: { victimId: true } })
    expect(told.size).toBe(new Set(onCases.map((v) => v.victimId)).size)
    for (const c of contacts) {
      expect(['officer', 'advocate', 'cps_liaison']).toContain(c.by.role)
      const parsed = ContactInputSchema.parse({ ...c, eventIds: c.events.map((e) => e.eventId) })
      expect(checkContact(parsed, { now: new Date(), eventIdsOnVictimsCases: new Set(parsed.eventIds) })).toEqual([])
      expect(c.events.length).toBeGreaterThan(0)
      for (const { event } of c.events) {
        expect(event.case.victims.map((v) => v.victimId)).toContain(c.victimId)
        expect([null, c.victimId]).toContain(event.victimId)
      }
    }
  })
})

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Everything the dashboard withholds or leaves empty, by name. */
function notShown(d: ReviewDashboard): string[] {
  const missing: string[] = []
  for (const s of d.funnel) if (s.count === null) missing.push(`funnel: ${s.id}`)
  for (const r of [...d.outcomes.rows, ...d.defendantOutcomes.rows]) if (r.count === null) missing.push(`outcome: ${r.label}`)
  if (d.outcomes.total === null || d.defendantOutcomes.total === null) missing.push('outcome totals')
  if (d.factorsWithheld || d.prosecuted === null) missing.push('factors')
  for (const f of d.factors) for (const side of ['with', 'without'] as const) if (f[side].n === null) missing.push(`factor: ${f.id} ${side}`)
  for (const t of d.distributions) if (t.summary === null) missing.push(`times: ${t.key}`)
  d.trend.quarters.forEach((q, i) => {
    if (d.trend.reported[i] === null) missing.push(`reported in ${q.id}`)
    if (d.trend.finalised[i] === null) missing.push(`finalised in ${q.id}`)
  })
  if (d.lessons.length === 0) missing.push('lessons')
  return missing
}

describe('the demo region’s history on the case review dashboard', () => {
  // On the reference date and four weeks later (the demo runs on the real clock), default period and threshold.
  test.each([
    ['cps@demo.example', 0],
    ['manager@demo.example', 0],
    ['cps@demo.example', 28],
    ['manager@demo.example', 28],
  ])('%s sees every chart and table with nothing withheld, %i days after the reference date', async (email, days) => {
    const now = new Date(DEMO_REFERENCE_DATE.getTime() + days * 86_400_000)
    const dashboard = await reviewDashboard(actor(email), parseDashboardQuery(new URLSearchParams(), now), { ip: '127.0.0.1', now })
    expect(notShown(dashboard)).toEqual([])
    expect(dashboard.outcomes.total).toBeGreaterThanOrEqual(25)
  })

  test('history cases are closed, finalised (except those with no suspect) and invented like the rest', async () => {
    const history = await prisma.case.findMany({ where: { crimeReference: { notIn: Object.values(CASES).map((c) => c.crimeReference) } }, include: { review: true } })
    expect(history).toHaveLength(40)
    for (const c of history) {
      expect(c.crimeReference).toMatch(/^NM\/\d\d\/\d{6}$/)
      expect(c.status, c.crimeReference).toBe('closed')
    }
    expect(history.filter((c) => c.review).length).toBe(35)
    expect(new Set(history.map((c) => c.crimeReference)).size).toBe(40)
  })
})

// `npm run seed` as a command, on its own embedded database (never the test database or ./data).
describe('demo entitlements', () => {
  test('every case has Victims’ Code entitlements, some met, some met late, some still open', async () => {
    expect(summary.entitlements).toBeGreaterThan(50)
    const byStatus = await prisma.entitlement.groupBy({ by: ['status'], _count: true })
    expect(new Set(byStatus.map((s) => s.status))).toEqual(new Set(['open', 'met', 'met_late']))
    const casesWith = await prisma.entitlement.findMany({ distinct: ['caseId'], select: { caseId: true } })
    expect(casesWith.length).toBe(summary.cases)
  })

  test('the seeded rows are exactly what recomputing from the records gives (nothing changes)', async () => {
    const before = await prisma.entitlement.findMany({ orderBy: { id: 'asc' } })
    await recomputeAllEntitlements()
    expect(await prisma.entitlement.findMany({ orderBy: { id: 'asc' } })).toEqual(before)
  })
})

test('npm run seed seeds an empty embedded database once, then leaves it alone', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'waypoint-seed-cli-'))
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' }
    delete env.DATABASE_URL
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 })
    const first = run()
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toMatch(/Seeded demo data .* in \d+ ms/)
    expect(first.stdout).toContain('56 victims, 52 cases')
    expect(first.stdout).toMatch(/\d+ offences, \d+ suspects, \d+ journey events, \d+ contacts, \d+ entitlements/)
    expect(first.stdout).toContain(`Demo password: ${DEMO_PASSWORD}`)
    const second = run()
    expect(second.status, second.stderr).toBe(0)
    expect(second.stdout).toContain('nothing seeded')
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 90_000)
