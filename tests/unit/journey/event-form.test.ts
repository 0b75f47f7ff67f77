// The form for one type of journey event (app/domain/journey/event-form.ts): it asks exactly the
// questions its type's schema needs, reads GOV.UK dates (with an optional time, in England and
// Wales) and the other answers into the input the journal accepts, names the field of every
// problem in GOV.UK words, and a correction's starting values read back to what was recorded.
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  EVENT_FIELDS,
  eventFormValues,
  NOT_DECIDED,
  readDateTime,
  readEventForm,
  toLondonDateTime,
  type FieldSpec,
  type FormPayload,
} from '~/domain/journey/event-form'
import { DETAILS_SCHEMAS, EVENT_TYPE_IDS, eventType, SPECIAL_MEASURES, type EventTypeId } from '~/domain/journey/events'

/** The object schema behind a type's details (zod v4 keeps the object when superRefine is added). */
function shapeOf(type: EventTypeId): Record<string, z.ZodType> {
  const schema = DETAILS_SCHEMAS[type] as unknown
  expect(schema, type).toBeInstanceOf(z.ZodObject)
  return (schema as z.ZodObject).shape as Record<string, z.ZodType>
}
const isRequired = (s: z.ZodType) => !s.safeParse(undefined).success

const date = (day: string | number, month: string | number, year: string | number) => ({ day: String(day), month: String(month), year: String(year) })
const utc = (iso: string) => new Date(iso)

/** A plausible answer to one question, as the browser would send it. */
function answer(f: FieldSpec): unknown {
  switch (f.kind) {
    case 'radios':
    case 'select':
      return f.options[0]!.value
    case 'checkboxes':
      return [f.options[0]!.value]
    case 'yesno':
      return 'yes'
    case 'number':
      return '12'
    case 'date':
      return date(1, 3, 2026)
    case 'charges':
      return [{ offence: 'Invented offence for testing' }]
    case 'measureDecisions':
      return { screen: 'granted' }
    case 'hearing':
      return 'hearing-1'
    default:
      return 'Invented answer'
  }
}

/** A payload for `type` answering who/when, plus the given details answers. */
function basePayload(type: EventTypeId, details: Record<string, unknown>): FormPayload {
  const def = eventType(type)
  return {
    occurredAt: date(10, 11, 2025),
    occurredAtTime: '',
    defendantId: def.defendant === 'none' ? '' : 'def-1',
    victimId: def.victim === 'none' ? '' : 'victim-1',
    details,
  }
}

describe('each type’s questions match its details schema', () => {
  test.each(EVENT_TYPE_IDS.map((t) => [t]))('%s asks only for keys in its schema', (type) => {
    const shape = shapeOf(type)
    const names = EVENT_FIELDS[type].map((f) => f.name)
    expect(new Set(names).size, 'no question asked twice').toBe(names.length)
    for (const name of names) expect(Object.keys(shape), `${type}: ${name}`).toContain(name)
  })

  test.each(EVENT_TYPE_IDS.map((t) => [t]))('%s asks for every required key of its schema', (type) => {
    const shape = shapeOf(type)
    const asked = new Set(EVENT_FIELDS[type].map((f) => f.name))
    const required = Object.keys(shape).filter((k) => isRequired(shape[k]!))
    for (const k of required) expect(asked.has(k), `${type} never asks for the required "${k}"`).toBe(true)
  })

  test.each(EVENT_TYPE_IDS.map((t) => [t]))('%s offers only choices its schema accepts', (type) => {
    const shape = shapeOf(type)
    for (const f of EVENT_FIELDS[type]) {
      if (f.kind !== 'radios' && f.kind !== 'select' && f.kind !== 'checkboxes') continue
      expect(f.options.length, `${type}.${f.name} has options`).toBeGreaterThan(0)
      for (const o of f.options) {
        const r = shape[f.name]!.safeParse(f.kind === 'checkboxes' ? [o.value] : o.value)
        expect(r.success, `${type}.${f.name} = ${o.value}`).toBe(true)
      }
    }
  })

  test.each(EVENT_TYPE_IDS.map((t) => [t]))('%s can be completed from its questions alone', (type) => {
    const shape = shapeOf(type)
    const fields = EVENT_FIELDS[type]
    // The required answers first; if a cross-field rule wants more (a sentence needs some
    // disposal), answer every question.
    const requiredOnly = Object.fromEntries(fields.filter((f) => isRequired(shape[f.name]!)).map((f) => [f.name, answer(f)]))
    const all = Object.fromEntries(fields.map((f) => [f.name, answer(f)]))
    const first = readEventForm(type, basePayload(type, requiredOnly))
    const read = first.input ? first : readEventForm(type, basePayload(type, all))
    expect(read.issues).toEqual([])
    expect(read.input?.type).toBe(type)
  })
})

