import { beforeEach, describe, expect, test } from 'vitest'
import { awaitingChargingDecision, CASE_STAGES_WITH_CHARGING_WAIT } from '~/domain/journey/charging'
import { deriveJourney } from '~/domain/journey/derive'
import { d, ev, resetIds } from './fixtures'

const NOW = d('2026-11-20T12:00:00Z')
const SUSPECTS = [
  { id: 'd1', label: 'Suspect A' },
  { id: 'd2', label: 'Suspect B' },
]

beforeEach(() => resetIds())

const investigated = () => [
  ev('crime_reported', '2026-06-01T10:00:00Z'),
  ev('suspect_arrested', '2026-06-03T08:00:00Z', { defendantId: 'd1' }),
  ev('suspect_arrested', '2026-06-04T08:00:00Z', { defendantId: 'd2' }),
]

describe('suspects awaiting a charging decision', () => {
  test('one suspect’s file with CPS: that suspect is named, the other is shown at their own stage', () => {
    const j = [...investigated(), ev('suspect_released_under_investigation', '2026-06-04T12:00:00Z', { defendantId: 'd2' }), ev('file_to_cps', '2026-07-01T10:00:00Z', { defendantId: 'd1' })]
    // The case as a whole is only as far as its least advanced suspect.
    expect(deriveJourney(j, { now: NOW, defendantIds: ['d1', 'd2'] }).caseStage).toBe('suspect_released')
    expect(awaitingChargingDecision(j, SUSPECTS, NOW)).toEqual({
      awaiting: [{ defendantId: 'd1', label: 'Suspect A', sentAt: d('2026-07-01T10:00:00Z') }],
      others: [{ defendantId: 'd2', label: 'Suspect B', stage: 'suspect_released', stageLabel: 'Suspect on bail or released under investigation' }],
      nextHearingAt: null,
    })
  })

  test('a file for the whole case puts every suspect still before charge in front of CPS, from its date', () => {
    const j = [...investigated(), ev('file_to_cps', '2026-07-01T10:00:00Z')]
    expect(awaitingChargingDecision(j, SUSPECTS, NOW)?.awaiting.map((a) => [a.label, a.sentAt])).toEqual([
      ['Suspect A', d('2026-07-01T10:00:00Z')],
      ['Suspect B', d('2026-07-01T10:00:00Z')],
    ])
  })

  test('once charged, or with no further action, a suspect is no longer awaiting; with none left the case is not listed', () => {
    const j = [...investigated(), ev('file_to_cps', '2026-07-01T10:00:00Z'), ev('suspect_charged', '2026-08-01T10:00:00Z', { defendantId: 'd1' })]
    expect(awaitingChargingDecision(j, SUSPECTS, NOW)).toMatchObject({
      awaiting: [{ label: 'Suspect B' }],
      others: [{ label: 'Suspect A', stage: 'first_hearing_mags' }],
    })
    const decided = [...j, ev('cps_no_charge_decision', '2026-08-02T10:00:00Z', { defendantId: 'd2' })]
    expect(awaitingChargingDecision(decided, SUSPECTS, NOW)).toBeNull()
  })

  test('a file recorded against the wrong suspect and corrected counts only for the right one', () => {
    const file = ev('file_to_cps', '2026-07-01T10:00:00Z', { defendantId: 'd1' })
    const j = [...investigated(), file, ev('file_to_cps', '2026-07-01T10:00:00Z', { defendantId: 'd2', supersedesId: file.id, recordedAt: '2026-07-02T09:00:00Z' })]
    expect(awaitingChargingDecision(j, SUSPECTS, NOW)?.awaiting.map((a) => a.label)).toEqual(['Suspect B'])
  })

  test('a case with no suspect recorded whose file is with CPS is listed as the case', () => {
    const j = [ev('crime_reported', '2026-06-01T10:00:00Z'), ev('file_to_cps', '2026-07-01T10:00:00Z')]
    expect(awaitingChargingDecision(j, [], NOW)?.awaiting).toEqual([{ defendantId: null, label: null, sentAt: d('2026-07-01T10:00:00Z') }])
  })
})

test('the case stages a list reads for them are those up to awaiting a charging decision', () => {
  expect(CASE_STAGES_WITH_CHARGING_WAIT).toEqual(['reported', 'investigation', 'suspect_released', 'charging_decision'])
})
