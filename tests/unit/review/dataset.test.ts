import { describe, expect, test } from 'vitest'
import {
  ageBandOf,
  ageOn,
  buildDataset,
  CSV_HEADER,
  datasetCsvRows,
  defaultQuarter,
  ethnicGroupOf,
  genderRowOf,
  parseQuarter,
  quarterOf,
  recentQuarters,
  SUPPRESSED,
  type DatasetCounts,
  type DatasetSection,
} from '~/domain/review/dataset'

const NOW = new Date('2026-11-29T12:00:00Z')

describe('quarters', () => {
  test('a quarter runs from midnight London time on its first day to midnight after its last', () => {
    const q3 = quarterOf('2026-Q3')
    expect(q3).toMatchObject({ quarter: '2026-Q3', firstDay: '2026-07-01', lastDay: '2026-09-30', label: 'July to September 2026' })
    // British Summer Time: midnight in London is 23:00 UTC the day before.
    expect(q3.start.toISOString()).toBe('2026-06-30T23:00:00.000Z')
    expect(q3.end.toISOString()).toBe('2026-09-30T23:00:00.000Z')
    const q1 = quarterOf('2026-Q1')
    expect(q1.start.toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(q1.end.toISOString()).toBe('2026-03-31T23:00:00.000Z')
  })

  test('reads 2026-Q3 and forgiving spellings of it', () => {
    for (const input of ['2026-Q3', '2026-q3', ' 2026 Q3 ', '2026Q3']) {
      const r = parseQuarter(input, NOW)
      expect(r.ok && r.quarter.quarter).toBe('2026-Q3')
    }
  })

  test('refuses blank, malformed, too early and future quarters with a message for the field', () => {
    expect(parseQuarter('', NOW)).toEqual({ ok: false, message: 'Select the quarter' })
    expect(parseQuarter(null, NOW)).toEqual({ ok: false, message: 'Select the quarter' })
    for (const bad of ['2026-Q5', '2026-Q0', 'Q3 2026', '26-Q3', '2026-07', '=1+1', '2026-Q3; DROP TABLE']) {
      expect(parseQuarter(bad, NOW)).toEqual({ ok: false, message: 'Enter the quarter as a year and quarter, like 2026-Q3' })
    }
    expect(parseQuarter('2019-Q4', NOW)).toEqual({ ok: false, message: 'The quarter must be in 2020 or later' })
    expect(parseQuarter('2027-Q1', NOW)).toEqual({ ok: false, message: 'The quarter must not be in the future' })
  })

  test('the quarter in progress is allowed; the next one is refused from its first London instant', () => {
    expect(parseQuarter('2026-Q4', NOW).ok).toBe(true)
    const justBefore = new Date('2026-09-30T22:59:59Z')
    expect(parseQuarter('2026-Q4', justBefore)).toEqual({ ok: false, message: 'The quarter must not be in the future' })
    expect(parseQuarter('2026-Q4', new Date('2026-09-30T23:00:00Z')).ok).toBe(true)
  })

  test('the default is the last complete quarter; the picker offers the current one and the seven before', () => {
    expect(defaultQuarter(NOW).quarter).toBe('2026-Q3')
    expect(defaultQuarter(new Date('2026-02-10T12:00:00Z')).quarter).toBe('2025-Q4')
    const recent = recentQuarters(NOW).map((q) => q.quarter)
    expect(recent).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1'])
  })
})

describe('age bands (age on the last day of the quarter)', () => {
  test('whole years, counting the birthday itself', () => {
    expect(ageOn('2010-09-30', '2026-09-30')).toBe(16)
    expect(ageOn('2010-10-01', '2026-09-30')).toBe(15)
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
  })

  test.each([
    ['2013-10-01', 'under_13'],
    ['2013-09-30', 'age_13_15'],
    ['2010-10-01', 'age_13_15'],
    ['2010-09-30', 'age_16_17'],
    ['2008-10-01', 'age_16_17'],
    ['2008-09-30', 'age_18_plus'],
    ['1990-01-01', 'age_18_plus'],
  ])('born %s is %s at the end of 2026-Q3', (dob, band) => {
    expect(ageBandOf(dob, '2026-09-30')).toBe(band)
  })
})

describe('gender and ethnic group', () => {
  test('genders come from the fixed list; anything else is not recorded', () => {
    expect(genderRowOf('female')).toBe('female')
    expect(genderRowOf('self_described')).toBe('self_described')
    expect(genderRowOf(null)).toBe('not_recorded')
    expect(genderRowOf('Something typed')).toBe('not_recorded')
  })

  test.each([
    ['White British', 'white'],
    ['white - english', 'white'],
    ['Gypsy or Irish Traveller', 'white'],
    ['Black British', 'black'],
    ['Black Caribbean', 'black'],
    ['African', 'black'],
    ['Pakistani', 'asian'],
    ['British Indian', 'asian'],
    ['Mixed White and Black Caribbean', 'mixed'],
    ['White and Asian', 'mixed'],
    ['Arab', 'other'],
    ['Something nobody listed', 'other'],
    ['', 'not_recorded'],
    [null, 'not_recorded'],
    ['Prefer not to say', 'not_recorded'],
  ])('%s is grouped as %s', (text, group) => {
    expect(ethnicGroupOf(text)).toBe(group)
  })
})

const EMPTY: DatasetCounts = {
  casesByStage: {},
  victimsByStage: {},
  newVictims: 0,
  newReports: 0,
  visitsCompleted: 0,
  visitsNotHappened: {},
  intelligenceCreated: 0,
  intelligenceSubmitted: 0,
  referralsByService: {},
  referralsByStatus: {},
  referralOutcomes: {},
  compliance: [],
  prosecution: { source: 'case_outcome', counts: {} },
  ageBands: {},
  genders: {},
  ethnicGroups: {},
}

const COUNTS: DatasetCounts = {
  casesByStage: { investigation: 12, charging_decision: 3, trial: 7, nfa: 9 },
  victimsByStage: { investigation: 14, charging_decision: 3, trial: 8, nfa: 11 },
  newVictims: 4,
  newReports: 17,
  visitsCompleted: 40,
  visitsNotHappened: { declined: 2, not_found: 6, missing: 1 },
  intelligenceCreated: 9,
  intelligenceSubmitted: 3,
  referralsByService: { isva: 10, counselling: 6, sexual_health: 2 },
  referralsByStatus: { sent: 5, accepted: 6, active: 7 },
  referralOutcomes: { support_completed: 8 },
  compliance: [
    { right: 6, owedBy: 'police', met: 20, metLate: 3, overdue: 6 },
    { right: 6, owedBy: 'witness_care', met: 11, metLate: 0, overdue: 2 },
    { right: 1, owedBy: 'police', met: 9, metLate: 7, overdue: 0 },
    { right: 4, owedBy: 'cps', met: 0, metLate: 0, overdue: 0 },
  ],
  prosecution: { source: 'case_review', counts: { successful: 6, unsuccessful: 2, no_prosecution: 9 } },
  ageBands: { under_13: 3, age_13_15: 20, age_16_17: 15, age_18_plus: 1 },
  genders: { female: 30, male: 8, not_recorded: 1 },
  ethnicGroups: { white: 25, black: 6, asian: 5, mixed: 2, not_recorded: 1 },
}

const section = (sections: DatasetSection[], id: string) => sections.find((s) => s.id === id)!
const column = (s: DatasetSection, i: number) => s.rows.map((r) => r.values[i]!)

/** Every published equation (rows add to the total, per column) must not have exactly one unknown. */
function assertNotRecoverable(s: DatasetSection) {
  if (!s.total) return
  s.columns.forEach((_, i) => {
    const terms = [...column(s, i), s.total!.values[i]!]
    expect(terms.filter((v) => v === null).length, `${s.id} column ${i}`).not.toBe(1)
  })
}

describe('the report', () => {
  const t = 5
  const dataset = buildDataset(COUNTS, quarterOf('2026-Q3'), t)

  test('has every section, in order, for the quarter', () => {
    expect(dataset.quarter).toEqual({ id: '2026-Q3', label: 'July to September 2026', firstDay: '2026-07-01', lastDay: '2026-09-30' })
    expect(dataset.sections.map((s) => s.id)).toEqual([
      'stage',
      'new',
      'visits',
      'intelligence',
      'referrals_service',
      'referrals_status',
      'referrals_outcome',
      'compliance',
      'prosecution',
      'age',
      'gender',
      'ethnicity',
    ])
  })

  test('no published cell is below the threshold (zeros are shown)', () => {
    for (const s of dataset.sections) {
      for (const row of [...s.rows, ...(s.total ? [s.total] : [])]) {
        for (const v of row.values) if (v !== null) expect(v === 0 || v >= t, `${s.id} ${row.label}`).toBe(true)
      }
    }
  })

  test('no withheld cell can be recovered from its total', () => {
    for (const s of dataset.sections) assertNotRecoverable(s)
    // The compliance table: rows too (cells add up to each row's total).
    const compliance = section(dataset.sections, 'compliance')
    for (const row of [...compliance.rows, compliance.total!]) expect(row.values.filter((v) => v === null).length).not.toBe(1)
  })

  test('large counts are published as they are, small ones withheld', () => {
    const age = section(dataset.sections, 'age')
    expect(age.rows.map((r) => r.label)).toEqual(['Under 13', '13 to 15', '16 or 17', '18 or over'])
    // 3 and 1 are small; 20, 15 and the total 39 stay.
    expect(column(age, 0)).toEqual([null, 20, 15, null])
    expect(age.total!.values).toEqual([39])
    const headline = section(dataset.sections, 'new')
    expect(column(headline, 0)).toEqual([null, 17])
    // One small cell in a column forces a second one so the total gives nothing away.
    const visits = section(dataset.sections, 'visits')
    expect(column(visits, 0)).toEqual([40, null, 6, null])
    expect(visits.total!.values).toEqual([49])
  })

  test('cases and victims by stage: every stage listed, two columns, no total column', () => {
    const stage = section(dataset.sections, 'stage')
    expect(stage.columns).toEqual(['Cases', 'Victims'])
    expect(stage.rows).toHaveLength(15)
    expect(stage.rows.find((r) => r.label === 'Investigation')!.values).toEqual([12, 14])
    expect(stage.rows.find((r) => r.label === 'Reported')!.values).toEqual([0, 0])
    expect(stage.total!.values.length).toBe(2)
  })

  test('compliance: one row per right and agency with entitlements, in right order', () => {
    const compliance = section(dataset.sections, 'compliance')
    expect(compliance.columns).toEqual(['Met on time', 'Met late', 'Overdue', 'Total'])
    expect(compliance.rows.map((r) => r.label)).toEqual(['Right 1: Police', 'Right 6: Police', 'Right 6: Witness care'])
  })

  test('prosecution outcomes follow their source', () => {
    expect(section(dataset.sections, 'prosecution').rows.map((r) => r.label)).toEqual([
      'Successful (at least one defendant convicted)',
      'Unsuccessful (prosecuted, no conviction)',
      'No prosecution',
    ])
    const fromEvents = buildDataset({ ...EMPTY, prosecution: { source: 'case_outcome', counts: { guilty_plea: 7 } } }, quarterOf('2026-Q3'), t)
    const rows = section(fromEvents.sections, 'prosecution').rows
    expect(rows.find((r) => r.label === 'Pleaded guilty')!.values).toEqual([7])
  })

  test('keys outside the fixed vocabularies never reach the report', () => {
    const leaky = buildDataset(
      { ...EMPTY, referralsByService: { 'Jane Doe': 50, isva: 6 }, genders: { 'V-2026-0131': 40 }, ethnicGroups: { '=HYPERLINK("x")': 9 } },
      quarterOf('2026-Q3'),
      t,
    )
    const text = JSON.stringify(leaky)
    for (const leaked of ['Jane Doe', 'V-2026-0131', 'HYPERLINK']) expect(text).not.toContain(leaked)
  })

  test('a higher threshold withholds more', () => {
    const strict = buildDataset(COUNTS, quarterOf('2026-Q3'), 10)
    expect(column(section(strict.sections, 'age'), 0)).toEqual([null, 20, 15, null])
    expect(column(section(strict.sections, 'new'), 0)).toEqual([null, 17])
    expect(column(section(strict.sections, 'intelligence'), 0)).toEqual([null, null])
  })

  test('CSV records: one per published number, withheld ones say so', () => {
    const rows = datasetCsvRows(dataset)
    expect(CSV_HEADER).toEqual(['Quarter', 'Section', 'Row', 'Column', 'Count'])
    expect(rows).toContainEqual(['2026-Q3', 'Victims by age band', '13 to 15', 'Number', 20])
    expect(rows).toContainEqual(['2026-Q3', 'Victims by age band', 'Under 13', 'Number', SUPPRESSED])
    expect(rows).toContainEqual(['2026-Q3', 'Victims by age band', 'Total', 'Number', 39])
    expect(rows.every((r) => r.length === 5)).toBe(true)
  })
})