describe('readEventForm: valid answers', () => {
  test('an arrest: date only is midnight in England and Wales, blanks are dropped', () => {
    const r = readEventForm('suspect_arrested', {
      occurredAt: date(1, 7, 2025),
      occurredAtTime: '',
      defendantId: ' def-1 ',
      victimId: 'ignored: not about a victim',
      details: { suspectedOffences: '  ' },
      supersedesId: '',
      correctionReason: '',
    })
    expect(r.issues).toEqual([])
    expect(r.input).toEqual({
      type: 'suspect_arrested',
      occurredAt: utc('2025-06-30T23:00:00Z'), // BST
      defendantId: 'def-1',
      details: {},
    })
  })

  test('an arrest with a time', () => {
    const r = readEventForm('suspect_arrested', { occurredAt: date(14, 1, 2026), occurredAtTime: '07.05', defendantId: 'def-1', details: { suspectedOffences: 'Invented offence' } })
    expect(r.input).toMatchObject({ occurredAt: utc('2026-01-14T07:05:00Z'), details: { suspectedOffences: 'Invented offence' } })
  })

  test('bail with an end date and conditions', () => {
    const r = readEventForm('suspect_bailed', {
      occurredAt: date(10, 11, 2025),
      occurredAtTime: '16:20',
      defendantId: 'def-1',
      details: { bailEndDate: date(10, 2, 2026), conditions: 'Not to contact the victim', victimViewsSought: 'no' },
    })
    expect(r.issues).toEqual([])
    expect(r.input).toMatchObject({
      occurredAt: utc('2025-11-10T16:20:00Z'),
      details: { bailEndDate: utc('2026-02-10T00:00:00Z'), conditions: 'Not to contact the victim', victimViewsSought: false },
    })
  })

  test('a charge with two offences: blank rows are ignored', () => {
    const r = readEventForm('suspect_charged', {
      occurredAt: date(3, 3, 2026),
      defendantId: 'def-1',
      details: {
        charges: [{ offence: 'Invented offence one' }, { offence: '' }, { offence: '  Invented offence two ' }, { offence: '   ' }, {}],
        remandStatus: 'conditional_bail',
      },
    })
    expect(r.issues).toEqual([])
    expect(r.input?.details).toEqual({ charges: [{ offence: 'Invented offence one' }, { offence: 'Invented offence two' }], remandStatus: 'conditional_bail' })
  })

  test('a charge with only blank rows asks for a charge', () => {
    const r = readEventForm('suspect_charged', { occurredAt: date(3, 3, 2026), defendantId: 'def-1', details: { charges: [{ offence: '' }], remandStatus: 'custody' } })
    expect(r.input).toBeUndefined()
    expect(r.issues).toContainEqual({ path: 'details.charges', message: 'Enter at least one charge' })
  })

  test.each([
    ['summer time (BST)', date(15, 7, 2026), '10:00', '2026-07-15T09:00:00Z'],
    ['winter time (GMT)', date(15, 1, 2027), '10:00', '2027-01-15T10:00:00Z'],
    ['the morning the clocks go forward', date(29, 3, 2026), '09:30', '2026-03-29T08:30:00Z'],
    ['the day the clocks go back', date(25, 10, 2026), '14:00', '2026-10-25T14:00:00Z'],
    ['no time: midnight in summer', date(15, 7, 2026), '', '2026-07-14T23:00:00Z'],
  ])('a hearing listed in %s is the right instant', (_label, hearingAt, time, iso) => {
    const r = readEventForm('hearing_listed', {
      occurredAt: date(1, 11, 2025),
      details: { hearingType: 'trial', court: 'Invented Crown Court', hearingAt, hearingAtTime: time },
      receivedAt: date(2, 11, 2025),
    })
    expect(r.issues).toEqual([])
    expect(r.input).toMatchObject({ type: 'hearing_listed', receivedAt: utc('2025-11-02T00:00:00Z'), details: { hearingType: 'trial', court: 'Invented Crown Court', hearingAt: utc(iso) } })
    expect(r.input?.defendantId).toBeUndefined()
  })

  test('special measures: one answer per measure; not decided is left out', () => {
    const r = readEventForm('special_measures_decision', {
      occurredAt: date(5, 2, 2026),
      victimId: 'victim-1',
      details: {
        decisions: { live_link: 'granted', screen: 'refused', intermediary: NOT_DECIDED, evidence_in_private: '', s28_cross_examination: 'granted' },
        hearingEventId: '',
      },
    })
    expect(r.issues).toEqual([])
    // In the order the measures are listed, whatever order the form sent them in.
    expect(r.input?.details).toEqual({
      decisions: [
        { measure: 'screen', decision: 'refused' },
        { measure: 'live_link', decision: 'granted' },
        { measure: 's28_cross_examination', decision: 'granted' },
      ],
    })
  })

  test('special measures all not decided asks for at least one', () => {
    const all = Object.fromEntries(SPECIAL_MEASURES.map((m) => [m.id, NOT_DECIDED]))
    const r = readEventForm('special_measures_decision', { occurredAt: date(5, 2, 2026), victimId: 'victim-1', details: { decisions: all } })
    expect(r.issues).toContainEqual({ path: 'details.decisions', message: 'Select at least one special measure' })
  })

  test('a sentence with custody in months', () => {
    const r = readEventForm('sentenced', { occurredAt: date(20, 2, 2026), defendantId: 'def-1', details: { custodyMonths: ' 30 ', otherDisposal: 'Sexual harm prevention order', hospitalOrder: '' } })
    expect(r.issues).toEqual([])
    expect(r.input?.details).toEqual({ custodyMonths: 30, otherDisposal: 'Sexual harm prevention order' })
  })

  test('a case outcome that is not a conviction, with its reason', () => {
    const r = readEventForm('case_outcome', { occurredAt: date(20, 2, 2026), defendantId: 'def-1', details: { outcome: 'acquitted', unsuccessfulReason: 'victim_issues', explanation: '' } })
    expect(r.issues).toEqual([])
    expect(r.input?.details).toEqual({ outcome: 'acquitted', unsuccessfulReason: 'victim_issues' })
    const missing = readEventForm('case_outcome', { occurredAt: date(20, 2, 2026), defendantId: 'def-1', details: { outcome: 'acquitted' } })
    expect(missing.issues).toEqual([{ path: 'details.unsuccessfulReason', message: 'Select why the case did not result in a conviction' }])
  })

  test('checkboxes: one ticked box arrives as a string, several as a list', () => {
    const one = readEventForm('strategy_discussion', { occurredAt: date(1, 2, 2026), details: { agencies: 'police' } })
    expect(one.input?.details).toEqual({ agencies: ['police'] })
    const two = readEventForm('strategy_discussion', { occurredAt: date(1, 2, 2026), details: { agencies: ['police', 'health'] } })
    expect(two.input?.details).toEqual({ agencies: ['police', 'health'] })
  })

  test('a correction carries what it supersedes and why', () => {
    const r = readEventForm('suspect_arrested', { occurredAt: date(1, 2, 2026), defendantId: 'def-1', details: {}, supersedesId: 'ev-1', correctionReason: ' Wrong date ' })
    expect(r.input).toMatchObject({ supersedesId: 'ev-1', correctionReason: 'Wrong date' })
    const noReason = readEventForm('suspect_arrested', { occurredAt: date(1, 2, 2026), defendantId: 'def-1', details: {}, supersedesId: 'ev-1' })
    expect(noReason.issues).toEqual([{ path: 'correctionReason', message: 'Enter the reason for the correction' }])
  })
})

