import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ENGLAND_WALES_HOLIDAY_DATES } from '~/domain/calendar/bank-holidays'
import { endOfLondonDay, isWorkingDay } from '~/domain/calendar/working-days'
import {
  ageOn,
  entitlementStatus,
  evaluateEntitlements,
  type EntitlementsInput,
  type ScenarioContact,
  type ScenarioEvent,
} from '~/domain/entitlements/engine'
import { CODE_2020, deadlineNeedsLocalConfirmation, findRule } from '~/domain/entitlements/rules'

const H = ENGLAND_WALES_HOLIDAY_DATES
type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never

/** A child victim of a sexual offence (enhanced) unless overridden. */
function scenario(over: Partial<EntitlementsInput> & { events?: ScenarioEvent[]; contacts?: ScenarioContact[] } = {}): EntitlementsInput {
  return {
    asOf: '2030-01-01T00:00:00Z',
    victim: { dateOfBirth: '2010-09-09', grounds: [] },
    case: { offenceCategory: 'sexual_offence', offenceDate: '2026-10-01' },
    events: [],
    contacts: [],
    ...over,
  }
}
const STANDARD = { victim: { dateOfBirth: '1990-01-01', grounds: [] }, case: { offenceCategory: 'theft', offenceDate: '2026-01-01' } }
const run = (input: EntitlementsInput) => evaluateEntitlements(input, CODE_2020, H)

describe('the worked example', () => {
  const input: EntitlementsInput = {
    asOf: '2026-12-30T09:00:00Z',
    victim: { dateOfBirth: '2010-09-09', grounds: ['persistently_targeted'] },
    case: { offenceCategory: 'sexual_offence', offenceDate: '2026-10-01' },
    events: [
      { id: 'c1', type: 'suspect_charged', at: '2026-12-24T16:00:00Z', defendant: 'A', data: { custodyMonths: 30, violentOrSexual: true } },
    ],
    contacts: [{ at: '2026-12-29T17:00:00Z', about: ['c1'] }],
  }

  test('gives exactly the example entitlement: charged on Christmas Eve, due after Christmas and Boxing Day (substitute Monday)', () => {
    const result = run(input)
    expect(result.enhanced).toBe(true)
    // The semantics add the manual ground from victim.grounds (the example output leaves it out).
    expect(result.enhancedGrounds).toEqual(['most_serious_crime', 'persistently_targeted', 'under_18_at_offence'])
    expect(result.entitlements).toEqual([
      { rule: 'r06_charge_decision', right: 6, trigger: 'c1', defendant: 'A', owedBy: 'police', dueBy: '2026-12-29', status: 'met', metAt: '2026-12-29T17:00:00Z' },
    ])
    expect(result.windows).toEqual([])
  })

  test("the example's window: a CPS no-charge decision n1 on Friday 28 August 2026", () => {
    const result = run({ ...input, events: [{ id: 'n1', type: 'cps_no_charge_decision', at: '2026-08-28T10:00:00Z', defendant: 'A' }] })
    expect(result.windows).toEqual([{ window: 'cps_vrr_request', trigger: 'n1', defendant: 'A', promptBy: '2026-09-14', closesOn: '2026-11-28' }])
  })
})

