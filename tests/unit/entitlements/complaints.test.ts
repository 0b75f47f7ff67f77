import { describe, expect, test } from 'vitest'
import {
  changedComplaintFields,
  checkComplaintStages,
  complaintStatusLabel,
  complaintToShow,
  recordComplaintSchema,
  updateComplaintSchema,
} from '~/domain/entitlements/complaints'

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)
const NOW = new Date('2026-11-27T10:00:00Z')
const parts = (iso: string) => {
  const [year, month, day] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

describe('recording a complaint', () => {
  const schema = recordComplaintSchema(NOW)

  test('a received date and a summary are enough', () => {
    const r = schema.safeParse({
      receivedAt: parts('2026-11-20'),
      summary: '  Not told of the arrest for a week. ',
    })
    expect(r.success && r.data).toEqual({
      receivedAt: d('2026-11-20'),
      summary: 'Not told of the arrest for a week.',
    })
  })

  test('today is allowed; tomorrow is in the future', () => {
    expect(schema.safeParse({ receivedAt: parts('2026-11-27'), summary: 'x' }).success).toBe(true)
    const r = schema.safeParse({
      receivedAt: parts('2026-11-28'),
      summary: 'x',
    })
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        path: ['receivedAt'],
        message: 'The date the complaint was received must be today or in the past',
      }),
    ])
  })

  test('"today" is London’s today, not UTC’s', () => {
    const lateInSummer = new Date('2026-06-30T23:30:00Z') // 1 July 00:30 in London
    expect(
      recordComplaintSchema(lateInSummer).safeParse({
        receivedAt: parts('2026-07-01'),
        summary: 'x',
      }).success,
    ).toBe(true)
  })

  test('each field says what is wrong with it, all at once', () => {
    const r = schema.safeParse({
      receivedAt: { day: '31', month: '2', year: '2026' },
      summary: '   ',
    })
    const byPath = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
    expect(byPath).toEqual({
      receivedAt: 'The date the complaint was received must be a real date',
      summary: 'Enter what the complaint is about',
    })
    expect(schema.safeParse({ summary: 'x' }).error?.issues[0]?.message).toBe('Enter the date the complaint was received')
    expect(schema.safeParse({ receivedAt: { day: '3', year: '2026' }, summary: 'x' }).error?.issues[0]?.message).toBe(
      'The date the complaint was received must include a month',
    )
  })

  test('the summary is at most 2,000 characters', () => {
    expect(
      schema.safeParse({
        receivedAt: parts('2026-11-20'),
        summary: 'a'.repeat(2000),
      }).success,
    ).toBe(true)
    expect(
      schema.safeParse({
        receivedAt: parts('2026-11-20'),
        summary: 'a'.repeat(2001),
      }).error?.issues[0]?.message,
    ).toBe('What the complaint is about must be 2,000 characters or fewer')
  })
})

describe('the order of the stages', () => {
  const received = d('2026-11-10')
  const stages = (s: Partial<Parameters<typeof checkComplaintStages>[0]>) =>
    checkComplaintStages(
      {
        receivedAt: received,
        acknowledgedAt: null,
        respondedAt: null,
        outcome: null,
        ...s,
      },
      NOW,
    )

  test('a complaint in order, and one just received, are fine', () => {
    expect(stages({})).toEqual([])
    expect(
      stages({
        acknowledgedAt: received,
        respondedAt: received,
        outcome: 'upheld',
      }),
    ).toEqual([])
    expect(
      stages({
        acknowledgedAt: d('2026-11-11'),
        respondedAt: d('2026-11-25'),
        outcome: 'partly_upheld',
      }),
    ).toEqual([])
  })

  test('acknowledged before it was received', () => {
    expect(stages({ acknowledgedAt: d('2026-11-09') })).toEqual([
      {
        path: 'acknowledgedAt',
        message: 'The date the complaint was acknowledged must be the same as or after the date it was received (10 November 2026)',
      },
    ])
  })

  test('responded without being acknowledged, or before it was', () => {
    expect(stages({ respondedAt: d('2026-11-12') })).toEqual([
      {
        path: 'acknowledgedAt',
        message: expect.stringMatching(/^Enter the date the complaint was acknowledged/),
      },
    ])
    expect(stages({ acknowledgedAt: d('2026-11-12'), respondedAt: d('2026-11-11') })).toEqual([
      {
        path: 'respondedAt',
        message: 'The date of the response must be the same as or after the date the complaint was acknowledged (12 November 2026)',
      },
    ])
  })

  test('an outcome needs a response — except withdrawn, at any stage', () => {
    expect(stages({ acknowledgedAt: d('2026-11-12'), outcome: 'not_upheld' })).toEqual([
      {
        path: 'respondedAt',
        message: expect.stringMatching(/^Enter the date of the response: a complaint is not upheld only once/),
      },
    ])
    expect(stages({ outcome: 'withdrawn' })).toEqual([])
    expect(stages({ acknowledgedAt: d('2026-11-12'), outcome: 'withdrawn' })).toEqual([])
  })

  test('no stage in the future, and a date in the future is not also called out of order', () => {
    expect(stages({ acknowledgedAt: d('2026-11-28') })).toEqual([
      {
        path: 'acknowledgedAt',
        message: 'The date the complaint was acknowledged must be today or in the past',
      },
    ])
    expect(stages({ acknowledgedAt: d('2026-11-28'), respondedAt: d('2026-11-20') })).toEqual([
      {
        path: 'acknowledgedAt',
        message: 'The date the complaint was acknowledged must be today or in the past',
      },
    ])
    expect(
      stages({
        acknowledgedAt: d('2026-11-12'),
        respondedAt: d('2026-12-01'),
        outcome: 'upheld',
      }),
    ).toEqual([
      {
        path: 'respondedAt',
        message: 'The date of the response must be today or in the past',
      },
    ])
  })
})

