// Demo journeys: the offences, suspects, journal events and victim contacts of each seeded case
// (prisma/seed.ts creates the rows, validating every event as the journal service would).
//
// Dates. Everything that has happened is fixed on a calendar date on or before DEMO_REFERENCE_DATE
// (23 November 2026), matching each case's summary and the victims, cases and allocations of the
// seed. What is still to come — hearings listed and the end of pre-charge bail — is computed from
// the clock when the seed runs (`ahead(days)`: that many days after today, moved to a Monday if it
// falls at a weekend), because the demo runs on the real clock and "upcoming hearings" must be
// upcoming. Stages are derived from the journal at seed time, so a demo seeded long after the
// reference date shows what has moved on by then (for example K9's appeal window, which closes on
// 4 December 2026, 28 days after the sentence).
//
// Invented throughout: courts (Northmoor Crown Court, Northmoor and Dalebridge Magistrates'
// Courts), interviewers, providers. Suspects are pseudonymous labels (Suspect A, B, …).
import type { OffenceCategory } from '../../app/domain/cases/offences'
import type { EventTypeId } from '../../app/domain/journey/events'
import type { CaseKey } from './cases'
import type { UserKey, VictimKey } from './people'

export interface EventSeed<V extends string = VictimKey> {
  /** Local name, for hearing references, corrections and contacts in the same case. */
  key?: string
  type: EventTypeId
  at: Date
  /** Who recorded it: a user whose role owns this type of event. */
  by: UserKey
  victim?: V
  /** Suspect label letter ('A' → "Suspect A"). */
  suspect?: string
  received?: Date
  details?: Record<string, unknown>
  /** Key of the hearing_listed event this refers to (details.hearingEventId). */
  hearing?: string
  /** Key of the event this one corrects, and why. */
  corrects?: string
  reason?: string
  /** When it was entered (defaults to shortly after it happened or was received). */
  recordedAt?: Date
}

export interface OffenceSeed<V extends string = VictimKey> {
  victim?: V
  description: string
  category: OffenceCategory
  from: string
  to?: string
}

export interface ContactSeed<V extends string = VictimKey> {
  victim: V
  at: Date
  by: UserKey
  method: 'in_person' | 'phone' | 'video' | 'letter' | 'email' | 'text_message' | 'via_advocate'
  withWhom: 'victim' | 'parent_or_guardian' | 'nominated_contact'
  summary: string
  /** Keys of the events the contact was about. */
  about: string[]
}

export interface CaseJourneySeed<V extends string = VictimKey> {
  suspects: string[]
  offences: OffenceSeed<V>[]
  events: EventSeed<V>[]
  contacts: ContactSeed<V>[]
}

/** Future dates used by the journeys (also written into case summaries). */
export interface FutureDates {
  k3BailEnds: Date
  k6PtphForD: Date
  k6Trial: Date
  k7Section28: Date
  k8Trial: Date
  /** The date first (wrongly) recorded for K8's trial, corrected later. */
  k8TrialMistyped: Date
}

const DAY = 24 * 60 * 60 * 1000

/** `days` after the current UTC date, at `hour` UTC, moved on to a Monday if it is a weekend. */
export function aheadOf(now: Date, days: number, hour = 10): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour))
  const weekday = d.getUTCDay()
  if (weekday === 6) return new Date(d.getTime() + 2 * DAY)
  if (weekday === 0) return new Date(d.getTime() + DAY)
  return d
}

export function futureDates(now: Date): FutureDates {
  return {
    k3BailEnds: aheadOf(now, 19, 12),
    k6PtphForD: aheadOf(now, 12),
    k6Trial: aheadOf(now, 94),
    k7Section28: aheadOf(now, 9),
    // Within the next seven days (at most five, after the weekend rule), so the caseload's
    // "hearing in the next 7 days" filter and the victim's upcoming hearings both show it.
    k8Trial: aheadOf(now, 3),
    k8TrialMistyped: aheadOf(now, 10),
  }
}

const on = (isoDate: string, hour = 10, minute = 0) =>
  new Date(`${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`)

const CROWN = 'Northmoor Crown Court'
const NORTHMOOR_MAGS = 'Northmoor Magistrates’ Court'
const DALEBRIDGE_MAGS = 'Dalebridge Magistrates’ Court'

