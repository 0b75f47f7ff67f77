// Laws of stage derivation, checked on random journals built from the realistic examples.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { awaitingChargingDecision, CASE_STAGES_WITH_CHARGING_WAIT } from '~/domain/journey/charging'
import { deriveJourney, upcomingHearings } from '~/domain/journey/derive'
import { EVENT_TYPE_IDS, eventType, type EventTypeId } from '~/domain/journey/events'
import type { JournalEvent } from '~/domain/journey/journal'
import { isExitStage, stageRank, STAGES } from '~/domain/journey/stages'
import { d, EXAMPLES } from './fixtures'

const T0 = d('2026-01-01T00:00:00Z').getTime()
const DAY = 86_400_000
const NOW = d('2026-09-01T12:00:00Z')
const DEFENDANTS = ['d1', 'd2', 'd3']

/** Details worth varying for derivation; other types use their realistic example. */
const variants: Partial<Record<EventTypeId, fc.Arbitrary<Record<string, unknown>>>> = {
  case_outcome: fc.constantFrom(
    { outcome: 'convicted_after_trial' },
    { outcome: 'guilty_plea' },
    { outcome: 'acquitted', unsuccessfulReason: 'evidential' },
    { outcome: 'offered_no_evidence', unsuccessfulReason: 'victim_issues' },
    { outcome: 'left_on_file', unsuccessfulReason: 'other' },
  ),
  cps_discontinued: fc.constantFrom({ scope: 'all_charges', reason: 'evidential' }, { scope: 'some_charges', reason: 'public_interest' }),
  guilty_plea: fc.constantFrom({ toAllCharges: true }, { toAllCharges: false, charges: 'Count 1' }),
  appeal_outcome: fc.constantFrom(...['dismissed', 'conviction_quashed', 'retrial_ordered', 'sentence_reduced'].map((result) => ({ result }))),
  hearing_listed: fc
    .record({
      hearingType: fc.constantFrom('first_hearing', 'ptph', 'bail', 'ground_rules', 's28_recording', 'trial', 'sentence', 'appeal'),
      day: fc.integer({ min: 0, max: 400 }),
    })
    .map(({ hearingType, day }) => ({ hearingType, court: 'Example Crown Court', hearingAt: new Date(T0 + day * DAY + 10 * 3_600_000) })),
}

interface Raw {
  type: EventTypeId
  day: number
  minute: number
  defendant: number
  details: Record<string, unknown>
  hearingRef: number
  result: string
}

// Court events are drawn more often so that the pre-trial stages are reached.
const eventTypeArb = fc.oneof(
  { arbitrary: fc.constantFrom(...EVENT_TYPE_IDS), weight: 3 },
  { arbitrary: fc.constantFrom<EventTypeId>('suspect_charged', 'hearing_listed', 'hearing_outcome'), weight: 2 },
)

const rawEventOf = (types: fc.Arbitrary<EventTypeId>): fc.Arbitrary<Raw> =>
  types.chain((type) =>
    fc.record({
      type: fc.constant(type),
      day: fc.integer({ min: 0, max: 300 }),
      minute: fc.integer({ min: 0, max: 3 }),
      defendant: fc.integer({ min: 0, max: DEFENDANTS.length }),
      details: variants[type] ?? fc.constant(EXAMPLES[type].good),
      hearingRef: fc.nat(),
      result: fc.constantFrom('effective', 'cracked', 'ineffective', 'adjourned'),
    }),
  )
const rawEvent = rawEventOf(eventTypeArb)

/** Turns raw draws into stored events with ids g0, g1…; outcomes point at earlier listings. */
function build(raws: Raw[], prefix = 'g'): JournalEvent[] {
  const events: JournalEvent[] = []
  raws.forEach((r, i) => {
    const def = eventType(r.type)
    const who = DEFENDANTS[r.defendant]
    const defendantId = def.defendant === 'required' ? (who ?? 'd1') : def.defendant === 'optional' ? (who ?? null) : null
    let details: unknown = r.details
    if (r.type === 'hearing_outcome') {
      const listings = events.filter((e) => e.type === 'hearing_listed')
      const target = listings.length ? listings[r.hearingRef % listings.length]!.id : 'none'
      details = { hearingEventId: target, result: r.result, reason: 'Synthetic reason' }
    }
    const occurredAt = new Date(T0 + r.day * DAY + r.minute * 60_000)
    events.push({ id: `${prefix}${i}`, type: r.type, occurredAt, recordedAt: new Date(occurredAt.getTime() + i * 1000), defendantId, details })
  })
  return events
}

const journal = fc.array(rawEvent, { maxLength: 40 }).map((raws) => build(raws))
/** Journals that stay longer before charge: files sent to CPS, police steps and decisions. */
const preChargeTypes = fc.oneof(
  { arbitrary: fc.constantFrom(...EVENT_TYPE_IDS), weight: 2 },
  { arbitrary: fc.constantFrom<EventTypeId>('file_to_cps', 'suspect_arrested', 'suspect_bailed', 'suspect_released_nfa', 'bail_conditions_changed'), weight: 3 },
)
const preChargeJournal = fc.array(rawEventOf(preChargeTypes), { maxLength: 30 }).map((raws) => build(raws))
const now = fc.integer({ min: 0, max: 500 }).map((day) => new Date(T0 + day * DAY))

