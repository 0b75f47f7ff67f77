// Demo data: invented organisations, staff, victims and cases. Every name, place and reference
// here is synthetic — never put a real person, place of a real case or real crime reference here.
// Places (Northmoor, Dalebridge, Keldholme, Fellgate, Ashby Marsh), the force code "NM", the CPS
// force number "99" and the postcode areas NM/DB are made up; phone numbers are in Ofcom's range
// reserved for drama (07700 900000–900999); every email address is on an .example domain.
//
// Runs inside the server process on first demo start (app/services/startup.server.ts), or as
// `npm run seed` against DATABASE_URL / DATA_DIR when no server has that database open (PGlite
// allows one process per data directory): it seeds only a database with no organisations.
//
// Dates: everything that has happened is fixed on or before DEMO_REFERENCE_DATE (Monday 23 November
// 2026), so ages (12–19) read plausibly and tests can rely on the data. What is still to come in the
// journeys (hearings, the end of bail) is computed from the clock when the seed runs, because the
// demo runs on the real clock: see prisma/seed/journeys.ts. Each case's stage is derived from its
// journal at seed time (deriveCaseStage), exactly as the journal service stores it.
//
// Journeys (prisma/seed/journeys.ts): offences, pseudonymous suspects (Suspect A, B…), journal
// events and victim contacts for every case. Each event is validated at seed time with its type's
// schema and checkJourneyEvent, and is recorded by a user whose role owns that step.
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { DEMO_PASSWORD } from '../app/domain/access/demo-accounts'
import { isSexualCategory } from '../app/domain/cases/offences'
import { suspectLabel } from '../app/domain/cases/suspects'
import { checkContact, ContactInputSchema } from '../app/domain/contacts/contact'
import { deriveCaseStage, formatLondonDate } from '../app/domain/journey/derive'
import { canRecordEventType, eventColumns, journeyEventInputSchema, type EventTypeId, type JourneyEventInput } from '../app/domain/journey/events'
import { effectiveJournal, type JournalEvent } from '../app/domain/journey/journal'
import { checkJourneyEvent } from '../app/domain/journey/validate'
import type { Prisma, PrismaClient } from '../app/generated/prisma/client'
import { hashPassword } from '../app/services/password.server'
import { caseJourneys, futureDates, type CaseJourneySeed, type FutureDates } from './seed/journeys'
import { seedSupport } from './seed/support'
import { seedIntelligence } from './seed/intelligence'
import { seedMissingEpisodes } from './seed/missing'
import { seedReviews } from './seed/reviews'
import { seedNotificationPreferences } from './seed/notifications'

export { DEMO_PASSWORD }

/** The day the demo data describes: every seeded date is on or before it. */
export const DEMO_REFERENCE_DATE = new Date('2026-11-23T00:00:00Z')

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

// Case stages are derived from each case's journal (prisma/seed/journeys.ts). On the reference date
// they are: K1 reported · K2 investigation · K3 and K4 suspect_released (bail; released under
// investigation) · K5 charging_decision · K6 ptph · K7 s28_recording · K8 trial · K9 appeal_window
// (until 4 December 2026) · K10 and K12 post_sentence · K11 nfa.

/** A fixed instant on a calendar date (all seeded dates fall on working days). */
const on = (isoDate: string, hour = 10, minute = 0) =>
  new Date(`${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`)

// ---- Organisations --------------------------------------------------------------------------

type OrgKind = 'police' | 'cps' | 'witness_care' | 'local_authority' | 'voluntary' | 'health'
const ORGANISATIONS = {
  police: { name: 'Northmoor Police', kind: 'police', inboxEmail: 'cse-team@northmoor-police.example' },
  cps: { name: 'CPS Northmoor and Dale', kind: 'cps', inboxEmail: 'rasso-unit@cps-northmoor.example' },
  witnessCare: { name: 'Northmoor Witness Care Unit', kind: 'witness_care', inboxEmail: 'witnesscare@northmoor-police.example' },
  council: { name: 'Dalebridge Council Children’s Services', kind: 'local_authority', inboxEmail: 'mash@dalebridge.example' },
  brightpath: { name: 'Brightpath Young Survivors Service', kind: 'voluntary', inboxEmail: 'referrals@brightpath.example' },
  harbour: { name: 'Harbour Lights Therapeutic Support', kind: 'voluntary', inboxEmail: 'hello@harbourlights.example' },
  sarc: { name: 'Dale Valley Sexual Assault Referral Centre', kind: 'health', inboxEmail: 'referrals@dalevalley-sarc.example' },
  admin: { name: 'Waypoint Administration', kind: 'local_authority', inboxEmail: 'service-desk@waypoint.example' },
} as const satisfies Record<string, { name: string; kind: OrgKind; inboxEmail: string }>
type OrgKey = keyof typeof ORGANISATIONS

