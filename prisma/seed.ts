// Demo data: invented organisations, staff, victims and cases. Every name, place and reference
// here is synthetic — never put a real person, place of a real case or real crime reference here.
// Places (Northmoor, Dalebridge, Keldholme, Fellgate, Ashby Marsh), the force code "NM", the CPS
// force number "99" and the postcode areas NM/DB are made up; phone numbers are in Ofcom's range
// reserved for drama (07700 900000–900999); every email address is on an .example domain.
//
// Its own entry point, never part of the server: `npm run seed` against DATABASE_URL / DATA_DIR
// while no server has that database open (PGlite allows one process per data directory); `npm run
// demo` and the end-to-end and load tests run it before starting the server. It seeds only a
// database with no organisations. Tests call seedDemo directly.
//
// Dates: everything that has happened is fixed on or before DEMO_REFERENCE_DATE (Monday 23 November
// 2026), so ages (12–19) read plausibly and tests can rely on the data. What is still to come in the
// journeys (hearings, the end of bail) is computed from the clock when the seed runs, because the
// demo runs on the real clock: see prisma/seed/journeys.ts. Each case's stage is derived from its
// journal at seed time (deriveCaseStage), exactly as the journal service stores it.
//
// People (prisma/seed/people.ts) and cases (prisma/seed/cases.ts) are kept apart from this entry
// point so that no seed module imports it. Journeys (prisma/seed/journeys.ts): offences,
// pseudonymous suspects (Suspect A, B…), journal events and victim contacts for every case. Each
// event is validated at seed time with its type's schema and checkJourneyEvent, and is recorded by
// a user whose role owns that step (prisma/seed/record-journeys.ts).
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { DEMO_PASSWORD } from '../app/domain/access/demo-accounts'
import { formatLondonDate } from '../app/domain/journey/derive'
import type { Prisma, PrismaClient } from '../app/generated/prisma/client'
import { hashPassword } from '../app/services/password.server'
import { CASES, type CaseKey, type CaseSeed } from './seed/cases'
import { byKey, DEMO_REFERENCE_DATE, on } from './seed/context'
import { caseJourneys, futureDates, type FutureDates } from './seed/journeys'
import { seedHistory } from './seed/history'
import { seedIntelligence } from './seed/intelligence'
import { seedMissingEpisodes } from './seed/missing'
import { seedNotificationPreferences } from './seed/notifications'
import { ORGANISATIONS, USERS, VICTIMS, type OrgKey, type UserKey, type VictimKey, type VictimSeed } from './seed/people'
import { seedJourneys } from './seed/record-journeys'
import { K12_FINDINGS, seedReviews } from './seed/reviews'
import { seedSupport } from './seed/support'

export { DEMO_PASSWORD, DEMO_REFERENCE_DATE }
export { DEMO_VICTIMS, type UserKey, type VictimKey } from './seed/people'
export type { CaseKey } from './seed/cases'

/** Records tests and demos can find by reference (victim reference or crime reference). */
export const DEMO_REFERENCES = {
  /** Held by Harbour Lights only: advocate@ (Brightpath) must get a 404 for it. */
  harbourOnlyVictim: 'V-2026-0049',
  /** Restricted, held by Brightpath, explicitly allocated only to manager@ (and the OIC). */
  restrictedForManager: 'V-2026-0109',
  /** Restricted, explicitly allocated to advocate@ (and the OIC); other Brightpath staff cannot see it. */
  restrictedForAdvocate: 'V-2025-0371',
  /** Closed victim record (support ended), still held by Brightpath. */
  closedVictim: 'V-2024-0318',
  /** On two cases; moved from Harbour Lights to Brightpath (ended allocations), no lead advocate yet. */
  victimOnTwoCases: 'V-2025-0256',
  /** Referred to Harbour Lights by school, not reported to police: no case. */
  victimWithoutCase: 'V-2026-0156',
  /** Declined advocacy support: no service holds her; seen only through her case. */
  victimWithoutSupportService: 'V-2026-0034',
  /** File with CPS awaiting a charging decision (stage charging_decision). */
  caseAwaitingCps: 'NM/26/000771',
  /** Newly reported, not sent to CPS: CPS liaison and witness care must not see it. */
  caseNotSentToCps: 'NM/26/004517',
  /** Case with two victims held by two different services (Brightpath and Harbour Lights). */
  caseWithVictimsOfTwoServices: 'NM/26/003754',
  /**
   * Trial within the next seven days (by the clock when seeded); two suspects on different paths
   * (Suspect A charged, Suspect B released with no further action, outcome 15); the trial listing
   * was corrected (a superseded event); special measures granted.
   */
  caseTrialThisWeek: 'NM/25/002318',
  /** Four defendants: three awaiting trial, the fourth's PTPH still to come (stage ptph). */
  caseWithFourDefendants: 'NM/25/004206',
} as const