describe('derive: laws', () => {
  test('the answer does not depend on the order the events arrive in', () => {
    fc.assert(
      fc.property(
        journal.chain((j) => fc.tuple(fc.constant(j), fc.shuffledSubarray(j, { minLength: j.length, maxLength: j.length }))),
        now,
        ([j, shuffled], at) => {
          expect(deriveJourney(shuffled, { now: at })).toEqual(deriveJourney(j, { now: at }))
        },
      ),
      { numRuns: 300 },
    )
  })

  test('a superseded event has no effect: journal + mistake + correction = journal + correction', () => {
    fc.assert(
      fc.property(journal, rawEvent, rawEvent, now, (j, mistakeRaw, fixRaw, at) => {
        const [mistake] = build([mistakeRaw], 'mistake')
        const [fix] = build([fixRaw], 'fix')
        const correction = { ...fix!, supersedesId: mistake!.id }
        expect(deriveJourney([...j, mistake!, correction], { now: at })).toEqual(deriveJourney([...j, correction], { now: at }))
        expect(upcomingHearings([...j, mistake!, correction], at)).toEqual(upcomingHearings([...j, correction], at))
      }),
      { numRuns: 300 },
    )
  })

  test('the case stage is the least advanced open defendant, or an exit only when every path has ended', () => {
    fc.assert(
      fc.property(journal, now, (j, at) => {
        const r = deriveJourney(j, { now: at, defendantIds: ['d1'] })
        expect(STAGES.map((s) => s.id)).toContain(r.caseStage)
        const open = r.defendants.filter((x) => !isExitStage(x.stage))
        if (open.length > 0) {
          expect(isExitStage(r.caseStage)).toBe(false)
          expect(stageRank(r.caseStage)).toBe(Math.min(...open.map((x) => stageRank(x.stage)!)))
        } else {
          expect(isExitStage(r.caseStage)).toBe(true)
          expect(r.nextSteps).toEqual([])
        }
        expect(r.defendants.every((x) => x.stage !== 'verdict')).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  test('upcoming hearings are all in the future, soonest first, and never superseded', () => {
    fc.assert(
      fc.property(journal, now, (j, at) => {
        const up = upcomingHearings(j, at)
        for (const h of up) expect(h.hearingAt.getTime()).toBeGreaterThan(at.getTime())
        for (let i = 1; i < up.length; i++) expect(up[i]!.hearingAt.getTime()).toBeGreaterThanOrEqual(up[i - 1]!.hearingAt.getTime())
        const superseded = new Set(j.map((e) => e.supersedesId).filter(Boolean))
        for (const h of up) expect(superseded.has(h.eventId)).toBe(false)
      }),
    )
  })

  test('a suspect awaiting a charging decision keeps the case at a stage the CPS list reads, whenever the stage was stored', () => {
    const suspects = DEFENDANTS.map((id) => ({ id, label: id }))
    fc.assert(
      fc.property(fc.oneof(journal, preChargeJournal), now, now, (j, a, b) => {
        const [stored, later] = a <= b ? [a, b] : [b, a]
        for (const named of [suspects, []]) {
          const events = named.length ? j : j.filter((e) => !e.defendantId)
          if (!awaitingChargingDecision(events, named, later)) continue
          const ids = named.map((x) => x.id)
          expect(CASE_STAGES_WITH_CHARGING_WAIT).toContain(deriveJourney(events, { now: stored, defendantIds: ids }).caseStage)
        }
      }),
      { numRuns: 500 },
    )
  })

  test('events of other defendants do not change a defendant’s stage', () => {
    fc.assert(
      fc.property(journal, journal, (j, others) => {
        const mine = j.filter((e) => e.defendantId === 'd1')
        const theirs = others.filter((e) => e.defendantId && e.defendantId !== 'd1' && e.type !== 'hearing_outcome').map((e) => ({ ...e, id: `o-${e.id}` }))
        const alone = deriveJourney(mine, { now: NOW, defendantIds: ['d1'] }).defendants.find((x) => x.defendantId === 'd1')
        const together = deriveJourney([...mine, ...theirs], { now: NOW, defendantIds: ['d1'] }).defendants.find((x) => x.defendantId === 'd1')
        expect(together).toEqual(alone)
      }),
    )
  })
})

test('the random journals reach most stages (the generator is not degenerate)', () => {
  const seen = new Set<string>()
  for (const j of fc.sample(journal, { numRuns: 2000, seed: 42 })) {
    for (const x of deriveJourney(j, { now: NOW }).defendants) seen.add(x.stage)
  }
  const all = STAGES.map((s) => s.id).filter((s) => s !== 'verdict' && s !== 'reported')
  expect([...seen].sort()).toEqual(expect.arrayContaining(all))
})