/** The journeys of cases K1–K12, with future dates from `f`. */
export function caseJourneys(f: FutureDates): Record<CaseKey, CaseJourneySeed> {
  return {
    // K1 — just reported: crime recorded, needs assessed, referred to Brightpath. No suspect identified.
    k1: {
      suspects: [],
      offences: [
        { victim: 'kayla', description: 'Sexual communication with a child, on a gaming platform', category: 'grooming', from: '2026-09-01', to: '2026-11-18' },
        { victim: 'kayla', description: 'Inciting a child to send indecent images', category: 'indecent_images', from: '2026-10-10', to: '2026-11-18' },
      ],
      events: [
        { key: 'reported', type: 'crime_reported', at: on('2026-11-20', 14, 10), by: 'officer', victim: 'kayla', details: { reportedBy: 'parent_or_carer', summary: 'Mother found messages from an adult contact on Kayla’s games console and phoned 101.' } },
        { key: 'recorded', type: 'crime_recorded', at: on('2026-11-20', 17, 30), by: 'officer', details: { notes: 'Console and phone seized for download.' } },
        { type: 'needs_assessment_completed', at: on('2026-11-21', 11), by: 'officer', victim: 'kayla', details: { assessedBy: 'police', enhancedRightsIdentified: true, needs: 'Prefers contact through her mother after school; anxious about her friends finding out.' } },
        { key: 'referral', type: 'referred_to_support_service', at: on('2026-11-21', 11, 30), by: 'officer', victim: 'kayla', details: { service: 'Brightpath Young Survivors Service', consentGiven: true } },
      ],
      contacts: [
        { victim: 'kayla', at: on('2026-11-21', 12), by: 'officer', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Told her mother the crime is recorded, what happens next (an ABE interview), and that Kayla has been referred to Brightpath with their agreement.', about: ['recorded', 'referral'] },
        { victim: 'kayla', at: on('2026-11-23', 15), by: 'advocate', method: 'in_person', withWhom: 'victim', summary: 'First meeting at home with Kayla and her mother: explained the advocate’s role and what an ABE interview is like.', about: ['referral'] },
      ],
    },

    // K2 — investigation: strategy discussion, ABE interviews (an intermediary for Tia). Two suspects identified, not yet arrested.
    k2: {
      suspects: ['A', 'B'],
      offences: [
        { victim: 'amira', description: 'Sexual activity with a child', category: 'sexual_activity_with_child', from: '2026-06-01', to: '2026-09-20' },
        { victim: 'tiana', description: 'Sexual activity with a child', category: 'sexual_activity_with_child', from: '2026-07-15', to: '2026-09-20' },
        { description: 'Arranging or facilitating the sexual exploitation of a child', category: 'child_sexual_exploitation', from: '2026-06-01', to: '2026-09-20' },
      ],
      events: [
        { type: 'crime_reported', at: on('2026-09-25', 22, 35), by: 'officer', details: { reportedBy: 'professional', summary: 'Children’s home staff reported both girls returning late in cars driven by adult men.' } },
        { type: 'crime_recorded', at: on('2026-09-26', 9), by: 'officer' },
        { key: 'strategy', type: 'strategy_discussion', at: on('2026-09-28', 14), by: 'officer', details: { agencies: ['police', 'childrens_social_care', 'education', 'health'], decisions: 'Section 47 enquiries for both girls; ABE interviews; disruption at the takeaway.' } },
        { type: 'needs_assessment_completed', at: on('2026-09-30', 10), by: 'advocate', victim: 'amira', details: { assessedBy: 'advocate', enhancedRightsIdentified: true } },
        { type: 'needs_assessment_completed', at: on('2026-10-01', 11), by: 'advocate2', victim: 'tiana', details: { assessedBy: 'advocate', enhancedRightsIdentified: true, needs: 'Speech and language needs: short questions, visual aids.' } },
        { key: 'abeAmira', type: 'abe_interview', at: on('2026-10-02', 10), by: 'officer', victim: 'amira', details: { interviewer: 'DC Rowan Pellow', intermediaryPresent: false, supporter: 'Ama Okafor-Reyes (advocate)', location: 'Dalebridge child interview suite' } },
        { type: 'intermediary_requested', at: on('2026-10-01', 15), by: 'officer', victim: 'tiana', details: { requestedBy: 'police', reference: 'WIS-26-04471' } },
        { key: 'abeTia', type: 'abe_interview', at: on('2026-10-09', 10), by: 'officer', victim: 'tiana', details: { interviewer: 'PC Leanne Ashdown', intermediaryPresent: true, location: 'Dalebridge child interview suite' } },
      ],
      contacts: [
        { victim: 'amira', at: on('2026-10-02', 13), by: 'advocate', method: 'in_person', withWhom: 'victim', summary: 'After the ABE interview: talked through how it went and what the police will do next.', about: ['abeAmira'] },
        { victim: 'tiana', at: on('2026-10-09', 14), by: 'advocate2', method: 'in_person', withWhom: 'parent_or_guardian', summary: 'With Tia’s mother after the interview: explained that two men have been identified and the police will update them before any arrest.', about: ['abeTia', 'strategy'] },
      ],
    },

    // K3 — arrested, interviewed and on bail until a future date; one correction (bail date typed wrongly).
    k3: {
      suspects: ['A'],
      offences: [
        { victim: 'leah', description: 'Sexual activity with a child', category: 'sexual_activity_with_child', from: '2026-05-20', to: '2026-07-10' },
        { victim: 'isla', description: 'Arranging a child sex offence', category: 'child_sexual_exploitation', from: '2026-06-15', to: '2026-07-12' },
      ],
      events: [
        { type: 'crime_reported', at: on('2026-07-14', 18, 20), by: 'officer', victim: 'leah', details: { reportedBy: 'victim' } },
        { type: 'crime_recorded', at: on('2026-07-15', 9), by: 'officer' },
        { type: 'referred_to_support_service', at: on('2026-07-15', 11), by: 'officer', victim: 'leah', details: { service: 'Brightpath Young Survivors Service', consentGiven: true } },
        { key: 'abeLeah', type: 'abe_interview', at: on('2026-07-22', 10), by: 'officer', victim: 'leah', details: { interviewer: 'DC Rowan Pellow', intermediaryPresent: false, supporter: 'Ama Okafor-Reyes (advocate)', location: 'Northmoor child interview suite' } },
        { key: 'abeIsla', type: 'abe_interview', at: on('2026-07-28', 14), by: 'officer', victim: 'isla', details: { interviewer: 'DS Owen Trevaskis', intermediaryPresent: false, location: 'Visually recorded at her placement' } },
        { key: 'arrest', type: 'suspect_arrested', at: on('2026-08-03', 6, 30), by: 'officer', suspect: 'A', details: { suspectedOffences: 'Sexual activity with a child; arranging a child sex offence' } },
        { type: 'suspect_interviewed', at: on('2026-08-03', 14), by: 'officer', suspect: 'A', details: { interviewType: 'in_custody' } },
        { key: 'bailTypo', type: 'suspect_bailed', at: on('2026-08-03', 19), by: 'officer', suspect: 'A', details: { bailEndDate: on('2026-11-02', 12), conditions: 'Not to contact either girl directly or indirectly; not to enter Northmoor town centre.', victimViewsSought: true } },
        { key: 'bail', type: 'suspect_bailed', at: on('2026-08-03', 19), by: 'officer', suspect: 'A', details: { bailEndDate: on('2026-11-03', 12), conditions: 'Not to contact either girl directly or indirectly; not to enter Northmoor town centre.', victimViewsSought: true }, corrects: 'bailTypo', reason: 'Bail end date typed wrongly: the custody record shows 3 November 2026.', recordedAt: on('2026-08-04', 9, 15) },
        { key: 'extended', type: 'bail_conditions_changed', at: on('2026-10-30', 16), by: 'officer', suspect: 'A', details: { change: 'extended', newBailEndDate: f.k3BailEnds, conditions: 'Conditions unchanged.' } },
      ],
      contacts: [
        { victim: 'leah', at: on('2026-08-03', 20), by: 'officer', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Told Leah’s father the suspect was arrested, interviewed and released on bail with conditions not to contact Leah.', about: ['arrest', 'bail'] },
        { victim: 'isla', at: on('2026-08-04', 10), by: 'officer', method: 'in_person', withWhom: 'nominated_contact', summary: 'Told Isla’s social worker about the arrest and the bail conditions, to share with Isla at the placement.', about: ['arrest', 'bail'] },
        { victim: 'leah', at: on('2026-10-31', 11), by: 'advocate', method: 'phone', withWhom: 'victim', summary: 'Passed on from the OIC: bail has been extended with the same conditions while the phones are examined.', about: ['extended'] },
      ],
    },

    // K4 — arrested and released under investigation (no bail conditions).
    k4: {
      suspects: ['A'],
      offences: [{ victim: 'sofia', description: 'Sexual activity with a child', category: 'sexual_activity_with_child', from: '2026-01-05', to: '2026-03-10' }],
      events: [
        { type: 'crime_reported', at: on('2026-03-16', 9, 45), by: 'officer2', victim: 'sofia', details: { reportedBy: 'parent_or_carer' } },
        { type: 'crime_recorded', at: on('2026-03-16', 12), by: 'officer2' },
        { type: 'referred_to_support_service', at: on('2026-03-18', 10), by: 'officer2', victim: 'sofia', details: { service: 'Harbour Lights Therapeutic Support', consentGiven: true } },
        { type: 'abe_interview', at: on('2026-03-25', 10), by: 'officer2', victim: 'sofia', details: { interviewer: 'DC Hana Siddiqui', intermediaryPresent: false, supporter: 'Callum Fairweather (advocate)' } },
        { key: 'arrest', type: 'suspect_arrested', at: on('2026-04-14', 7), by: 'officer2', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2026-04-14', 13), by: 'officer2', suspect: 'A', details: { interviewType: 'in_custody' } },
        { key: 'rui', type: 'suspect_released_under_investigation', at: on('2026-04-14', 18), by: 'officer2', suspect: 'A', details: { notes: 'Phones sent for examination. Child Abduction Warning Notice served.' } },
      ],
      contacts: [
        { victim: 'sofia', at: on('2026-04-15', 10), by: 'officer2', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Told Sofia’s mother the man was arrested and released under investigation, that there are no bail conditions, and that a warning notice was served.', about: ['arrest', 'rui'] },
      ],
    },

    // K5 — two suspects interviewed, full file with CPS for a charging decision.
    k5: {
      suspects: ['A', 'B'],
      offences: [
        { victim: 'zainab', description: 'Rape of a child', category: 'rape', from: '2024-10-01', to: '2025-04-30' },
        { victim: 'nadia', description: 'Sexual activity with a child', category: 'sexual_activity_with_child', from: '2024-11-01', to: '2025-04-30' },
      ],
      events: [
        { type: 'crime_reported', at: on('2026-02-23', 16), by: 'officer', victim: 'zainab', details: { reportedBy: 'victim' } },
        { type: 'crime_recorded', at: on('2026-02-24', 9), by: 'officer' },
        { type: 'referred_to_support_service', at: on('2026-02-25', 10), by: 'officer', victim: 'zainab', details: { service: 'Brightpath Young Survivors Service', consentGiven: true } },
        { type: 'referred_to_support_service', at: on('2026-02-27', 10), by: 'officer', victim: 'nadia', details: { service: 'Brightpath Young Survivors Service', consentGiven: false } },
        { type: 'abe_interview', at: on('2026-03-04', 10), by: 'officer', victim: 'zainab', details: { interviewer: 'DC Rowan Pellow', intermediaryPresent: false, supporter: 'Ama Okafor-Reyes (advocate)' } },
        { type: 'abe_interview', at: on('2026-03-06', 10), by: 'officer', victim: 'nadia', details: { interviewer: 'PC Leanne Ashdown', intermediaryPresent: false } },
        { type: 'suspect_arrested', at: on('2026-05-12', 6), by: 'officer', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2026-05-12', 15), by: 'officer', suspect: 'A', details: { interviewType: 'in_custody' } },
        { type: 'suspect_released_under_investigation', at: on('2026-05-12', 20), by: 'officer', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2026-06-02', 11), by: 'officer', suspect: 'B', details: { interviewType: 'voluntary' } },
        { key: 'file', type: 'file_to_cps', at: on('2026-10-30', 15, 30), by: 'officer', details: { requestType: 'full_code_test' } },
        { type: 'vps_offered', at: on('2026-11-04', 16), by: 'advocate', victim: 'zainab', details: { response: 'undecided' } },
      ],
      contacts: [
        { victim: 'zainab', at: on('2026-10-30', 17), by: 'officer', method: 'phone', withWhom: 'victim', summary: 'Told Zee the full file has gone to the CPS for a charging decision and that it may take several weeks.', about: ['file'] },
        { victim: 'nadia', at: on('2026-11-02', 12), by: 'officer', method: 'letter', withWhom: 'victim', summary: 'Letter to Nadia: the file is with the CPS for a charging decision; the OIC will tell her the decision.', about: ['file'] },
      ],
    },

    // K6 — four defendants. A–C charged in June (first hearing, PTPH, not guilty pleas, trial listed
    // in the future); D charged in November, PTPH still to come, so the case is at PTPH.
    k6: {
      suspects: ['A', 'B', 'C', 'D'],
      offences: [
        { description: 'Arranging or facilitating travel of another person with a view to sexual exploitation', category: 'trafficking_sexual_exploitation', from: '2025-05-01', to: '2025-09-30' },
        { victim: 'ruby', description: 'Controlling a child in relation to sexual exploitation', category: 'child_sexual_exploitation', from: '2025-05-01', to: '2025-09-30' },
        { victim: 'chloe', description: 'Controlling a child in relation to sexual exploitation', category: 'child_sexual_exploitation', from: '2025-05-01', to: '2025-08-31' },
        { victim: 'ruby', description: 'Sexual activity with a child', category: 'sexual_activity_with_child', from: '2025-06-01', to: '2025-09-30' },
      ],
      events: [
        { type: 'crime_reported', at: on('2025-10-06', 13, 15), by: 'officer2', details: { reportedBy: 'professional', summary: 'Residential staff at Larchfield House reported Ruby missing overnight three times in a month.' } },
        { type: 'crime_recorded', at: on('2025-10-06', 16), by: 'officer2' },
        { type: 'strategy_discussion', at: on('2025-10-08', 14), by: 'officer2', details: { agencies: ['police', 'childrens_social_care', 'health', 'advocate_service'] } },
        { type: 'abe_interview', at: on('2025-10-20', 10), by: 'officer2', victim: 'ruby', details: { interviewer: 'DC Hana Siddiqui', intermediaryPresent: false, supporter: 'Ama Okafor-Reyes (advocate)' } },
        { type: 'abe_interview', at: on('2025-11-03', 10), by: 'officer2', victim: 'chloe', details: { interviewer: 'DC Hana Siddiqui', intermediaryPresent: false } },
        ...(['A', 'B', 'C'] as const).flatMap((s, i): EventSeed[] => [
          { type: 'suspect_arrested', at: on('2026-01-27', 6 + i), by: 'officer2', suspect: s },
          { type: 'suspect_interviewed', at: on('2026-01-27', 13 + i), by: 'officer2', suspect: s, details: { interviewType: 'in_custody' } },
          { type: 'suspect_bailed', at: on('2026-01-28', 9 + i), by: 'officer2', suspect: s, details: { bailEndDate: on('2026-04-28', 12), conditions: 'Not to contact any prosecution witness; not to enter Dalebridge.' } },
        ]),
        { type: 'file_to_cps', at: on('2026-04-20', 11), by: 'officer', details: { requestType: 'full_code_test' } },
        ...(['A', 'B', 'C'] as const).map((s): EventSeed => ({
          key: `charge${s}`,
          type: 'suspect_charged',
          at: on('2026-06-12', 11),
          by: 'officer',
          suspect: s,
          details: {
            charges: [{ offence: 'Arranging or facilitating travel with a view to sexual exploitation' }, { offence: 'Controlling a child in relation to sexual exploitation' }],
            remandStatus: s === 'C' ? 'conditional_bail' : 'custody',
          },
        })),
        { key: 'first', type: 'hearing_listed', at: on('2026-06-12', 15), by: 'witnessCare', details: { hearingType: 'first_hearing', court: NORTHMOOR_MAGS, hearingAt: on('2026-06-13', 10) } },
        { type: 'hearing_outcome', at: on('2026-06-13', 10), by: 'witnessCare', hearing: 'first', details: { result: 'effective' }, received: on('2026-06-13', 16) },
        { key: 'ptph', type: 'hearing_listed', at: on('2026-06-13', 12), by: 'witnessCare', details: { hearingType: 'ptph', court: CROWN, hearingAt: on('2026-07-15', 10) }, received: on('2026-06-15', 9) },
        { type: 'hearing_outcome', at: on('2026-07-15', 10), by: 'witnessCare', hearing: 'ptph', details: { result: 'effective' }, received: on('2026-07-15', 17) },
        ...(['A', 'B', 'C'] as const).map((s): EventSeed => ({ key: `ng${s}`, type: 'not_guilty_plea', at: on('2026-07-15', 11), by: 'witnessCare', suspect: s, received: on('2026-07-15', 17) })),
        { key: 'trial', type: 'hearing_listed', at: on('2026-07-15', 12), by: 'witnessCare', details: { hearingType: 'trial', court: CROWN, hearingAt: f.k6Trial }, received: on('2026-07-15', 17) },
        { type: 'witness_required', at: on('2026-07-15', 12), by: 'witnessCare', victim: 'ruby', hearing: 'trial', received: on('2026-07-16', 10) },
        { type: 'witness_required', at: on('2026-07-15', 12), by: 'witnessCare', victim: 'chloe', hearing: 'trial', received: on('2026-07-16', 10) },
        { type: 'special_measures_applied', at: on('2026-08-10', 10), by: 'cps', victim: 'ruby', details: { measures: ['video_recorded_evidence_in_chief', 'live_link', 'removal_of_wigs_and_gowns'] } },
        { type: 'pre_trial_therapy_started', at: on('2026-08-18', 16), by: 'advocate', victim: 'ruby', details: { provider: 'Dale Valley Children’s Therapy Service', policeAndCpsInformed: true } },
        // Suspect D: identified from phone downloads, charged later; his PTPH is still to come.
        { type: 'suspect_arrested', at: on('2026-10-21', 6), by: 'officer', suspect: 'D' },
        { type: 'suspect_interviewed', at: on('2026-10-21', 12), by: 'officer', suspect: 'D', details: { interviewType: 'in_custody' } },
        { key: 'chargeD', type: 'suspect_charged', at: on('2026-11-02', 11), by: 'officer', suspect: 'D', details: { charges: [{ offence: 'Controlling a child in relation to sexual exploitation' }], remandStatus: 'conditional_bail' } },
        { key: 'firstD', type: 'hearing_listed', at: on('2026-11-02', 14), by: 'witnessCare', suspect: 'D', details: { hearingType: 'first_hearing', court: DALEBRIDGE_MAGS, hearingAt: on('2026-11-04', 10) } },
        { type: 'hearing_outcome', at: on('2026-11-04', 10), by: 'witnessCare', suspect: 'D', hearing: 'firstD', details: { result: 'effective' }, received: on('2026-11-04', 15) },
        { key: 'ptphD', type: 'hearing_listed', at: on('2026-11-04', 12), by: 'witnessCare', suspect: 'D', details: { hearingType: 'ptph', court: CROWN, hearingAt: f.k6PtphForD }, received: on('2026-11-05', 9) },
      ],
      contacts: [
        { victim: 'ruby', at: on('2026-06-12', 16), by: 'witnessCare', method: 'in_person', withWhom: 'nominated_contact', summary: 'With Ruby’s key worker at Larchfield House: three men charged, two remanded in custody, one on bail not to contact her; first hearing tomorrow.', about: ['chargeA', 'chargeB', 'chargeC', 'first'] },
        { victim: 'chloe', at: on('2026-06-12', 17), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Told Chloe three men have been charged and about the first hearing tomorrow.', about: ['chargeA', 'chargeB', 'chargeC', 'first'] },
        { victim: 'ruby', at: on('2026-07-16', 11), by: 'witnessCare', method: 'in_person', withWhom: 'nominated_contact', summary: 'Not guilty pleas at the PTPH; trial date fixed. Ruby will be needed as a witness; special measures to be applied for.', about: ['ngA', 'ngB', 'ngC', 'trial'] },
        { victim: 'chloe', at: on('2026-07-16', 12), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Not guilty pleas; trial date fixed; Chloe will be needed as a witness.', about: ['ngA', 'ngB', 'ngC', 'trial'] },
        { victim: 'ruby', at: on('2026-11-03', 10), by: 'witnessCare', method: 'in_person', withWhom: 'nominated_contact', summary: 'A fourth man has been charged and is on bail not to contact Ruby; his first hearing is tomorrow.', about: ['chargeD', 'firstD'] },
      ],
    },

    // K7 — charged; special measures granted (section 28); ground rules hearing held; section 28 recording in the future.
    k7: {
      suspects: ['A'],
      offences: [
        { victim: 'maya', description: 'Causing or inciting a child to engage in sexual activity', category: 'causing_inciting_sexual_activity', from: '2025-05-01', to: '2025-08-10' },
        { victim: 'maya', description: 'Sexual exploitation of a child', category: 'child_sexual_exploitation', from: '2025-05-01', to: '2025-08-10' },
      ],
      events: [
        { type: 'crime_reported', at: on('2025-08-18', 17, 40), by: 'officer2', victim: 'maya', details: { reportedBy: 'parent_or_carer' } },
        { type: 'crime_recorded', at: on('2025-08-19', 9), by: 'officer2' },
        { type: 'referred_to_support_service', at: on('2025-08-20', 11), by: 'officer2', victim: 'maya', details: { service: 'Brightpath Young Survivors Service', consentGiven: true } },
        { type: 'intermediary_requested', at: on('2025-08-22', 10), by: 'officer2', victim: 'maya', details: { requestedBy: 'police', reference: 'WIS-25-03318' } },
        { type: 'abe_interview', at: on('2025-09-03', 10), by: 'officer2', victim: 'maya', details: { interviewer: 'DC Hana Siddiqui', intermediaryPresent: true, supporter: 'Ama Okafor-Reyes (advocate)' } },
        { type: 'suspect_arrested', at: on('2025-09-10', 7), by: 'officer2', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2025-09-10', 14), by: 'officer2', suspect: 'A', details: { interviewType: 'in_custody' } },
        { type: 'suspect_bailed', at: on('2025-09-10', 20), by: 'officer2', suspect: 'A', details: { bailEndDate: on('2025-12-10', 12), conditions: 'Not to contact Maya or her family; to live at his home address.' } },
        { type: 'bail_conditions_changed', at: on('2025-12-08', 15), by: 'officer2', suspect: 'A', details: { change: 'extended', newBailEndDate: on('2026-03-10', 12) } },
        { type: 'file_to_cps', at: on('2026-01-12', 10), by: 'officer2', details: { requestType: 'full_code_test' } },
        { key: 'charge', type: 'suspect_charged', at: on('2026-02-20', 12), by: 'officer2', suspect: 'A', details: { charges: [{ offence: 'Causing or inciting a child to engage in sexual activity' }, { offence: 'Sexual exploitation of a child' }], remandStatus: 'conditional_bail' } },
        { key: 'first', type: 'hearing_listed', at: on('2026-02-20', 15), by: 'witnessCare', details: { hearingType: 'first_hearing', court: NORTHMOOR_MAGS, hearingAt: on('2026-02-23', 10) } },
        { type: 'hearing_outcome', at: on('2026-02-23', 10), by: 'witnessCare', hearing: 'first', details: { result: 'effective' } },
        { key: 'ptph', type: 'hearing_listed', at: on('2026-02-23', 12), by: 'witnessCare', details: { hearingType: 'ptph', court: CROWN, hearingAt: on('2026-03-23', 10) } },
        { type: 'hearing_outcome', at: on('2026-03-23', 10), by: 'witnessCare', hearing: 'ptph', details: { result: 'effective' } },
        { key: 'ng', type: 'not_guilty_plea', at: on('2026-03-23', 11), by: 'witnessCare', suspect: 'A' },
        { key: 'smApplied', type: 'special_measures_applied', at: on('2026-04-01', 10), by: 'cps', victim: 'maya', details: { measures: ['video_recorded_evidence_in_chief', 's28_cross_examination', 'intermediary', 'screen'] } },
        { key: 'smDecided', type: 'special_measures_decision', at: on('2026-04-20', 14), by: 'cps', victim: 'maya', received: on('2026-04-21', 10), details: { decisions: [{ measure: 'video_recorded_evidence_in_chief', decision: 'granted' }, { measure: 's28_cross_examination', decision: 'granted' }, { measure: 'intermediary', decision: 'granted' }, { measure: 'screen', decision: 'granted' }] } },
        { type: 'pre_trial_therapy_started', at: on('2026-05-06', 16), by: 'advocate', victim: 'maya', details: { provider: 'Dale Valley Children’s Therapy Service', policeAndCpsInformed: true } },
        { key: 'grh', type: 'hearing_listed', at: on('2026-10-05', 12), by: 'witnessCare', details: { hearingType: 'ground_rules', court: CROWN, hearingAt: on('2026-11-10', 10) } },
        { type: 'hearing_outcome', at: on('2026-11-10', 10), by: 'witnessCare', hearing: 'grh', details: { result: 'effective' }, received: on('2026-11-10', 15) },
        { key: 's28', type: 'hearing_listed', at: on('2026-11-10', 12), by: 'witnessCare', details: { hearingType: 's28_recording', court: CROWN, hearingAt: f.k7Section28 }, received: on('2026-11-10', 15) },
        { type: 'witness_required', at: on('2026-11-10', 12), by: 'witnessCare', victim: 'maya', hearing: 's28', received: on('2026-11-10', 15) },
        { key: 'visit', type: 'court_familiarisation_visit', at: on('2026-11-17', 16), by: 'advocate', victim: 'maya', details: { court: CROWN, visitType: 'virtual' } },
      ],
      contacts: [
        { victim: 'maya', at: on('2026-02-20', 17), by: 'witnessCare', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Told Maya’s mother the man was charged and bailed with conditions not to contact the family; first hearing on 23 February.', about: ['charge', 'first'] },
        { victim: 'maya', at: on('2026-04-21', 14), by: 'witnessCare', method: 'phone', withWhom: 'parent_or_guardian', summary: 'All four special measures granted: Maya’s cross-examination will be recorded in advance, with an intermediary.', about: ['smApplied', 'smDecided'] },
        { victim: 'maya', at: on('2026-11-10', 16), by: 'witnessCare', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Ground rules agreed; the recording date is fixed. Offered a familiarisation visit.', about: ['s28'] },
        { victim: 'maya', at: on('2026-11-17', 17), by: 'advocate', method: 'video', withWhom: 'victim', summary: 'Virtual tour of the live link room with Maya; talked through the day of the recording.', about: ['visit'] },
      ],
    },

    // K8 — two suspects on different paths: A charged (trial within the week, special measures
    // granted); B released with no further action (outcome 15). The trial listing was corrected.
    k8: {
      suspects: ['A', 'B'],
      offences: [
        { victim: 'chloe', description: 'Paying for the sexual services of a child', category: 'child_sexual_exploitation', from: '2024-05-01', to: '2025-05-20' },
        { victim: 'chloe', description: 'Controlling a child in relation to sexual exploitation', category: 'child_sexual_exploitation', from: '2024-05-01', to: '2025-05-20' },
      ],
      events: [
        { type: 'crime_reported', at: on('2025-06-02', 11, 25), by: 'officer', victim: 'chloe', details: { reportedBy: 'victim' } },
        { type: 'crime_recorded', at: on('2025-06-02', 15), by: 'officer' },
        { type: 'referred_to_support_service', at: on('2025-06-03', 10), by: 'officer', victim: 'chloe', details: { service: 'Harbour Lights Therapeutic Support', consentGiven: true } },
        { type: 'abe_interview', at: on('2025-06-11', 10), by: 'officer', victim: 'chloe', details: { interviewer: 'DC Rowan Pellow', intermediaryPresent: false, supporter: 'Callum Fairweather (advocate)' } },
        { type: 'suspect_arrested', at: on('2025-07-08', 6), by: 'officer', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2025-07-08', 13), by: 'officer', suspect: 'A', details: { interviewType: 'in_custody' } },
        { type: 'suspect_bailed', at: on('2025-07-08', 19), by: 'officer', suspect: 'A', details: { bailEndDate: on('2025-10-08', 12), conditions: 'Not to contact Chloe.' } },
        { type: 'suspect_arrested', at: on('2025-07-08', 7), by: 'officer', suspect: 'B', details: { suspectedOffences: 'Controlling a child in relation to sexual exploitation (let the flat)' } },
        { type: 'suspect_interviewed', at: on('2025-07-08', 15), by: 'officer', suspect: 'B', details: { interviewType: 'in_custody' } },
        { type: 'suspect_released_under_investigation', at: on('2025-07-08', 20), by: 'officer', suspect: 'B' },
        { type: 'bail_conditions_changed', at: on('2025-10-06', 15), by: 'officer', suspect: 'A', details: { change: 'extended', newBailEndDate: on('2026-01-08', 12) } },
        { key: 'nfaB', type: 'suspect_released_nfa', at: on('2025-11-28', 14), by: 'officer', suspect: 'B', details: { homeOfficeOutcomeCode: '15', reason: 'Not enough evidence that she knew what the flat was being used for.' } },
        { type: 'file_to_cps', at: on('2025-12-01', 14), by: 'officer', suspect: 'A', details: { requestType: 'full_code_test' } },
        { key: 'charge', type: 'suspect_charged', at: on('2026-01-08', 12), by: 'officer', suspect: 'A', details: { charges: [{ offence: 'Paying for the sexual services of a child' }, { offence: 'Controlling a child in relation to sexual exploitation' }], remandStatus: 'conditional_bail' } },
        { key: 'first', type: 'hearing_listed', at: on('2026-01-08', 16), by: 'witnessCare', suspect: 'A', details: { hearingType: 'first_hearing', court: NORTHMOOR_MAGS, hearingAt: on('2026-02-09', 10) } },
        { type: 'hearing_outcome', at: on('2026-02-09', 10), by: 'witnessCare', hearing: 'first', details: { result: 'effective' } },
        { key: 'ptph', type: 'hearing_listed', at: on('2026-02-09', 12), by: 'witnessCare', suspect: 'A', details: { hearingType: 'ptph', court: CROWN, hearingAt: on('2026-03-09', 10) } },
        { type: 'hearing_outcome', at: on('2026-03-09', 10), by: 'witnessCare', hearing: 'ptph', details: { result: 'effective' } },
        { key: 'ng', type: 'not_guilty_plea', at: on('2026-03-09', 11), by: 'witnessCare', suspect: 'A', received: on('2026-03-09', 16) },
        { key: 'trialTypo', type: 'hearing_listed', at: on('2026-03-09', 12), by: 'witnessCare', suspect: 'A', details: { hearingType: 'trial', court: CROWN, hearingAt: f.k8TrialMistyped }, received: on('2026-03-09', 16) },
        { key: 'trial', type: 'hearing_listed', at: on('2026-03-09', 12), by: 'witnessCare', suspect: 'A', details: { hearingType: 'trial', court: CROWN, hearingAt: f.k8Trial }, received: on('2026-03-09', 16), corrects: 'trialTypo', reason: 'Trial date copied from the wrong line of the court list; the listing officer confirmed the correct date.', recordedAt: on('2026-03-10', 9, 40) },
        { type: 'witness_required', at: on('2026-03-09', 12), by: 'witnessCare', victim: 'chloe', hearing: 'trial', received: on('2026-03-10', 10) },
        { key: 'smApplied', type: 'special_measures_applied', at: on('2026-04-15', 10), by: 'cps', victim: 'chloe', details: { measures: ['video_recorded_evidence_in_chief', 'live_link', 'screen'] } },
        { key: 'smDecided', type: 'special_measures_decision', at: on('2026-05-11', 14), by: 'cps', victim: 'chloe', received: on('2026-05-12', 10), details: { decisions: [{ measure: 'video_recorded_evidence_in_chief', decision: 'granted' }, { measure: 'live_link', decision: 'granted' }, { measure: 'screen', decision: 'granted' }] } },
        { type: 'vps_offered', at: on('2026-06-08', 11), by: 'officer', victim: 'chloe', details: { response: 'wants_to_make' } },
        { key: 'vps', type: 'vps_made', at: on('2026-06-22', 11), by: 'officer', victim: 'chloe', details: { readingPreference: 'read_by_prosecutor', isUpdate: false } },
        { key: 'visit', type: 'court_familiarisation_visit', at: on('2026-11-20', 14), by: 'witnessCare', victim: 'chloe', details: { court: CROWN, visitType: 'in_person' } },
      ],
      contacts: [
        { victim: 'chloe', at: on('2025-11-28', 16), by: 'officer', method: 'phone', withWhom: 'victim', summary: 'Told Chloe the woman who let the flat will face no further action (not enough evidence), and that she can ask for a review under the Victims’ Right to Review scheme.', about: ['nfaB'] },
        { victim: 'chloe', at: on('2026-01-08', 17), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Told Chloe the man has been charged and bailed not to contact her; explained witness care’s role from now on.', about: ['charge'] },
        { victim: 'chloe', at: on('2026-03-10', 10), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Not guilty plea; trial date confirmed; Chloe will be needed as a witness.', about: ['ng', 'trial'] },
        { victim: 'chloe', at: on('2026-05-12', 12), by: 'witnessCare', method: 'email', withWhom: 'victim', summary: 'Special measures granted: her video interview as evidence, live link and screens.', about: ['smApplied', 'smDecided'] },
        { victim: 'chloe', at: on('2026-11-20', 15), by: 'witnessCare', method: 'in_person', withWhom: 'victim', summary: 'Court visit: saw the live link room and met the witness service volunteer for the trial.', about: ['visit', 'trial'] },
      ],
    },

    // K9 — convicted after trial and sentenced on 6 November 2026: appeal window open until 4 December 2026.
    k9: {
      suspects: ['A'],
      offences: [
        { victim: 'kieran', description: 'Meeting a child following sexual grooming', category: 'grooming', from: '2025-01-10', to: '2025-03-15' },
        { victim: 'kieran', description: 'Sexual activity with a child', category: 'sexual_activity_with_child', from: '2025-03-15' },
      ],
      events: [
        { type: 'crime_reported', at: on('2025-03-20', 19, 5), by: 'officer2', victim: 'kieran', details: { reportedBy: 'parent_or_carer' } },
        { type: 'crime_recorded', at: on('2025-03-21', 9), by: 'officer2' },
        { type: 'referred_to_support_service', at: on('2025-03-21', 12), by: 'officer2', victim: 'kieran', details: { service: 'Harbour Lights Therapeutic Support', consentGiven: true } },
        { type: 'abe_interview', at: on('2025-03-27', 10), by: 'officer2', victim: 'kieran', details: { interviewer: 'DS Owen Trevaskis', intermediaryPresent: false, supporter: 'Callum Fairweather (advocate)' } },
        { type: 'suspect_arrested', at: on('2025-04-02', 6), by: 'officer2', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2025-04-02', 12), by: 'officer2', suspect: 'A', details: { interviewType: 'in_custody' } },
        { type: 'suspect_bailed', at: on('2025-04-02', 18), by: 'officer2', suspect: 'A', details: { bailEndDate: on('2025-07-02', 12), conditions: 'No unsupervised contact with children; no use of online gaming platforms.' } },
        { type: 'file_to_cps', at: on('2025-09-15', 12), by: 'officer2', details: { requestType: 'full_code_test' } },
        { key: 'charge', type: 'suspect_charged', at: on('2025-10-17', 12), by: 'cps', suspect: 'A', details: { charges: [{ offence: 'Meeting a child following sexual grooming' }, { offence: 'Sexual activity with a child' }], remandStatus: 'custody' } },
        { key: 'first', type: 'hearing_listed', at: on('2025-10-17', 15), by: 'witnessCare', details: { hearingType: 'first_hearing', court: NORTHMOOR_MAGS, hearingAt: on('2025-10-18', 10) } },
        { key: 'ptph', type: 'hearing_listed', at: on('2025-10-18', 12), by: 'witnessCare', details: { hearingType: 'ptph', court: CROWN, hearingAt: on('2025-11-17', 10) } },
        { type: 'not_guilty_plea', at: on('2025-11-17', 11), by: 'witnessCare', suspect: 'A' },
        { key: 'trial', type: 'hearing_listed', at: on('2025-11-17', 12), by: 'witnessCare', details: { hearingType: 'trial', court: CROWN, hearingAt: on('2026-09-21', 10) } },
        { type: 'special_measures_applied', at: on('2025-12-01', 10), by: 'cps', victim: 'kieran', details: { measures: ['video_recorded_evidence_in_chief', 'live_link'] } },
        { type: 'special_measures_decision', at: on('2026-01-12', 14), by: 'cps', victim: 'kieran', details: { decisions: [{ measure: 'video_recorded_evidence_in_chief', decision: 'granted' }, { measure: 'live_link', decision: 'granted' }] } },
        { type: 'trial_started', at: on('2026-09-21', 10), by: 'witnessCare', hearing: 'trial' },
        { key: 'verdict', type: 'case_outcome', at: on('2026-09-25', 15), by: 'witnessCare', suspect: 'A', details: { outcome: 'convicted_after_trial' }, received: on('2026-09-25', 17) },
        { key: 'sentenceHearing', type: 'hearing_listed', at: on('2026-09-25', 15, 30), by: 'witnessCare', details: { hearingType: 'sentence', court: CROWN, hearingAt: on('2026-11-06', 10) } },
        { type: 'vps_made', at: on('2026-10-14', 15), by: 'advocate2', victim: 'kieran', details: { readingPreference: 'read_by_prosecutor', isUpdate: false } },
        { type: 'hearing_outcome', at: on('2026-11-06', 10), by: 'witnessCare', hearing: 'sentenceHearing', details: { result: 'effective' } },
        { key: 'sentence', type: 'sentenced', at: on('2026-11-06', 12), by: 'witnessCare', suspect: 'A', details: { custodyMonths: 90, otherDisposal: 'Sexual harm prevention order for 15 years.' }, received: on('2026-11-06', 15) },
        { key: 'vcs', type: 'vcs_referral_made', at: on('2026-11-09', 10), by: 'witnessCare', suspect: 'A', victim: 'kieran', details: { victimOptedIn: true } },
      ],
      contacts: [
        { victim: 'kieran', at: on('2026-09-25', 17, 30), by: 'witnessCare', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Told Kieran’s mother the jury found the man guilty on both counts; sentencing on 6 November.', about: ['verdict', 'sentenceHearing'] },
        { victim: 'kieran', at: on('2026-11-06', 16), by: 'witnessCare', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Sentence: 7 years 6 months’ imprisonment and a sexual harm prevention order. Explained the unduly lenient sentence scheme and its 28-day limit.', about: ['sentence'] },
        { victim: 'kieran', at: on('2026-11-09', 11), by: 'witnessCare', method: 'phone', withWhom: 'parent_or_guardian', summary: 'Referred to the Victim Contact Scheme with their agreement.', about: ['vcs'] },
      ],
    },

    // K10 — guilty pleas at PTPH, sentenced in March 2026; in the Victim Contact Scheme.
    k10: {
      suspects: ['A'],
      offences: [
        { victim: 'alex', description: 'Abuse of a position of trust: sexual activity with a child', category: 'sexual_activity_with_child', from: '2023-09-01', to: '2024-07-31' },
        { victim: 'alex', description: 'Making indecent images of a child', category: 'indecent_images', from: '2024-01-01', to: '2024-07-31' },
      ],
      events: [
        { type: 'crime_reported', at: on('2024-08-19', 15, 50), by: 'officer2', victim: 'alex', details: { reportedBy: 'victim' } },
        { type: 'crime_recorded', at: on('2024-08-20', 9), by: 'officer2' },
        { type: 'abe_interview', at: on('2024-08-28', 10), by: 'officer2', victim: 'alex', details: { interviewer: 'DC Hana Siddiqui', intermediaryPresent: false } },
        { type: 'suspect_arrested', at: on('2024-09-04', 7), by: 'officer2', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2024-09-04', 13), by: 'officer2', suspect: 'A', details: { interviewType: 'in_custody' } },
        { type: 'suspect_bailed', at: on('2024-09-04', 19), by: 'officer2', suspect: 'A', details: { bailEndDate: on('2024-12-04', 12), conditions: 'Not to work or volunteer with children.' } },
        { type: 'file_to_cps', at: on('2025-01-20', 10, 30), by: 'officer2', details: { requestType: 'full_code_test' } },
        { key: 'charge', type: 'suspect_charged', at: on('2025-10-01', 11), by: 'officer2', suspect: 'A', details: { charges: [{ offence: 'Abuse of a position of trust: sexual activity with a child' }, { offence: 'Making indecent images of a child' }], remandStatus: 'conditional_bail' } },
        { key: 'first', type: 'hearing_listed', at: on('2025-10-01', 15), by: 'witnessCare', details: { hearingType: 'first_hearing', court: NORTHMOOR_MAGS, hearingAt: on('2025-10-29', 10) } },
        { key: 'ptph', type: 'hearing_listed', at: on('2025-10-29', 12), by: 'witnessCare', details: { hearingType: 'ptph', court: CROWN, hearingAt: on('2026-01-26', 10) } },
        { key: 'plea', type: 'guilty_plea', at: on('2026-01-26', 11), by: 'witnessCare', suspect: 'A', details: { toAllCharges: true }, received: on('2026-01-26', 16) },
        { key: 'sentence', type: 'sentenced', at: on('2026-03-13', 12), by: 'witnessCare', suspect: 'A', details: { custodyMonths: 56, otherDisposal: 'Sexual harm prevention order; barred from working with children.' } },
        { type: 'vcs_referral_made', at: on('2026-03-16', 10), by: 'witnessCare', suspect: 'A', victim: 'alex', details: { victimOptedIn: true } },
        { key: 'vlo', type: 'vlo_contact_made', at: on('2026-10-12', 14), by: 'advocate2', victim: 'alex', suspect: 'A', details: { method: 'phone' } },
      ],
      contacts: [
        { victim: 'alex', at: on('2026-01-26', 17), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Told Alex he pleaded guilty to everything, so there will be no trial and Alex will not need to give evidence.', about: ['plea'] },
        { victim: 'alex', at: on('2026-03-13', 15), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Sentence: 4 years 8 months’ imprisonment. Explained the Victim Contact Scheme.', about: ['sentence'] },
        { victim: 'alex', at: on('2026-10-12', 16), by: 'advocate2', method: 'in_person', withWhom: 'victim', summary: 'Went through the victim liaison officer’s call with Alex: they can ask for licence conditions, including an exclusion zone.', about: ['vlo'] },
      ],
    },

    // K11 — no further action: Ellie withdrew support; suspect released NFA with outcome 16.
    k11: {
      suspects: ['A'],
      offences: [{ victim: 'ellie', description: 'Sexual exploitation of a child', category: 'child_sexual_exploitation', from: '2025-11-01', to: '2026-01-15' }],
      events: [
        { type: 'crime_reported', at: on('2026-01-19', 20, 40), by: 'officer2', victim: 'ellie', details: { reportedBy: 'professional', summary: 'School safeguarding lead reported Ellie’s disclosure.' } },
        { type: 'crime_recorded', at: on('2026-01-20', 9), by: 'officer2' },
        { type: 'referred_to_support_service', at: on('2026-01-21', 10), by: 'officer2', victim: 'ellie', details: { service: 'Brightpath Young Survivors Service', consentGiven: true } },
        { type: 'strategy_discussion', at: on('2026-01-22', 14), by: 'officer2', victim: 'ellie', details: { agencies: ['police', 'childrens_social_care', 'education', 'advocate_service'] } },
        { type: 'suspect_interviewed', at: on('2026-03-05', 11), by: 'officer2', suspect: 'A', details: { interviewType: 'voluntary' } },
        { key: 'withdrew', type: 'victim_withdrew_support', at: on('2026-08-27', 15), by: 'officer2', victim: 'ellie', details: { reason: 'Does not want to give evidence; wants support to continue.' } },
        { key: 'nfa', type: 'suspect_released_nfa', at: on('2026-09-30', 12), by: 'officer2', suspect: 'A', details: { homeOfficeOutcomeCode: '16', reason: 'The victim does not support further action; intelligence shared with the MASE panel.' } },
      ],
      contacts: [
        { victim: 'ellie', at: on('2026-09-30', 15), by: 'officer2', method: 'in_person', withWhom: 'victim', summary: 'Told Ellie the investigation is closed with no further action, that it can be reopened if she changes her mind, and that Brightpath’s support continues.', about: ['withdrew', 'nfa'] },
      ],
    },

    // K12 — guilty pleas at the first hearing; sentenced in May 2025; case finalised.
    k12: {
      suspects: ['A'],
      offences: [
        { victim: 'hollie', description: 'Causing or inciting the sexual exploitation of a child', category: 'child_sexual_exploitation', from: '2023-06-01', to: '2024-04-30' },
        { victim: 'hollie', description: 'Making indecent images of a child', category: 'indecent_images', from: '2023-06-01', to: '2024-04-30' },
      ],
      events: [
        { type: 'crime_reported', at: on('2024-05-13', 12, 30), by: 'officer2', victim: 'hollie', details: { reportedBy: 'victim' } },
        { type: 'crime_recorded', at: on('2024-05-13', 16), by: 'officer2' },
        { type: 'suspect_arrested', at: on('2024-05-20', 6), by: 'officer2', suspect: 'A' },
        { type: 'suspect_interviewed', at: on('2024-05-20', 12), by: 'officer2', suspect: 'A', details: { interviewType: 'in_custody' } },
        { type: 'suspect_bailed', at: on('2024-05-20', 18), by: 'officer2', suspect: 'A', details: { bailEndDate: on('2024-08-20', 12), conditions: 'Not to contact Hollie.' } },
        { type: 'file_to_cps', at: on('2024-10-07', 11), by: 'officer2', details: { requestType: 'full_code_test' } },
        { type: 'suspect_charged', at: on('2025-02-14', 11), by: 'officer2', suspect: 'A', details: { charges: [{ offence: 'Causing or inciting the sexual exploitation of a child' }, { offence: 'Making indecent images of a child' }], remandStatus: 'conditional_bail' } },
        { type: 'hearing_listed', at: on('2025-02-14', 15), by: 'witnessCare', details: { hearingType: 'first_hearing', court: NORTHMOOR_MAGS, hearingAt: on('2025-03-10', 10) } },
        { key: 'plea', type: 'guilty_plea', at: on('2025-03-10', 11), by: 'witnessCare', suspect: 'A', details: { toAllCharges: true } },
        { key: 'sentence', type: 'sentenced', at: on('2025-05-14', 12), by: 'witnessCare', suspect: 'A', details: { custodyMonths: 45 } },
        { type: 'vcs_referral_made', at: on('2025-05-16', 10), by: 'witnessCare', suspect: 'A', victim: 'hollie', details: { victimOptedIn: false } },
        { type: 'case_finalised', at: on('2025-06-30', 12), by: 'cps' },
      ],
      contacts: [
        { victim: 'hollie', at: on('2025-03-10', 16), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Guilty pleas to both charges: no trial. Sentencing to follow.', about: ['plea'] },
        { victim: 'hollie', at: on('2025-05-14', 15), by: 'witnessCare', method: 'phone', withWhom: 'victim', summary: 'Sentence: 3 years 9 months’ imprisonment. Hollie chose not to join the Victim Contact Scheme.', about: ['sentence'] },
      ],
    },
  }
}
