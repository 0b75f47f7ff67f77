// The "record a visit" form: what must be answered depends on what happened; every problem is
// reported against its own field; times are Europe/London.
import { describe, expect, test } from 'vitest'
import { visitFormSchema } from '~/domain/visits/visit'

const now = new Date('2026-11-25T12:00:00Z')
const date = (d: string) => {
  const [year, month, day] = d.split('-')
  return { day, month, year }
}
const made = {
  status: 'completed',
  at: date('2026-11-24'),
  atTime: '16:30',
  placeType: 'home',
  purpose: 'Follow-up after the ABE interview',
  seenAlone: 'yes',
  spokenToAlone: 'no',
  engagement: 'engaged',
  disclosure: 'none',
  idempotencyKey: 'key-12345678',
}
const parse = (value: Record<string, unknown>) => visitFormSchema(now).safeParse(value)
const errors = (value: Record<string, unknown>) => {
  const r = parse(value)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]))
}

describe('visitFormSchema', () => {
  test('a visit made: London time, yes/no as booleans, nothing about a disclosure when there was none', () => {
    const r = parse({ ...made, disclosureNotes: 'ignored' })
    expect(r.success).toBe(true)
    if (!r.success) return
    expect(r.data.at.toISOString()).toBe('2026-11-24T16:30:00.000Z')
    expect(r.data).toMatchObject({ seenAlone: true, spokenToAlone: false, engagement: 'engaged', disclosure: 'none' })
    expect(r.data.disclosureNotes).toBeUndefined()
  })

  test('a visit made needs who was seen alone, engagement and disclosure; a disclosure needs notes', () => {
    expect(errors({ ...made, seenAlone: undefined, spokenToAlone: undefined, engagement: undefined, disclosure: undefined })).toEqual({
      seenAlone: 'Select yes if the young person was seen alone',
      spokenToAlone: 'Select yes if the young person was spoken to alone',
      engagement: 'Select how the young person engaged',
      disclosure: 'Select whether there was a new disclosure',
    })
    expect(errors({ ...made, disclosure: 'new_offence_or_suspect' })).toEqual({ disclosureNotes: 'Describe what was disclosed' })
  })

  test('a visit that did not happen needs why, and keeps none of the “took place” answers', () => {
    expect(errors({ ...made, status: 'not_happened' })).toEqual({ notHappenedReason: 'Select why the visit did not happen' })
    const r = parse({ ...made, status: 'not_happened', notHappenedReason: 'missing' })
    expect(r.success && r.data).toMatchObject({ status: 'not_happened', notHappenedReason: 'missing' })
    expect(r.success && r.data.engagement).toBeUndefined()
  })

  test('dates: a visit made cannot be in the future, a planned one cannot be in the past, the next one is after this one', () => {
    expect(errors({ ...made, at: date('2026-11-26'), atTime: undefined })).toEqual({
      at: 'A visit that took place or was attempted must be today or in the past',
    })
    expect(errors({ ...made, at: date('2026-11-25'), atTime: '13:00' })).toEqual({
      atTime: 'A visit that took place or was attempted must be today or in the past',
    })
    expect(errors({ status: 'planned', at: date('2026-11-20'), placeType: 'school', purpose: 'Check-in', idempotencyKey: 'key-12345678' })).toEqual({
      at: 'A planned visit must be today or in the future',
    })
    expect(errors({ ...made, nextVisitOn: date('2026-11-24') })).toEqual({ nextVisitOn: 'The next visit must be after this one' })
    expect(errors({ ...made, at: date('2026-02-30') })).toEqual({ at: 'The date of the visit must be a real date' })
    expect(errors({ ...made, atTime: '25:00' })).toEqual({ atTime: 'Enter a real time, like 2:30pm or 14:30' })
  })

  test('a second visitor needs both a name and an agency', () => {
    expect(errors({ ...made, secondVisitorName: 'DC Example' })).toEqual({ secondVisitorAgency: 'Enter the second visitor’s agency' })
    expect(errors({ ...made, secondVisitorAgency: 'Northmoor Police' })).toEqual({ secondVisitorName: 'Enter the name of the second visitor' })
  })

  test('summer time: 10:00 on a July day is 09:00 UTC', () => {
    const r = visitFormSchema(new Date('2026-07-20T12:00:00Z')).safeParse({ ...made, at: date('2026-07-20'), atTime: '10:00' })
    expect(r.success && r.data.at.toISOString()).toBe('2026-07-20T09:00:00.000Z')
  })
})
