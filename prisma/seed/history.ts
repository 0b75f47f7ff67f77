// The demo region's history: forty invented cases of Brightpath children, reported between late 2024
// and October 2026 and finalised during 2026, so the case review dashboard (/review) has enough cases
// to show every chart and table with small numbers suppressed at the default threshold (5), for
// cps@ (the cases sent to CPS Northmoor and Dale) and manager@ (Brightpath's children).
//
// The cases come in groups of five that share a path through the system, so every count the
// dashboard publishes — outcomes, defendants' outcomes, each factor's with/without table, the
// funnel's drops, each quarter — is 0 or at least 5 even with the K1–K12 cases added in:
//   - convicted after trial, with an intermediary, special measures, section 28 and pre-trial therapy
//   - acquitted after a trial that was first ineffective, with the same support
//   - guilty pleas after an adjourned first hearing, advocate allocated only after charge
//   - discontinued after the young person withdrew support
//   - CPS decided not to charge (evidential)
//   - released with no further action, outcome 16 (the young person did not support action)
//   - suspect identified but never arrested: police decided not to charge, outcome 15
//   - no suspect identified: investigation closed (outcome 18), never finalised
// Every event passes the journal's own checks (seedJourneys). Reviews of cases finalised more than
// six weeks before the reference date are signed off by CPS liaison with invented findings; the
// latest still await review. Records are closed, support ended; Brightpath still holds them, as it
// holds Hollie's. All names are invented.
import type { Prisma } from '../../app/generated/prisma/client'
import { DEMO_REFERENCE_DATE, newId } from './context'
import type { CaseJourneySeed, ContactSeed, EventSeed } from './journeys'
import type { UserKey } from './people'
import { seedJourneys, type JourneyCase } from './record-journeys'

const DAY = 24 * 60 * 60 * 1000
const CROWN = 'Northmoor Crown Court'
const MAGS = 'Northmoor Magistrates’ Court'

/** A working day at `hour` UTC: `days` after `from`, moved on to the Monday after a weekend. */
function day(from: string | Date, days = 0, hour = 10): Date {
  const base = typeof from === 'string' ? new Date(`${from}T00:00:00Z`) : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
  const d = new Date(base.getTime() + days * DAY + hour * 3_600_000)
  const weekday = d.getUTCDay()
  return new Date(d.getTime() + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * DAY)
}

type Path = 'trialConvicted' | 'trialAcquitted' | 'guiltyPlea' | 'discontinued' | 'cpsNoCharge' | 'nfaVictim' | 'policeNoCharge' | 'noSuspect'

/** Per path: the five anchor dates (trial, plea, decision or report, as the path reads them). */
const ANCHORS: Record<Path, readonly string[]> = {
  trialConvicted: ['2026-01-12', '2026-01-26', '2026-02-09', '2026-02-23', '2026-03-09'],
  trialAcquitted: ['2026-04-13', '2026-04-27', '2026-05-11', '2026-06-01', '2026-06-15'],
  guiltyPlea: ['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17', '2026-03-03'],
  discontinued: ['2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28', '2026-05-05'],
  cpsNoCharge: ['2026-07-06', '2026-07-13', '2026-07-20', '2026-07-27', '2026-08-03'],
  nfaVictim: ['2026-10-01', '2026-10-05', '2026-10-08', '2026-10-12', '2026-10-15'],
  policeNoCharge: ['2026-07-08', '2026-07-15', '2026-07-22', '2026-07-29', '2026-08-05'],
  noSuspect: ['2026-04-14', '2026-04-21', '2026-04-28', '2026-05-05', '2026-05-12'],
}

