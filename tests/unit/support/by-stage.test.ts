import { beforeEach, describe, expect, test } from 'vitest'
import { stagePeriods, supportByStage, type SupportPeriod } from '~/domain/support/by-stage'
import { d, ev, listed, outcome, resetIds } from '../journey/fixtures'

beforeEach(() => resetIds())

const journal = () => [
  ev('crime_reported', '2026-01-05T10:00:00Z'),
  ev('strategy_discussion', '2026-01-06T10:00:00Z'),
  ev('suspect_arrested', '2026-01-12T08:00:00Z', { defendantId: 'd1' }),
  ev('suspect_bailed', '2026-01-12T18:00:00Z', { defendantId: 'd1', details: { bailEndDate: d('2026-04-12T00:00:00Z') } }),
  ev('file_to_cps', '2026-03-01T10:00:00Z', { defendantId: 'd1' }),
  ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd1' }),
  listed('h1', 'first_hearing', '2026-04-02T10:00:00Z', '2026-04-01T11:00:00Z', 'd1'),
  outcome('h1', 'effective', '2026-04-02T12:00:00Z'),
]

describe('stage periods from the journal', () => {
  test('each stage with when it began and ended; the current one is open; a hearing date passing moves the stage', () => {
    const periods = stagePeriods(journal(), d('2026-05-01T00:00:00Z'))
    expect(periods.map((p) => [p.stage, p.from.toISOString(), p.to?.toISOString() ?? null])).toEqual([
      ['reported', '2026-01-05T10:00:00.000Z', '2026-01-06T10:00:00.000Z'],
      ['investigation', '2026-01-06T10:00:00.000Z', '2026-01-12T18:00:00.000Z'],
      ['suspect_released', '2026-01-12T18:00:00.000Z', '2026-03-01T10:00:00.000Z'],
      ['charging_decision', '2026-03-01T10:00:00.000Z', '2026-04-01T10:00:00.000Z'],
      ['first_hearing_mags', '2026-04-01T10:00:00.000Z', '2026-04-02T10:00:00.000Z'],
      ['ptph', '2026-04-02T10:00:00.000Z', null],
    ])
    expect(periods[0]!.label).toBe('Reported')
  })

  test('only what had happened by `now` counts; an empty journal has no periods; the input order does not matter', () => {
    expect(stagePeriods([], d('2026-05-01T00:00:00Z'))).toEqual([])
    const early = stagePeriods(journal(), d('2026-01-20T00:00:00Z'))
    expect(early.map((p) => p.stage)).toEqual(['reported', 'investigation', 'suspect_released'])
    expect(early.at(-1)!.to).toBeNull()
    const j = journal()
    expect(stagePeriods([...j].reverse(), d('2026-05-01T00:00:00Z'))).toEqual(stagePeriods(j, d('2026-05-01T00:00:00Z')))
  })

  test('periods are contiguous and consecutive stages differ', () => {
    const periods = stagePeriods(journal(), d('2026-05-01T00:00:00Z'))
    for (let i = 1; i < periods.length; i++) {
      expect(periods[i]!.from).toEqual(periods[i - 1]!.to)
      expect(periods[i]!.stage).not.toBe(periods[i - 1]!.stage)
    }
  })
})

describe('support by stage', () => {
  const supports: SupportPeriod[] = [
    { kind: 'advocate', label: 'Lead advocate: A', from: d('2026-01-07T09:00:00Z'), to: null },
    { kind: 'referral', label: 'Counselling (Harbour)', from: d('2026-02-01T09:00:00Z'), to: d('2026-03-01T10:00:00Z') },
    { kind: 'referral', label: 'Court support (Witness Service)', from: d('2026-04-01T12:00:00Z'), to: null },
  ]

  test('each stage lists the support whose period overlaps it; touching at an end does not count', () => {
    const rows = supportByStage(stagePeriods(journal(), d('2026-05-01T00:00:00Z')), supports)
    expect(rows.map((r) => [r.stage, r.support.map((s) => s.label)])).toEqual([
      ['reported', []],
      ['investigation', ['Lead advocate: A']],
      ['suspect_released', ['Lead advocate: A', 'Counselling (Harbour)']],
      ['charging_decision', ['Lead advocate: A']],
      ['first_hearing_mags', ['Lead advocate: A', 'Court support (Witness Service)']],
      ['ptph', ['Lead advocate: A', 'Court support (Witness Service)']],
    ])
  })

  test('no support: every stage says none', () => {
    const rows = supportByStage(stagePeriods(journal(), d('2026-05-01T00:00:00Z')), [])
    expect(rows.every((r) => r.support.length === 0)).toBe(true)
  })
})