describe('enhanced rights', () => {
  const grounds = (dateOfBirth: string, offenceDate: string, offenceCategory = 'theft', manual: string[] = []) =>
    run(scenario({ victim: { dateOfBirth, grounds: manual }, case: { offenceCategory, offenceDate } })).enhancedGrounds

  test('an 18th birthday on the offence date is not under 18; the day before is', () => {
    expect(grounds('2008-10-01', '2026-10-01')).toEqual([])
    expect(grounds('2008-10-02', '2026-10-01')).toEqual(['under_18_at_offence'])
  })
  test('a 29 February birthday: 18 on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
  })
  test('most serious categories, manual grounds, sorted and without duplicates', () => {
    for (const c of CODE_2020.mostSeriousCategories) expect(grounds('1990-01-01', '2026-01-01', c)).toEqual(['most_serious_crime'])
    for (const c of ['violence_other', 'theft', 'criminal_damage', 'fraud', 'other']) expect(grounds('1990-01-01', '2026-01-01', c)).toEqual([])
    expect(grounds('2010-01-01', '2026-01-01', 'gbh_with_intent', ['vulnerable', 'intimidated', 'vulnerable'])).toEqual([
      'intimidated',
      'most_serious_crime',
      'under_18_at_offence',
      'vulnerable',
    ])
  })
  test('a standard victim gets standard deadlines', () => {
    const result = run(scenario({ ...STANDARD, events: [{ id: 'a', type: 'suspect_arrested', at: '2026-06-01T10:00:00Z' }] }))
    expect(result.enhanced).toBe(false)
    expect(result.entitlements[0]).toMatchObject({ rule: 'r06_suspect_arrested', dueBy: '2026-06-08' })
  })
})