const FIRST_NAMES = [
  'Mirren', 'Tamsin', 'Keira', 'Lacey', 'Mollie', 'Skye', 'Courtney', 'Aaliyah', 'Brooke', 'Demi',
  'Harvey', 'Jayden', 'Kacey', 'Leighton', 'Maddison', 'Nevaeh', 'Paige', 'Rhianna', 'Shanice', 'Tyler',
  'Alisha', 'Bethany', 'Cerys', 'Darcey', 'Ebony', 'Faith', 'Gracie', 'Hope', 'Imani', 'Jasmin',
  'Kelsey', 'Lexi', 'Misha', 'Nia', 'Orla', 'Poppy', 'Rosa', 'Sasha', 'Teagan', 'Zara',
] as const
const LAST_NAMES = [
  'Ashdown', 'Birtwhistle', 'Calder', 'Dunmore', 'Elstow', 'Farrant', 'Gisburn', 'Hebden', 'Ingleby', 'Jessop',
  'Kettlewell', 'Lowthian', 'Marwood', 'Nettleton', 'Oxley', 'Pennock', 'Quarmby', 'Rudd', 'Sowerby', 'Thwaite',
  'Uttley', 'Varley', 'Wadsworth', 'Yeadon', 'Ackroyd', 'Brigg', 'Cawthorne', 'Dewhirst', 'Eastwood', 'Fothergill',
  'Garside', 'Holroyd', 'Illingworth', 'Jowett', 'Kershaw', 'Lumb', 'Midgley', 'Northend', 'Ormerod', 'Pickles',
] as const

const PATHS = Object.keys(ANCHORS) as Path[]
const OFFICERS: readonly UserKey[] = ['officer', 'officer2']

export interface HistoryVictim {
  key: string
  reference: string
  firstName: string
  lastName: string
  dateOfBirth: string
  gender: 'female' | 'male'
  phone: string
  createdAt: Date
  closedAt: Date
  /** When an advocate was first allocated (before or after charge, as the path needs). */
  advocateFrom: Date
}

export interface HistoryCase {
  key: string
  path: Path
  crimeReference: string
  cpsUrn?: string
  sentToCpsAt?: Date
  witnessCare: boolean
  summary: string
  createdAt: Date
  closedAt: Date
  oic: UserKey
  victim: HistoryVictim
  journey: CaseJourneySeed<string>
}

