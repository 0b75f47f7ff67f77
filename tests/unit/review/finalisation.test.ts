import { describe, expect, test } from 'vitest'
import type { JournalEvent } from '~/domain/journey/journal'
import { finalisation } from '~/domain/review/finalisation'

let seq = 0
function ev(type: string, date: string, extra: Partial<JournalEvent> = {}): JournalEvent {
  seq += 1
  return { id: `e${String(seq).padStart(3, '0')}`, type, occurredAt: new Date(date), recordedAt: new Date(date), details: {}, ...extra }
}
const A = { id: 'dA', label: 'Suspect A' }
const B = { id: 'dB', label: 'Suspect B' }
const C = { id: 'dC', label: 'Suspect C' }

function grooming(): JournalEvent[] {
  return [
    ev('crime_reported', '2025-01-10', { details: { reportedBy: 'professional' } }),
    ev('abe_interview', '2025-01-20', { victimId: 'v1', details: { interviewer: 'DC Example', intermediaryPresent: true } }),
    ev('suspect_arrested', '2025-02-01', { defendantId: 'dA' }),
    ev('suspect_arrested', '2025-02-01', { defendantId: 'dB' }),
    ev('suspect_arrested', '2025-02-03', { defendantId: 'dC' }),
    ev('file_to_cps', '2025-04-01', { details: { requestType: 'full_code_test' } }),
    ev('suspect_charged', '2025-05-01', { defendantId: 'dA', details: { charges: [{ offence: 'Sexual activity with a child' }], remandStatus: 'custody' } }),
    ev('suspect_charged', '2025-05-01', {
      defendantId: 'dB',
      details: { charges: [{ offence: 'Arranging child sexual offence' }], remandStatus: 'conditional_bail' },
    }),
    ev('police_no_charge_decision', '2025-05-02', { defendantId: 'dC', details: { homeOfficeOutcomeCode: '16', reason: 'Victim did not support action' } }),
  ]
}