// ---- Allocations ------------------------------------------------------------------------------
// A victim is held by a service (organisation-level `service` allocation, no user) and usually has
// a lead advocate; a case has its OIC and, once with CPS, a CPS liaison and witness care officer.
// A restricted victim is visible only to users allocated to the victim itself, so the OIC of a
// restricted victim's case is also allocated to the victim.

type Kind = 'lead_advocate' | 'advocate' | 'service' | 'oic' | 'cps_liaison' | 'witness_care'
type AllocationSeed = { kind: Kind; from: Date; to?: Date } & ({ victim: VictimKey } | { case: CaseKey }) &
  ({ user: UserKey } | { org: OrgKey })

const service = (victim: VictimKey, org: OrgKey, from: Date, to?: Date): AllocationSeed => ({ kind: 'service', victim, org, from, to })
const lead = (victim: VictimKey, user: UserKey, from: Date, to?: Date): AllocationSeed => ({ kind: 'lead_advocate', victim, user, from, to })
const onCase = (kind: Kind, c: CaseKey, user: UserKey, from: Date, to?: Date): AllocationSeed => ({ kind, case: c, user, from, to })

const ALLOCATIONS: AllocationSeed[] = [
  // Brightpath: advocate@ leads six (one restricted); manager@ holds one restricted record herself.
  service('kayla', 'brightpath', on('2026-11-23', 9, 15)),
  lead('kayla', 'advocate', on('2026-11-23', 9, 15)),
  service('amira', 'brightpath', on('2026-09-29', 10)),
  lead('amira', 'advocate', on('2026-09-30', 9)),
  service('leah', 'brightpath', on('2026-07-16', 11)),
  lead('leah', 'advocate', on('2026-07-17', 9, 30)),
  service('isla', 'brightpath', on('2026-07-21', 9)),
  lead('isla', 'manager', on('2026-07-21', 9)),
  { kind: 'oic', victim: 'isla', user: 'officer', from: on('2026-07-20', 16, 15) },
  service('zainab', 'brightpath', on('2026-02-26', 14)),
  lead('zainab', 'advocate', on('2026-03-02', 10)),
  service('ruby', 'brightpath', on('2025-10-09', 9)),
  lead('ruby', 'advocate', on('2025-10-13', 11)),
  service('maya', 'brightpath', on('2025-08-21', 10)),
  lead('maya', 'advocate', on('2025-08-22', 9, 40)),
  { kind: 'oic', victim: 'maya', user: 'officer2', from: on('2025-08-19', 15) },
  service('ellie', 'brightpath', on('2026-01-22', 12)),
  // Chloe moved from Harbour Lights' area to Brightpath's; her new lead advocate is not yet named.
  service('chloe', 'harbour', on('2025-06-05', 10), on('2026-05-29', 17)),
  lead('chloe', 'advocate2', on('2025-06-09', 10), on('2026-05-29', 17)),
  service('chloe', 'brightpath', on('2026-06-01', 9)),
  // Hollie's record is closed: the service keeps holding it, her advocate's allocation ended.
  service('hollie', 'brightpath', on('2024-05-16', 10)),
  lead('hollie', 'advocate', on('2024-05-20', 10), on('2026-09-24', 16)),

  // Harbour Lights: advocate2@ leads four; Dylan awaits allocation.
  service('tiana', 'harbour', on('2026-09-30', 12)),
  lead('tiana', 'advocate2', on('2026-10-01', 10)),
  service('sofia', 'harbour', on('2026-03-20', 10)),
  lead('sofia', 'advocate2', on('2026-03-23', 9)),
  service('kieran', 'harbour', on('2025-03-24', 11)),
  lead('kieran', 'advocate2', on('2025-03-25', 10)),
  service('alex', 'harbour', on('2024-08-22', 10)),
  lead('alex', 'advocate2', on('2024-08-27', 10)),
  service('dylan', 'harbour', on('2026-11-19', 11, 5)),

  // Officers in charge: officer@ on six cases, officer2@ on six (K6 was handed over between them).
  onCase('oic', 'k1', 'officer', on('2026-11-20', 14, 10)),
  onCase('oic', 'k2', 'officer', on('2026-09-25', 22, 35)),
  onCase('oic', 'k3', 'officer', on('2026-07-14', 18, 20)),
  onCase('oic', 'k5', 'officer', on('2026-02-23', 16)),
  onCase('oic', 'k6', 'officer2', on('2025-10-06', 13, 15), on('2026-02-02', 9)),
  onCase('oic', 'k6', 'officer', on('2026-02-02', 9)),
  onCase('oic', 'k8', 'officer', on('2025-06-02', 11, 25)),
  onCase('oic', 'k4', 'officer2', on('2026-03-16', 9, 45)),
  onCase('oic', 'k7', 'officer2', on('2025-08-18', 17, 40)),
  onCase('oic', 'k9', 'officer2', on('2025-03-20', 19, 5)),
  onCase('oic', 'k10', 'officer2', on('2024-08-19', 15, 50)),
  onCase('oic', 'k11', 'officer2', on('2026-01-19', 20, 40)),
  onCase('oic', 'k12', 'officer2', on('2024-05-13', 12, 30)),

  // CPS liaison named on a few cases; the CPS area and witness care unit reach the rest through
  // the case's cpsOrganisationId / witnessCareOrganisationId.
  onCase('cps_liaison', 'k5', 'cps', on('2026-10-30', 15, 30)),
  onCase('cps_liaison', 'k6', 'cps', on('2026-04-20', 11)),
  onCase('cps_liaison', 'k7', 'cps', on('2026-01-12', 10)),
  onCase('witness_care', 'k6', 'witnessCare', on('2026-06-12', 14)),
  onCase('witness_care', 'k7', 'witnessCare', on('2026-02-20', 14)),
  onCase('witness_care', 'k8', 'witnessCare', on('2026-01-09', 10)),
  onCase('witness_care', 'k9', 'witnessCare', on('2025-10-20', 10)),
]

