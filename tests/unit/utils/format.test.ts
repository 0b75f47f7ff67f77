import { describe, expect, test } from 'vitest'
import { ageOn, displayName, formatDate, formatDateTime, humanise } from '~/utils/format'

describe('UK display formats in Europe/London time', () => {
  test('dates', () => {
    expect(formatDate(new Date('2026-11-28T10:00:00Z'))).toBe('28 November 2026')
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026')
  })

  test('times use the 12-hour clock the way browsers write it, including just after midnight', () => {
    expect(formatDateTime(new Date('2026-11-29T00:30:00Z'))).toBe('29 November 2026 at 12:30am')
    expect(formatDateTime(new Date('2026-11-29T14:05:00Z'))).toBe('29 November 2026 at 2:05pm')
    expect(formatDateTime(new Date('2026-07-01T11:00:00Z'))).toBe('1 July 2026 at 12:00pm')
  })

  test('age on a date, counting birthdays by calendar day', () => {
    expect(ageOn(new Date('2010-11-29'), new Date('2026-11-28T12:00:00Z'))).toBe(15)
    expect(ageOn(new Date('2010-11-29'), new Date('2026-11-29T12:00:00Z'))).toBe(16)
  })

  test('names and labels', () => {
    expect(displayName({ firstName: 'Alex', lastName: 'Example', preferredName: 'JJ' })).toBe('Alex (JJ) Example')
    expect(displayName({ firstName: 'Alex', lastName: 'Example', preferredName: null })).toBe('Alex Example')
    expect(humanise('lead_advocate')).toBe('Lead advocate')
  })
})
