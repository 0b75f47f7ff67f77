// "What happens next" never asks for a step the journal already records.
import { beforeEach, describe, expect, test } from 'vitest'
import { deriveJourney } from '~/domain/journey/derive'
import type { JournalEvent } from '~/domain/journey/journal'
import { describeNextStep } from '~/domain/journey/next-steps'
import { d, ev, listed, outcome, resetIds } from './fixtures'

const NOW = d('2026-11-20T12:00:00Z')
const next = (events: JournalEvent[], now = NOW, defendantIds?: string[]) => deriveJourney(events, { now, defendantIds }).nextSteps

beforeEach(() => resetIds())

describe('reported', () => {
  const report = ev('crime_reported', '2026-11-01T10:00:00Z')

  test('before the crime is recorded, police are to record it and begin the investigation', () => {
    expect(next([report])).toEqual(['Police to record the crime and begin the investigation'])
  })

  test('once the crime is recorded, only the investigation is still to begin', () => {
    const j = [report, ev('crime_recorded', '2026-11-01T12:00:00Z')]
    expect(deriveJourney(j, { now: NOW }).caseStage).toBe('reported')
    expect(next(j)).toEqual(['Police to begin the investigation'])
  })

  test('a corrected-away crime recording is not counted', () => {
    const recorded = ev('crime_recorded', '2026-11-01T12:00:00Z', { id: 'rec' })
    const correction = ev('crime_reported', '2026-11-01T10:00:00Z', { supersedesId: 'rec', recordedAt: '2026-11-02T10:00:00Z' })
    expect(next([report, recorded, correction])).toEqual(['Police to record the crime and begin the investigation'])
  })
})

describe('investigation', () => {
  const base = [ev('crime_reported', '2026-10-01T10:00:00Z'), ev('crime_recorded', '2026-10-01T12:00:00Z')]
  const abe = () => ev('abe_interview', '2026-10-05T10:00:00Z', { victimId: 'v1' })
  const arrest = () => ev('suspect_arrested', '2026-10-06T08:00:00Z', { defendantId: 'd1' })
  const interview = () => ev('suspect_interviewed', '2026-10-06T14:00:00Z', { defendantId: 'd1' })

  test('with no interview recorded: interviews and gathering evidence', () => {
    expect(next([...base, ev('strategy_discussion', '2026-10-02T10:00:00Z')])).toEqual(['Police investigation: interviews and gathering evidence'])
    expect(next([...base, arrest()])).toEqual(['Police investigation: interviews and gathering evidence'])
  })

  test('the victim’s ABE interview recorded, no suspect named: gathering evidence, then the decision', () => {
    expect(next([...base, abe()])).toEqual(['Police investigation: gathering evidence, then a decision on sending the file to the CPS'])
  })

  test('the ABE interview recorded and the suspect arrested: interviewing the suspect', () => {
    expect(next([...base, abe(), arrest()])).toEqual(['Police investigation: interviewing the suspect and gathering evidence'])
    // A named suspect with nothing recorded yet is still to be interviewed.
    expect(next([...base, abe()], NOW, ['d1'])).toEqual(['Police investigation: interviewing the suspect and gathering evidence'])
  })

  test('the suspect interviewed but no ABE interview: the victim’s ABE interview', () => {
    expect(next([...base, arrest(), interview()])).toEqual(['Police investigation: the victim’s ABE interview and gathering evidence'])
  })

  test('both interviews recorded: gathering evidence, then the decision', () => {
    expect(next([...base, abe(), arrest(), interview()])).toEqual(['Police investigation: gathering evidence, then a decision on sending the file to the CPS'])
  })

  test('each suspect’s own interview counts only on their path', () => {
    const j = [...base, abe(), arrest(), interview(), ev('suspect_arrested', '2026-10-07T08:00:00Z', { defendantId: 'd2' })]
    const r = deriveJourney(j, { now: NOW })
    expect(r.defendants.map((x) => x.nextStep)).toEqual([
      'Police investigation: gathering evidence, then a decision on sending the file to the CPS',
      'Police investigation: interviewing the suspect and gathering evidence',
    ])
  })
})

describe('court', () => {
  const charged = [ev('suspect_charged', '2026-06-01T10:00:00Z', { defendantId: 'd1' }), listed('ptph', 'ptph', '2026-07-01T10:00:00Z', '2026-06-02T12:00:00Z', 'd1'), outcome('ptph', 'effective', '2026-07-01T12:00:00Z')]

  test('section 28 with the ground rules hearing held: only the pre-recorded cross-examination is to come', () => {
    const grh = [...charged, listed('grh', 'ground_rules', '2026-11-02T10:00:00Z', '2026-07-01T13:00:00Z', 'd1'), outcome('grh', 'effective', '2026-11-02T12:00:00Z')]
    expect(deriveJourney(grh, { now: NOW }).caseStage).toBe('s28_recording')
    expect(next(grh)).toEqual(['Pre-recorded cross-examination (section 28)'])
    // Listed: the hearing itself, by date and court.
    const s28 = [...grh, listed('s28', 's28_recording', '2026-12-01T10:00:00Z', '2026-11-02T13:00:00Z', 'd1')]
    expect(next(s28)).toEqual(['Pre-recorded cross-examination (section 28) on 1 December 2026 at Example Crown Court'])
  })

  test('a trial held with no verdict recorded yet: the verdict, not the trial, is next', () => {
    const j = [...charged, listed('trial', 'trial', '2026-11-16T10:00:00Z', '2026-07-01T13:00:00Z', 'd1')]
    expect(next(j, d('2026-11-01T00:00:00Z'))).toEqual(['Trial on 16 November 2026 at Example Crown Court'])
    expect(deriveJourney(j, { now: NOW }).caseStage).toBe('trial')
    expect(next(j)).toEqual(['Verdict at the end of the trial'])
    expect(next([...charged, ev('trial_started', '2026-11-16T10:00:00Z', { defendantId: 'd1' })])).toEqual(['Verdict at the end of the trial'])
  })
})

describe('describeNextStep', () => {
  test('with nothing recorded it is the stage’s own next step', () => {
    expect(describeNextStep({ stage: 's28_recording', recorded: new Set(), hasSuspect: true })).toBe('Ground rules hearing and pre-recorded cross-examination (section 28)')
    expect(describeNextStep({ stage: 'trial', recorded: new Set(), hasSuspect: true })).toBe('Trial')
    expect(describeNextStep({ stage: 'closed', recorded: new Set(['case_finalised']), hasSuspect: true })).toBe('')
  })
})