// ---- Seeding ----------------------------------------------------------------------------------

export interface SeedSummary {
  organisations: number
  users: number
  victims: number
  cases: number
  allocations: number
  offences: number
  suspects: number
  events: number
  contacts: number
  entitlements: number
}

/**
 * Creates the demo data in one transaction (nothing half-made if it fails). Expects an empty
 * database: callers check first (startup seeds only when there are no organisations).
 */
export async function seedDemo(prisma: PrismaClient, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date()
  const future = futureDates(now)
  const journeys = caseJourneys(future)
  // argon2id is deliberately slow: hash once, every demo account shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  // Loaded here so that importing DEMO_REFERENCES (e2e tests) does not load the services.
  const { loadHolidays, loadRuleSets, recomputeEntitlements } = await import('../app/services/entitlements.server')

  return prisma.$transaction(
    async (tx) => {
      const orgRows = await tx.organisation.createManyAndReturn({
        data: Object.values(ORGANISATIONS).map((o) => ({ ...o })),
        select: { id: true, name: true },
      })
      const orgId = (key: OrgKey) => byKey(orgRows, 'name', ORGANISATIONS[key].name).id

      const userRows = await tx.user.createManyAndReturn({
        data: Object.values(USERS).map((u) => ({ email: u.email, name: u.name, role: u.role, organisationId: orgId(u.org) })),
        select: { id: true, email: true },
      })
      await tx.password.createMany({ data: userRows.map((u) => ({ userId: u.id, hash: passwordHash })) })
      const userId = (key: UserKey) => byKey(userRows, 'email', USERS[key].email).id

      const victimRows = await tx.victim.createManyAndReturn({
        data: Object.values(VICTIMS).map((v: VictimSeed) => ({
          reference: v.reference,
          firstName: v.firstName,
          lastName: v.lastName,
          preferredName: v.preferredName ?? null,
          dateOfBirth: new Date(`${v.dateOfBirth}T00:00:00Z`),
          gender: v.gender,
          address: v.address ?? null,
          phone: v.phone ?? null,
          email: v.email ?? null,
          restricted: v.restricted ?? false,
          status: v.closedAt ? 'closed' : 'open',
          closedAt: v.closedAt ?? null,
          createdAt: v.createdAt,
          updatedAt: v.closedAt ?? v.createdAt,
        })),
        select: { id: true, reference: true },
      })
      const victimId = (key: VictimKey) => byKey(victimRows, 'reference', VICTIMS[key].reference).id

      const caseRows = await tx.case.createManyAndReturn({
        data: Object.values(CASES).map((c: CaseSeed) => ({
          crimeReference: c.crimeReference,
          cpsUrn: c.cpsUrn ?? null,
          policeOrganisationId: orgId('police'),
          cpsOrganisationId: c.sentToCpsAt ? orgId('cps') : null,
          witnessCareOrganisationId: c.witnessCare ? orgId('witnessCare') : null,
          summary: fillDates(c.summary, future),
          stage: 'reported', // set from the journal below
          sentToCpsAt: c.sentToCpsAt ?? null,
          status: c.status ?? 'open',
          createdAt: c.createdAt,
          updatedAt: c.createdAt,
        })),
        select: { id: true, crimeReference: true },
      })
      const caseId = (key: CaseKey) => byKey(caseRows, 'crimeReference', CASES[key].crimeReference).id

      await tx.victimCase.createMany({
        data: (Object.keys(CASES) as CaseKey[]).flatMap((c) =>
          (CASES[c] as CaseSeed).victims.map((v) => ({ caseId: caseId(c), victimId: victimId(v) })),
        ),
      })

      const allocations = await tx.allocation.createMany({
        data: ALLOCATIONS.map((a) => ({
          kind: a.kind,
          victimId: 'victim' in a ? victimId(a.victim) : null,
          caseId: 'case' in a ? caseId(a.case) : null,
          userId: 'user' in a ? userId(a.user) : null,
          organisationId: 'user' in a ? orgId(USERS[a.user].org) : orgId(a.org),
          startedAt: a.from,
          endedAt: a.to ?? null,
        })),
      })

      const journeyCases = (Object.keys(CASES) as CaseKey[]).map((c) => {
        const { crimeReference, victims, createdAt, sentToCpsAt } = CASES[c] as CaseSeed
        return { key: c, crimeReference, caseId: caseId(c), victims, createdAt, sentToCpsAt, journey: journeys[c] }
      })
      const journal = await seedJourneys(tx, journeyCases, { now, victimId, userId })
      // Follow-up visits by Amira's and Leah's advocate (invented), so the visit plan has a history.
      const visit = (victim: VictimKey, at: Date, v: Omit<Prisma.VisitCreateManyInput, 'victimId' | 'organisationId' | 'recordedById' | 'at' | 'idempotencyKey'>) => ({
        victimId: victimId(victim),
        organisationId: orgId('brightpath'),
        recordedById: userId('advocate'),
        at,
        idempotencyKey: `seed-visit-${randomUUID()}`,
        ...v,
      })
      await tx.visit.createMany({
        data: [
          visit('amira', on('2026-10-01', 16), {
            status: 'completed',
            placeType: 'home',
            purpose: 'First follow-up after the report',
            seenAlone: true,
            spokenToAlone: true,
            engagement: 'engaged',
            wishesAndFeelings: 'Wants to keep going to school and for her mum to be told what happens next.',
            disclosure: 'more_detail',
            disclosureNotes: 'Described a second flat used by the group (invented demo detail).',
            nextVisitOn: new Date('2026-10-27T00:00:00Z'),
          }),
          visit('amira', on('2026-10-27', 15, 30), {
            status: 'completed',
            placeType: 'school',
            purpose: 'Regular visit; preparing for the ABE review',
            seenAlone: true,
            spokenToAlone: true,
            engagement: 'partly_engaged',
            disclosure: 'none',
          }),
          visit('amira', on('2026-11-20', 16), { status: 'not_happened', notHappenedReason: 'declined', placeType: 'home', purpose: 'Regular visit' }),
          visit('leah', on('2026-11-02', 11), {
            status: 'completed',
            placeType: 'neutral_venue',
            purpose: 'Update on bail conditions',
            secondVisitorName: 'DC Rowan Pellow',
            secondVisitorAgency: 'Northmoor Police',
            seenAlone: false,
            spokenToAlone: true,
            engagement: 'engaged',
            disclosure: 'none',
          }),
        ],
      })

      await seedMissingEpisodes(tx, { now, victimId, userId, organisationId: orgId('brightpath') })

      await seedIntelligence(tx, { victimId, userId, orgId })

      await seedSupport(tx)
      await seedNotificationPreferences(tx, { userId: userId('officer2') })
      const history = await seedHistory(tx, { now, orgId, userId })
      const caseIds = [...caseRows.map((c) => c.id), ...history.caseIds]
      // Victims' Code entitlements, computed exactly as the journal and contact services do.
      const calendar = { holidays: await loadHolidays(tx), ruleSets: await loadRuleSets(tx) }
      for (const id of caseIds) await recomputeEntitlements(tx, id, { now, calendar })
      const entitlements = await tx.entitlement.count()
      // Reviews of the finalised cases (after entitlements: the factors count them).
      await seedReviews(tx, {
        caseIds,
        now,
        signedOffBy: userId('cps'),
        signOffs: [{ caseId: caseId('k12'), at: now, ...K12_FINDINGS }, ...history.signOff],
      })

      return {
        organisations: orgRows.length,
        users: userRows.length,
        victims: victimRows.length + history.victims,
        cases: caseRows.length + history.cases,
        allocations: allocations.count + history.allocations,
        offences: journal.offences + history.offences,
        suspects: journal.suspects + history.suspects,
        events: journal.events + history.events,
        contacts: journal.contacts + history.contacts,
        entitlements,
      }
    },
    { timeout: 60_000 },
  )
}

