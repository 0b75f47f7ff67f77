// The missing-episode forms: date boxes and a time box in, London instants out, every problem next
// to its own field and not reported twice.
import { describe, expect, test } from 'vitest'
import { episodeFormSchema, interviewFormSchema, returnFormSchema } from '~/domain/missing/form'

const NOW = new Date('2026-11-29T10:00:00Z')
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
const date = (day: string, month: string, year: string) => ({ day, month, year })

describe('record an episode', () => {
  const base = {
    missingFrom: date('27', '3', '2026'),
    missingFromTime: '19:00',
    reportedToPolice: 'yes',
    policeReference: 'NM-1',
    idempotencyKey: 'key-12345678',
  }

  test('a London date and time become the instant (GMT and BST); still missing needs no return', () => {
    const r = episodeFormSchema(NOW).safeParse({ ...base, returnedAt: date('28', '3', '2026'), returnedAtTime: '3:30am', foundBy: 'police' })
    expect(r.data).toEqual({
      missingFrom: new Date('2026-03-27T19:00:00Z'),
      returnedAt: new Date('2026-03-28T03:30:00Z'),
      reportedToPolice: true,
      policeReference: 'NM-1',
      foundBy: 'police',
      foundByDetail: null,
      idempotencyKey: 'key-12345678',
    })
    const summer = episodeFormSchema(NOW).safeParse({ ...base, missingFrom: date('1', '7', '2026'), missingFromTime: '21:30' })
    expect(summer.data).toMatchObject({ missingFrom: new Date('2026-07-01T20:30:00Z'), returnedAt: null, foundBy: null })
  })

  test('an empty form: each required answer is asked for once, next to its field', () => {
    expect(messages(episodeFormSchema(NOW).safeParse({ idempotencyKey: 'key-12345678' }))).toEqual({
      missingFrom: 'Enter the date they went missing',
      reportedToPolice: 'Select whether they were reported missing to the police',
    })
  })

  test('a date without a time, an unreadable time, a return before the start or in the future', () => {
    expect(messages(episodeFormSchema(NOW).safeParse({ ...base, missingFromTime: '' }))).toEqual({ missingFromTime: 'Enter the time they went missing' })
    expect(messages(episodeFormSchema(NOW).safeParse({ ...base, missingFromTime: '25:00' }))).toEqual({
      missingFromTime: 'Enter a real time, like 2:30pm or 14:30',
    })
    expect(messages(episodeFormSchema(NOW).safeParse({ ...base, returnedAt: date('27', '3', '2026'), returnedAtTime: '18:00', foundBy: 'police' }))).toEqual({
      returnedAt: 'The time they returned must be after the time they went missing',
    })
    expect(messages(episodeFormSchema(NOW).safeParse({ ...base, returnedAt: date('30', '11', '2026'), returnedAtTime: '09:00', foundBy: 'police' }))).toEqual({
      returnedAt: 'The time they returned must be now or in the past: leave it blank while they are still missing',
    })
    expect(messages(episodeFormSchema(NOW).safeParse({ ...base, returnedAt: date('31', '2', '2026'), returnedAtTime: '09:00', foundBy: 'police' }))).toEqual({
      returnedAt: 'The date they returned must be a real date',
    })
  })
})

describe('record the return', () => {
  const episode = { missingFrom: new Date('2026-11-20T18:00:00Z'), reportedToPolice: false, policeReference: null }
  test('needs when and how; is checked against the start', () => {
    expect(messages(returnFormSchema(episode, NOW).safeParse({ version: '1' }))).toEqual({
      returnedAt: 'Enter the date they returned',
      foundBy: 'Select how they returned or who found them',
    })
    const ok = returnFormSchema(episode, NOW).safeParse({
      returnedAt: date('21', '11', '2026'),
      returnedAtTime: '9:15am',
      foundBy: 'other',
      foundByDetail: 'Her aunt',
      version: '3',
    })
    expect(ok.data).toEqual({ returnedAt: new Date('2026-11-21T09:15:00Z'), foundBy: 'other', foundByDetail: 'Her aunt', version: 3 })
  })
})

describe('the return home interview', () => {
  const returnedAt = new Date('2026-11-21T09:15:00Z')
  test('completed: when, by whom and findings; not offered: nothing else asked', () => {
    const ok = interviewFormSchema(returnedAt, NOW).safeParse({
      status: 'completed',
      at: date('22', '11', '2026'),
      atTime: '14:00',
      by: 'R. Ellery',
      findings: 'Said an older male collects her from school in a car',
      version: '2',
    })
    expect(ok.data).toEqual({
      status: 'completed',
      at: new Date('2026-11-22T14:00:00Z'),
      by: 'R. Ellery',
      findings: 'Said an older male collects her from school in a car',
      version: 2,
    })
    expect(interviewFormSchema(returnedAt, NOW).safeParse({ status: 'not_offered', at: date('22', '', ''), version: '2' }).data).toEqual({
      status: 'not_offered',
      at: null,
      by: null,
      findings: null,
      version: 2,
    })
  })

  test('an empty form, and an interview before the return', () => {
    expect(messages(interviewFormSchema(returnedAt, NOW).safeParse({ version: '2' }))).toEqual({
      status: 'Select whether a return home interview was offered, completed or declined',
    })
    expect(
      messages(interviewFormSchema(returnedAt, NOW).safeParse({ status: 'declined', at: date('21', '11', '2026'), atTime: '08:00', version: '2' })),
    ).toEqual({
      at: 'The interview cannot have been declined before they returned',
      by: 'Enter who offered the interview',
    })
    expect(messages(interviewFormSchema(returnedAt, NOW).safeParse({ status: 'offered', version: 'x' }))).toMatchObject({
      version: 'The form has expired: reload the page and try again',
    })
  })
})
