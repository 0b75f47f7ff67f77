// The demo organisations, staff and victims: invented people and places (see prisma/seed.ts).
import { on } from './context'

// ---- Organisations --------------------------------------------------------------------------

export type OrgKind = 'police' | 'cps' | 'witness_care' | 'local_authority' | 'voluntary' | 'health'
export const ORGANISATIONS = {
  police: { name: 'Northmoor Police', kind: 'police', inboxEmail: 'cse-team@northmoor-police.example' },
  cps: { name: 'CPS Northmoor and Dale', kind: 'cps', inboxEmail: 'rasso-unit@cps-northmoor.example' },
  witnessCare: { name: 'Northmoor Witness Care Unit', kind: 'witness_care', inboxEmail: 'witnesscare@northmoor-police.example' },
  council: { name: 'Dalebridge Council Children’s Services', kind: 'local_authority', inboxEmail: 'mash@dalebridge.example' },
  brightpath: { name: 'Brightpath Young Survivors Service', kind: 'voluntary', inboxEmail: 'referrals@brightpath.example' },
  harbour: { name: 'Harbour Lights Therapeutic Support', kind: 'voluntary', inboxEmail: 'hello@harbourlights.example' },
  sarc: { name: 'Dale Valley Sexual Assault Referral Centre', kind: 'health', inboxEmail: 'referrals@dalevalley-sarc.example' },
  admin: { name: 'Waypoint Administration', kind: 'local_authority', inboxEmail: 'service-desk@waypoint.example' },
} as const satisfies Record<string, { name: string; kind: OrgKind; inboxEmail: string }>
export type OrgKey = keyof typeof ORGANISATIONS

// ---- Users: exactly the accounts of docs/TEAM-BRIEF.md ----------------------------------------

export type Role = 'advocate' | 'officer' | 'cps_liaison' | 'manager' | 'admin'
export const USERS = {
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

export interface VictimSeed {
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

export const VICTIMS = {
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