// ---- Journeys: offences, suspects, journal events, contacts ------------------------------------

const FILL = /\{(\w+)\}/g
function fillDates(text: string, dates: FutureDates): string {
  return text.replace(FILL, (_, name: string) => {
    const d = dates[name as keyof FutureDates] as Date | undefined
    if (!d) throw new Error(`Demo seed: no future date called ${name}`)
    return formatLondonDate(d)
  })
}

// ---- `npm run seed` -----------------------------------------------------------------------------

async function main() {
  const started = performance.now()
  // Loaded here, not at the top, so that importing DEMO_REFERENCES (e2e tests) stays light.
  const { connect } = await import('../app/services/db.server')
  const { getEnv } = await import('../app/services/env.server')
  const env = getEnv()
  const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.DATA_DIR}/pglite`
  const handle = await connect() // opens and migrates
  try {
    const organisations = await handle.prisma.organisation.count()
    if (organisations > 0) {
      console.log(`Database (${where}) already has ${organisations} organisations: nothing seeded.`)
      return
    }
    const seedStarted = performance.now()
    const s = await seedDemo(handle.prisma)
    const ms = Math.round(performance.now() - seedStarted)
    console.log(
      [
        `Seeded demo data into ${where} in ${ms} ms (${Math.round(performance.now() - started)} ms with opening and migrating):`,
        `  ${s.organisations} organisations, ${s.users} users, ${s.victims} victims, ${s.cases} cases, ${s.allocations} allocations,`,
        `  ${s.offences} offences, ${s.suspects} suspects, ${s.events} journey events, ${s.contacts} contacts, ${s.entitlements} entitlements.`,
        `  Demo sign-ins: ${Object.values(USERS)
          .map((u) => u.email)
          .join(' · ')}`,
        `  Demo password: ${DEMO_PASSWORD}`,
      ].join('\n'),
    )
  } finally {
    await handle.close()
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isEntry) {
  // Exit explicitly: PGlite's statistics timer would otherwise hold a short CLI open for ~10 s.
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