// ---- Users: exactly the accounts of docs/TEAM-BRIEF.md ----------------------------------------

type Role = 'advocate' | 'officer' | 'cps_liaison' | 'manager' | 'admin'
const USERS = {
  advocate: { email: 'advocate@demo.example', name: 'Ama Okafor-Reyes', role: 'advocate', org: 'brightpath' },
  advocate2: { email: 'advocate2@demo.example', name: 'Callum Fairweather', role: 'advocate', org: 'harbour' },
  officer: { email: 'officer@demo.example', name: 'DC Rowan Pellow', role: 'officer', org: 'police' },
  officer2: { email: 'officer2@demo.example', name: 'DC Hana Siddiqui', role: 'officer', org: 'police' },
  cps: { email: 'cps@demo.example', name: 'Imogen Tarrant', role: 'cps_liaison', org: 'cps' },
  witnessCare: { email: 'witnesscare@demo.example', name: 'Marcus Oyelaran', role: 'cps_liaison', org: 'witnessCare' },
  manager: { email: 'manager@demo.example', name: 'Priya Venn', role: 'manager', org: 'brightpath' },
  policeManager: { email: 'police.manager@demo.example', name: 'DI Gareth Lowther', role: 'manager', org: 'police' },
  admin: { email: 'admin@demo.example', name: 'Sam Ellery', role: 'admin', org: 'admin' },
  // e2e-only accounts that tests may change freely (2FA, password reset, deactivation): no casework.
  twoFactor: { email: 'twofactor@demo.example', name: 'Niamh Castell', role: 'advocate', org: 'brightpath' },
  reset: { email: 'reset@demo.example', name: 'PC Tomasz Wren', role: 'officer', org: 'police' },
  deactivate: { email: 'deactivate-me@demo.example', name: 'Elin Harcourt', role: 'advocate', org: 'harbour' },
} as const satisfies Record<string, { email: string; name: string; role: Role; org: OrgKey }>
export type UserKey = keyof typeof USERS

// ---- Victims ----------------------------------------------------------------------------------
// Gender is stored as a vocabulary id (female | male | non_binary). Ages are at the reference date.

interface VictimSeed {
  reference: string
  firstName: string
  lastName: string
  preferredName?: string
  dateOfBirth: string
  gender: 'female' | 'male' | 'non_binary'
  address?: string
  phone?: string
  email?: string
  restricted?: boolean
  closedAt?: Date
  createdAt: Date
}