// One row per rule: trigger, clock instants, enhanced and standard due dates (worked by hand).
// England & Wales 2026: Good Friday 3 Apr, Easter Monday 6 Apr, Spring 25 May, Summer 31 Aug,
// Christmas Fri 25 Dec, Boxing Day substitute Mon 28 Dec; 2027: New Year Fri 1 Jan, Easter 26/29
// Mar, Christmas substitutes Mon 27 and Tue 28 Dec; 2028: Easter 14/17 Apr. Clocks go forward
// Sun 29 Mar 2026 01:00 UTC and back Sun 25 Oct 2026 01:00 UTC.
const RULE_CASES: {
  rule: string
  right: number
  owner: string
  type: string
  at: string
  receivedAt?: string
  enhanced: string
  standard: string
  why: string
}[] = [
  { rule: 'r04_referral_support_service', right: 4, owner: 'police', type: 'crime_reported', at: '2026-12-23T10:00:00Z', enhanced: '2026-12-29', standard: '2026-12-29', why: 'Wed 23 Dec: 2 wd skip Christmas, the weekend and Boxing Day substitute' },
  { rule: 'r06_decision_not_to_investigate', right: 6, owner: 'police', type: 'decision_not_to_investigate', at: '2026-04-02T12:00:00Z', enhanced: '2026-04-07', standard: '2026-04-13', why: 'Thu before Easter' },
  { rule: 'r06_suspect_arrested', right: 6, owner: 'police', type: 'suspect_arrested', at: '2026-03-29T23:30:00Z', enhanced: '2026-03-31', standard: '2026-04-08', why: 'UTC Sun 29 Mar but 00:30 BST Mon 30 Mar; then Easter' },
  { rule: 'r06_suspect_interviewed', right: 6, owner: 'police', type: 'suspect_interviewed', at: '2026-12-31T15:00:00Z', enhanced: '2027-01-04', standard: '2027-01-08', why: "New Year's Eve" },
  { rule: 'r06_suspect_released_nfa', right: 6, owner: 'police', type: 'suspect_released_nfa', at: '2026-11-27T18:00:00Z', enhanced: '2026-11-30', standard: '2026-12-04', why: 'Friday evening, over the weekend' },
  { rule: 'r06_suspect_bail_or_rui', right: 6, owner: 'police', type: 'suspect_bailed', at: '2026-10-22T23:30:00Z', enhanced: '2026-10-26', standard: '2026-10-30', why: 'UTC Thu 22 Oct but 00:30 BST Fri 23 Oct; clocks go back that weekend' },
  { rule: 'r06_suspect_bail_or_rui', right: 6, owner: 'police', type: 'suspect_released_under_investigation', at: '2026-07-10T09:00:00Z', enhanced: '2026-07-13', standard: '2026-07-17', why: 'Friday' },
  { rule: 'r06_suspect_bail_or_rui', right: 6, owner: 'police', type: 'bail_conditions_changed', at: '2026-08-28T09:00:00Z', enhanced: '2026-09-01', standard: '2026-09-07', why: 'before the summer bank holiday' },
  { rule: 'r06_charge_decision', right: 6, owner: 'police', type: 'suspect_charged', at: '2026-12-24T16:00:00Z', enhanced: '2026-12-29', standard: '2027-01-05', why: 'Christmas Eve, over Christmas and New Year' },
  { rule: 'r06_out_of_court_disposal', right: 6, owner: 'police', type: 'out_of_court_disposal', at: '2027-03-25T10:00:00Z', enhanced: '2027-03-30', standard: '2027-04-05', why: 'Thu before Easter 2027' },
  { rule: 'r06_police_no_charge_decision', right: 6, owner: 'police', type: 'police_no_charge_decision', at: '2026-05-22T10:00:00+01:00', enhanced: '2026-05-26', standard: '2026-06-01', why: 'Friday before the Spring bank holiday' },
  { rule: 'r06_cps_no_charge_decision', right: 6, owner: 'cps', type: 'cps_no_charge_decision', at: '2026-08-28T10:00:00Z', receivedAt: '2026-09-10T10:00:00Z', enhanced: '2026-09-01', standard: '2026-09-07', why: 'counts from the decision, not its hand-over' },
  { rule: 'r06_cps_discontinue_or_alter', right: 6, owner: 'cps', type: 'cps_discontinued', at: '2026-12-24T10:00:00Z', enhanced: '2026-12-29', standard: '2027-01-05', why: 'Christmas Eve' },
  { rule: 'r08_hearing_dates', right: 8, owner: 'witness_care', type: 'hearing_listed', at: '2026-12-18T10:00:00Z', receivedAt: '2026-12-24T12:00:00Z', enhanced: '2026-12-29', standard: '2026-12-29', why: 'received Christmas Eve' },
  { rule: 'r08_hearing_dates', right: 8, owner: 'witness_care', type: 'hearing_listed', at: '2026-12-18T10:00:00Z', enhanced: '2026-12-21', standard: '2026-12-21', why: 'no hand-over recorded: counts from the listing' },
  { rule: 'r08_required_to_give_evidence', right: 8, owner: 'witness_care', type: 'witness_required', at: '2026-03-20T10:00:00Z', receivedAt: '2026-03-28T10:00:00Z', enhanced: '2026-03-30', standard: '2026-03-30', why: 'received on a Saturday' },
  { rule: 'r08_bail_hearing_outcome', right: 8, owner: 'witness_care', type: 'bail_hearing_outcome', at: '2026-04-01T10:00:00Z', receivedAt: '2026-04-02T16:00:00Z', enhanced: '2026-04-07', standard: '2026-04-13', why: 'received the day before Good Friday' },
  { rule: 'r08_special_measures_outcome', right: 8, owner: 'witness_care', type: 'special_measures_decision', at: '2026-10-20T10:00:00Z', receivedAt: '2026-10-24T23:30:00Z', enhanced: '2026-10-26', standard: '2026-10-30', why: 'received 00:30 BST Sun 25 Oct, the night the clocks go back' },
  { rule: 'r09_case_outcome', right: 9, owner: 'witness_care', type: 'case_outcome', at: '2026-12-30T10:00:00Z', receivedAt: '2026-12-31T23:30:00Z', enhanced: '2027-01-04', standard: '2027-01-04', why: "received New Year's Eve night" },
  { rule: 'r09_sentence_explained', right: 9, owner: 'witness_care', type: 'sentenced', at: '2027-12-24T10:00:00Z', enhanced: '2027-12-29', standard: '2027-12-29', why: 'Christmas 2027: substitute days Mon 27 and Tue 28' },
  { rule: 'r09_appeal', right: 9, owner: 'witness_care', type: 'appeal_lodged', at: '2028-04-10T10:00:00Z', receivedAt: '2028-04-13T09:00:00+01:00', enhanced: '2028-04-18', standard: '2028-04-24', why: 'received the day before Good Friday 2028' },
  { rule: 'r11_vlo_first_contact', right: 11, owner: 'probation', type: 'vcs_referral_made', at: '2026-03-20T10:00:00Z', enhanced: '2026-04-21', standard: '2026-04-21', why: '20 wd over Easter' },
]

