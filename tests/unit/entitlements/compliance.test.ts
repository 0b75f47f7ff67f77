// The compliance page's pure parts: the period and filters from the query string, the status of
// a stored entitlement at an instant (the same as entitlementStatusNow, with "due" split into
// today and later), and the counts shaped by right, rule and owing organisation.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { endOfLondonDay } from '~/domain/calendar/working-days'
import {
  bucketsFromGroups,
  complianceStatusAt,
  drillDownHref,
  owingOrganisationName,
  parseComplianceQuery,
  summarise,
  type BucketCount,
  type GroupKey,
} from '~/domain/entitlements/compliance'
import { entitlementStatusNow } from '~/services/entitlements.server'

const NOW = new Date('2026-12-02T10:00:00Z') // Wednesday 2 December 2026, 10am in London
const q = (s: string) => parseComplianceQuery(new URLSearchParams(s), NOW)
const row = (status: string, dueBy: string) => ({ status, dueBy: new Date(`${dueBy}T00:00:00Z`), dueAt: endOfLondonDay(dueBy) })

describe('the period', () => {
  test('defaults to due dates from 28 days back to 28 days ahead of today in London', () => {
    const r = q('')
    expect(r.period).toEqual({ from: '2026-11-04', to: '2026-12-30' })
    expect(r.errors).toEqual({})
    expect(r.typed.from).toEqual({ day: '4', month: '11', year: '2026' })
    expect(r.page).toBe(1)
  })

  test('today is the London date: just after midnight in summer time is already the next day', () => {
    expect(parseComplianceQuery(new URLSearchParams(), new Date('2026-07-01T23:30:00Z')).period.from).toBe('2026-06-04')
  })

  test('GOV.UK date boxes and ISO dates (as links carry them) both work', () => {
    expect(q('from-day=1&from-month=11&from-year=2026&to-day=30&to-month=11&to-year=2026').period).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(q('from=2026-11-01&to=2026-11-30').period).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    // One end given: the other keeps its default.
    expect(q('to=2027-01-31').period).toEqual({ from: '2026-11-04', to: '2027-01-31' })
  })

  test('a date that is not real is an error next to its field, what was typed is kept, and the default period is used', () => {
    const r = q('from-day=31&from-month=2&from-year=2026')
    expect(r.errors.from).toBe('The start of the period must be a real date')
    expect(r.typed.from).toEqual({ day: '31', month: '2', year: '2026' })
    expect(r.period).toEqual({ from: '2026-11-04', to: '2026-12-30' })
    expect(q('to-day=3&to-year=2026').errors.to).toBe('The end of the period must include a month')
    expect(q('from=2026-02-30').errors.from).toBe('The start of the period must be a real date')
  })

  test('the end before the start is an error on the end', () => {
    const r = q('from=2026-12-10&to-day=9&to-month=12&to-year=2026')
    expect(r.errors).toEqual({ to: 'The end of the period must be the same as or after the start' })
    expect(r.typed.to).toEqual({ day: '9', month: '12', year: '2026' })
    expect(q('from=2026-12-10&to=2026-12-10').errors).toEqual({})
  })

  test('filters: known values are kept, anything else is ignored', () => {
    expect(q('status=overdue&right=6&rule=r06_suspect_arrested&org=clx123abc&page=3')).toMatchObject({
      filters: { status: 'overdue', right: 6, rule: 'r06_suspect_arrested', org: 'clx123abc' },
      page: 3,
    })
    expect(q('org=none-probation').filters.org).toBe('none-probation')
    expect(q('status=lost&right=abc&rule=DROP TABLE&org=a%20b&page=-1')).toMatchObject({ filters: {}, page: 1 })
  })

  test('drill-down links keep the period and land on the list', () => {
    expect(drillDownHref({ from: '2026-11-04', to: '2026-12-30' }, { status: 'overdue', right: 6 })).toBe('/compliance?from=2026-11-04&to=2026-12-30&status=overdue&right=6#cases')
  })
})