const VICTIMS = {
  // 14 — newly reported online grooming (K1)
  kayla: { reference: 'V-2026-0158', firstName: 'Kayla', lastName: 'Brennan', preferredName: 'Kay', dateOfBirth: '2012-06-19', gender: 'female', address: '27 Heronsgate Road, Keldholme, NM6 2LP', phone: '07700 900158', createdAt: on('2026-11-20', 15, 40) },
  // 12 — referred by school to Harbour Lights, not reported to police
  dylan: { reference: 'V-2026-0156', firstName: 'Dylan', lastName: 'Ashworth', dateOfBirth: '2014-02-17', gender: 'male', address: '15 Sandpiper Drive, Dalebridge, DB2 4WN', phone: '07700 900156', createdAt: on('2026-11-19', 11, 5) },
  // 15 and 13 — group-based exploitation, ABE interviews done (K2)
  amira: { reference: 'V-2026-0131', firstName: 'Amira', lastName: 'Haddad', dateOfBirth: '2011-02-08', gender: 'female', address: 'Flat 3, 41 Mill Lane, Dalebridge, DB1 4RX', phone: '07700 900131', email: 'amira.h@mail.example', createdAt: on('2026-09-28', 14) },
  tiana: { reference: 'V-2026-0135', firstName: 'Tiana', lastName: 'Mensah', preferredName: 'Tia', dateOfBirth: '2013-09-27', gender: 'female', address: '9 Copperbeech Walk, Dalebridge, DB2 7HJ', phone: '07700 900135', createdAt: on('2026-09-29', 9, 30) },
  // 15 and 16 — suspect on pre-charge bail (K3); Isla is restricted (confidential placement)
  leah: { reference: 'V-2026-0104', firstName: 'Leah', lastName: 'Pritchard', dateOfBirth: '2011-07-30', gender: 'female', address: '112 Fellside Avenue, Northmoor, NM1 5TW', phone: '07700 900104', email: 'leahp@inbox.example', createdAt: on('2026-07-15', 12) },
  isla: { reference: 'V-2026-0109', firstName: 'Isla', lastName: 'Fenwick', dateOfBirth: '2010-04-11', gender: 'female', address: 'Confidential placement — contact through the Brightpath manager', phone: '07700 900109', restricted: true, createdAt: on('2026-07-20', 16, 15) },
  // 14 — suspect released under investigation (K4); Harbour Lights only
  sofia: { reference: 'V-2026-0049', firstName: 'Sofia', lastName: 'Novak', dateOfBirth: '2012-01-22', gender: 'female', address: '5 Quarry Row, Ashby Marsh, NM9 3DF', phone: '07700 900049', createdAt: on('2026-03-18', 10, 20) },
  // 17 and 17 — file with CPS awaiting a charging decision (K5); Nadia declined advocacy support
  zainab: { reference: 'V-2026-0031', firstName: 'Zainab', lastName: 'Qureshi', preferredName: 'Zee', dateOfBirth: '2009-05-03', gender: 'female', address: '63 Station Terrace, Northmoor, NM2 8BE', phone: '07700 900031', email: 'zee.q@mail.example', createdAt: on('2026-02-24', 13) },
  nadia: { reference: 'V-2026-0034', firstName: 'Nadia', lastName: 'Rahman', dateOfBirth: '2009-08-29', gender: 'female', address: '18 Willowbank Court, Northmoor, NM2 6QS', phone: '07700 900034', createdAt: on('2026-02-26', 11) },
  // 15 — police NFA (outcome 16); support continues (K11)
  ellie: { reference: 'V-2026-0012', firstName: 'Ellie-Mae', lastName: 'Dawson', preferredName: 'Ellie', dateOfBirth: '2011-05-25', gender: 'female', address: '38 Brambling Way, Fellgate, NM7 3RT', phone: '07700 900012', createdAt: on('2026-01-20', 10) },
  // 16 — charged, awaiting trial (K6); looked-after child in a residential placement
  ruby: { reference: 'V-2025-0412', firstName: 'Ruby', lastName: 'Calloway', dateOfBirth: '2010-10-15', gender: 'female', address: 'Larchfield House (residential placement), Fellgate, NM7 1AZ', phone: '07700 900412', createdAt: on('2025-10-07', 14, 45) },
  // 18 — on two cases: charged awaiting trial (K6) and trial listed (K8)
  chloe: { reference: 'V-2025-0256', firstName: 'Chloe', lastName: 'Adeyemi', dateOfBirth: '2008-03-06', gender: 'female', address: '4 Saltmarsh Close, Dalebridge, DB3 9NU', phone: '07700 900256', email: 'chloe.adeyemi@mail.example', createdAt: on('2025-06-04', 9, 50) },
  // 15 — section 28 recording listed (K7); restricted (family in a refuge)
  maya: { reference: 'V-2025-0371', firstName: 'Maya', lastName: 'Okoro', dateOfBirth: '2011-09-12', gender: 'female', phone: '07700 900371', restricted: true, createdAt: on('2025-08-19', 15) },
  // 16 — convicted after trial and sentenced; appeal window open (K9)
  kieran: { reference: 'V-2025-0118', firstName: 'Kieran', lastName: 'Lowe', dateOfBirth: '2010-08-04', gender: 'male', address: '71 Beacon Street, Keldholme, NM6 4GA', phone: '07700 900118', createdAt: on('2025-03-21', 10, 30) },
  // 19 — sentenced in March 2026; in the Victim Contact Scheme (K10)
  alex: { reference: 'V-2024-0467', firstName: 'Alex', lastName: 'Moreno', dateOfBirth: '2007-07-18', gender: 'non_binary', address: '22 Tannery Yard, Northmoor, NM1 9PL', phone: '07700 900467', email: 'alex.moreno@mail.example', createdAt: on('2024-08-20', 11, 10) },
  // 19 — case finalised; support ended at her request: closed record (K12)
  hollie: { reference: 'V-2024-0318', firstName: 'Hollie', lastName: 'Stringer', dateOfBirth: '2007-01-09', gender: 'female', address: '6 Kiln Cottages, Ashby Marsh, NM9 5HE', phone: '07700 900318', closedAt: on('2026-09-24', 16), createdAt: on('2024-05-14', 10) },
} as const satisfies Record<string, VictimSeed>
export type VictimKey = keyof typeof VICTIMS
/** The demo victims as seeded, for tests that prove their details never leave Waypoint (e.g. in emails). */
export const DEMO_VICTIMS: Readonly<Record<VictimKey, VictimSeed>> = VICTIMS

