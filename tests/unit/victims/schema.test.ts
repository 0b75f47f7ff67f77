import { describe, expect, test } from 'vitest'
import { changedFields, describeConflicts } from '~/domain/victims/changes'
import { ConsentSchema, createVictimSchema, dateFromParts, type VictimDetails } from '~/domain/victims/schema'

const NOW = new Date('2026-11-29T10:00:00Z')
const base = {
  firstName: 'Ria',
  lastName: 'Calder',
  dateOfBirth: { day: '3', month: '4', year: '2012' },
  idempotencyKey: 'abcdefghijklmnop',
}

describe('victim details schema', () => {
  test('parses a minimal record, with empty optional fields as null and booleans false', () => {
    const r = createVictimSchema(NOW).safeParse(base)
    expect(r.success).toBe(true)
    if (!r.success) return
    expect(r.data.details).toMatchObject({ firstName: 'Ria', preferredName: null, noVoicemail: false, manualEnhancedGrounds: [] })
    expect(r.data.details.dateOfBirth.toISOString()).toBe('2012-04-03T00:00:00.000Z')
    expect(r.data.details).not.toHaveProperty('idempotencyKey')
  })

  test('refuses a date of birth in the future, or not a real date', () => {
    const future = createVictimSchema(NOW).safeParse({ ...base, dateOfBirth: { day: '30', month: '11', year: '2099' } })
    expect(future.success).toBe(false)
    expect(JSON.stringify(future.error?.issues)).toContain('today or in the past')
    expect(dateFromParts({ day: '31', month: '2', year: '2012' }, 'date of birth')).toMatch(/real date/)
    expect(dateFromParts({ day: '1', year: '2012' }, 'date of birth')).toMatch(/must include a month/)
  })

  test('asks to confirm a date of birth that makes them 25 or older', () => {
    const old = { ...base, dateOfBirth: { day: '1', month: '1', year: '1990' } }
    const r = createVictimSchema(NOW).safeParse(old)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['confirmAge'])
    expect(createVictimSchema(NOW).safeParse({ ...old, confirmAge: true }).success).toBe(true)
  })

  test('consent needs who gave it; sharing without consent needs the lawful basis', () => {
    expect(ConsentSchema.safeParse({ scope: 'x', sharedWith: 'y', basis: 'consent' }).success).toBe(false)
    expect(ConsentSchema.safeParse({ scope: 'x', sharedWith: 'y', basis: 'lawful_basis' }).success).toBe(false)
    const ok = ConsentSchema.parse({ scope: 'x', sharedWith: 'y', basis: 'lawful_basis', lawfulBasis: 'public_task', givenBy: 'child' })
    expect(ok).toEqual({ scope: 'x', sharedWith: 'y', givenBy: null, lawfulBasis: 'public_task' })
  })
})

describe('changes between versions', () => {
  const a = createVictimSchema(NOW).parse(base).details
  test('lists changed fields and describes theirs beside yours', () => {
    const theirs: VictimDetails = { ...a, preferredLanguage: 'Polish', noVoicemail: true }
    const yours: VictimDetails = { ...a, preferredLanguage: 'Welsh' }
    expect(changedFields(a, theirs)).toEqual(['preferredLanguage', 'noVoicemail'])
    expect(describeConflicts(['preferredLanguage', 'noVoicemail'], theirs, yours)).toEqual([
      { field: 'preferredLanguage', label: 'Preferred language', theirs: 'Polish', yours: 'Welsh' },
      { field: 'noVoicemail', label: 'Do not leave voicemail', theirs: 'Yes', yours: 'No' },
    ])
    expect(changedFields(a, { ...a, dateOfBirth: new Date(a.dateOfBirth) })).toEqual([])
  })
})

describe('errors come together', () => {
  test('a bad date of birth is reported alongside other missing fields', () => {
    const r = createVictimSchema(NOW).safeParse({
      firstName: 'Ria',
      dateOfBirth: { day: '31', month: '2', year: '2012' },
      idempotencyKey: base.idempotencyKey,
    })
    expect(r.success).toBe(false)
    const paths = r.error?.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['lastName', 'dateOfBirth']))
  })
})
