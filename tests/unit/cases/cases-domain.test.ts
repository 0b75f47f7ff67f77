import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { caseKindsForActor, fitsCaseAllocation, fitsVictimAllocation, type Person } from '~/domain/cases/allocations'
import { changedFields } from '~/domain/cases/changes'
import { isFutureDate, parseDateParts, todayInLondon } from '~/domain/calendar/date-parts'
import { isSexualCategory, OFFENCE_CATEGORIES } from '~/domain/cases/offences'
import { isCpsUrn, isCrimeReference, normaliseCpsUrn, normaliseCrimeReference } from '~/domain/cases/references'
import { AllocateToCaseSchema, EditCaseSchema, NewCaseSchema } from '~/domain/cases/schemas'
import { letters, nextSuspectLabels, suspectLabel } from '~/domain/cases/suspects'

const errorsOf = (s: { status?: string }) => (s as { error?: Record<string, string[] | null> }).error ?? {}

const form = (entries: [string, string][]) => {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  return fd
}

describe('references', () => {
  test('crime references: letters, digits and slashes', () => {
    expect(normaliseCrimeReference(' nm/26/004517 ')).toBe('NM/26/004517')
    expect(isCrimeReference('NM/26/004517')).toBe(true)
    expect(isCrimeReference('NM//26')).toBe(false)
    expect(isCrimeReference('NM-26-1')).toBe(false)
    expect(isCrimeReference('/NM/26')).toBe(false)
    expect(isCrimeReference('AB')).toBe(false)
  })
  test('CPS URNs: 2 digits, 2 letters, 7 digits', () => {
    expect(normaliseCpsUrn('42 nm 0958326')).toBe('42NM0958326')
    expect(isCpsUrn('42NM0958326')).toBe(true)
    expect(isCpsUrn('42NM095832')).toBe(false)
    expect(isCpsUrn('4ANM0958326')).toBe(false)
  })
})

describe('suspect labels', () => {
  test('letters run A…Z then AA', () => {
    expect(letters(0)).toBe('A')
    expect(letters(25)).toBe('Z')
    expect(letters(26)).toBe('AA')
    expect(letters(27)).toBe('AB')
    expect(suspectLabel(1)).toBe('Suspect B')
  })
  test('next labels skip those in use', () => {
    expect(nextSuspectLabels([], 2)).toEqual(['Suspect A', 'Suspect B'])
    expect(nextSuspectLabels(['Suspect A', 'Suspect C'], 2)).toEqual(['Suspect B', 'Suspect D'])
    expect(nextSuspectLabels(['Suspect A'], 0)).toEqual([])
  })
})

describe('offence categories', () => {
  test('sexual is derived from the category', () => {
    expect(OFFENCE_CATEGORIES).toHaveLength(10)
    expect(isSexualCategory('rape')).toBe(true)
    expect(isSexualCategory('grooming')).toBe(true)
    expect(isSexualCategory('other')).toBe(false)
    expect(isSexualCategory('nonsense')).toBe(false)
  })
})

describe('dates', () => {
  test('real dates only', () => {
    expect(parseDateParts({ day: '29', month: '2', year: '2024' })).toEqual({ ok: true, date: new Date('2024-02-29T00:00:00Z') })
    expect(parseDateParts({ day: '29', month: '2', year: '2025' }, 'the date').ok).toBe(false)
    expect(parseDateParts({}, 'the date')).toEqual({ ok: false, message: 'Enter the date' })
    expect(parseDateParts({ day: '1', year: '2025' }, 'the date')).toEqual({ ok: false, message: 'The date must include a month' })
    expect(parseDateParts({ day: 'x', month: '1', year: '2025' }, 'the date').ok).toBe(false)
  })
  test('future is after today in London', () => {
    const now = new Date('2026-06-30T23:30:00Z') // 00:30 on 1 July in London
    expect(todayInLondon(now).toISOString()).toBe('2026-07-01T00:00:00.000Z')
    expect(isFutureDate(new Date('2026-07-01T00:00:00Z'), now)).toBe(false)
    expect(isFutureDate(new Date('2026-07-02T00:00:00Z'), now)).toBe(true)
  })
})

