import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  duplicateReasonProblem,
  matchReasons,
  matches,
  nameAndDateOfBirthMatch,
  normaliseName,
  referenceKeys,
  type StoredIdentity,
  type TypedIdentity,
} from '~/domain/victims/matching'

// Invented people and references only.
const stored: StoredIdentity = {
  reference: 'V-2026-0123',
  firstName: 'Jessamy',
  lastName: 'Smith',
  preferredName: 'Jess',
  dateOfBirth: new Date('2011-06-15T00:00:00Z'),
  cases: [
    { crimeReference: 'NM/26/004517', cpsUrn: '42NM0958326' },
    { crimeReference: 'NM/25/000771', cpsUrn: null },
  ],
}

const typed = (over: Partial<TypedIdentity> = {}): TypedIdentity => ({
  firstName: 'Jessamy',
  lastName: 'Smith',
  preferredName: null,
  dateOfBirth: new Date('2011-06-15T00:00:00Z'),
  partnerReference: null,
  ...over,
})

describe('names', () => {
  test('case, spaces at the ends and runs of spaces inside do not matter', () => {
    expect(normaliseName('  JESS   o’Neil ')).toBe('jess o’neil')
    expect(normaliseName('Mary\tAnne')).toBe('mary anne')
    expect(normaliseName(null)).toBe('')
  })
})

describe('name and date of birth', () => {
  test('the same child typed in any case and spacing matches', () => {
    expect(nameAndDateOfBirthMatch(typed({ firstName: ' jessamy ', lastName: 'SMITH ' }), stored)).toBe(true)
    expect(matchReasons(typed(), stored)).toEqual(['name_and_date_of_birth'])
  })

  test('a preferred name counts as a first name, on either side', () => {
    // Typed first name "Jess" is the stored preferred name.
    expect(matches(typed({ firstName: 'Jess' }), stored)).toBe(true)
    // Typed preferred name is the stored first name.
    expect(matches(typed({ firstName: 'Jessica', preferredName: 'jessamy' }), stored)).toBe(true)
    // Both sides' preferred names agree.
    expect(matches(typed({ firstName: 'Jessica', preferredName: 'JESS' }), stored)).toBe(true)
    expect(matches(typed({ firstName: 'Jess' }), { ...stored, preferredName: null })).toBe(false)
  })

  test('a different date of birth, surname or first name never matches', () => {
    expect(matches(typed({ dateOfBirth: new Date('2011-06-16T00:00:00Z') }), stored)).toBe(false)
    expect(matches(typed({ dateOfBirth: null }), stored)).toBe(false)
    expect(matches(typed({ lastName: 'Smyth' }), stored)).toBe(false)
    expect(matches(typed({ firstName: 'Jasmine' }), stored)).toBe(false)
  })

  test('never a partial name: a shortened surname or a first-name prefix is a different name', () => {
    expect(matches(typed({ lastName: 'Smi' }), stored)).toBe(false)
    expect(matches(typed({ lastName: 'Smithson' }), stored)).toBe(false)
    expect(matches(typed({ firstName: 'Jes' }), stored)).toBe(false)
    expect(matches(typed({ firstName: 'Jessa' }), stored)).toBe(false)
    expect(matches(typed({ firstName: '', preferredName: '' }), stored)).toBe(false)
    expect(matches(typed({ lastName: '  ' }), { ...stored, lastName: '' })).toBe(false)
  })
})

describe('reference from a partner', () => {
  test('the victim’s own Waypoint reference, in any case and spacing', () => {
    expect(matchReasons(typed({ firstName: 'Other', partnerReference: ' v-2026-0123 ' }), stored)).toEqual(['reference'])
    expect(matches(typed({ firstName: 'Other', partnerReference: 'V-2026-012' }), stored)).toBe(false)
  })

  test('the crime reference or CPS URN of any case the victim is on', () => {
    const other = { firstName: 'Other', lastName: 'Person' }
    expect(matches(typed({ ...other, partnerReference: 'nm/25/000771' }), stored)).toBe(true)
    expect(matches(typed({ ...other, partnerReference: '42 nm 09583 26' }), stored)).toBe(true)
    expect(matches(typed({ ...other, partnerReference: 'NM/26/00451' }), stored)).toBe(false)
    expect(matches(typed({ ...other, partnerReference: '42NM095832' }), stored)).toBe(false)
    expect(matches(typed({ ...other, partnerReference: '   ' }), stored)).toBe(false)
  })

  test('each kind is compared in the form its column stores', () => {
    expect(referenceKeys(' nm/26/004517 ')).toEqual({ victimReference: 'NM/26/004517', crimeReference: 'NM/26/004517', cpsUrn: null })
    expect(referenceKeys('42 nm 0958326')).toEqual({ victimReference: '42NM0958326', crimeReference: '42NM0958326', cpsUrn: '42NM0958326' })
    expect(referenceKeys('')).toBeNull()
  })
})

describe('properties', () => {
  const word = fc.stringMatching(/^[A-Za-z][a-z'-]{1,11}$/)
  const spacing = fc.constantFrom('', ' ', '  ', '\t')
  const recase = (s: string, upper: boolean[]) => [...s].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('')
  const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2025, 11, 31) }).map((t) => new Date(Math.floor(t / 86_400_000) * 86_400_000))

  const child = fc.record({ first: word, last: word, preferred: fc.option(word, { nil: null }), dob: day })
  const asStored = (c: { first: string; last: string; preferred: string | null; dob: Date }): StoredIdentity => ({
    reference: 'V-2026-0001',
    firstName: c.first,
    lastName: c.last,
    preferredName: c.preferred,
    dateOfBirth: c.dob,
    cases: [],
  })

  test('however it is cased and spaced, the same name and date of birth match', () => {
    fc.assert(
      fc.property(child, spacing, spacing, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (c, before, after, upper) => {
        const retyped = typed({ firstName: `${before}${recase(c.first, upper)}${after}`, lastName: `${after}${recase(c.last, upper)}${before}`, dateOfBirth: c.dob })
        expect(matches(retyped, asStored(c))).toBe(true)
      }),
    )
  })

  test('a proper prefix of the surname or first name never matches', () => {
    fc.assert(
      fc.property(child, fc.integer({ min: 1, max: 11 }), fc.boolean(), (c, cut, surname) => {
        const name = surname ? c.last : c.first
        fc.pre(cut < name.length)
        const s = { ...asStored(c), preferredName: null }
        const partial = name.slice(0, cut)
        const t = surname ? typed({ firstName: c.first, lastName: partial, dateOfBirth: c.dob }) : typed({ firstName: partial, lastName: c.last, dateOfBirth: c.dob })
        expect(matches(t, s)).toBe(false)
      }),
    )
  })

  test('a different date of birth never matches on names alone', () => {
    fc.assert(
      fc.property(child, fc.integer({ min: 1, max: 4000 }), (c, days) => {
        const other = new Date(c.dob.getTime() + days * 86_400_000)
        expect(matches(typed({ firstName: c.first, lastName: c.last, preferredName: c.preferred, dateOfBirth: other }), asStored(c))).toBe(false)
      }),
    )
  })
})

describe('a reason for a second record', () => {
  test('required, 10 to 1,000 characters once trimmed', () => {
    expect(duplicateReasonProblem('')).toBe('Enter why a second record is needed')
    expect(duplicateReasonProblem('   short  ')).toMatch(/10 characters or more/)
    expect(duplicateReasonProblem('x'.repeat(1001))).toMatch(/1,000 characters or fewer/)
    expect(duplicateReasonProblem('  Same name and birthday, a different child  ')).toBeNull()
  })
})
