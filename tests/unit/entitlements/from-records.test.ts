// From Waypoint's records to the engine's input: the victim's offence category and date, events
// in force about them, contacts about corrected events, administrators' deadline changes, and
// which record met an entitlement.
import { describe, expect, test } from 'vitest'
import { ENGLAND_WALES_HOLIDAY_DATES } from '~/domain/calendar/bank-holidays'
import { evaluateEntitlements } from '~/domain/entitlements/engine'
import { caseFactsFor, currentVersionOf, entitlementsInputFor, metSource, withOverrides } from '~/domain/entitlements/from-records'
import { CODE_2020, findRule } from '~/domain/entitlements/rules'
import type { JournalEvent } from '~/domain/journey/journal'

const d = (iso: string) => new Date(iso)
const event = (id: string, type: string, at: string, extra: Partial<JournalEvent> = {}): JournalEvent => ({
  id,
  type,
  occurredAt: d(at),
  recordedAt: d(at),
  details: {},
  ...extra,
})
const child = {
  id: 'v1',
  dateOfBirth: d('2011-05-17'),
  manualEnhancedGrounds: [],
}
const adult = {
  id: 'v2',
  dateOfBirth: d('1990-01-01'),
  manualEnhancedGrounds: [],
}

describe('caseFactsFor', () => {
  test('a sexual offence against the victim (or no one in particular) is the most serious category, dated by the earliest', () => {
    const offences = [
      { victimId: 'v1', category: 'other', committedFrom: d('2026-03-01') },
      { victimId: null, category: 'grooming', committedFrom: d('2026-05-01') },
      { victimId: 'v9', category: 'rape', committedFrom: d('2025-01-01') },
    ]
    expect(caseFactsFor('v1', offences, d('2026-11-01'))).toEqual({
      offenceCategory: 'sexual_offence',
      offenceDate: '2026-03-01',
    })
    expect(caseFactsFor('v2', offences.slice(0, 1), d('2026-11-01'))).toEqual({
      offenceCategory: 'other',
      offenceDate: '2026-11-01',
    })
  })
})

describe('currentVersionOf', () => {
  test('follows a chain of corrections to the event that stands now', () => {
    const events = [
      event('a', 'suspect_arrested', '2026-11-10T10:00:00Z'),
      event('b', 'suspect_arrested', '2026-11-10T09:00:00Z', {
        supersedesId: 'a',
      }),
      event('c', 'suspect_arrested', '2026-11-10T08:00:00Z', {
        supersedesId: 'b',
      }),
    ]
    expect(Object.fromEntries(currentVersionOf(events))).toEqual({
      a: 'c',
      b: 'c',
      c: 'c',
    })
  })
})

describe('entitlementsInputFor', () => {
  const journal = [
    event('arrest', 'suspect_arrested', '2026-11-10T10:00:00Z', {
      defendantId: 'dA',
    }),
    event('arrest2', 'suspect_arrested', '2026-11-10T09:00:00Z', {
      defendantId: 'dA',
      supersedesId: 'arrest',
    }),
    event('referral', 'referred_to_support_service', '2026-11-11T10:00:00Z', {
      victimId: 'v2',
    }),
    event('sentence', 'sentenced', '2026-11-12T10:00:00Z', {
      defendantId: 'dA',
      details: { custodyMonths: 30 },
    }),
  ]
  const contacts = [{ id: 'k1', contactedAt: d('2026-11-10T15:00:00Z'), eventIds: ['arrest'] }]

  test('events in force about the case or this victim; a contact about a corrected event counts for its correction', () => {
    const input = entitlementsInputFor({
      asOf: d('2026-11-20T00:00:00Z'),
      victim: child,
      offences: [],
      journal,
      contacts,
      ruleSet: CODE_2020,
    })
    expect(input.events.map((e) => e.id)).toEqual(['arrest2', 'sentence'])
    expect(input.events[1]).toEqual({
      id: 'sentence',
      type: 'sentenced',
      at: '2026-11-12T10:00:00.000Z',
      defendant: 'dA',
      data: { custodyMonths: 30 },
    })
    expect(input.contacts).toEqual([{ at: '2026-11-10T15:00:00.000Z', about: ['arrest2'] }])
    // No offences recorded: a child at the first event is under 18 at the offence.
    expect(input.case).toEqual({
      offenceCategory: 'other',
      offenceDate: '2026-11-10',
    })
    const result = evaluateEntitlements(input, CODE_2020, ENGLAND_WALES_HOLIDAY_DATES)
    expect(result.enhancedGrounds).toEqual(['under_18_at_offence'])
    expect(result.entitlements.find((e) => e.rule === 'r06_suspect_arrested')).toMatchObject({ trigger: 'arrest2', status: 'met', dueBy: '2026-11-11' })
  })

  test('an event about another victim is not this victim’s', () => {
    const input = entitlementsInputFor({
      asOf: d('2026-11-20T00:00:00Z'),
      victim: adult,
      offences: [],
      journal,
      contacts: [],
      ruleSet: CODE_2020,
    })
    expect(input.events.map((e) => e.id)).toEqual(['arrest2', 'referral', 'sentence'])
    expect(input.victim).toEqual({ dateOfBirth: '1990-01-01', grounds: [] })
  })

  test('only grounds the rule set knows are passed on', () => {
    const input = entitlementsInputFor({
      asOf: d('2026-11-20T00:00:00Z'),
      victim: {
        ...adult,
        manualEnhancedGrounds: ['intimidated', 'not_a_ground'],
      },
      offences: [],
      journal: [],
      contacts: [],
      ruleSet: CODE_2020,
    })
    expect(input.victim.grounds).toEqual(['intimidated'])
  })
})

describe('withOverrides', () => {
  test('replaces one rule’s deadlines and leaves the published rule set untouched', () => {
    const changed = withOverrides(CODE_2020, [{ ruleId: 'r06_suspect_arrested', enhancedDays: 2, standardDays: 7 }])
    expect(findRule(changed, 'r06_suspect_arrested')!.deadline).toEqual({
      enhanced: 2,
      standard: 7,
      unit: 'working_days',
    })
    expect(findRule(CODE_2020, 'r06_suspect_arrested')!.deadline).toEqual({
      enhanced: 1,
      standard: 5,
      unit: 'working_days',
    })
    expect(findRule(changed, 'r06_charge_decision')).toBe(findRule(CODE_2020, 'r06_charge_decision'))
    expect(withOverrides(CODE_2020, [])).toBe(CODE_2020)
  })
})

describe('metSource', () => {
  test('names the contact, or the event, that met an entitlement', () => {
    const journal = [
      event('arrest', 'suspect_arrested', '2026-11-10T10:00:00Z'),
      event('crime', 'crime_reported', '2026-11-09T10:00:00Z'),
      event('ref', 'referred_to_support_service', '2026-11-10T12:00:00Z'),
    ]
    const contacts = [
      { id: 'k0', contactedAt: d('2026-11-10T15:00:00Z'), eventIds: ['crime'] },
      {
        id: 'k1',
        contactedAt: d('2026-11-10T15:00:00Z'),
        eventIds: ['arrest'],
      },
    ]
    expect(metSource(findRule(CODE_2020, 'r06_suspect_arrested')!, 'arrest', '2026-11-10T15:00:00.000Z', { journal, contacts })).toEqual({ contactId: 'k1' })
    expect(metSource(findRule(CODE_2020, 'r04_referral_support_service')!, 'crime', '2026-11-10T12:00:00.000Z', { journal, contacts })).toEqual({
      eventId: 'ref',
    })
  })
})
