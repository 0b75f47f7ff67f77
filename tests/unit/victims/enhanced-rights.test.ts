import { describe, expect, test } from 'vitest'
import { ageAt, deriveEnhancedRights } from '~/domain/victims/enhanced-rights'

const d = (s: string) => new Date(`${s}T00:00:00Z`)
const ids = (r: ReturnType<typeof deriveEnhancedRights>) => r.grounds.map((g) => g.id)

describe('enhanced rights', () => {
  test('a child victim of a sexual offence qualifies on both automatic grounds', () => {
    const r = deriveEnhancedRights({
      dateOfBirth: d('2011-05-17'),
      offences: [{ sexual: true, committedFrom: d('2025-03-01') }],
      manualGrounds: [],
      today: d('2026-11-29'),
    })
    expect(r.eligible).toBe(true)
    expect(ids(r)).toEqual(['under_18_at_offence', 'most_serious_crime:sexual_offence'])
    expect(r.grounds[0]).toMatchObject({ basis: 'offence_dates' })
    expect(r.notes).toEqual([])
  })

  test('age is taken at the offence, so turning 18 later keeps the ground', () => {
    const r = deriveEnhancedRights({
      dateOfBirth: d('2006-01-10'),
      offences: [{ sexual: false, committedFrom: d('2023-06-01') }],
      manualGrounds: [],
      today: d('2026-11-29'),
    })
    expect(ids(r)).toEqual(['under_18_at_offence'])
  })

  test('an offence the day after the 18th birthday is not a child’s; the day before is', () => {
    const base = { dateOfBirth: d('2007-04-02'), manualGrounds: [], today: d('2026-11-29') }
    expect(ids(deriveEnhancedRights({ ...base, offences: [{ sexual: false, committedFrom: d('2025-04-02') }] }))).toEqual([])
    expect(ids(deriveEnhancedRights({ ...base, offences: [{ sexual: false, committedFrom: d('2025-04-01') }] }))).toEqual(['under_18_at_offence'])
  })

  test('without offence dates it uses the current age and says so', () => {
    const child = deriveEnhancedRights({ dateOfBirth: d('2012-01-01'), offences: [], manualGrounds: [], today: d('2026-11-29') })
    expect(child.grounds[0]).toMatchObject({ id: 'under_18_at_offence', basis: 'current_age' })
    expect(child.notes[0]).toMatch(/No offence dates/)
    const adult = deriveEnhancedRights({ dateOfBirth: d('2000-01-01'), offences: [], manualGrounds: [], today: d('2026-11-29') })
    expect(adult.eligible).toBe(false)
    expect(adult.notes[0]).toMatch(/No offence dates/)
  })

  test('manual grounds are added once each; unknown ones are ignored', () => {
    const r = deriveEnhancedRights({
      dateOfBirth: d('2000-01-01'),
      offences: [{ sexual: false, committedFrom: d('2024-01-01') }],
      manualGrounds: ['intimidated', 'persistently_targeted', 'intimidated', 'made_up'],
      today: d('2026-11-29'),
    })
    expect(ids(r)).toEqual(['intimidated', 'persistently_targeted'])
    expect(r.eligible).toBe(true)
  })

  test('ageAt counts whole years by calendar date', () => {
    expect(ageAt(d('2010-02-28'), d('2026-02-27'))).toBe(15)
    expect(ageAt(d('2010-02-28'), d('2026-02-28'))).toBe(16)
  })
})
