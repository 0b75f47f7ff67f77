import { describe, expect, test } from 'vitest'
import type { JournalEvent } from '~/domain/journey/journal'
import { BINARY_FACTORS, calendarDaysBetween, extractFactors, parseFactors, type FactorInputs } from '~/domain/review/factors'
import { finalisation } from '~/domain/review/finalisation'

let seq = 0
function ev(type: string, date: string, extra: Partial<JournalEvent> = {}): JournalEvent {
  seq += 1
  return { id: `e${String(seq).padStart(3, '0')}`, type, occurredAt: new Date(date), recordedAt: new Date(date), details: {}, ...extra }
}
const defendants = [
  { id: 'dA', label: 'Suspect A' },
  { id: 'dB', label: 'Suspect B' },
]

function trialCase() {
  const trialListing = ev('hearing_listed', '2025-09-01T10:00:00Z', {
    details: { hearingType: 'trial', court: 'Example Crown Court', hearingAt: '2026-01-12T10:00:00.000Z' },
  })
  const retrialListing = ev('hearing_listed', '2026-01-12T16:00:00Z', {
    details: { hearingType: 'trial', court: 'Example Crown Court', hearingAt: '2026-03-02T10:00:00.000Z' },
  })
  const firstListing = ev('hearing_listed', '2025-06-02T10:00:00Z', {
    details: { hearingType: 'first_hearing', court: 'Example Magistrates’ Court', hearingAt: '2025-06-10T10:00:00.000Z' },
  })
  const events: JournalEvent[] = [
    ev('crime_reported', '2025-03-01T09:00:00Z', { details: { reportedBy: 'professional' } }),
    ev('abe_interview', '2025-03-08T10:00:00Z', { victimId: 'v1', details: { interviewer: 'DC Example', intermediaryPresent: false } }),
    ev('suspect_arrested', '2025-03-15T06:00:00Z', { defendantId: 'dA' }),
    ev('suspect_arrested', '2025-03-20T06:00:00Z', { defendantId: 'dB' }),
    ev('file_to_cps', '2025-04-30T12:00:00Z', { details: { requestType: 'full_code_test' } }),
    ev('suspect_charged', '2025-05-31T23:30:00Z', { defendantId: 'dA', details: { charges: [{ offence: 'X' }], remandStatus: 'custody' } }),
    ev('suspect_charged', '2025-06-01T10:00:00Z', { defendantId: 'dB', details: { charges: [{ offence: 'Y' }], remandStatus: 'custody' } }),
    firstListing,
    ev('hearing_outcome', '2025-06-10T12:00:00Z', { details: { hearingEventId: firstListing.id, result: 'adjourned', reason: 'Defence not ready' } }),
    ev('special_measures_applied', '2025-07-01T10:00:00Z', { victimId: 'v1', details: { measures: ['screen', 'live_link', 's28_cross_examination'] } }),
    ev('special_measures_decision', '2025-07-20T10:00:00Z', {
      victimId: 'v1',
      details: {
        decisions: [
          { measure: 'live_link', decision: 'granted' },
          { measure: 'screen', decision: 'refused' },
        ],
      },
    }),
    trialListing,
    ev('victim_withdrew_support', '2025-10-01T10:00:00Z', { victimId: 'v1', details: {} }),
    ev('hearing_outcome', '2026-01-12T15:00:00Z', { details: { hearingEventId: trialListing.id, result: 'ineffective', reason: 'No judge' } }),
    retrialListing,
    ev('trial_started', '2026-03-02T10:00:00Z'),
    ev('case_outcome', '2026-03-09T16:00:00Z', { defendantId: 'dA', details: { outcome: 'convicted_after_trial' } }),
    ev('case_outcome', '2026-03-09T16:00:00Z', { defendantId: 'dB', details: { outcome: 'acquitted', unsuccessfulReason: 'victim_issues' } }),
  ]
  return events
}

function inputs(events: JournalEvent[], extra: Partial<FactorInputs> = {}): FactorInputs {
  const fin = finalisation(events, defendants)
  if (!fin.finalised) throw new Error('not finalised')
  return {
    events,
    defendantIds: defendants.map((d) => d.id),
    finalisation: fin,
    contacts: [],
    visits: [],
    referrals: [],
    advocateAllocations: [],
    entitlements: [],
    ...extra,
  }
}