describe('NewCaseSchema', () => {
  const valid: [string, string][] = [
    ['crimeReference', 'nm/26/000001'],
    ['offences[0].description', 'Sexual activity with a child'],
    ['offences[0].category', 'sexual_activity_with_child'],
    ['offences[0].from.day', '3'],
    ['offences[0].from.month', '2'],
    ['offences[0].from.year', '2025'],
    ['victimIds', 'v1'],
    ['suspectCount', '2'],
  ]
  test('parses a valid form (one checkbox becomes an array; sexual derived)', () => {
    const s = parseWithZod(form(valid), { schema: NewCaseSchema })
    expect(s.status).toBe('success')
    if (s.status !== 'success') return
    expect(s.value.crimeReference).toBe('NM/26/000001')
    expect(s.value.victimIds).toEqual(['v1'])
    expect(s.value.suspectCount).toBe(2)
    expect(s.value.offences[0]).toMatchObject({ sexual: true, committedFrom: new Date('2025-02-03T00:00:00Z'), committedTo: null })
  })
  test('field errors: bad reference, no victim, future date, to before from', () => {
    const next = new Date()
    next.setUTCDate(next.getUTCDate() + 3)
    const s = parseWithZod(
      form([
        ['crimeReference', 'NM 26 #1'],
        ['offences[0].description', 'Grooming'],
        ['offences[0].category', 'grooming'],
        ['offences[0].from.day', String(next.getUTCDate())],
        ['offences[0].from.month', String(next.getUTCMonth() + 1)],
        ['offences[0].from.year', String(next.getUTCFullYear())],
        ['offences[1].description', 'Rape'],
        ['offences[1].category', 'rape'],
        ['offences[1].from.day', '5'],
        ['offences[1].from.month', '5'],
        ['offences[1].from.year', '2025'],
        ['offences[1].to.day', '1'],
        ['offences[1].to.month', '5'],
        ['offences[1].to.year', '2025'],
        ['suspectCount', 'two'],
      ]),
      { schema: NewCaseSchema },
    )
    expect(s.status).toBe('error')
    expect(errorsOf(s).crimeReference?.[0]).toMatch(/letters and numbers/)
    expect(errorsOf(s)['offences[0].from']?.[0]).toMatch(/today or in the past/)
    expect(errorsOf(s)['offences[1].to']?.[0]).toMatch(/after the date the offence started/)
    expect(errorsOf(s).victimIds?.[0]).toMatch(/Select at least one victim/)
    expect(errorsOf(s).suspectCount?.[0]).toBeTruthy()
  })
})

describe('EditCaseSchema and allocations', () => {
  test('URN normalised and checked', () => {
    const ok = parseWithZod(form([['version', '3'], ['cpsUrn', '42 nm 0958326']]), { schema: EditCaseSchema })
    expect(ok.status === 'success' && ok.value).toMatchObject({ version: 3, cpsUrn: '42NM0958326' })
    const bad = parseWithZod(form([['version', '3'], ['cpsUrn', 'NM42']]), { schema: EditCaseSchema })
    expect(errorsOf(bad).cpsUrn?.[0]).toMatch(/correct format/)
  })
  test('allocation start date may not be in the future', () => {
    const s = parseWithZod(
      form([['intent', 'allocate'], ['kind', 'oic'], ['userId', 'u1'], ['start.day', '1'], ['start.month', '1'], ['start.year', '2999']]),
      { schema: AllocateToCaseSchema },
    )
    expect(errorsOf(s).start?.[0]).toMatch(/today or in the past/)
  })
  const c = { policeOrganisationId: 'police', cpsOrganisationId: 'cps', witnessCareOrganisationId: 'wcu' }
  const person = (p: Partial<Person>): Person => ({ id: 'p', role: 'officer', active: true, organisationId: 'police', organisationKind: 'police', ...p })
  test('case allocations come from the right organisations', () => {
    expect(fitsCaseAllocation('oic', person({}), c)).toBe(true)
    expect(fitsCaseAllocation('oic', person({ organisationId: 'other-force' }), c)).toBe(false)
    expect(fitsCaseAllocation('oic', person({ active: false }), c)).toBe(false)
    expect(fitsCaseAllocation('cps_liaison', person({ role: 'cps_liaison', organisationId: 'cps', organisationKind: 'cps' }), c)).toBe(true)
    expect(fitsCaseAllocation('cps_liaison', person({ role: 'cps_liaison', organisationId: 'cps2', organisationKind: 'cps' }), c)).toBe(false)
    expect(fitsCaseAllocation('witness_care', person({ role: 'cps_liaison', organisationId: 'wcu', organisationKind: 'witness_care' }), c)).toBe(true)
  })
  test('each organisation allocates only its own people to a case', () => {
    expect(caseKindsForActor({ organisationId: 'police' }, c)).toEqual(['oic'])
    expect(caseKindsForActor({ organisationId: 'cps' }, c)).toEqual(['cps_liaison'])
    expect(caseKindsForActor({ organisationId: 'wcu' }, c)).toEqual(['witness_care'])
    expect(caseKindsForActor({ organisationId: 'svc' }, c)).toEqual([])
  })
  test('victim allocations: advocates of the actor’s own service', () => {
    const adv = person({ role: 'advocate', organisationId: 'svc', organisationKind: 'voluntary' })
    expect(fitsVictimAllocation('lead_advocate', adv, { organisationId: 'svc' })).toBe(true)
    expect(fitsVictimAllocation('lead_advocate', adv, { organisationId: 'svc2' })).toBe(false)
    expect(fitsVictimAllocation('advocate', person({}), { organisationId: 'police' })).toBe(false)
  })
  test('changed fields', () => {
    const saved = { cpsUrn: '42NM0958326', cpsOrganisationId: null, witnessCareOrganisationId: null, summary: 'A' }
    expect(changedFields(saved, { cpsUrn: '42NM0958326', summary: 'B' })).toEqual(['summary'])
    expect(changedFields(saved, { ...saved, summary: 'A' })).toEqual([])
  })
})
