import { describe, expect, test } from 'vitest'
import { parseScenario, parseScenarioText } from '~/domain/entitlements/scenario'

const VALID = {
  asOf: '2026-12-30T09:00:00Z',
  victim: { dateOfBirth: '2010-09-09', grounds: ['persistently_targeted'] },
  case: { offenceCategory: 'sexual_offence', offenceDate: '2026-10-01' },
  events: [{ id: 'c1', type: 'suspect_charged', at: '2026-12-24T16:00:00Z', defendant: 'A', data: { custodyMonths: 30, note: 'kept' } }],
  contacts: [{ at: '2026-12-29T17:00:00+00:00', about: ['c1'] }],
}
const errors = (value: unknown) => {
  const r = parseScenario(value)
  return r.ok ? [] : r.errors
}

describe('the scenario file', () => {
  test('the example is valid; grounds, events and contacts may be left out', () => {
    expect(parseScenario(VALID).ok).toBe(true)
    const r = parseScenario({ asOf: VALID.asOf, victim: { dateOfBirth: '2010-09-09' }, case: VALID.case })
    expect(r.ok && r.scenario).toMatchObject({ victim: { grounds: [] }, events: [], contacts: [] })
  })
  test('each problem names its field', () => {
    expect(
      errors({
        ...VALID,
        asOf: '2026-12-30',
        victim: { dateOfBirth: '2010-02-30', grounds: ['unlucky'] },
        case: { offenceCategory: 'burglary', offenceDate: '2026-10-01' },
        events: [
          { id: 'c1', type: 'made_up', at: '2026-12-24T16:00:00Z', receivedAt: 'soon', data: { custodyMonths: '30', violentOrSexual: 'yes' } },
          { id: 'c1', type: 'sentenced', at: '2026-12-24T16:00:00' },
        ],
        contacts: [{ at: '2026-12-29T17:00:00Z', about: 'c1' }],
      }),
    ).toEqual([
      expect.stringMatching(/^asOf: must be an ISO date-time/),
      'victim.dateOfBirth: must be a date written YYYY-MM-DD',
      expect.stringMatching(/^victim\.grounds\[0\]: must be one of persistently_targeted/),
      expect.stringMatching(/^case\.offenceCategory: must be one of sexual_offence/),
      expect.stringMatching(/^events\[0\]\.type: must be one of /),
      expect.stringMatching(/^events\[0\]\.receivedAt: must be an ISO date-time/),
      'events[0].data.custodyMonths: must be a number',
      'events[0].data.violentOrSexual: must be true or false',
      expect.stringMatching(/^events\[1\]\.at: must be an ISO date-time/),
      'contacts[0].about: must be a list of event ids',
    ])
  })
  test('two events with one id', () => {
    expect(errors({ ...VALID, events: [VALID.events[0], VALID.events[0]] })).toEqual(['events[1].id: duplicates another event\'s id "c1"'])
  })
  test('not JSON, or not an object', () => {
    expect(parseScenarioText('nope')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\(file\): not valid JSON/)] })
    expect(errors([])).toEqual(['(file): must be an object'])
  })
})