describe('extractFactors', () => {
  test('a two-defendant trial case: days, hearings, special measures, withdrawal stage', () => {
    const f = extractFactors(inputs(trialCase()))
    expect(f.outcome).toBe('successful')
    expect(f.reportedAt).toBe('2025-03-01T09:00:00.000Z')
    expect(f.daysFromReport).toEqual({ abeInterview: 7, arrest: 14, fileToCps: 60, charge: 92, firstHearing: 101, trial: 366, outcome: 373 })
    expect([f.hearings, f.adjournments, f.ineffectiveTrials]).toEqual([3, 1, 1])
    expect(f.specialMeasures).toEqual([
      { measure: 'screen', applied: true, granted: false },
      { measure: 'live_link', applied: true, granted: true },
      { measure: 's28_cross_examination', applied: true, granted: null },
    ])
    expect(f.section28Used).toBe(false)
    expect(f.intermediaryUsed).toBe(false)
    expect(f.victimWithdrewSupport.withdrew).toBe(true)
    expect(f.victimWithdrewSupport.stage).toMatch(/./)
    expect(f.milestones).toEqual({ suspectIdentified: true, arrestedOrInterviewed: true, fileToCps: true, charged: true, convicted: true })
    expect(f.defendants.map((d) => [d.id, d.conviction, d.unsuccessfulReason])).toEqual([
      ['dA', true, undefined],
      ['dB', false, 'victim_issues'],
    ])
    expect(parseFactors(JSON.parse(JSON.stringify(f)))).toEqual(f)
  })

  test('charge at 23:30 UTC in summer counts on the London date (1 June)', () => {
    expect(calendarDaysBetween(new Date('2025-03-01T09:00:00Z'), new Date('2025-05-31T23:30:00Z'))).toBe(92)
  })

  test('contacts, visits, advocate before charge, therapy and entitlements', () => {
    const events = trialCase()
    const f = extractFactors(
      inputs(events, {
        contacts: [
          { contactedAt: new Date('2025-02-01') }, // before the report: not counted
          { contactedAt: new Date('2025-03-02') },
          { contactedAt: new Date('2025-09-02') },
          { contactedAt: new Date('2026-05-01') }, // after finalisation: not counted
        ],
        visits: [
          { at: new Date('2025-04-01'), status: 'completed' },
          { at: new Date('2025-05-01'), status: 'not_happened' },
          { at: new Date('2025-08-01'), status: 'completed' },
          { at: new Date('2026-06-01'), status: 'planned' },
        ],
        advocateAllocations: [{ startedAt: new Date('2025-05-20') }],
        referrals: [
          {
            serviceType: 'counselling',
            acceptedAt: new Date('2025-04-01'),
            activeAt: new Date('2025-04-10'),
            sessions: [{ at: new Date('2025-05-01'), attended: true }],
          },
        ],
        entitlements: [
          { status: 'met', dueAt: new Date('2025-03-05'), metAt: new Date('2025-03-04'), withdrawnAt: null },
          { status: 'met_late', dueAt: new Date('2025-06-05'), metAt: new Date('2025-06-09'), withdrawnAt: null },
          { status: 'open', dueAt: new Date('2026-03-01'), metAt: null, withdrawnAt: null },
          { status: 'open', dueAt: new Date('2026-04-01'), metAt: null, withdrawnAt: null }, // not yet due at finalisation
          { status: 'open', dueAt: new Date('2025-06-01'), metAt: null, withdrawnAt: new Date('2025-06-02') }, // withdrawn
        ],
      }),
    )
    expect(f.contacts).toBe(2)
    expect(f.followUpVisits).toBe(2)
    expect(f.advocateBeforeCharge).toBe(true)
    expect(f.preTrialTherapy).toBe(true)
    expect(f.entitlements).toEqual({ metOnTime: 1, metLate: 1, missed: 1 })
  })

  test('advocate allocated after charge does not count; intermediary and s28 from the journal', () => {
    const events = [
      ev('crime_reported', '2025-01-01T10:00:00Z'),
      ev('abe_interview', '2025-01-03T10:00:00Z', { victimId: 'v1', details: { interviewer: 'DC Example', intermediaryPresent: true } }),
      ev('suspect_charged', '2025-02-01T10:00:00Z', { defendantId: 'dA', details: { charges: [{ offence: 'X' }], remandStatus: 'custody' } }),
      ev('hearing_listed', '2025-03-01T10:00:00Z', {
        details: { hearingType: 's28_recording', court: 'Example Crown Court', hearingAt: '2025-05-01T10:00:00.000Z' },
      }),
      ev('pre_trial_therapy_started', '2025-03-10T10:00:00Z', { victimId: 'v1', details: { provider: 'Example', policeAndCpsInformed: true } }),
      ev('case_outcome', '2025-06-01T10:00:00Z', { defendantId: 'dA', details: { outcome: 'guilty_plea' } }),
      ev('suspect_released_nfa', '2025-01-20T10:00:00Z', { defendantId: 'dB', details: { homeOfficeOutcomeCode: '15' } }),
    ]
    const f = extractFactors(inputs(events, { advocateAllocations: [{ startedAt: new Date('2025-02-02') }] }))
    expect(f.advocateBeforeCharge).toBe(false)
    expect(f.intermediaryUsed).toBe(true)
    expect(f.section28Used).toBe(true)
    expect(f.preTrialTherapy).toBe(true)
    expect(f.daysFromReport.trial).toBeNull()
    expect(f.daysFromReport.firstHearing).toBe(120)
    expect(f.victimWithdrewSupport).toEqual({ withdrew: false, stage: null })
    expect(f.defendants[1]).toMatchObject({ outcomeCode: 'suspect_released_nfa', homeOfficeOutcome: '15', conviction: null })
    const read = Object.fromEntries(BINARY_FACTORS.map((b) => [b.id, b.read(f)]))
    expect(read).toMatchObject({ intermediary: true, section28: true, advocate_before_charge: false, pre_trial_therapy: true, victim_withdrew: false })
  })

  test('no crime report: days are null', () => {
    const events = [
      ev('suspect_released_nfa', '2025-01-20T10:00:00Z', { defendantId: 'dA', details: { homeOfficeOutcomeCode: '18' } }),
      ev('suspect_released_nfa', '2025-01-20T10:00:00Z', { defendantId: 'dB', details: { homeOfficeOutcomeCode: '18' } }),
    ]
    const f = extractFactors(inputs(events))
    expect(f.outcome).toBe('no_prosecution')
    expect(Object.values(f.daysFromReport).every((d) => d === null)).toBe(true)
    expect(f.milestones.charged).toBe(false)
  })
})