describe('finalisation', () => {
  test('three defendants, one still awaiting trial: not finalised', () => {
    const journal = [...grooming(), ev('case_outcome', '2026-01-15', { defendantId: 'dA', details: { outcome: 'guilty_plea' } })]
    const f = finalisation(journal, [A, B, C])
    expect(f).toEqual({ finalised: false, outstanding: ['dB'] })
  })

  test('every defendant disposed of: successful when any is convicted, finalised at the last outcome', () => {
    const journal = [
      ...grooming(),
      ev('case_outcome', '2026-01-15', { defendantId: 'dA', details: { outcome: 'guilty_plea' } }),
      ev('case_outcome', '2026-03-20', { defendantId: 'dB', details: { outcome: 'acquitted', unsuccessfulReason: 'evidential' } }),
    ]
    const f = finalisation(journal, [A, B, C])
    expect(f.finalised).toBe(true)
    if (!f.finalised) return
    expect(f.outcome).toBe('successful')
    expect(f.finalisedAt).toEqual(new Date('2026-03-20'))
    expect(f.defendants.map((d) => [d.id, d.outcomeCode, d.conviction, d.unsuccessfulReason, d.homeOfficeOutcome])).toEqual([
      ['dA', 'guilty_plea', true, undefined, undefined],
      ['dB', 'acquitted', false, 'evidential', undefined],
      ['dC', 'police_no_charge_decision', null, undefined, '16'],
    ])
  })

  test('charged but none convicted: unsuccessful (discontinuance counts as prosecuted)', () => {
    const journal = [
      ...grooming(),
      ev('cps_discontinued', '2025-09-01', { defendantId: 'dA', details: { scope: 'all_charges', reason: 'victim_issues' } }),
      ev('case_outcome', '2026-02-01', { defendantId: 'dB', details: { outcome: 'offered_no_evidence', unsuccessfulReason: 'victim_issues' } }),
    ]
    const f = finalisation(journal, [A, B, C])
    expect(f.finalised && f.outcome).toBe('unsuccessful')
    if (f.finalised) expect(f.defendants[0]).toMatchObject({ outcomeCode: 'cps_discontinued', conviction: false, unsuccessfulReason: 'victim_issues' })
  })

  test('no one prosecuted: no_prosecution, with Home Office codes for police disposals', () => {
    const journal = [
      ev('crime_reported', '2025-01-10'),
      ev('suspect_released_nfa', '2025-03-01', { defendantId: 'dA', details: { homeOfficeOutcomeCode: '15' } }),
      ev('out_of_court_disposal', '2025-03-05', { defendantId: 'dB', details: { disposal: 'youth_conditional_caution', decidedBy: 'cps' } }),
      ev('cps_no_charge_decision', '2025-06-01', { defendantId: 'dC', details: { reason: 'evidential' } }),
    ]
    const f = finalisation(journal, [A, B, C])
    expect(f.finalised && f.outcome).toBe('no_prosecution')
    if (!f.finalised) return
    expect(f.defendants.map((d) => d.homeOfficeOutcome)).toEqual(['15', '2', undefined])
    expect(f.defendants[2]).toMatchObject({ outcomeCode: 'cps_no_charge_decision', conviction: null, unsuccessfulReason: 'evidential' })
    expect(f.finalisedAt).toEqual(new Date('2025-06-01'))
  })

  test('a correction that replaces the last outcome with a hearing un-finalises; correcting an outcome changes it', () => {
    const outcomeB = ev('case_outcome', '2026-03-20', { defendantId: 'dB', details: { outcome: 'acquitted', unsuccessfulReason: 'evidential' } })
    const base = [...grooming(), ev('case_outcome', '2026-01-15', { defendantId: 'dA', details: { outcome: 'guilty_plea' } }), outcomeB]
    const wrongDefendant = ev('case_outcome', '2026-03-20', { defendantId: 'dA', supersedesId: outcomeB.id, details: { outcome: 'convicted_after_trial' } })
    expect(finalisation([...base, wrongDefendant], [A, B, C])).toEqual({ finalised: false, outstanding: ['dB'] })
    const convicted = ev('case_outcome', '2026-03-20', { defendantId: 'dB', supersedesId: outcomeB.id, details: { outcome: 'convicted_after_trial' } })
    const f = finalisation([...base, convicted], [A, B, C])
    expect(f.finalised && f.defendants[1]!.outcomeCode).toBe('convicted_after_trial')
  })

  test('a charge after a police no-charge decision reopens the defendant', () => {
    const journal = [
      ...grooming(),
      ev('suspect_charged', '2025-08-01', { defendantId: 'dC', details: { charges: [{ offence: 'X' }], remandStatus: 'custody' } }),
    ]
    const withOthers = [
      ...journal,
      ev('case_outcome', '2026-01-15', { defendantId: 'dA', details: { outcome: 'guilty_plea' } }),
      ev('case_outcome', '2026-01-15', { defendantId: 'dB', details: { outcome: 'guilty_plea' } }),
    ]
    expect(finalisation(withOthers, [A, B, C])).toEqual({ finalised: false, outstanding: ['dC'] })
  })

  test('appeal: a retrial order reopens, a quashed conviction becomes unsuccessful', () => {
    const one = [
      ev('crime_reported', '2025-01-10'),
      ev('suspect_charged', '2025-05-01', { defendantId: 'dA', details: { charges: [{ offence: 'X' }], remandStatus: 'custody' } }),
      ev('case_outcome', '2026-01-15', { defendantId: 'dA', details: { outcome: 'convicted_after_trial' } }),
      ev('appeal_lodged', '2026-02-01', { defendantId: 'dA', details: { appellant: 'defendant', against: 'conviction' } }),
    ]
    // A pending appeal does not undo finalisation.
    expect(finalisation(one, [A]).finalised).toBe(true)
    const retrial = [...one, ev('appeal_outcome', '2026-06-01', { defendantId: 'dA', details: { result: 'retrial_ordered' } })]
    expect(finalisation(retrial, [A]).finalised).toBe(false)
    const retried = [...retrial, ev('case_outcome', '2026-10-01', { defendantId: 'dA', details: { outcome: 'acquitted', unsuccessfulReason: 'evidential' } })]
    const r = finalisation(retried, [A])
    expect(r.finalised && [r.outcome, r.finalisedAt]).toEqual(['unsuccessful', new Date('2026-10-01')])
    const quashed = [...one, ev('appeal_outcome', '2026-06-01', { defendantId: 'dA', details: { result: 'conviction_quashed' } })]
    const q = finalisation(quashed, [A])
    expect(q.finalised && [q.outcome, q.defendants[0]!.outcomeCode, q.finalisedAt]).toEqual(['unsuccessful', 'conviction_quashed', new Date('2026-06-01')])
  })

  test('a sentence without a recorded case outcome counts as a conviction (a guilty plea if one was entered)', () => {
    const journal = [
      ev('crime_reported', '2024-05-01'),
      ev('suspect_charged', '2025-02-14', { defendantId: 'dA', details: { charges: [{ offence: 'X' }], remandStatus: 'custody' } }),
      ev('guilty_plea', '2025-03-10', { defendantId: 'dA', details: { toAllCharges: true } }),
      ev('sentenced', '2025-05-14', { defendantId: 'dA', details: { custodyMonths: 30 } }),
      ev('suspect_charged', '2025-02-14', { defendantId: 'dB', details: { charges: [{ offence: 'X' }], remandStatus: 'custody' } }),
      ev('case_outcome', '2025-04-01', { defendantId: 'dB', details: { outcome: 'convicted_after_trial' } }),
      ev('sentenced', '2025-05-14', { defendantId: 'dB', details: { custodyMonths: 30 } }),
    ]
    const f = finalisation(journal, [A, B])
    expect(f.finalised && f.defendants.map((d) => [d.outcomeCode, d.conviction, d.finalisedAt.toISOString().slice(0, 10)])).toEqual([
      ['guilty_plea', true, '2025-05-14'],
      ['convicted_after_trial', true, '2025-04-01'],
    ])
  })

  test('a case with no defendants is not finalised', () => {
    expect(finalisation([ev('crime_reported', '2025-01-10')], [])).toEqual({ finalised: false, outstanding: [] })
  })
})
