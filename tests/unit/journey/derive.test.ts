import { beforeEach, describe, expect, test } from 'vitest'
import { deriveCaseStage, deriveJourney, nextStepFor, upcomingHearings, type DeriveOptions } from '~/domain/journey/derive'
import type { JournalEvent } from '~/domain/journey/journal'
import { STAGES, stageLabel, type StageId } from '~/domain/journey/stages'
import { d, ev, listed, outcome, resetIds } from './fixtures'

const NOW = d('2026-11-20T12:00:00Z')
const at = (events: JournalEvent[], now = NOW, extra: Partial<DeriveOptions> = {}) => deriveJourney(events, { now, ...extra })
const HOUR = 3_600_000

/** The case stage after each event in turn, with the clock an hour after that event. */
function stagesAlong(events: JournalEvent[]): StageId[] {
  return events.map((e, i) => deriveCaseStage(events.slice(0, i + 1), { now: new Date(e.occurredAt.getTime() + HOUR) }))
}

beforeEach(() => resetIds())

describe('before any suspect', () => {
  test('an empty journal is a reported case; an investigative step makes it an investigation', () => {
    expect(at([]).caseStage).toBe('reported')
    const report = [ev('crime_reported', '2026-06-01T10:00:00Z'), ev('crime_recorded', '2026-06-01T12:00:00Z'), ev('needs_assessment_completed', '2026-06-02T10:00:00Z', { victimId: 'v1' })]
    const r = at(report)
    expect(r).toMatchObject({ caseStage: 'reported', caseStageLabel: 'Reported', defendants: [], nextSteps: ['Police to begin the investigation'] })
    expect(at([...report, ev('strategy_discussion', '2026-06-03T10:00:00Z')]).caseStage).toBe('investigation')
    expect(at([...report, ev('abe_interview', '2026-06-05T10:00:00Z', { victimId: 'v1' })]).caseStage).toBe('investigation')
  })

  test('a decision not to investigate is no further action, with no next step; a later ABE reopens it', () => {
    const j = [ev('crime_reported', '2026-06-01T10:00:00Z'), ev('decision_not_to_investigate', '2026-06-04T10:00:00Z')]
    expect(at(j)).toMatchObject({ caseStage: 'nfa', nextSteps: [] })
    expect(at([...j, ev('abe_interview', '2026-07-01T10:00:00Z', { victimId: 'v1' })]).caseStage).toBe('investigation')
  })

  test('named suspects with no events yet take the case-level stage', () => {
    const j = [ev('crime_reported', '2026-06-01T10:00:00Z'), ev('abe_interview', '2026-06-05T10:00:00Z', { victimId: 'v1' })]
    const r = at(j, NOW, { defendantIds: ['d2', 'd1'] })
    expect(r.defendants.map((x) => [x.defendantId, x.stage])).toEqual([
      ['d1', 'investigation'],
      ['d2', 'investigation'],
    ])
    expect(r.caseStage).toBe('investigation')
  })
})