// ---- Cases ------------------------------------------------------------------------------------

interface CaseSeed {
  crimeReference: string
  /** CPS URN: '99' (made-up force number), 'NM', serial, year of the file. */
  cpsUrn?: string
  sentToCpsAt?: Date
  /** Witness care unit takes over victim contact once a case is charged. */
  witnessCare?: boolean
  status?: 'open' | 'closed'
  /** May name future dates as {k8Trial} etc. (FutureDates), filled in at seed time. */
  summary: string
  createdAt: Date
  victims: readonly VictimKey[]
}

const CASES = {
  k1: {
    crimeReference: 'NM/26/004517',
    summary:
      'Sexual communication with a child and inciting a child to send indecent images, by an unidentified adult contact on a gaming platform. Reported by her mother on 20 November 2026; crime recorded, devices seized for download; ABE interview being arranged.',
    createdAt: on('2026-11-20', 14, 10),
    victims: ['kayla'],
  },
  k2: {
    crimeReference: 'NM/26/003754',
    summary:
      'Group-based exploitation linked to a takeaway in Dalebridge town centre: adult men gave two girls alcohol, vapes and lifts, then took them to a flat where they were sexually abused. Strategy discussion held on 28 September 2026; ABE interviews completed for both girls (a registered intermediary assisted Tia). Two suspects identified; arrests being planned with the MASE panel.',
    createdAt: on('2026-09-25', 22, 35),
    victims: ['amira', 'tiana'],
  },
  k3: {
    crimeReference: 'NM/26/002745',
    summary:
      'Sexual activity with a child and arranging a child sex offence by a man aged 24 met through social media, who also tried to recruit a second girl to be sexually exploited by his friends. Arrested and interviewed on 3 August 2026 and released on pre-charge bail with conditions not to contact either girl; bail extended on 30 October 2026 until {k3BailEnds} while his phones are examined.',
    createdAt: on('2026-07-14', 18, 20),
    victims: ['leah', 'isla'],
  },
  k4: {
    crimeReference: 'NM/26/001080',
    summary:
      '“Boyfriend” model exploitation by a man aged 21 who introduced her to older friends and asked her to meet them. Arrested on 14 April 2026 and released under investigation while phones seized from him are examined; no bail conditions, so a Child Abduction Warning Notice was served.',
    createdAt: on('2026-03-16', 9, 45),
    victims: ['sofia'],
  },
  k5: {
    crimeReference: 'NM/26/000771',
    cpsUrn: '99NM0958326',
    sentToCpsAt: on('2026-10-30', 15, 30),
    summary:
      'Rape and sexual activity with a child by two adult men who groomed both girls through an older friend, between autumn 2024 and spring 2025 when the girls were 15. Both suspects interviewed under caution. Full file submitted to CPS on 30 October 2026 for a charging decision under the Full Code Test.',
    createdAt: on('2026-02-23', 16),
    victims: ['zainab', 'nadia'],
  },
  k6: {
    crimeReference: 'NM/25/004206',
    cpsUrn: '99NM0311726',
    sentToCpsAt: on('2026-04-20', 11),
    witnessCare: true,
    summary:
      'Three men charged on 12 June 2026 with trafficking for sexual exploitation and controlling a child in relation to sexual exploitation, after moving two girls between flats in Northmoor and Dalebridge. Sent to Northmoor Crown Court; PTPH held on 15 July 2026 (not guilty pleas); trial fixed for {k6Trial}, estimated four weeks. A fourth man, identified from phone downloads, was charged on 2 November 2026; his PTPH is listed for {k6PtphForD}.',
    createdAt: on('2025-10-06', 13, 15),
    victims: ['ruby', 'chloe'],
  },
  k7: {
    crimeReference: 'NM/25/003467',
    cpsUrn: '99NM0040226',
    sentToCpsAt: on('2026-01-12', 10),
    witnessCare: true,
    summary:
      'Causing or inciting a child to engage in sexual activity and sexual exploitation of a child by a man aged 41. Charged on 20 February 2026; not guilty plea. Ground rules hearing held on 10 November 2026; section 28 pre-recorded cross-examination listed for {k7Section28} at Northmoor Crown Court, with a registered intermediary.',
    createdAt: on('2025-08-18', 17, 40),
    victims: ['maya'],
  },
  k8: {
    crimeReference: 'NM/25/002318',
    cpsUrn: '99NM0531125',
    sentToCpsAt: on('2025-12-01', 14),
    witnessCare: true,
    summary:
      'Paying for the sexual services of a child and controlling a child in relation to sexual exploitation, by a man aged 38, when she was 16 and 17. The woman who let the flat was released with no further action in November 2025 (outcome 15). Not guilty plea at PTPH. Trial listed to start on {k8Trial} at Northmoor Crown Court (five days); special measures granted: video-recorded evidence-in-chief, live link and screens.',
    createdAt: on('2025-06-02', 11, 25),
    victims: ['chloe'],
  },
  k9: {
    crimeReference: 'NM/25/001093',
    cpsUrn: '99NM0468125',
    sentToCpsAt: on('2025-09-15', 12),
    witnessCare: true,
    summary:
      'Meeting a child following sexual grooming and sexual activity with a child, by a man aged 29 who contacted him through an online game. Convicted after trial on 25 September 2026; sentenced on 6 November 2026 to 7 years 6 months’ imprisonment with a sexual harm prevention order. Appeal window open until 4 December 2026.',
    createdAt: on('2025-03-20', 19, 5),
    victims: ['kieran'],
  },
  k10: {
    crimeReference: 'NM/24/003286',
    cpsUrn: '99NM0062325',
    sentToCpsAt: on('2025-01-20', 10, 30),
    witnessCare: true,
    summary:
      'Abuse of a position of trust and making indecent images of a child, by a sports coach aged 34, when Alex was 16 and 17. Guilty pleas at PTPH; sentenced on 13 March 2026 to 4 years 8 months’ imprisonment. Alex opted in to the Victim Contact Scheme; victim liaison officer in touch about licence conditions.',
    createdAt: on('2024-08-19', 15, 50),
    victims: ['alex'],
  },
  k11: {
    crimeReference: 'NM/26/000266',
    status: 'closed',
    summary:
      'Suspected exploitation by older males at a “party house” in Fellgate. Ellie gave a first account but decided not to support further police action. Investigation closed on 30 September 2026 with outcome 16 (evidential difficulties; victim does not support action); it can be reopened if she chooses. Intelligence shared with the MASE panel.',
    createdAt: on('2026-01-19', 20, 40),
    victims: ['ellie'],
  },
  k12: {
    crimeReference: 'NM/24/001912',
    cpsUrn: '99NM0877424',
    sentToCpsAt: on('2024-10-07', 11),
    witnessCare: true,
    status: 'closed',
    summary:
      'Causing or inciting sexual exploitation of a child and making indecent images of a child, by a man aged 27, when she was 16. Guilty pleas at the first hearing; sentenced on 14 May 2025 to 3 years 9 months’ imprisonment. Case finalised.',
    createdAt: on('2024-05-13', 12, 30),
    victims: ['hollie'],
  },
} as const satisfies Record<string, CaseSeed>
export type CaseKey = keyof typeof CASES

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

      const journal = await seedJourneys(tx, journeys, { now, caseId, victimId, userId })
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
      // Victims' Code entitlements, computed exactly as the journal and contact services do.
      const calendar = { holidays: await loadHolidays(tx), ruleSets: await loadRuleSets(tx) }
      for (const c of caseRows) await recomputeEntitlements(tx, c.id, { now, calendar })
      const entitlements = await tx.entitlement.count()
      // Reviews of the finalised cases (after entitlements: the factors count them).
      await seedReviews(tx, { caseIds: caseRows.map((c) => c.id), signOff: { caseId: caseId('k12'), userId: userId('cps'), at: now } })

      return {
        organisations: orgRows.length,
        users: userRows.length,
        victims: victimRows.length,
        cases: caseRows.length,
        allocations: allocations.count,
        ...journal,
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

/** A cuid-shaped id, made here so that events can name each other before they are inserted. */
const newId = () => `c${randomUUID().replace(/-/g, '').slice(0, 24)}`
const MINUTE = 60 * 1000

interface Keys {
  now: Date
  caseId: (key: CaseKey) => string
  victimId: (key: VictimKey) => string
  userId: (key: UserKey) => string
}

/**
 * Builds each case's journal in order, validating every event exactly as recordJourneyEvent does
 * (type schema, then checkJourneyEvent against the journal so far; owner role), derives the stage,
 * and inserts offences, suspects, events and contacts in a few batched statements.
 */
async function seedJourneys(tx: Prisma.TransactionClient, journeys: Record<CaseKey, CaseJourneySeed>, keys: Keys) {
  const offences: Prisma.OffenceCreateManyInput[] = []
  const defendants: Prisma.DefendantCreateManyInput[] = []
  const events: Prisma.JourneyEventCreateManyInput[] = []
  const contacts: Prisma.ContactCreateManyInput[] = []
  const contactEvents: Prisma.ContactEventCreateManyInput[] = []

  for (const c of Object.keys(journeys) as CaseKey[]) {
    const seed = journeys[c]
    const where = `Demo seed ${c} (${CASES[c].crimeReference})`
    const caseId = keys.caseId(c)
    const victimIds = (CASES[c] as CaseSeed).victims.map(keys.victimId)

    for (const o of seed.offences) {
      offences.push({
        caseId,
        victimId: o.victim ? keys.victimId(o.victim) : null,
        description: o.description,
        category: o.category,
        sexual: isSexualCategory(o.category),
        committedFrom: new Date(`${o.from}T00:00:00Z`),
        committedTo: o.to ? new Date(`${o.to}T00:00:00Z`) : null,
      })
    }

    const suspectIds = new Map(seed.suspects.map((letter) => [letter, newId()]))
    seed.suspects.forEach((letter, i) => {
      if (suspectLabel(i) !== `Suspect ${letter}`) throw new Error(`${where}: suspects must be A, B, C… in order`)
      defendants.push({ id: suspectIds.get(letter)!, caseId, label: `Suspect ${letter}`, createdAt: CASES[c].createdAt })
    })

    const journal: (JournalEvent & { recordedById: string; correctionReason: string | null; key?: string })[] = []
    const idOf = new Map<string, string>()
    const ref = (key: string) => {
      const id = idOf.get(key)
      if (!id) throw new Error(`${where}: no earlier event called ${key}`)
      return id
    }
    seed.events.forEach((e, i) => {
      const user = USERS[e.by]
      if (!canRecordEventType(user.role, e.type)) throw new Error(`${where}: ${user.role} does not record ${e.type}`)
      const raw = {
        type: e.type,
        occurredAt: e.at,
        receivedAt: e.received,
        defendantId: e.suspect ? suspectIds.get(e.suspect) : undefined,
        victimId: e.victim ? keys.victimId(e.victim) : undefined,
        details: { ...e.details, ...(e.hearing ? { hearingEventId: ref(e.hearing) } : {}) },
        supersedesId: e.corrects ? ref(e.corrects) : undefined,
        correctionReason: e.reason,
      }
      if (e.suspect && !raw.defendantId) throw new Error(`${where}: no Suspect ${e.suspect}`)
      const parsed = journeyEventInputSchema(e.type as EventTypeId).safeParse(raw)
      if (!parsed.success) throw new Error(`${where}: event ${i} (${e.type}) is invalid: ${parsed.error.message}`)
      const input = parsed.data as JourneyEventInput
      const issues = checkJourneyEvent(input, { now: keys.now, defendantIds: [...suspectIds.values()], victimIds, journal })
      if (issues.length > 0) throw new Error(`${where}: event ${i} (${e.type}): ${issues.map((x) => `${x.path}: ${x.message}`).join('; ')}`)
      const recordedAt = e.recordedAt ?? new Date(Math.min(((e.received ?? e.at).getTime() + 30 * MINUTE), keys.now.getTime()))
      const id = newId()
      if (e.key) {
        if (idOf.has(e.key)) throw new Error(`${where}: two events called ${e.key}`)
        idOf.set(e.key, id)
      }
      journal.push({ id, ...eventColumns(input), recordedAt, recordedById: keys.userId(e.by) })
    })

    const stage = deriveCaseStage(journal, { now: keys.now, defendantIds: [...suspectIds.values()] })
    // As recordJourneyEvent does: sending the file (not a correction of it) sets sentToCpsAt.
    const filed = journal.filter((e) => e.type === 'file_to_cps' && !e.supersedesId).at(-1)
    const sentToCpsAt = (CASES[c] as CaseSeed).sentToCpsAt
    if ((filed?.occurredAt.getTime() ?? null) !== (sentToCpsAt?.getTime() ?? null)) {
      throw new Error(`${where}: sentToCpsAt must be the date of the file_to_cps event`)
    }
    await tx.case.update({ where: { id: caseId }, data: { stage, sentToCpsAt: filed?.occurredAt ?? null } })

    events.push(
      ...journal.map((e, i) => ({
        id: e.id,
        caseId,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        receivedAt: e.receivedAt ?? null,
        defendantId: e.defendantId ?? null,
        victimId: e.victimId ?? null,
        details: e.details as Prisma.InputJsonValue,
        recordedById: e.recordedById,
        supersedesId: e.supersedesId ?? null,
        correctionReason: e.correctionReason,
        idempotencyKey: `demo-seed:${c}:${i}`,
      })),
    )

    // Contacts: what each victim was told, linked to the events it was about (never an event about
    // another victim), validated as recordContact does.
    const linkable = new Set(effectiveJournal(journal).map((e) => e.id))
    seed.contacts.forEach((k, i) => {
      const victimId = keys.victimId(k.victim)
      if (!victimIds.includes(victimId)) throw new Error(`${where}: contact ${i} is for a victim not on the case`)
      const eventIds = k.about.map(ref)
      const ok = new Set(eventIds.filter((id) => linkable.has(id) && [null, victimId].includes(journal.find((e) => e.id === id)!.victimId ?? null)))
      const parsed = ContactInputSchema.safeParse({ contactedAt: k.at, method: k.method, withWhom: k.withWhom, summary: k.summary, eventIds })
      if (!parsed.success) throw new Error(`${where}: contact ${i} is invalid: ${parsed.error.message}`)
      const issues = checkContact(parsed.data, { now: keys.now, eventIdsOnVictimsCases: ok })
      if (issues.length > 0) throw new Error(`${where}: contact ${i}: ${issues.map((x) => x.message).join('; ')}`)
      const id = newId()
      contacts.push({
        id,
        victimId,
        contactedAt: parsed.data.contactedAt,
        byUserId: keys.userId(k.by),
        method: parsed.data.method,
        withWhom: parsed.data.withWhom,
        summary: parsed.data.summary,
        idempotencyKey: `demo-seed:${c}:contact:${i}`,
        recordedAt: new Date(Math.min(k.at.getTime() + 20 * MINUTE, keys.now.getTime())),
      })
      contactEvents.push(...eventIds.map((eventId) => ({ contactId: id, eventId })))
    })
  }

  await tx.offence.createMany({ data: offences })
  await tx.defendant.createMany({ data: defendants })
  // Corrections name the events they replace, so those go in first.
  await tx.journeyEvent.createMany({ data: events.filter((e) => !e.supersedesId) })
  await tx.journeyEvent.createMany({ data: events.filter((e) => e.supersedesId) })
  await tx.contact.createMany({ data: contacts })
  await tx.contactEvent.createMany({ data: contactEvents })
  return { offences: offences.length, suspects: defendants.length, events: events.length, contacts: contacts.length }
}

function byKey<T extends Record<K, string>, K extends keyof T>(rows: readonly T[], key: K, value: string): T {
  const row = rows.find((r) => r[key] === value)
  if (!row) throw new Error(`Demo seed: no row with ${String(key)} ${value}`)
  return row
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