describe('the stages form', () => {
  const receivedAt = d('2026-11-10')
  const schema = updateComplaintSchema({ receivedAt, now: NOW })

  test('blank dates are stages not reached yet; the version comes back as a number', () => {
    const r = schema.safeParse({
      acknowledgedAt: { day: '', month: '', year: '' },
      version: '3',
    })
    expect(r.success && r.data).toEqual({
      acknowledgedAt: null,
      respondedAt: null,
      outcome: null,
      outcomeNotes: null,
      version: 3,
    })
  })

  test('a full record', () => {
    const r = schema.safeParse({
      acknowledgedAt: parts('2026-11-11'),
      respondedAt: parts('2026-11-24'),
      outcome: 'upheld',
      outcomeNotes: 'Apology sent; reminder to the team.',
      version: '1',
    })
    expect(r.success && r.data).toMatchObject({
      acknowledgedAt: d('2026-11-11'),
      respondedAt: d('2026-11-24'),
      outcome: 'upheld',
      version: 1,
    })
  })

  test('the lifecycle messages land on their fields', () => {
    const r = schema.safeParse({
      acknowledgedAt: parts('2026-11-09'),
      outcome: 'upheld',
      version: '1',
    })
    expect((r.error?.issues ?? []).map((i) => i.path.join('.'))).toEqual(['acknowledgedAt', 'respondedAt'])
  })

  test('notes without an outcome, an unknown outcome, a half-typed date', () => {
    expect(schema.safeParse({ outcomeNotes: 'Some notes', version: '1' }).error?.issues[0]).toMatchObject({ path: ['outcomeNotes'] })
    expect(schema.safeParse({ outcome: 'lost', version: '1' }).error?.issues[0]).toMatchObject({ path: ['outcome'], message: 'Select the outcome' })
    expect(
      schema.safeParse({
        respondedAt: { day: '4', month: '13', year: '2026' },
        version: '1',
      }).error?.issues[0],
    ).toMatchObject({
      path: ['respondedAt'],
      message: 'The date of the response must be a real date',
    })
  })
})

describe('status', () => {
  const base = {
    receivedAt: d('2026-11-10'),
    acknowledgedAt: null,
    respondedAt: null,
    outcome: null,
  }
  test('one label per stage', () => {
    expect(complaintStatusLabel(base)).toBe('Received')
    expect(complaintStatusLabel({ ...base, acknowledgedAt: d('2026-11-11') })).toBe('Acknowledged')
    expect(
      complaintStatusLabel({
        ...base,
        acknowledgedAt: d('2026-11-11'),
        respondedAt: d('2026-11-12'),
      }),
    ).toBe('Responded')
    expect(
      complaintStatusLabel({
        ...base,
        acknowledgedAt: d('2026-11-11'),
        respondedAt: d('2026-11-12'),
        outcome: 'partly_upheld',
      }),
    ).toBe('Closed: Partly upheld')
    expect(complaintStatusLabel({ ...base, outcome: 'withdrawn' })).toBe('Closed: Withdrawn')
  })

  test('beside an entitlement: an open complaint first, then the newest', () => {
    const closed = { ...base, receivedAt: d('2026-11-20'), outcome: 'upheld' }
    const open = { ...base, receivedAt: d('2026-11-01') }
    const newer = { ...base, receivedAt: d('2026-11-05') }
    expect(complaintToShow([closed, open, newer])).toBe(newer)
    expect(complaintToShow([closed])).toBe(closed)
    expect(complaintToShow([])).toBeUndefined()
  })

  test('fields changed, by name', () => {
    const before = {
      acknowledgedAt: null,
      respondedAt: null,
      outcome: null,
      outcomeNotes: null,
    }
    expect(
      changedComplaintFields(before, {
        ...before,
        acknowledgedAt: d('2026-11-11'),
      }),
    ).toEqual(['acknowledgedAt'])
    expect(changedComplaintFields({ ...before, acknowledgedAt: d('2026-11-11') }, { ...before, acknowledgedAt: d('2026-11-11') })).toEqual([])
  })
})

test('"No outcome yet" clears the outcome', () => {
  const r = updateComplaintSchema({
    receivedAt: new Date('2026-11-10T00:00:00Z'),
    now: new Date('2026-11-27T10:00:00Z'),
  }).safeParse({ outcome: 'none', version: '2' })
  expect(r.success && r.data.outcome).toBeNull()
})