describe('realistic sequences', () => {
  test('straight from report to sentence, stage by stage', () => {
    const j = [
      ev('crime_reported', '2026-01-05T10:00:00Z'),
      ev('strategy_discussion', '2026-01-06T10:00:00Z'),
      ev('abe_interview', '2026-01-10T10:00:00Z', { victimId: 'v1' }),
      ev('suspect_arrested', '2026-01-12T08:00:00Z', { defendantId: 'd1' }),
      ev('suspect_interviewed', '2026-01-12T14:00:00Z', { defendantId: 'd1' }),
      ev('suspect_bailed', '2026-01-12T18:00:00Z', { defendantId: 'd1', details: { bailEndDate: d('2026-04-12T00:00:00Z') } }),
      ev('file_to_cps', '2026-03-01T10:00:00Z', { defendantId: 'd1' }),
      ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd1' }),
      listed('h1', 'first_hearing', '2026-04-02T10:00:00Z', '2026-04-01T11:00:00Z', 'd1'),
      outcome('h1', 'effective', '2026-04-02T12:00:00Z'),
      listed('h2', 'ptph', '2026-04-30T10:00:00Z', '2026-04-02T13:00:00Z', 'd1'),
      ev('not_guilty_plea', '2026-04-30T11:00:00Z', { defendantId: 'd1' }),
      outcome('h2', 'effective', '2026-04-30T12:00:00Z'),
      listed('h3', 'trial', '2026-09-07T10:00:00Z', '2026-04-30T13:00:00Z', 'd1'),
      ev('trial_started', '2026-09-07T10:00:00Z', { defendantId: 'd1' }),
      ev('case_outcome', '2026-09-11T15:00:00Z', { defendantId: 'd1', details: { outcome: 'convicted_after_trial' } }),
      listed('h4', 'sentence', '2026-10-09T10:00:00Z', '2026-09-11T16:00:00Z', 'd1'),
      ev('sentenced', '2026-10-09T12:00:00Z', { defendantId: 'd1', details: { custodyMonths: 72 } }),
    ]
    expect(stagesAlong(j)).toEqual([
      'reported',
      'investigation',
      'investigation',
      'investigation',
      'investigation',
      'suspect_released',
      'charging_decision',
      'first_hearing_mags',
      'first_hearing_mags',
      'ptph',
      'ptph',
      // The PTPH time has passed (no outcome yet): counted as held, so the trial is next.
      'trial',
      'trial',
      'trial',
      'trial',
      'sentence',
      'sentence',
      'appeal_window',
    ])
    expect(at(j).caseStage).toBe('post_sentence')
    expect(at(j).nextSteps).toEqual(['Victim Contact Scheme: updates about the sentence from the victim liaison officer'])
    expect(at(j, d('2026-10-20T10:00:00Z')).nextSteps).toEqual([
      'Appeal window: an appeal or an unduly lenient sentence referral may be made until 6 November 2026',
    ])
  })

  test('NFA with Home Office outcome 16 (victim does not support action)', () => {
    const j = [
      ev('crime_reported', '2026-03-01T10:00:00Z'),
      ev('suspect_arrested', '2026-03-04T10:00:00Z', { defendantId: 'd1' }),
      ev('suspect_interviewed', '2026-03-04T15:00:00Z', { defendantId: 'd1' }),
      ev('suspect_released_under_investigation', '2026-03-04T19:00:00Z', { defendantId: 'd1' }),
      ev('victim_withdrew_support', '2026-05-01T10:00:00Z', { victimId: 'v1' }),
      ev('suspect_released_nfa', '2026-05-20T10:00:00Z', { defendantId: 'd1', details: { homeOfficeOutcomeCode: '16' } }),
    ]
    expect(stagesAlong(j)).toEqual(['reported', 'investigation', 'investigation', 'suspect_released', 'suspect_released', 'nfa'])
    expect(at(j)).toMatchObject({ caseStage: 'nfa', caseStageLabel: 'No further action', nextSteps: [] })
    // New evidence: the suspect is arrested again and the path reopens.
    expect(at([...j, ev('suspect_arrested', '2026-09-01T10:00:00Z', { defendantId: 'd1' })]).caseStage).toBe('investigation')
  })

  test('bail, then released under investigation, then charged; bail while with CPS stays with CPS', () => {
    const arrest = ev('suspect_arrested', '2026-02-01T10:00:00Z', { defendantId: 'd1' })
    const bail = ev('suspect_bailed', '2026-02-01T20:00:00Z', { defendantId: 'd1', details: { bailEndDate: d('2026-05-01T00:00:00Z') } })
    const onBail = at([arrest, bail], d('2026-02-10T00:00:00Z'))
    expect(onBail.caseStage).toBe('suspect_released')
    expect(onBail.nextSteps).toEqual(['Police decision: send the file to the CPS, or no further action (bail ends 1 May 2026)'])
    const rui = ev('suspect_released_under_investigation', '2026-05-01T09:00:00Z', { defendantId: 'd1' })
    const onRui = at([arrest, bail, rui], d('2026-05-02T00:00:00Z'))
    expect(onRui.caseStage).toBe('suspect_released')
    expect(onRui.nextSteps).toEqual(['Police decision: send the file to the CPS, or no further action'])
    const file = ev('file_to_cps', '2026-07-01T10:00:00Z')
    const rebail = ev('suspect_bailed', '2026-07-02T10:00:00Z', { defendantId: 'd1', details: { bailEndDate: d('2026-10-02T00:00:00Z') } })
    const withCps = at([arrest, bail, rui, file, rebail], d('2026-07-10T00:00:00Z'))
    expect(withCps).toMatchObject({ caseStage: 'charging_decision', nextSteps: ['Charging decision from CPS'] })
    const charge = ev('suspect_charged', '2026-08-01T10:00:00Z', { defendantId: 'd1' })
    expect(at([arrest, bail, rui, file, rebail, charge]).caseStage).toBe('first_hearing_mags')
    expect(at([arrest, bail, rui, file, rebail, charge]).nextSteps).toEqual(['First hearing at the magistrates’ or youth court'])
  })

  test('two defendants with different paths: one convicted, one acquitted', () => {
    const j = [
      ev('crime_reported', '2026-01-05T10:00:00Z'),
      ev('suspect_arrested', '2026-01-12T08:00:00Z', { defendantId: 'd1' }),
      ev('suspect_arrested', '2026-01-13T08:00:00Z', { defendantId: 'd2' }),
      ev('file_to_cps', '2026-03-01T10:00:00Z'),
      ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd1' }),
      ev('suspect_charged', '2026-04-01T10:05:00Z', { defendantId: 'd2' }),
      listed('t', 'trial', '2026-09-07T10:00:00Z', '2026-04-30T13:00:00Z'),
      ev('trial_started', '2026-09-07T10:00:00Z'),
      ev('case_outcome', '2026-09-14T15:00:00Z', { defendantId: 'd1', details: { outcome: 'convicted_after_trial' } }),
      ev('case_outcome', '2026-09-14T15:01:00Z', { defendantId: 'd2', details: { outcome: 'acquitted', unsuccessfulReason: 'evidential' } }),
    ]
    const r = at(j)
    expect(r.defendants.map((x) => [x.defendantId, x.stage])).toEqual([
      ['d1', 'sentence'],
      ['d2', 'closed'],
    ])
    expect(r.caseStage).toBe('sentence')
    expect(r.nextSteps).toEqual(['Sentencing hearing'])
    // Before the verdicts, the joint trial (listed for both) puts both at trial.
    expect(at(j.slice(0, 8), d('2026-09-08T00:00:00Z')).defendants.map((x) => x.stage)).toEqual(['trial', 'trial'])
    expect(at(j.slice(0, 8), d('2026-09-08T00:00:00Z')).nextSteps).toEqual(['Verdict at the end of the trial'])
  })

  test('the case stage is the least advanced open defendant', () => {
    const j = [
      ev('suspect_arrested', '2026-01-12T08:00:00Z', { defendantId: 'd1' }),
      ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd1' }),
      ev('suspect_arrested', '2026-05-01T08:00:00Z', { defendantId: 'd2' }),
      ev('suspect_released_under_investigation', '2026-05-01T18:00:00Z', { defendantId: 'd2' }),
      ev('suspect_arrested', '2026-05-02T08:00:00Z', { defendantId: 'd3' }),
      ev('suspect_released_nfa', '2026-05-03T08:00:00Z', { defendantId: 'd3', details: { homeOfficeOutcomeCode: '15' } }),
    ]
    const r = at(j)
    expect(r.caseStage).toBe('suspect_released')
    expect(r.nextSteps).toEqual(['First hearing at the magistrates’ or youth court', 'Police decision: send the file to the CPS, or no further action'])
  })

  test('guilty plea at the PTPH goes straight to sentence', () => {
    const j = [
      ev('suspect_charged', '2026-06-01T10:00:00Z', { defendantId: 'd1' }),
      listed('fh', 'first_hearing', '2026-06-02T10:00:00Z', '2026-06-01T11:00:00Z', 'd1'),
      listed('ptph', 'ptph', '2026-07-01T10:00:00Z', '2026-06-02T12:00:00Z', 'd1'),
      listed('trial', 'trial', '2027-02-01T10:00:00Z', '2026-06-02T12:00:00Z', 'd1'),
    ]
    expect(at(j, d('2026-06-15T00:00:00Z')).nextSteps).toEqual(['Plea and trial preparation hearing on 1 July 2026 at Example Crown Court'])
    const pleaded = [
      ...j,
      ev('guilty_plea', '2026-07-01T11:00:00Z', { defendantId: 'd1', details: { toAllCharges: true } }),
      outcome('ptph', 'effective', '2026-07-01T12:00:00Z'),
      listed('sent', 'sentence', '2026-12-04T10:00:00Z', '2026-07-01T13:00:00Z', 'd1'),
    ]
    const r = at(pleaded)
    expect(r.caseStage).toBe('sentence')
    expect(r.nextSteps).toEqual(['Sentencing hearing on 4 December 2026 at Example Crown Court'])
    // A guilty plea to only some charges leaves the trial to come.
    const partial = [...j, ev('guilty_plea', '2026-07-01T11:00:00Z', { defendantId: 'd1', details: { toAllCharges: false, charges: 'Count 2' } }), outcome('ptph', 'effective', '2026-07-01T12:00:00Z')]
    expect(at(partial).caseStage).toBe('trial')
  })

  test('section 28: the pre-recorded cross-examination comes before the trial', () => {
    const j = [
      ev('suspect_charged', '2026-06-01T10:00:00Z', { defendantId: 'd1' }),
      listed('ptph', 'ptph', '2026-07-01T10:00:00Z', '2026-06-02T12:00:00Z', 'd1'),
      outcome('ptph', 'effective', '2026-07-01T12:00:00Z'),
      listed('grh', 'ground_rules', '2026-11-02T10:00:00Z', '2026-07-01T13:00:00Z', 'd1'),
      listed('s28', 's28_recording', '2026-12-01T10:00:00Z', '2026-07-01T13:00:00Z', 'd1'),
      listed('trial', 'trial', '2027-03-01T10:00:00Z', '2026-07-01T13:00:00Z', 'd1'),
    ]
    expect(at(j, d('2026-08-01T00:00:00Z')).caseStage).toBe('s28_recording')
    expect(at(j, d('2026-11-20T00:00:00Z')).nextSteps).toEqual(['Pre-recorded cross-examination (section 28) on 1 December 2026 at Example Crown Court'])
    expect(at([...j, outcome('s28', 'effective', '2026-12-01T16:00:00Z')], d('2026-12-02T00:00:00Z')).caseStage).toBe('trial')
  })

  test('an adjourned PTPH stays at PTPH until relisted and held', () => {
    const j = [
      ev('suspect_charged', '2026-06-01T10:00:00Z', { defendantId: 'd1' }),
      listed('fh', 'first_hearing', '2026-06-02T10:00:00Z', '2026-06-01T11:00:00Z', 'd1'),
      listed('p1', 'ptph', '2026-07-01T10:00:00Z', '2026-06-02T12:00:00Z', 'd1'),
      outcome('p1', 'adjourned', '2026-07-01T12:00:00Z', 'Defendant not produced from custody'),
    ]
    expect(at(j).caseStage).toBe('ptph')
    const relisted = [...j, listed('p2', 'ptph', '2026-12-01T10:00:00Z', '2026-07-02T12:00:00Z', 'd1')]
    expect(at(relisted).caseStage).toBe('ptph')
    expect(at([...relisted, outcome('p2', 'effective', '2026-12-01T12:00:00Z')], d('2026-12-02T00:00:00Z')).caseStage).toBe('trial')
    // An ineffective trial with no new date: still awaiting trial.
    const ineffective = [...relisted, outcome('p2', 'effective', '2026-12-01T12:00:00Z'), listed('t1', 'trial', '2027-02-01T10:00:00Z', '2026-12-01T13:00:00Z', 'd1'), outcome('t1', 'ineffective', '2027-02-01T11:00:00Z', 'No judge available')]
    expect(at(ineffective, d('2027-02-02T00:00:00Z')).caseStage).toBe('trial')
  })

  test('discontinuance: of all charges it is an exit, of some it is not', () => {
    const charged = [ev('suspect_arrested', '2026-01-12T08:00:00Z', { defendantId: 'd1' }), ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd1' })]
    const all = ev('cps_discontinued', '2026-06-01T10:00:00Z', { defendantId: 'd1', details: { scope: 'all_charges', reason: 'victim_issues' } })
    const some = ev('cps_discontinued', '2026-06-01T10:00:00Z', { defendantId: 'd1', details: { scope: 'some_charges', reason: 'evidential' } })
    expect(at([...charged, all])).toMatchObject({ caseStage: 'discontinued', caseStageLabel: 'Discontinued', nextSteps: [] })
    expect(at([...charged, some]).caseStage).toBe('first_hearing_mags')
    const noEvidence = ev('case_outcome', '2026-09-01T10:00:00Z', { defendantId: 'd1', details: { outcome: 'offered_no_evidence', unsuccessfulReason: 'victim_issues' } })
    expect(at([...charged, noEvidence]).caseStage).toBe('discontinued')
    const onFile = ev('case_outcome', '2026-09-01T10:00:00Z', { defendantId: 'd1', details: { outcome: 'left_on_file', unsuccessfulReason: 'other' } })
    expect(at([...charged, onFile]).caseStage).toBe('closed')
  })

  test('no-charge decisions and out-of-court disposals', () => {
    const arrest = ev('suspect_arrested', '2026-01-12T08:00:00Z', { defendantId: 'd1' })
    expect(at([arrest, ev('police_no_charge_decision', '2026-02-01T10:00:00Z', { defendantId: 'd1' })]).caseStage).toBe('nfa')
    expect(at([arrest, ev('file_to_cps', '2026-02-01T10:00:00Z'), ev('cps_no_charge_decision', '2026-03-01T10:00:00Z', { defendantId: 'd1' })]).caseStage).toBe('nfa')
    expect(at([arrest, ev('out_of_court_disposal', '2026-02-01T10:00:00Z', { defendantId: 'd1' })]).caseStage).toBe('closed')
  })

  test('when every defendant has exited: the shared exit, or closed when they differ', () => {
    const nfa = (id: string) => ev('suspect_released_nfa', '2026-05-03T08:00:00Z', { defendantId: id, details: { homeOfficeOutcomeCode: '16' } })
    expect(at([nfa('d1'), nfa('d2')]).caseStage).toBe('nfa')
    const disc = ev('cps_discontinued', '2026-06-01T10:00:00Z', { defendantId: 'd2', details: { scope: 'all_charges', reason: 'evidential' } })
    expect(at([nfa('d1'), ev('suspect_charged', '2026-05-01T10:00:00Z', { defendantId: 'd2' }), disc]).caseStage).toBe('closed')
  })

  test('out-of-order entry gives the same answer as entry in order', () => {
    // Entered in order…
    const inOrder = [
      ev('suspect_arrested', '2026-01-12T08:00:00Z', { id: 'a', defendantId: 'd1', recordedAt: '2026-01-12T09:00:00Z' }),
      ev('suspect_bailed', '2026-01-12T20:00:00Z', { id: 'b', defendantId: 'd1', recordedAt: '2026-01-13T09:00:00Z', details: { bailEndDate: d('2026-04-12T00:00:00Z') } }),
      ev('suspect_charged', '2026-04-01T10:00:00Z', { id: 'c', defendantId: 'd1', recordedAt: '2026-04-01T11:00:00Z' }),
    ]
    // …and the bail and arrest entered weeks late, after the charge.
    const late = [
      { ...inOrder[2]! },
      { ...inOrder[0]!, recordedAt: d('2026-04-20T09:00:00Z') },
      { ...inOrder[1]!, recordedAt: d('2026-04-20T09:05:00Z') },
    ]
    expect(at(late)).toEqual(at(inOrder))
    expect(at(late).caseStage).toBe('first_hearing_mags')
    // The bail entered late does not drag a charged defendant back to "released".
    expect(at([inOrder[0]!, inOrder[2]!, { ...inOrder[1]!, recordedAt: d('2026-05-01T00:00:00Z') }]).caseStage).toBe('first_hearing_mags')
  })

  test('a correction superseding a mistaken charge: the charge was for the other suspect', () => {
    const base = [
      ev('suspect_arrested', '2026-01-12T08:00:00Z', { defendantId: 'd1' }),
      ev('suspect_arrested', '2026-01-12T09:00:00Z', { defendantId: 'd2' }),
      ev('file_to_cps', '2026-03-01T10:00:00Z'),
    ]
    const wrong = ev('suspect_charged', '2026-04-01T10:00:00Z', { id: 'wrong', defendantId: 'd1' })
    expect(at([...base, wrong]).defendants.map((x) => x.stage)).toEqual(['first_hearing_mags', 'charging_decision'])
    const fixed = ev('suspect_charged', '2026-04-01T10:00:00Z', { id: 'fixed', defendantId: 'd2', supersedesId: 'wrong', recordedAt: '2026-04-03T10:00:00Z' })
    const r = at([...base, wrong, fixed])
    expect(r.defendants.map((x) => [x.defendantId, x.stage])).toEqual([
      ['d1', 'charging_decision'],
      ['d2', 'first_hearing_mags'],
    ])
    expect(r.caseStage).toBe('charging_decision')
  })

  test('appeal: window, lodged, dismissed, quashed, retrial', () => {
    const sentenced = [
      ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd1' }),
      ev('guilty_plea', '2026-05-01T10:00:00Z', { defendantId: 'd1', details: { toAllCharges: true } }),
      ev('sentenced', '2026-11-01T12:00:00Z', { defendantId: 'd1', details: { custodyMonths: 40 } }),
    ]
    expect(at(sentenced).caseStage).toBe('appeal_window')
    expect(at(sentenced, d('2026-11-30T00:00:00Z')).caseStage).toBe('post_sentence')
    const lodged = [...sentenced, ev('appeal_lodged', '2026-11-15T10:00:00Z', { defendantId: 'd1' })]
    expect(at(lodged, d('2027-02-01T00:00:00Z'))).toMatchObject({ caseStage: 'appeal_window', nextSteps: ['Appeal decision'] })
    const hearing = [...lodged, listed('ap', 'appeal', '2027-03-01T10:00:00Z', '2027-01-10T10:00:00Z', 'd1')]
    expect(at(hearing, d('2027-02-01T00:00:00Z')).nextSteps).toEqual(['Appeal hearing on 1 March 2027 at Example Crown Court'])
    const result = (r: string) => [...hearing, ev('appeal_outcome', '2027-03-01T15:00:00Z', { defendantId: 'd1', details: { result: r } })]
    expect(at(result('dismissed'), d('2027-03-02T00:00:00Z')).caseStage).toBe('post_sentence')
    expect(at(result('sentence_reduced'), d('2027-03-02T00:00:00Z')).caseStage).toBe('post_sentence')
    expect(at(result('conviction_quashed'), d('2027-03-02T00:00:00Z')).caseStage).toBe('closed')
    expect(at(result('retrial_ordered'), d('2027-03-02T00:00:00Z')).caseStage).toBe('trial')
    // A prosecution appeal against an acquittal is not modelled: nothing moves a closed path.
    expect(at([...sentenced.slice(0, 1), ev('case_outcome', '2026-09-01T10:00:00Z', { defendantId: 'd1', details: { outcome: 'acquitted', unsuccessfulReason: 'evidential' } }), ev('appeal_lodged', '2026-09-15T10:00:00Z', { defendantId: 'd1' })]).caseStage).toBe('closed')
  })

  test('case finalised closes paths not yet sentenced; sentenced paths go on after sentence', () => {
    const j = [
      ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd1' }),
      ev('suspect_charged', '2026-04-01T10:00:00Z', { defendantId: 'd2' }),
      ev('case_outcome', '2026-06-01T10:00:00Z', { defendantId: 'd1', details: { outcome: 'guilty_plea' } }),
      ev('sentenced', '2026-07-01T10:00:00Z', { defendantId: 'd1', details: { otherDisposal: 'Youth rehabilitation order' } }),
      ev('case_outcome', '2026-07-01T10:00:00Z', { defendantId: 'd2', details: { outcome: 'left_on_file', unsuccessfulReason: 'public_interest' } }),
      ev('case_finalised', '2026-08-01T10:00:00Z'),
    ]
    expect(at(j).defendants.map((x) => x.stage)).toEqual(['post_sentence', 'closed'])
    expect(at(j).caseStage).toBe('post_sentence')
    const unfinished = [ev('suspect_arrested', '2026-04-01T10:00:00Z', { defendantId: 'd1' }), ev('case_finalised', '2026-08-01T10:00:00Z')]
    expect(at(unfinished).caseStage).toBe('closed')
  })
})

describe('upcoming hearings', () => {
  test('listed, not held, not corrected away, after now; soonest first', () => {
    const j = [
      listed('past', 'first_hearing', '2026-06-02T10:00:00Z', '2026-06-01T11:00:00Z'),
      listed('held', 'ptph', '2026-11-20T09:00:00Z', '2026-06-02T12:00:00Z'),
      outcome('held', 'effective', '2026-11-20T11:00:00Z'),
      listed('trial', 'trial', '2027-03-01T10:00:00Z', '2026-11-20T11:30:00Z', 'd1'),
      listed('wrongdate', 's28_recording', '2027-01-10T10:00:00Z', '2026-11-20T11:30:00Z'),
      ev('hearing_listed', '2026-11-20T11:30:00Z', {
        id: 'rightdate',
        supersedesId: 'wrongdate',
        receivedAt: '2026-11-20T11:45:00Z',
        details: { hearingType: 's28_recording', court: 'Example Crown Court', hearingAt: d('2027-01-17T10:00:00Z') },
      }),
      listed('adjourned', 'bail', '2026-12-01T10:00:00Z', '2026-11-19T11:30:00Z'),
      outcome('adjourned', 'adjourned', '2026-11-19T12:00:00Z', 'Vacated'),
    ]
    const up = upcomingHearings(j, NOW)
    expect(up).toEqual([
      {
        eventId: 'rightdate',
        hearingType: 's28_recording',
        label: 'Pre-recorded cross-examination (section 28)',
        court: 'Example Crown Court',
        hearingAt: d('2027-01-17T10:00:00Z'),
        defendantId: null,
        receivedAt: d('2026-11-20T11:45:00Z'),
      },
      expect.objectContaining({ eventId: 'trial', hearingType: 'trial', label: 'Trial', defendantId: 'd1' }),
    ])
    expect(deriveJourney(j, { now: NOW }).upcomingHearings).toEqual(up)
  })

  test('hearing dates that came back from JSON as strings still count', () => {
    const h = listed('h', 'trial', '2027-03-01T10:00:00Z', '2026-11-01T10:00:00Z')
    const fromJson = { ...h, details: JSON.parse(JSON.stringify(h.details)) as unknown }
    expect(upcomingHearings([fromJson], NOW).map((x) => x.hearingAt)).toEqual([d('2027-03-01T10:00:00Z')])
  })
})

describe('labels and next steps', () => {
  test('every stage has a label and open stages have a next step', () => {
    for (const s of STAGES) {
      expect(stageLabel(s.id)).toBe(s.label)
      if (['nfa', 'discontinued', 'closed'].includes(s.id)) expect(nextStepFor(s.id)).toBe('')
      else expect(nextStepFor(s.id)).not.toBe('')
    }
    expect(nextStepFor('charging_decision')).toBe('Charging decision from CPS')
    expect(nextStepFor('ptph')).toBe('Plea and trial preparation hearing')
  })

  test('unknown and malformed stored events are ignored', () => {
    const odd: JournalEvent = { id: 'x', type: 'retired_type', occurredAt: d('2026-01-01T00:00:00Z'), recordedAt: d('2026-01-01T00:00:00Z'), details: null }
    const bad: JournalEvent = { id: 'y', type: 'hearing_listed', occurredAt: d('2026-01-01T00:00:00Z'), recordedAt: d('2026-01-01T00:00:00Z'), details: { hearingType: 'trial' } }
    expect(at([odd, bad])).toMatchObject({ caseStage: 'reported', upcomingHearings: [] })
  })
})