describe('status at an instant', () => {
  test('met and met late stay so; open rows are overdue from the end of the due day, due today on it', () => {
    expect(complianceStatusAt(row('met', '2026-11-01'), NOW)).toBe('met')
    expect(complianceStatusAt(row('met_late', '2026-11-01'), NOW)).toBe('met_late')
    expect(complianceStatusAt(row('open', '2026-12-01'), NOW)).toBe('overdue')
    expect(complianceStatusAt(row('open', '2026-12-02'), NOW)).toBe('due_today')
    expect(complianceStatusAt(row('open', '2026-12-03'), NOW)).toBe('due_later')
    // In summer the due day ends at 23:00 UTC: at 23:00 it is overdue, a minute before it is due today.
    expect(complianceStatusAt(row('open', '2026-07-01'), new Date('2026-07-01T22:59:00Z'))).toBe('due_today')
    expect(complianceStatusAt(row('open', '2026-07-01'), new Date('2026-07-01T23:00:00Z'))).toBe('overdue')
  })

  test('agrees with entitlementStatusNow for any row and instant (due today and due later are both "due")', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.constantFrom('open', 'met', 'met_late'), day, fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 3, 1) }), (status, dueBy, t) => {
        const r = row(status, dueBy)
        const now = new Date(t)
        const ours = complianceStatusAt(r, now)
        expect(ours === 'due_today' || ours === 'due_later' ? 'due' : ours).toBe(entitlementStatusNow(r, now))
      }),
    )
  })
})

const key = (ruleId: string, right: number, owedBy: string, org: string | null): GroupKey => ({ ruleSetId: 'code-2020', ruleId, right, owedBy, owedByOrganisationId: org })

describe('counting', () => {
  const arrest = key('r06_suspect_arrested', 6, 'police', 'police-1')
  const charge = key('r06_charge_decision', 6, 'police', 'police-1')
  const hearing = key('r08_hearing_dates', 8, 'witness_care', 'wcu-1')
  const vlo = key('r11_vlo_first_contact', 11, 'probation', null)

  test('open rows split into overdue, due today and due later; met rows are counted as stored', () => {
    const buckets = bucketsFromGroups(
      [
        { ...arrest, status: 'open', count: 5 },
        { ...arrest, status: 'met', count: 2 },
        { ...arrest, status: 'met_late', count: 1 },
        { ...hearing, status: 'open', count: 1 },
      ],
      [{ ...arrest, count: 3 }],
      [{ ...arrest, count: 1 }, { ...hearing, count: 1 }],
    )
    const of = (k: GroupKey) => Object.fromEntries(buckets.filter((b) => b.ruleId === k.ruleId).map((b) => [b.status, b.count]))
    expect(of(arrest)).toEqual({ met: 2, met_late: 1, overdue: 3, due_today: 1, due_later: 1 })
    expect(of(hearing)).toEqual({ due_today: 1 })
  })

  test('by right (each with its rules), by organisation (no-organisation rows last), and totals', () => {
    const buckets: BucketCount[] = [
      { ...arrest, status: 'overdue', count: 2 },
      { ...charge, status: 'met', count: 4 },
      { ...hearing, status: 'met_late', count: 1 },
      { ...vlo, status: 'due_later', count: 3 },
    ]
    const names = new Map([
      ['police-1', 'Northmoor Police'],
      ['wcu-1', 'Dalebridge Witness Care Unit'],
    ])
    const s = summarise(buckets, names, (_set, id) => `summary of ${id}`)
    expect(s.totals).toEqual({ due_today: 0, due_later: 3, overdue: 2, met: 4, met_late: 1, total: 10 })
    expect(s.byRight.map((r) => [r.right, r.tally.total])).toEqual([
      [6, 6],
      [8, 1],
      [11, 3],
    ])
    expect(s.byRight[0]!.rules.map((r) => [r.ruleId, r.summary, r.tally.total])).toEqual([
      ['r06_charge_decision', 'summary of r06_charge_decision', 4],
      ['r06_suspect_arrested', 'summary of r06_suspect_arrested', 2],
    ])
    expect(s.byOrganisation.map((o) => [o.key, o.name, o.tally.total])).toEqual([
      ['wcu-1', 'Dalebridge Witness Care Unit', 1],
      ['police-1', 'Northmoor Police', 6],
      ['none-probation', 'Probation (no organisation on the case)', 3],
    ])
  })

  test('a part with no organisation on the case is named by who owes it', () => {
    expect(owingOrganisationName({ owedBy: 'cps', owedByOrganisationId: null }, new Map())).toBe('CPS (no organisation on the case)')
  })

  test('counts are conserved: every open row lands in exactly one of overdue, due today, due later', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (overdue, today, later) => {
        const open = overdue + today + later
        const b = bucketsFromGroups([{ ...arrest, status: 'open', count: open }], overdue ? [{ ...arrest, count: overdue }] : [], today ? [{ ...arrest, count: today }] : [])
        expect(summarise(b, new Map(), () => '').totals).toMatchObject({ overdue, due_today: today, due_later: later, total: open })
      }),
    )
  })
})
