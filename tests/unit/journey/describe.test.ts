// describeEvent: a short plain-English line for every kind of journey event.
import { describe, expect, test } from 'vitest'
import { DESCRIBED_TYPES, describeEvent } from '~/domain/journey/describe'
import { EVENT_TYPE_IDS } from '~/domain/journey/events'

// One realistic details object per type (all invented).
const SAMPLES: Record<string, unknown> = {
  crime_reported: { reportedBy: 'parent_or_carer', summary: 'Invented summary naming Jordan' },
  crime_recorded: {},
  needs_assessment_completed: { assessedBy: 'advocate', enhancedRightsIdentified: true, needs: 'Invented' },
  referred_to_support_service: { service: 'Brightpath Young People’s Service', consentGiven: true },
  abe_interview: { interviewer: 'DC Example', intermediaryPresent: true, supporter: 'Invented supporter' },
  intermediary_requested: { requestedBy: 'cps' },
  strategy_discussion: { agencies: ['police', 'childrens_social_care', 'other'] },
  decision_not_to_investigate: { reason: 'Invented' },
  suspect_arrested: { suspectedOffences: 'Invented offence' },
  suspect_interviewed: { interviewType: 'voluntary' },
  suspect_bailed: { bailEndDate: '2027-01-15T00:00:00.000Z', conditions: 'No contact' },
  suspect_released_under_investigation: {},
  bail_conditions_changed: { change: 'extended', newBailEndDate: '2027-03-01T00:00:00.000Z' },
  suspect_released_nfa: { homeOfficeOutcomeCode: '16' },
  file_to_cps: { requestType: 'full_code_test' },
  suspect_charged: { charges: [{ offence: 'Invented offence one' }, { offence: 'Invented offence two' }], remandStatus: 'conditional_bail' },
  police_no_charge_decision: { reason: 'Invented', homeOfficeOutcomeCode: '15' },
  cps_no_charge_decision: { reason: 'evidential' },
  out_of_court_disposal: { disposal: 'youth_conditional_caution', decidedBy: 'police' },
  cps_discontinued: { scope: 'all_charges', reason: 'evidential' },
  hearing_listed: { hearingType: 'ptph', court: 'Northmoor Crown Court', hearingAt: new Date('2027-02-03T10:00:00Z') },
  hearing_outcome: { hearingEventId: 'h1', result: 'adjourned', reason: 'Judge unavailable' },
  bail_hearing_outcome: { result: 'remanded_in_custody' },
  not_guilty_plea: {},
  guilty_plea: { toAllCharges: true },
  witness_required: {},
  special_measures_applied: { measures: ['screen', 'live_link'] },
  special_measures_decision: { decisions: [{ measure: 'live_link', decision: 'granted' }, { measure: 'screen', decision: 'refused' }] },
  pre_trial_therapy_started: { provider: 'Invented Therapy Service', policeAndCpsInformed: true },
  court_familiarisation_visit: { court: 'Northmoor Crown Court', visitType: 'in_person' },
  vps_offered: { response: 'wants_to_make' },
  vps_made: { readingPreference: 'read_by_prosecutor', isUpdate: false },
  trial_started: {},
  case_outcome: { outcome: 'acquitted', unsuccessfulReason: 'evidential' },
  sentenced: { custodyMonths: 30 },
  appeal_lodged: { appellant: 'defendant', against: 'sentence' },
  appeal_outcome: { result: 'dismissed' },
  vcs_referral_made: { victimOptedIn: true },
  vlo_contact_made: { method: 'letter' },
  victim_withdrew_support: { reason: 'Invented' },
  case_finalised: {},
}

describe('describeEvent', () => {
  test('covers every event type in the vocabulary', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...EVENT_TYPE_IDS].sort())
    expect(new Set(DESCRIBED_TYPES)).toEqual(new Set(EVENT_TYPE_IDS))
  })

  test.each(EVENT_TYPE_IDS)('%s gives a short sentence with details, and one with none', (type) => {
    const full = describeEvent({ type, details: SAMPLES[type] })
    expect(full.trim().length).toBeGreaterThan(3)
    expect(full.length).toBeLessThan(260)
    expect(full).toMatch(/[.]$/)
    expect(full).not.toMatch(/undefined|null|\[object/)
    // Stored details may be missing or odd: still a sentence, never a crash.
    for (const details of [{}, null, 'nonsense']) {
      const bare = describeEvent({ type, details })
      expect(bare.trim().length).toBeGreaterThan(3)
      expect(bare).not.toMatch(/undefined|null|\[object/)
    }
  })

  test('samples read in plain English', () => {
    const d = (type: string, defendant?: string) => describeEvent({ type, details: SAMPLES[type], defendant: defendant ? { label: defendant } : null })
    expect(d('hearing_listed')).toBe('Plea and trial preparation hearing on 3 February 2027 at Northmoor Crown Court.')
    expect(d('suspect_bailed', 'Suspect A')).toBe('Suspect A: Bail ends 15 January 2027. Bail conditions set.')
    expect(d('suspect_charged', 'Suspect B')).toBe('Suspect B: Charges: Invented offence one; Invented offence two. Bail with conditions.')
    expect(d('special_measures_decision')).toBe('Granted: live link. Refused: screen.')
    expect(d('suspect_released_nfa')).toContain('Evidential difficulties – suspect identified; victim does not support action')
    expect(d('case_outcome')).toBe('Acquitted after trial. Reason: evidential.')
    expect(d('sentenced')).toBe('30 months in custody.')
    expect(d('hearing_outcome')).toBe('The hearing was adjourned. Reason: Judge unavailable.')
    expect(d('strategy_discussion')).toBe('Agencies: the police, children’s social care and other agencies.')
    expect(d('bail_conditions_changed')).toBe('Bail extended to 1 March 2027.')
  })

  test('free text that might name someone is not repeated', () => {
    expect(describeEvent({ type: 'crime_reported', details: SAMPLES.crime_reported })).not.toContain('Jordan')
    expect(describeEvent({ type: 'crime_reported', details: SAMPLES.crime_reported })).toBe('Reported by a parent or carer.')
  })

  test('an unknown type still gets a sentence', () => {
    expect(describeEvent({ type: 'something_new', details: {} })).toBe('Event recorded.')
  })
})