describe('every rule of code-2020: due dates across weekends, Christmas and New Year, Easter and the clocks changing', () => {
  test.each(RULE_CASES)('$rule ($type, $why)', (c) => {
    const event: ScenarioEvent = { id: 'e1', type: c.type, at: c.at, ...(c.receivedAt ? { receivedAt: c.receivedAt } : {}) }
    const enhanced = run(scenario({ events: [event] })).entitlements
    const standard = run(scenario({ ...STANDARD, events: [event] })).entitlements
    expect(enhanced).toEqual([{ rule: c.rule, right: c.right, trigger: 'e1', owedBy: c.owner, dueBy: c.enhanced, status: 'overdue' }])
    expect(standard).toEqual([{ rule: c.rule, right: c.right, trigger: 'e1', owedBy: c.owner, dueBy: c.standard, status: 'overdue' }])
  })

  test('r11_vcs_referral: 10 working days of sentence, over Christmas and New Year', () => {
    const event: ScenarioEvent = { id: 's1', type: 'sentenced', at: '2026-12-17T12:00:00Z', defendant: 'B', data: { custodyMonths: 30 } }
    const result = run(scenario({ events: [event] }))
    expect(result.entitlements.find((e) => e.rule === 'r11_vcs_referral')).toEqual({
      rule: 'r11_vcs_referral',
      right: 11,
      trigger: 's1',
      defendant: 'B',
      owedBy: 'police',
      dueBy: '2027-01-05',
      status: 'overdue',
    })
  })

  test('every rule of the set is covered above', () => {
    const covered = new Set([...RULE_CASES.map((c) => c.rule), 'r11_vcs_referral'])
    expect(CODE_2020.rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([])
  })

  test('confidence flags from the reference §1.3: [P]/[U] deadlines are to be confirmed locally', () => {
    const flagged = CODE_2020.rules.filter(deadlineNeedsLocalConfirmation).map((r) => `${r.id}:${r.confidence}`)
    expect(flagged.sort()).toEqual([
      'r06_charge_decision:P',
      'r06_cps_discontinue_or_alter:P',
      'r06_cps_no_charge_decision:P',
      'r06_out_of_court_disposal:P',
      'r06_police_no_charge_decision:P',
      'r08_special_measures_outcome:U',
      'r09_appeal:P',
    ])
    expect(findRule(CODE_2020, 'r06_suspect_arrested')?.confidence).toBe('C')
  })
})

describe('met, met late, overdue, due', () => {
  // Charged Thu 24 Dec 2026 (GMT); enhanced: due Tue 29 Dec, which ends at 2026-12-30T00:00:00Z.
  const charged: ScenarioEvent = { id: 'c1', type: 'suspect_charged', at: '2026-12-24T16:00:00Z' }
  const status = (contacts: ScenarioContact[], asOf = '2027-06-01T00:00:00Z', event = charged) =>
    run(scenario({ asOf, events: [event], contacts })).entitlements[0]!

  test('a contact at 23:59 London time on the due day is met; at 00:00 the next day, met late', () => {
    expect(status([{ at: '2026-12-29T23:59:00Z', about: ['c1'] }])).toMatchObject({ status: 'met', metAt: '2026-12-29T23:59:00Z' })
    expect(status([{ at: '2026-12-30T00:00:00Z', about: ['c1'] }])).toMatchObject({ status: 'met_late', metAt: '2026-12-30T00:00:00Z' })
  })
  test('in summer time the London day ends at 23:00 UTC', () => {
    const arrested: ScenarioEvent = { id: 'a1', type: 'suspect_arrested', at: '2026-05-29T10:00:00Z' } // Fri → due Mon 1 Jun
    expect(status([{ at: '2026-06-01T23:59:00+01:00', about: ['a1'] }], undefined, arrested)).toMatchObject({ dueBy: '2026-06-01', status: 'met' })
    expect(status([{ at: '2026-06-01T23:00:00Z', about: ['a1'] }], undefined, arrested)).toMatchObject({ status: 'met_late' })
  })
  test('asOf exactly at the end of the due day is overdue; a moment before, due', () => {
    expect(status([], '2026-12-30T00:00:00Z')).toMatchObject({ status: 'overdue' })
    expect(status([], '2026-12-29T23:59:59.999Z')).toMatchObject({ status: 'due' })
    expect(status([], '2026-12-29T23:59:59.999Z')).not.toHaveProperty('metAt')
  })
  test("a contact before the trigger, or about another event, doesn't count; the earliest that counts is used", () => {
    expect(status([{ at: '2026-12-24T15:59:59Z', about: ['c1'] }])).toMatchObject({ status: 'overdue' })
    expect(status([{ at: '2026-12-28T10:00:00Z', about: ['other'] }])).toMatchObject({ status: 'overdue' })
    expect(
      status([
        { at: '2027-01-04T10:00:00Z', about: ['c1'] },
        { at: '2026-12-24T16:00:00Z', about: ['x', 'c1'] },
        { at: '2026-12-01T10:00:00Z', about: ['c1'] },
      ]),
    ).toMatchObject({ status: 'met', metAt: '2026-12-24T16:00:00Z' })
  })
  test('r04 is met by a referral to a support service, not by a contact', () => {
    const reported: ScenarioEvent = { id: 'r1', type: 'crime_reported', at: '2026-12-23T10:00:00Z' }
    const result = (events: ScenarioEvent[], contacts: ScenarioContact[] = []) => run(scenario({ events: [reported, ...events], contacts })).entitlements[0]!
    expect(result([], [{ at: '2026-12-23T11:00:00Z', about: ['r1'] }])).toMatchObject({ status: 'overdue' })
    expect(result([{ id: 'x', type: 'referred_to_support_service', at: '2026-12-22T10:00:00Z' }])).toMatchObject({ status: 'overdue' })
    expect(result([{ id: 'x', type: 'referred_to_support_service', at: '2026-12-30T10:00:00Z' }])).toMatchObject({ status: 'met_late', metAt: '2026-12-30T10:00:00Z' })
  })
  test('witness care rules count from receivedAt; police and CPS rules ignore it', () => {
    const listed: ScenarioEvent = { id: 'h1', type: 'hearing_listed', at: '2026-12-18T10:00:00Z', receivedAt: '2026-12-24T12:00:00Z' }
    // Met on Mon 28 Dec (a bank holiday) counts, even though it is after the listing's own 1 wd.
    expect(status([{ at: '2026-12-28T10:00:00Z', about: ['h1'] }], undefined, listed)).toMatchObject({ dueBy: '2026-12-29', status: 'met' })
    // A contact before receipt but after the listing still counts: only the trigger's `at` bounds it.
    expect(status([{ at: '2026-12-20T10:00:00Z', about: ['h1'] }], undefined, listed)).toMatchObject({ status: 'met' })
    const arrested: ScenarioEvent = { id: 'a1', type: 'suspect_arrested', at: '2026-12-18T10:00:00Z', receivedAt: '2026-12-24T12:00:00Z' }
    expect(status([], undefined, arrested)).toMatchObject({ dueBy: '2026-12-21' })
  })
})

describe('r11 conditions and who meets them', () => {
  const sentenced = (data: ScenarioEvent['data']): ScenarioEvent[] => [
    { id: 's1', type: 'sentenced', at: '2026-06-01T10:00:00Z', defendant: 'A', ...(data ? { data } : {}) },
  ]
  const vcs = (events: ScenarioEvent[], offenceCategory = 'sexual_offence') =>
    run(scenario({ case: { offenceCategory, offenceDate: '2026-01-01' }, events })).entitlements.filter((e) => e.rule === 'r11_vcs_referral')

  test('12 months or more custody for a violent or sexual offence', () => {
    expect(vcs(sentenced({ custodyMonths: 12 }))).toHaveLength(1)
    expect(vcs(sentenced({ custodyMonths: 11.9 }))).toHaveLength(0)
    expect(vcs(sentenced(undefined))).toHaveLength(0)
    expect(vcs(sentenced({ custodyMonths: 24, violentOrSexual: false }))).toHaveLength(0)
  })
  test('violentOrSexual defaults to true for the most serious categories and violence_other only', () => {
    expect(vcs(sentenced({ custodyMonths: 24 }), 'violence_other')).toHaveLength(1)
    expect(vcs(sentenced({ custodyMonths: 24 }), 'kidnap')).toHaveLength(1)
    expect(vcs(sentenced({ custodyMonths: 24 }), 'theft')).toHaveLength(0)
    expect(vcs(sentenced({ custodyMonths: 24, violentOrSexual: true }), 'fraud')).toHaveLength(1)
  })
  test('met by a VCS referral for the same defendant, not before the sentence; the VLO rule likewise', () => {
    const events: ScenarioEvent[] = [
      ...sentenced({ custodyMonths: 24 }),
      { id: 'v0', type: 'vcs_referral_made', at: '2026-05-01T10:00:00Z', defendant: 'A' },
      { id: 'v1', type: 'vcs_referral_made', at: '2026-06-02T10:00:00Z', defendant: 'B' },
      { id: 'v2', type: 'vcs_referral_made', at: '2026-06-10T10:00:00Z', defendant: 'A' },
      { id: 'l1', type: 'vlo_contact_made', at: '2026-06-20T10:00:00Z', defendant: 'A' },
    ]
    const result = run(scenario({ asOf: '2026-06-30T12:00:00Z', events }))
    expect(result.entitlements.find((e) => e.rule === 'r11_vcs_referral')).toMatchObject({ dueBy: '2026-06-15', status: 'met', metAt: '2026-06-10T10:00:00Z' })
    const vlo = result.entitlements.filter((e) => e.rule === 'r11_vlo_first_contact')
    expect(vlo.map((e) => [e.trigger, e.defendant, e.status, e.metAt])).toEqual([
      ['v0', 'A', 'met_late', '2026-06-20T10:00:00Z'],
      ['v1', 'B', 'due', undefined],
      ['v2', 'A', 'met', '2026-06-20T10:00:00Z'],
    ])
  })
})

describe('windows', () => {
  const windows = (events: ScenarioEvent[]) => run(scenario({ events })).windows
  test('unduly lenient sentence: 28 calendar days from the London date of the sentence', () => {
    expect(windows([{ id: 's1', type: 'sentenced', at: '2026-06-30T23:30:00Z', defendant: 'A' }])).toEqual([
      { window: 'unduly_lenient_sentence', trigger: 's1', defendant: 'A', closesOn: '2026-07-29' },
    ])
  })
  test('police VRR: 3 calendar months, clamped to the end of the month', () => {
    expect(windows([{ id: 'p1', type: 'police_no_charge_decision', at: '2026-11-30T10:00:00Z' }])).toEqual([
      { window: 'police_vrr_request', trigger: 'p1', closesOn: '2027-02-28' },
    ])
    expect(windows([{ id: 'p1', type: 'police_no_charge_decision', at: '2027-11-30T10:00:00Z' }])[0]?.closesOn).toBe('2028-02-29')
    expect(windows([{ id: 'p1', type: 'police_no_charge_decision', at: '2026-05-31T10:00:00Z' }])[0]?.closesOn).toBe('2026-08-31')
  })
  test('CPS VRR after a discontinuance: prompt review within 10 working days, closes after 3 months', () => {
    expect(windows([{ id: 'd1', type: 'cps_discontinued', at: '2026-12-17T10:00:00Z', defendant: 'A' }])).toEqual([
      { window: 'cps_vrr_request', trigger: 'd1', defendant: 'A', promptBy: '2027-01-05', closesOn: '2027-03-17' },
    ])
  })
  test('sorted by closesOn, window, trigger', () => {
    const result = windows([
      { id: 'b', type: 'police_no_charge_decision', at: '2026-03-01T10:00:00Z' },
      { id: 'a', type: 'sentenced', at: '2026-05-01T10:00:00Z' },
      { id: 'c', type: 'cps_no_charge_decision', at: '2026-03-01T10:00:00Z' },
    ])
    expect(result.map((w) => `${w.closesOn} ${w.window} ${w.trigger}`)).toEqual([
      '2026-05-29 unduly_lenient_sentence a',
      '2026-06-01 cps_vrr_request c',
      '2026-06-01 police_vrr_request b',
    ])
  })
})

test('entitlements are sorted by dueBy, then rule, then trigger', () => {
  const result = run(
    scenario({
      events: [
        { id: 'z', type: 'sentenced', at: '2026-06-01T10:00:00Z', data: { custodyMonths: 24 } },
        { id: 'b', type: 'suspect_arrested', at: '2026-06-01T10:00:00Z' },
        { id: 'a', type: 'suspect_arrested', at: '2026-06-01T10:00:00Z' },
        { id: 'c', type: 'suspect_bailed', at: '2026-06-01T09:00:00Z' },
        { id: 'y', type: 'crime_reported', at: '2026-05-29T10:00:00Z' },
      ],
    }),
  )
  expect(result.entitlements.map((e) => `${e.dueBy} ${e.rule} ${e.trigger}`)).toEqual([
    '2026-06-02 r04_referral_support_service y',
    '2026-06-02 r06_suspect_arrested a',
    '2026-06-02 r06_suspect_arrested b',
    '2026-06-02 r06_suspect_bail_or_rui c',
    '2026-06-02 r09_sentence_explained z',
    '2026-06-15 r11_vcs_referral z',
  ])
})

describe('properties', () => {
  const DAY = 86_400_000
  const FROM = Date.UTC(2025, 0, 1)
  const instantArb = fc.integer({ min: 0, max: 5 * 365 * DAY }).map((ms) => new Date(FROM + ms).toISOString())
  const typeArb = fc.constantFrom(...new Set(CODE_2020.rules.flatMap((r) => r.triggers)))
  const eventArb = fc.record({ type: typeArb, at: instantArb, receivedAt: fc.option(instantArb, { nil: undefined }), custody: fc.integer({ min: 0, max: 40 }) })
  const scenarioArb = fc.record({
    enhanced: fc.boolean(),
    events: fc.array(eventArb, { minLength: 1, maxLength: 5 }),
    contacts: fc.array(fc.record({ at: instantArb, about: fc.nat(5) }), { maxLength: 6 }),
    asOf: instantArb,
  })
  const build = (s: ArbValue<typeof scenarioArb>): EntitlementsInput =>
    scenario({
      ...(s.enhanced ? {} : STANDARD),
      asOf: s.asOf,
      events: s.events.map((e, i) => ({ id: `e${i}`, type: e.type, at: e.at, defendant: 'A', data: { custodyMonths: e.custody }, ...(e.receivedAt ? { receivedAt: e.receivedAt } : {}) })),
      contacts: s.contacts.map((c) => ({ at: c.at, about: [`e${c.about}`] })),
    })

  test('status is a function of (dueBy, metAt, asOf) only', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = build(s)
        for (const e of run(input).entitlements) {
          expect(e.status).toBe(entitlementStatus(e.dueBy, e.metAt ? new Date(e.metAt) : undefined, new Date(input.asOf)))
          const end = endOfLondonDay(e.dueBy).getTime()
          const asOf = Date.parse(input.asOf)
          const expected = e.metAt ? (Date.parse(e.metAt) < end ? 'met' : 'met_late') : asOf >= end ? 'overdue' : 'due'
          expect(e.status).toBe(expected)
        }
      }),
    )
  })

  test('a due date is never a weekend or bank holiday', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const e of run(build(s)).entitlements) expect(isWorkingDay(e.dueBy, H)).toBe(true)
      }),
    )
  })
})