describe('readEventForm: bad input names the field in GOV.UK words', () => {
  const arrest = (over: FormPayload) => readEventForm('suspect_arrested', { occurredAt: date(1, 2, 2026), defendantId: 'def-1', details: {}, ...over })

  test('an impossible date (31 February)', () => {
    const r = arrest({ occurredAt: date(31, 2, 2026) })
    expect(r.input).toBeUndefined()
    expect(r.issues).toEqual([{ path: 'occurredAt', message: 'The date of the arrest must be a real date' }])
  })

  test('a missing date', () => {
    expect(arrest({ occurredAt: date('', '', '') }).issues).toEqual([{ path: 'occurredAt', message: 'Enter the date of the arrest' }])
    expect(arrest({ occurredAt: undefined }).issues).toEqual([{ path: 'occurredAt', message: 'Enter the date of the arrest' }])
  })

  test('a date missing its year', () => {
    expect(arrest({ occurredAt: date(1, 2, '') }).issues).toEqual([{ path: 'occurredAt', message: 'The date of the arrest must include a year' }])
  })

  test('a time with no date', () => {
    expect(arrest({ occurredAt: date('', '', ''), occurredAtTime: '10:00' }).issues).toEqual([{ path: 'occurredAt', message: 'Enter the date of the arrest' }])
  })

  test('a time that is not a time (25:00) is reported on the time box only', () => {
    expect(arrest({ occurredAtTime: '25:00' }).issues).toEqual([{ path: 'occurredAtTime', message: 'Enter the time in 24-hour format, like 14:30' }])
    expect(arrest({ occurredAtTime: '10:60' }).issues).toEqual([{ path: 'occurredAtTime', message: 'Enter the time in 24-hour format, like 14:30' }])
  })

  test('a hearing time that is not a time', () => {
    const r = readEventForm('hearing_listed', {
      occurredAt: date(1, 11, 2025),
      details: { hearingType: 'trial', court: 'Invented Crown Court', hearingAt: date(15, 1, 2027), hearingAtTime: '25:00' },
    })
    expect(r.issues).toEqual([{ path: 'details.hearingAtTime', message: 'Enter the time in 24-hour format, like 14:30' }])
  })

  test('a missing and an impossible date in details', () => {
    const missing = readEventForm('suspect_bailed', { occurredAt: date(1, 2, 2026), defendantId: 'def-1', details: {} })
    expect(missing.issues).toEqual([{ path: 'details.bailEndDate', message: 'Enter the date bail ends' }])
    const impossible = readEventForm('suspect_bailed', { occurredAt: date(1, 2, 2026), defendantId: 'def-1', details: { bailEndDate: date(30, 2, 2026) } })
    expect(impossible.issues).toEqual([{ path: 'details.bailEndDate', message: 'The date bail ends must be a real date' }])
    const hearing = readEventForm('hearing_listed', { occurredAt: date(1, 11, 2025), details: { hearingType: 'trial', court: 'Invented Crown Court' } })
    expect(hearing.issues).toEqual([{ path: 'details.hearingAt', message: 'Enter the date of the hearing' }])
  })

  test('bail that ends before it starts', () => {
    const r = readEventForm('suspect_bailed', { occurredAt: date(1, 2, 2026), defendantId: 'def-1', details: { bailEndDate: date(1, 1, 2026) } })
    expect(r.issues).toEqual([{ path: 'details.bailEndDate', message: 'The date bail ends must be after the date of the bail' }])
  })

  test('custody that is not a number', () => {
    for (const bad of ['ten', '-3', '1e3', '12 months']) {
      const r = readEventForm('sentenced', { occurredAt: date(20, 2, 2026), defendantId: 'def-1', details: { custodyMonths: bad } })
      expect(r.input, bad).toBeUndefined()
      expect(r.issues, bad).toContainEqual({ path: 'details.custodyMonths', message: 'Custody must be a number of months, like 18' })
    }
  })

  test('a yes/no question not answered', () => {
    const r = readEventForm('abe_interview', { occurredAt: date(1, 2, 2026), victimId: 'victim-1', details: { interviewer: 'DC Invented' } })
    expect(r.issues).toEqual([{ path: 'details.intermediaryPresent', message: 'Select yes if an intermediary was present' }])
  })

  test('several problems at once are all reported', () => {
    const r = readEventForm('abe_interview', { occurredAt: date(31, 2, 2026), victimId: '', details: {} })
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { path: 'occurredAt', message: 'The date of the ABE interview must be a real date' },
        { path: 'victimId', message: 'Select the victim' },
        { path: 'details.interviewer', message: 'Enter the name of the interviewer' },
        { path: 'details.intermediaryPresent', message: 'Select yes if an intermediary was present' },
      ]),
    )
    // The date's own message, not also the schema's "Enter …" for the same field.
    expect(r.issues.filter((i) => i.path === 'occurredAt')).toHaveLength(1)
  })

  test('the date witness care received it: checked where the type has one, ignored where not', () => {
    const listing = { occurredAt: date(1, 11, 2025), details: { hearingType: 'trial', court: 'Invented Crown Court', hearingAt: date(15, 1, 2027) } }
    expect(readEventForm('hearing_listed', { ...listing, receivedAt: date(31, 2, 2026) }).issues).toEqual([
      { path: 'receivedAt', message: 'The date witness care received it must be a real date' },
    ])
    expect(arrest({ receivedAt: date(31, 2, 2026) }).input?.receivedAt).toBeUndefined()
  })

  test('a suspect not chosen where one is required', () => {
    expect(arrest({ defendantId: '' }).issues).toEqual([{ path: 'defendantId', message: 'Select the suspect or defendant' }])
  })
})