/** The forty historical cases, each with its one victim (pure: no database). */
export function historyCases(): HistoryCase[] {
  return PATHS.flatMap((path, p) =>
    ANCHORS[path].map((anchor, i) => {
      const n = p * 5 + i
      const key = `h${n + 1}`
      const built = journeyFor(path, anchor, key, OFFICERS[n % 2]!)
      const reported = built.events[0]!.at
      const year = reported.getUTCFullYear()
      const yy = String(year).slice(2)
      const serial = 5100 + n * 37
      const victim: HistoryVictim = {
        key,
        reference: `V-${year}-${String(700 + n).padStart(4, '0')}`,
        firstName: FIRST_NAMES[n]!,
        lastName: LAST_NAMES[(n * 7) % LAST_NAMES.length]!,
        // 12 to 16 when the offences began, 14 to 17 on the reference date.
        dateOfBirth: `${2009 + (n % 4)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
        gender: FIRST_NAMES[n] === 'Harvey' || FIRST_NAMES[n] === 'Jayden' || FIRST_NAMES[n] === 'Tyler' ? 'male' : 'female',
        phone: `07700 900${String(600 + n).padStart(3, '0')}`,
        createdAt: day(reported, 0, 16),
        // Support ended about six weeks after the outcome (by the reference date at the latest).
        closedAt: new Date(Math.min(day(built.closedAt, 42, 16).getTime(), DEMO_REFERENCE_DATE.getTime() - DAY / 2)),
        advocateFrom: built.advocateFrom,
      }
      const filed = built.events.find((e) => e.type === 'file_to_cps')?.at
      return {
        key,
        path,
        crimeReference: `NM/${yy}/${String(serial).padStart(6, '0')}`,
        cpsUrn: filed ? `99NM${String(1200 + n * 13).padStart(5, '0')}${String(filed.getUTCFullYear()).slice(2)}` : undefined,
        sentToCpsAt: filed,
        witnessCare: built.events.some((e) => e.type === 'suspect_charged'),
        summary: SUMMARIES[path],
        createdAt: reported,
        closedAt: built.closedAt,
        oic: OFFICERS[n % 2]!,
        victim,
        journey: { suspects: built.suspects, offences: [offenceFor(path, key, reported)], events: built.events, contacts: [toldOfTheEnd(path, key, built, OFFICERS[n % 2]!)] },
      }
    }),
  )
}

const SUMMARIES: Record<Path, string> = {
  trialConvicted: 'Sexual exploitation of a child by an adult man who groomed her online. Convicted after trial; sentenced to imprisonment. Case finalised.',
  trialAcquitted: 'Sexual activity with a child by an adult man she met through friends. The first trial listing was ineffective; acquitted after trial. Case finalised.',
  guiltyPlea: 'Sexual communication with a child and making indecent images of a child. Guilty pleas at the plea and trial preparation hearing; sentenced. Case finalised.',
  discontinued: 'Controlling a child in relation to sexual exploitation. Charged; the young person withdrew support and CPS discontinued the case. Case finalised.',
  cpsNoCharge: 'Sexual assault of a child at a party. File sent to CPS, which decided not to charge on evidential grounds. Case finalised.',
  nfaVictim: 'Suspected exploitation by an older male. The young person did not support further police action: no further action, outcome 16. Case finalised.',
  policeNoCharge: 'Sexual communication with a child by a named adult contact who could not be traced for interview. Police decided not to charge, outcome 15. Case finalised.',
  noSuspect: 'Online grooming by an unidentified contact. No suspect could be identified: investigation closed with outcome 18; it can be reopened if new information comes in.',
}

function offenceFor(path: Path, victim: string, reported: Date) {
  const to = new Date(reported.getTime() - 7 * DAY).toISOString().slice(0, 10)
  const from = new Date(reported.getTime() - 120 * DAY).toISOString().slice(0, 10)
  const kind: Record<Path, { description: string; category: 'child_sexual_exploitation' | 'sexual_activity_with_child' | 'grooming' | 'sexual_assault' }> = {
    trialConvicted: { description: 'Sexual exploitation of a child', category: 'child_sexual_exploitation' },
    trialAcquitted: { description: 'Sexual activity with a child', category: 'sexual_activity_with_child' },
    guiltyPlea: { description: 'Sexual communication with a child', category: 'grooming' },
    discontinued: { description: 'Controlling a child in relation to sexual exploitation', category: 'child_sexual_exploitation' },
    cpsNoCharge: { description: 'Sexual assault of a child', category: 'sexual_assault' },
    nfaVictim: { description: 'Sexual exploitation of a child', category: 'child_sexual_exploitation' },
    policeNoCharge: { description: 'Sexual communication with a child', category: 'grooming' },
    noSuspect: { description: 'Sexual communication with a child', category: 'grooming' },
  }
  return { victim, ...kind[path], from, to }
}

/** What the young person was told when her case ended (the outcome, or that the investigation closed). */
function toldOfTheEnd(path: Path, victim: string, built: Built, oic: UserKey): ContactSeed<string> {
  const about = path === 'noSuspect' ? 'abe' : 'end'
  const at = day(path === 'noSuspect' ? built.closedAt : built.events.find((e) => e.key === 'end')!.at, 1, 11)
  const summary =
    path === 'noSuspect'
      ? 'Told her and her mum that no suspect could be identified and the investigation is closed, and that it can be reopened.'
      : 'Told her the outcome and what it means, with her advocate; explained the right to ask for a review where it applies.'
  return { victim, at, by: path === 'trialConvicted' || path === 'trialAcquitted' || path === 'guiltyPlea' || path === 'discontinued' ? 'advocate' : oic, method: 'in_person', withWhom: 'victim', summary, about: [about] }
}

interface Built {
  suspects: string[]
  events: EventSeed<string>[]
  closedAt: Date
  advocateFrom: Date
}

/** One case's journal along its path; `anchor` is the trial, the report or the decision date. */
function journeyFor(path: Path, anchor: string, victim: string, oic: UserKey): Built {
  const events: EventSeed<string>[] = []
  const add = (e: EventSeed<string>) => (events.push(e), e.at)
  const start = (reported: Date) => {
    add({ type: 'crime_reported', at: reported, by: oic, victim, details: { reportedBy: 'professional' } })
    add({ type: 'crime_recorded', at: day(reported, 1, 9), by: oic })
    add({ type: 'referred_to_support_service', at: day(reported, 1, 12), by: oic, victim, details: { service: 'Brightpath Young Survivors Service', consentGiven: true } })
  }
  const abe = (at: Date, intermediary: boolean) =>
    add({ key: 'abe', type: 'abe_interview', at, by: oic, victim, details: { interviewer: 'DC Morven Ashcroft', intermediaryPresent: intermediary } })
  const arrest = (at: Date) => {
    add({ type: 'suspect_arrested', at: day(at, 0, 7), by: oic, suspect: 'A' })
    add({ type: 'suspect_interviewed', at: day(at, 0, 13), by: oic, suspect: 'A', details: { interviewType: 'in_custody' } })
  }
  const charge = (at: Date) =>
    add({ type: 'suspect_charged', at, by: 'cps', suspect: 'A', details: { charges: [{ offence: offenceFor(path, victim, at).description }], remandStatus: 'conditional_bail' } })
  /** Lists a hearing and returns its date. */
  const listed = (key: string, at: Date, hearingType: string, hearingAt: Date) => {
    add({ key, type: 'hearing_listed', at, by: 'witnessCare', details: { hearingType, court: hearingType === 'first_hearing' ? MAGS : CROWN, hearingAt } })
    return hearingAt
  }

  switch (path) {
    case 'trialConvicted':
    case 'trialAcquitted': {
      const trial = day(anchor)
      const reported = day(trial, -460, 15)
      start(reported)
      abe(day(reported, 6), true)
      arrest(day(reported, 13))
      add({ type: 'file_to_cps', at: day(reported, 120, 11), by: oic, details: { requestType: 'full_code_test' } })
      const charged = charge(day(reported, 170, 12))
      const first = listed('first', day(charged, 0, 15), 'first_hearing', day(charged, 21))
      const ptph = listed('ptph', day(first, 0, 12), 'ptph', day(first, 28))
      add({ type: 'not_guilty_plea', at: day(ptph, 0, 11), by: 'witnessCare', suspect: 'A' })
      add({ type: 'special_measures_applied', at: day(ptph, 14), by: 'cps', victim, details: { measures: ['video_recorded_evidence_in_chief', 's28_cross_examination', 'intermediary'] } })
      add({
        type: 'special_measures_decision',
        at: day(ptph, 42, 14),
        by: 'cps',
        victim,
        details: { decisions: ['video_recorded_evidence_in_chief', 's28_cross_examination', 'intermediary'].map((measure) => ({ measure, decision: 'granted' })) },
      })
      add({ type: 'pre_trial_therapy_started', at: day(ptph, 49), by: 'advocate', victim, details: { provider: 'Dale Valley Young People’s Therapy Service', policeAndCpsInformed: true } })
      if (path === 'trialAcquitted') {
        // The first trial listing was ineffective (no judge available) and the trial was relisted.
        const firstTrial = day(trial, -91)
        listed('trial1', day(ptph, 0, 12), 'trial', firstTrial)
        add({ type: 'hearing_outcome', at: firstTrial, by: 'witnessCare', hearing: 'trial1', details: { result: 'ineffective', reason: 'No judge available; the trial was relisted.' } })
        listed('trial', day(firstTrial, 0, 15), 'trial', trial)
      } else {
        listed('trial', day(ptph, 0, 12), 'trial', trial)
      }
      add({ type: 'trial_started', at: trial, by: 'witnessCare', hearing: 'trial' })
      const outcomeAt = day(trial, 4, 15)
      if (path === 'trialConvicted') {
        add({ key: 'end', type: 'case_outcome', at: outcomeAt, by: 'witnessCare', suspect: 'A', details: { outcome: 'convicted_after_trial' } })
        add({ type: 'sentenced', at: day(outcomeAt, 35, 12), by: 'witnessCare', suspect: 'A', details: { custodyMonths: 60 + (trial.getUTCDate() % 5) * 6 } })
      } else {
        add({ key: 'end', type: 'case_outcome', at: outcomeAt, by: 'witnessCare', suspect: 'A', details: { outcome: 'acquitted', unsuccessfulReason: 'evidential' } })
      }
      return { suspects: ['A'], events, closedAt: outcomeAt, advocateFrom: day(reported, 3) }
    }
    case 'guiltyPlea': {
      const reported = day(anchor, 0, 14)
      start(reported)
      abe(day(reported, 5), false)
      arrest(day(reported, 9))
      add({ type: 'file_to_cps', at: day(reported, 50, 11), by: oic, details: { requestType: 'full_code_test' } })
      const charged = charge(day(reported, 80, 12))
      const first = listed('first', day(charged, 0, 15), 'first_hearing', day(charged, 21))
      add({ type: 'hearing_outcome', at: first, by: 'witnessCare', hearing: 'first', details: { result: 'adjourned', reason: 'The defence asked for time to consider the evidence.' } })
      const relisted = listed('first2', day(first, 0, 15), 'first_hearing', day(first, 14))
      const ptph = listed('ptph', day(relisted, 0, 12), 'ptph', day(relisted, 70))
      add({ type: 'guilty_plea', at: day(ptph, 0, 11), by: 'witnessCare', suspect: 'A', details: { toAllCharges: true } })
      const outcomeAt = add({ key: 'end', type: 'case_outcome', at: day(ptph, 0, 12), by: 'witnessCare', suspect: 'A', details: { outcome: 'guilty_plea' } })
      add({ type: 'sentenced', at: day(ptph, 35, 12), by: 'witnessCare', suspect: 'A', details: { custodyMonths: 30 } })
      return { suspects: ['A'], events, closedAt: outcomeAt, advocateFrom: day(charged, 10) }
    }
    case 'discontinued': {
      const reported = day(anchor, 0, 11)
      start(reported)
      abe(day(reported, 7), false)
      arrest(day(reported, 12))
      add({ type: 'file_to_cps', at: day(reported, 45, 11), by: oic, details: { requestType: 'full_code_test' } })
      const charged = charge(day(reported, 75, 12))
      listed('first', day(charged, 0, 15), 'first_hearing', day(charged, 21))
      add({ type: 'victim_withdrew_support', at: day(reported, 160), by: oic, victim, details: { reason: 'Does not want to give evidence; wants support to continue.' } })
      const outcomeAt = add({ key: 'end', type: 'cps_discontinued', at: day(reported, 181, 12), by: 'cps', suspect: 'A', details: { scope: 'all_charges', reason: 'victim_issues' } })
      return { suspects: ['A'], events, closedAt: outcomeAt, advocateFrom: day(charged, 10) }
    }
    case 'cpsNoCharge': {
      const reported = day(anchor, 0, 16)
      start(reported)
      abe(day(reported, 4), false)
      arrest(day(reported, 8))
      add({ type: 'file_to_cps', at: day(reported, 35, 11), by: oic, details: { requestType: 'full_code_test' } })
      const outcomeAt = add({ key: 'end', type: 'cps_no_charge_decision', at: day(reported, 91, 12), by: 'cps', suspect: 'A', details: { reason: 'evidential' } })
      return { suspects: ['A'], events, closedAt: outcomeAt, advocateFrom: day(reported, 3) }
    }
    case 'nfaVictim': {
      const reported = day(anchor, 0, 13)
      start(reported)
      add({ type: 'suspect_interviewed', at: day(reported, 9), by: oic, suspect: 'A', details: { interviewType: 'voluntary' } })
      add({ type: 'victim_withdrew_support', at: day(reported, 16), by: oic, victim, details: { reason: 'Does not want police action; wants support to continue.' } })
      const outcomeAt = add({ key: 'end', type: 'suspect_released_nfa', at: day(reported, 24, 12), by: oic, suspect: 'A', details: { homeOfficeOutcomeCode: '16', reason: 'The victim does not support further action.' } })
      return { suspects: ['A'], events, closedAt: outcomeAt, advocateFrom: day(reported, 3) }
    }
    case 'policeNoCharge': {
      const reported = day(anchor, 0, 10)
      start(reported)
      abe(day(reported, 6), false)
      const outcomeAt = add({ key: 'end', type: 'police_no_charge_decision', at: day(reported, 50, 12), by: oic, suspect: 'A', details: { homeOfficeOutcomeCode: '15', reason: 'The suspect could not be traced for interview; evidential difficulties.' } })
      return { suspects: ['A'], events, closedAt: outcomeAt, advocateFrom: day(reported, 3) }
    }
    case 'noSuspect': {
      const reported = day(anchor, 0, 17)
      start(reported)
      const last = abe(day(reported, 8), false)
      return { suspects: [], events, closedAt: day(last, 60), advocateFrom: day(reported, 3) }
    }
  }
}

/** What each path's reviews found (invented). The no-suspect cases are never finalised, so never reviewed. */
const FINDINGS: Record<Exclude<Path, 'noSuspect'>, { helped: string; hindered: string; lessons: string; tags: string[] }> = {
  trialConvicted: {
    helped: 'The intermediary at the ABE interview and the section 28 recording meant she never had to attend the trial.',
    hindered: 'Fourteen months from charge to trial.',
    lessons: 'Ask for section 28 at the first hearing.\nStart pre-trial therapy early and tell the CPS.',
    tags: ['special-measures', 'intermediary', 'delay'],
  },
  trialAcquitted: {
    helped: 'The same advocate from the report to the verdict.',
    hindered: 'The first trial was ineffective; the young person had prepared for it and was told the day before.',
    lessons: 'Tell the advocate the moment a trial is at risk of not going ahead.',
    tags: ['delay', 'victim-engagement'],
  },
  guiltyPlea: {
    helped: 'A full file with the phone download meant an early guilty plea.',
    hindered: 'The advocate was allocated only after charge.',
    lessons: 'Refer to the advocacy service at the report, not at charge.',
    tags: ['early-advocate'],
  },
  discontinued: {
    helped: 'Support continued after she withdrew.',
    hindered: 'Bail conditions were broken twice before she withdrew support.',
    lessons: 'Review bail conditions with the young person and her advocate after every breach.',
    tags: ['bail-conditions', 'victim-engagement'],
  },
  cpsNoCharge: {
    helped: 'The advocate explained the decision in person the day it was made.',
    hindered: 'The first account was not recorded on video.',
    lessons: 'Arrange an ABE interview before taking a detailed first account.',
    tags: ['abe-quality'],
  },
  nfaVictim: {
    helped: 'Intelligence from her account went to the MASE panel.',
    hindered: 'She was not ready to talk to the police within weeks of the disclosure.',
    lessons: 'Keep the advocate in touch after no further action: she may want to report later.',
    tags: ['victim-engagement', 'multi-agency'],
  },
  policeNoCharge: {
    helped: 'The strategy discussion shared what each agency knew.',
    hindered: 'The suspect moved out of the area before he could be arrested.',
    lessons: 'Share suspect intelligence with neighbouring forces at the strategy discussion.',
    tags: ['multi-agency'],
  },
}

/** Reviews of cases finalised at least this long before the reference date are signed off; later ones still await review. */
const REVIEWED_AFTER = 42 * DAY

/**
 * Writes the history: victims (closed, held by Brightpath), cases (closed), allocations that have
 * ended (advocate and officer in charge; Brightpath keeps holding the record), and journeys.
 * Returns the case ids, for entitlements and reviews, and which reviews to sign off.
 */
export async function seedHistory(
  tx: Prisma.TransactionClient,
  keys: { now: Date; orgId: (key: 'police' | 'cps' | 'witnessCare' | 'brightpath') => string; userId: (key: UserKey) => string },
) {
  const cases = historyCases()
  const victimIds = new Map(cases.map((c) => [c.victim.key, newId()]))
  const caseIds = new Map(cases.map((c) => [c.key, newId()]))
  await tx.victim.createMany({
    data: cases.map(({ victim: v }) => ({
      id: victimIds.get(v.key)!,
      reference: v.reference,
      firstName: v.firstName,
      lastName: v.lastName,
      dateOfBirth: new Date(`${v.dateOfBirth}T00:00:00Z`),
      gender: v.gender,
      phone: v.phone,
      status: 'closed',
      closedAt: v.closedAt,
      createdAt: v.createdAt,
      updatedAt: v.closedAt,
    })),
  })
  await tx.case.createMany({
    data: cases.map((c) => ({
      id: caseIds.get(c.key)!,
      crimeReference: c.crimeReference,
      cpsUrn: c.cpsUrn ?? null,
      policeOrganisationId: keys.orgId('police'),
      cpsOrganisationId: c.sentToCpsAt ? keys.orgId('cps') : null,
      witnessCareOrganisationId: c.witnessCare ? keys.orgId('witnessCare') : null,
      summary: c.summary,
      stage: 'reported', // set from the journal by seedJourneys
      status: 'closed',
      createdAt: c.createdAt,
      updatedAt: c.closedAt,
    })),
  })
  await tx.victimCase.createMany({ data: cases.map((c) => ({ caseId: caseIds.get(c.key)!, victimId: victimIds.get(c.victim.key)! })) })
  const allocations = await tx.allocation.createMany({
    data: cases.flatMap((c) => {
      const victimId = victimIds.get(c.victim.key)!
      const brightpath = keys.orgId('brightpath')
      return [
        { kind: 'service', victimId, caseId: null, userId: null, organisationId: brightpath, startedAt: day(c.createdAt, 2), endedAt: null },
        { kind: 'lead_advocate', victimId, caseId: null, userId: keys.userId('advocate'), organisationId: brightpath, startedAt: c.victim.advocateFrom, endedAt: c.victim.closedAt },
        { kind: 'oic', victimId: null, caseId: caseIds.get(c.key)!, userId: keys.userId(c.oic), organisationId: keys.orgId('police'), startedAt: c.createdAt, endedAt: c.closedAt },
      ]
    }),
  })
  const journeyCases: JourneyCase<string>[] = cases.map((c) => ({
    key: c.key,
    crimeReference: c.crimeReference,
    caseId: caseIds.get(c.key)!,
    victims: [c.victim.key],
    createdAt: c.createdAt,
    sentToCpsAt: c.sentToCpsAt,
    journey: c.journey,
  }))
  const journal = await seedJourneys(tx, journeyCases, { now: keys.now, victimId: (k) => victimIds.get(k)!, userId: keys.userId })
  const signOff = cases.flatMap((c) =>
    c.path !== 'noSuspect' && c.closedAt.getTime() + REVIEWED_AFTER <= DEMO_REFERENCE_DATE.getTime()
      ? [{ caseId: caseIds.get(c.key)!, at: day(c.closedAt, 28, 15), ...FINDINGS[c.path] }]
      : [],
  )
  return { caseIds: [...caseIds.values()], signOff, victims: cases.length, cases: cases.length, allocations: allocations.count, ...journal }
}
