import { describe, expect, test } from 'vitest'
import { JourneyEventInputSchema, type JourneyEventInput } from '~/domain/journey/events'
import { checkJourneyEvent, isConviction, isKnownEvent, type EventContext } from '~/domain/journey/validate'
import { d, ev, listed } from './fixtures'

const now = d('2026-11-20T12:00:00Z')
const input = (raw: Record<string, unknown>): JourneyEventInput => JourneyEventInputSchema.parse(raw)

const journal = [
  ev('crime_reported', '2026-06-01T10:00:00Z', { id: 'rep' }),
  ev('suspect_arrested', '2026-06-10T10:00:00Z', { id: 'arr', defendantId: 'def-1' }),
  ev('suspect_charged', '2026-08-01T10:00:00Z', { id: 'chg', defendantId: 'def-1' }),
  listed('h-ptph', 'ptph', '2026-09-01T09:30:00Z', '2026-08-02T00:00:00Z'),
  listed('h-old', 'trial', '2027-03-01T09:30:00Z', '2026-09-01T12:00:00Z'),
  listed('h-trial', 'trial', '2027-03-08T09:30:00Z', '2026-09-02T12:00:00Z', 'def-1'),
  ev('hearing_listed', '2026-09-02T12:00:00Z', {
    id: 'fix',
    supersedesId: 'h-old',
    details: { hearingType: 'trial', court: 'Example Crown Court', hearingAt: d('2027-03-08T09:30:00Z') },
  }),
]
const ctx: EventContext = { now, defendantIds: ['def-1', 'def-2'], victimIds: ['vic-1'], journal }