describe('readDateTime and toLondonDateTime', () => {
  test('blank is no value and no issue', () => {
    expect(readDateTime(undefined, undefined, 'the date', 'd')).toEqual({ issues: [] })
    expect(readDateTime(date('', '', ''), '  ', 'the date', 'd')).toEqual({ issues: [] })
  })

  test('years before 1990 are not real dates', () => {
    expect(readDateTime(date(1, 1, 1989), '', 'the date of the arrest', 'occurredAt').issues).toEqual([{ path: 'occurredAt', message: 'The date of the arrest must be a real date' }])
  })

  test('an instant becomes its date and time in England and Wales', () => {
    expect(toLondonDateTime(utc('2026-07-14T23:00:00Z'))).toEqual({ parts: date(15, 7, 2026), time: '' })
    expect(toLondonDateTime('2026-07-15T09:05:00.000Z')).toEqual({ parts: date(15, 7, 2026), time: '10:05' })
    expect(toLondonDateTime(utc('2027-01-15T10:00:00Z'))).toEqual({ parts: date(15, 1, 2027), time: '10:00' })
  })
})

describe('a correction starts from what was recorded', () => {
  /** As the database gives it back: details through JSON (dates become ISO strings). */
  function stored(input: NonNullable<ReturnType<typeof readEventForm>['input']>) {
    return {
      type: input.type,
      occurredAt: input.occurredAt,
      receivedAt: input.receivedAt ?? null,
      defendantId: input.defendantId ?? null,
      victimId: input.victimId ?? null,
      details: JSON.parse(JSON.stringify(input.details)) as unknown,
    }
  }

  const cases: [EventTypeId, FormPayload][] = [
    ['suspect_arrested', { occurredAt: date(1, 7, 2025), occurredAtTime: '06:15', defendantId: 'def-1', details: { suspectedOffences: 'Invented offence' } }],
    ['suspect_bailed', { occurredAt: date(10, 11, 2025), defendantId: 'def-1', details: { bailEndDate: date(10, 6, 2026), conditions: 'Not to contact the victim', victimViewsSought: 'yes' } }],
    ['suspect_charged', { occurredAt: date(3, 3, 2026), occurredAtTime: '17:45', defendantId: 'def-1', details: { charges: [{ offence: 'Invented offence one' }, { offence: '' }, { offence: 'Invented offence two' }], remandStatus: 'custody' } }],
    [
      'hearing_listed',
      { occurredAt: date(1, 11, 2025), receivedAt: date(3, 11, 2025), details: { hearingType: 'ptph', court: 'Invented Crown Court', hearingAt: date(15, 7, 2026), hearingAtTime: '10:30' } },
    ],
    ['hearing_listed', { occurredAt: date(1, 11, 2025), defendantId: 'def-2', details: { hearingType: 'trial', court: 'Invented Crown Court', hearingAt: date(12, 1, 2027) } }],
    ['special_measures_decision', { occurredAt: date(5, 2, 2026), victimId: 'victim-1', details: { decisions: { screen: 'granted', live_link: 'refused', intermediary: NOT_DECIDED }, hearingEventId: 'hearing-1' } }],
    ['sentenced', { occurredAt: date(20, 2, 2026), defendantId: 'def-1', details: { custodyMonths: '0', otherDisposal: 'Community order', hospitalOrder: 'no' } }],
    ['case_outcome', { occurredAt: date(20, 2, 2026), defendantId: 'def-1', details: { outcome: 'offered_no_evidence', unsuccessfulReason: 'evidential', explanation: 'Invented explanation' } }],
    ['abe_interview', { occurredAt: date(2, 4, 2025), occurredAtTime: '13:00', victimId: 'victim-1', details: { interviewer: 'DC Invented', intermediaryPresent: 'no', supporter: 'ISVA' } }],
    ['strategy_discussion', { occurredAt: date(2, 4, 2025), details: { agencies: ['police', 'childrens_social_care'] } }],
    ['bail_conditions_changed', { occurredAt: date(2, 4, 2025), defendantId: 'def-1', details: { change: 'extended', newBailEndDate: date(2, 7, 2025) } }],
  ]

  test.each(cases)('%s reads back to the same input', (type, payload) => {
    const first = readEventForm(type, payload)
    expect(first.issues).toEqual([])
    const values = eventFormValues(stored(first.input!))
    const again = readEventForm(type, values)
    expect(again.issues).toEqual([])
    expect(again.input).toEqual(first.input)
  })

  test('the starting values are what the form shows', () => {
    const first = readEventForm('hearing_listed', {
      occurredAt: date(1, 11, 2025),
      occurredAtTime: '09:00',
      receivedAt: date(3, 11, 2025),
      details: { hearingType: 'ptph', court: 'Invented Crown Court', hearingAt: date(15, 7, 2026), hearingAtTime: '10:30' },
    })
    expect(eventFormValues(stored(first.input!))).toEqual({
      occurredAt: date(1, 11, 2025),
      occurredAtTime: '09:00',
      receivedAt: date(3, 11, 2025),
      defendantId: '',
      victimId: '',
      details: { hearingType: 'ptph', court: 'Invented Crown Court', hearingAt: date(15, 7, 2026), hearingAtTime: '10:30' },
    })
    const sentence = readEventForm('sentenced', { occurredAt: date(20, 2, 2026), defendantId: 'def-1', details: { custodyMonths: '18', hospitalOrder: 'no', otherDisposal: 'x' } })
    expect(eventFormValues(stored(sentence.input!)).details).toEqual({ custodyMonths: '18', otherDisposal: 'x', hospitalOrder: 'no' })
    const measures = readEventForm('special_measures_decision', { occurredAt: date(5, 2, 2026), victimId: 'victim-1', details: { decisions: { screen: 'granted', live_link: 'refused' } } })
    expect(eventFormValues(stored(measures.input!)).details).toEqual({ decisions: { screen: 'granted', live_link: 'refused' } })
  })
})