describe('checkJourneyEvent', () => {
  test('an arrest tomorrow is refused at the date field; today is fine', () => {
    const arrest = (on: string) => input({ type: 'suspect_arrested', occurredAt: d(on), defendantId: 'def-2', details: {} })
    expect(checkJourneyEvent(arrest('2026-11-21T09:00:00Z'), ctx)).toEqual([
      { path: 'occurredAt', message: 'The date of the arrest must be today or in the past' },
    ])
    expect(checkJourneyEvent(arrest('2026-11-20T00:00:00Z'), ctx)).toEqual([])
  })

  test('a hearing may be listed for the future, but the listing itself happened already', () => {
    const listing = (on: string) =>
      input({ type: 'hearing_listed', occurredAt: d(on), details: { hearingType: 'sentence', court: 'Example Crown Court', hearingAt: d('2027-05-01T10:00:00Z') } })
    expect(checkJourneyEvent(listing('2026-11-19T00:00:00Z'), ctx)).toEqual([])
    expect(checkJourneyEvent(listing('2026-11-22T00:00:00Z'), ctx)).toEqual([
      { path: 'occurredAt', message: 'The date of the listing must be today or in the past' },
    ])
  })

  test('receivedAt: not in the future, not before the event', () => {
    const base = { type: 'hearing_listed', occurredAt: d('2026-11-10T00:00:00Z'), details: { hearingType: 'trial', court: 'Example Crown Court', hearingAt: d('2027-05-01T10:00:00Z') } }
    expect(checkJourneyEvent(input({ ...base, receivedAt: d('2026-11-11T00:00:00Z') }), ctx)).toEqual([])
    expect(checkJourneyEvent(input({ ...base, receivedAt: d('2026-11-25T00:00:00Z') }), ctx)).toEqual([
      { path: 'receivedAt', message: 'The date witness care received it must be today or in the past' },
    ])
    expect(checkJourneyEvent(input({ ...base, receivedAt: d('2026-11-01T00:00:00Z') }), ctx)).toEqual([
      { path: 'receivedAt', message: 'The date witness care received it must be the same as or after the date of the listing' },
    ])
  })

  test('an event for a defendant not on the case, or a victim not linked to it', () => {
    const bail = input({ type: 'suspect_bailed', occurredAt: d('2026-11-01T00:00:00Z'), defendantId: 'def-9', details: { bailEndDate: d('2027-01-01T00:00:00Z') } })
    expect(checkJourneyEvent(bail, ctx)).toEqual([{ path: 'defendantId', message: 'Select a suspect or defendant on this case' }])
    const abe = input({ type: 'abe_interview', occurredAt: d('2026-06-02T00:00:00Z'), victimId: 'vic-2', details: { interviewer: 'DC Example', intermediaryPresent: false } })
    expect(checkJourneyEvent(abe, ctx)).toEqual([{ path: 'victimId', message: 'Select a victim linked to this case' }])
  })

  test('a sentence without a conviction is refused; after a guilty plea or conviction it is fine', () => {
    const sentence = (on: string, defendantId = 'def-1') => input({ type: 'sentenced', occurredAt: d(on), defendantId, details: { custodyMonths: 30 } })
    const refused = [{ path: 'defendantId', message: 'Record a conviction or guilty plea for this defendant before the sentence' }]
    expect(checkJourneyEvent(sentence('2026-11-01T00:00:00Z'), ctx)).toEqual(refused)

    const plea = ev('guilty_plea', '2026-09-01T10:00:00Z', { id: 'plea', defendantId: 'def-1' })
    expect(checkJourneyEvent(sentence('2026-11-01T00:00:00Z'), { ...ctx, journal: [...journal, plea] })).toEqual([])
    // Same day as the plea (entered after it): fine. Before the plea: refused.
    expect(checkJourneyEvent(sentence('2026-09-01T10:00:00Z'), { ...ctx, journal: [...journal, plea] })).toEqual([])
    expect(checkJourneyEvent(sentence('2026-08-15T00:00:00Z'), { ...ctx, journal: [...journal, plea] })).toEqual(refused)
    // Another defendant's conviction does not count.
    expect(checkJourneyEvent(sentence('2026-11-01T00:00:00Z', 'def-2'), { ...ctx, journal: [...journal, plea] })).toEqual(refused)

    const convicted = ev('case_outcome', '2026-10-01T00:00:00Z', { id: 'out', defendantId: 'def-1', details: { outcome: 'convicted_after_trial' } })
    expect(checkJourneyEvent(sentence('2026-11-01T00:00:00Z'), { ...ctx, journal: [...journal, convicted] })).toEqual([])
    const acquitted = ev('case_outcome', '2026-10-01T00:00:00Z', { id: 'out', defendantId: 'def-1', details: { outcome: 'acquitted', unsuccessfulReason: 'evidential' } })
    expect(checkJourneyEvent(sentence('2026-11-01T00:00:00Z'), { ...ctx, journal: [...journal, acquitted] })).toEqual(refused)
  })

  test('a conviction that was corrected away no longer allows a sentence', () => {
    const plea = ev('guilty_plea', '2026-09-01T10:00:00Z', { id: 'plea', defendantId: 'def-1' })
    const fix = ev('not_guilty_plea', '2026-09-01T10:00:00Z', { id: 'ngp', defendantId: 'def-1', supersedesId: 'plea' })
    const sentence = input({ type: 'sentenced', occurredAt: d('2026-11-01T00:00:00Z'), defendantId: 'def-1', details: { custodyMonths: 30 } })
    expect(checkJourneyEvent(sentence, { ...ctx, journal: [...journal, plea, fix] })).toHaveLength(1)
  })

  test('a hearing outcome must be for a hearing listed on this case (not one corrected away)', () => {
    const out = (hearingEventId: string) => input({ type: 'hearing_outcome', occurredAt: d('2026-09-01T00:00:00Z'), details: { hearingEventId, result: 'effective' } })
    expect(checkJourneyEvent(out('h-ptph'), ctx)).toEqual([])
    expect(checkJourneyEvent(out('h-nowhere'), ctx)).toEqual([{ path: 'details.hearingEventId', message: 'Select a hearing listed on this case' }])
    expect(checkJourneyEvent(out('h-old'), ctx)).toEqual([{ path: 'details.hearingEventId', message: 'Select a hearing listed on this case' }])
    expect(checkJourneyEvent(out('arr'), ctx)).toEqual([{ path: 'details.hearingEventId', message: 'Select a hearing listed on this case' }])
    const sm = input({ type: 'special_measures_decision', occurredAt: d('2026-09-01T00:00:00Z'), victimId: 'vic-1', details: { decisions: [{ measure: 'screen', decision: 'granted' }], hearingEventId: 'h-x' } })
    expect(checkJourneyEvent(sm, ctx)).toEqual([{ path: 'details.hearingEventId', message: 'Select a hearing listed on this case' }])
  })

  test('a correction must name an event on the case that is not already corrected', () => {
    const arrest = (supersedesId: string) =>
      input({ type: 'suspect_arrested', occurredAt: d('2026-06-10T10:00:00Z'), defendantId: 'def-2', details: {}, supersedesId, correctionReason: 'Wrong suspect selected' })
    expect(checkJourneyEvent(arrest('arr'), ctx)).toEqual([])
    expect(checkJourneyEvent(arrest('elsewhere'), ctx)).toEqual([{ path: 'supersedesId', message: 'The event being corrected is not on this case' }])
    expect(checkJourneyEvent(arrest('h-old'), ctx)).toEqual([{ path: 'supersedesId', message: 'This event has already been corrected' }])
  })

  test('one event can have several problems, all reported', () => {
    const sentence = input({ type: 'sentenced', occurredAt: d('2027-01-01T00:00:00Z'), defendantId: 'def-7', details: { custodyMonths: 12 } })
    expect(checkJourneyEvent(sentence, ctx).map((i) => i.path)).toEqual(['occurredAt', 'defendantId', 'defendantId'])
  })

  test('helpers', () => {
    expect(isConviction({ type: 'case_outcome', details: { outcome: 'proved_in_absence' } })).toBe(true)
    expect(isConviction({ type: 'case_outcome', details: null })).toBe(false)
    expect(isConviction({ type: 'not_guilty_plea', details: {} })).toBe(false)
    expect(isKnownEvent({ type: 'case_finalised' })).toBe(true)
    expect(isKnownEvent({ type: 'retired_type' })).toBe(false)
  })
})
