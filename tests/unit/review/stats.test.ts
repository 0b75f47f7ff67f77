import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  quantiles,
  quarterLabel,
  quarterRange,
  quartersBetween,
  suppressCounts,
  suppressFunnel,
  suppressTable,
  toQuarter,
  wilsonInterval,
  type SuppressedTable,
} from '~/domain/review/stats'

describe('wilsonInterval', () => {
  // Reference values: R binom::binom.wilson / statsmodels proportion_confint(method='wilson').
  test.each([
    [0, 10, 0, 0.2775],
    [8, 10, 0.4902, 0.9433],
    [50, 100, 0.4038, 0.5962],
    [1, 1, 0.2065, 1],
    [0, 1, 0, 0.7935],
    [10, 10, 0.7225, 1],
    [3, 7, 0.1582, 0.7495],
    [81, 263, 0.2553, 0.3662],
  ])('%i of %i → [%f, %f]', (s, n, lower, upper) => {
    const interval = wilsonInterval(s, n)!
    expect(interval.lower).toBeCloseTo(lower, 4)
    expect(interval.upper).toBeCloseTo(upper, 4)
  })

  test('no cases, no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  test('a different z (90%)', () => {
    const interval = wilsonInterval(8, 10, 1.644854)!
    expect(interval.lower).toBeCloseTo(0.5408, 4)
    expect(interval.upper).toBeCloseTo(0.9314, 4)
  })

  test('refuses impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError)
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError)
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError)
    expect(() => wilsonInterval(0, -1)).toThrow(RangeError)
  })

  test('always inside [0, 1] and holds the observed proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const { lower, upper } = wilsonInterval(s, n)!
          expect(lower).toBeGreaterThanOrEqual(0)
          expect(upper).toBeLessThanOrEqual(1)
          expect(lower).toBeLessThanOrEqual(s / n + 1e-12)
          expect(upper).toBeGreaterThanOrEqual(s / n - 1e-12)
        },
      ),
    )
  })
})

// ------------------------------------------------------------------------------------------------

/** Every equation a reader of the published table can write: [addends, total]. */
function equations(t: SuppressedTable): (number | null)[][][] {
  const rows = t.cells.length
  const columns = t.columnTotals.length
  const out: (number | null)[][][] = []
  for (let r = 0; r < rows; r++) out.push([t.cells[r]!, [t.rowTotals[r]!]])
  for (let c = 0; c < columns; c++) out.push([t.cells.map((row) => row[c]!), [t.columnTotals[c]!]])
  out.push([t.rowTotals, [t.grandTotal]])
  out.push([t.columnTotals, [t.grandTotal]])
  out.push([t.cells.flat(), [t.grandTotal]])
  return out
}

const unknowns = ([terms, total]: (number | null)[][]) => [...terms!, ...total!].filter((v) => v === null).length

const tableArb = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([rows, columns]) =>
  fc.array(
    fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 200 })), {
      minLength: columns,
      maxLength: columns,
    }),
    {
      minLength: rows,
      maxLength: rows,
    },
  ),
)

describe('suppressTable', () => {
  test('shows a table with no small numbers as it is', () => {
    const t = suppressTable(
      [
        [10, 0],
        [7, 25],
      ],
      5,
    )
    expect(t).toEqual({
      cells: [
        [10, 0],
        [7, 25],
      ],
      rowTotals: [10, 32],
      columnTotals: [17, 25],
      grandTotal: 42,
    })
  })

  test('true zeros are shown; a small cell takes the next smallest of its row and column with it', () => {
    const t = suppressTable(
      [
        [3, 20, 0],
        [12, 30, 9],
        [15, 8, 40],
      ],
      5,
    )
    // 3 is small. Row 0 then has one unknown: the smallest other non-zero cell is 20.
    // Column 0 has one unknown: 12 goes. Column 1 (20 withheld) : 8 goes. Row 1 (12 withheld): 9 goes …
    expect(t.cells[0]![0]).toBeNull()
    expect(t.cells[0]![2]).toBe(0)
    for (const eq of equations(t)) expect(unknowns(eq)).not.toBe(1)
    expect(t.grandTotal).toBe(137)
  })

  test('a small total is withheld too', () => {
    const t = suppressTable([[2, 0]], 5)
    expect(t.cells).toEqual([[null, 0]])
    expect(t.rowTotals).toEqual([null])
    expect(t.grandTotal).toBeNull()
    for (const eq of equations(t)) expect(unknowns(eq)).not.toBe(1)
  })

  test('a 2 × 2 table with one small cell loses every cell but keeps what cannot give it away', () => {
    const t = suppressTable(
      [
        [2, 30],
        [40, 50],
      ],
      5,
    )
    expect(t.cells).toEqual([
      [null, null],
      [null, null],
    ])
    expect(t.rowTotals).toEqual([32, 90])
    expect(t.columnTotals).toEqual([42, 80])
    expect(t.grandTotal).toBe(122)
  })

  test('refuses ragged rows and negative counts', () => {
    expect(() => suppressTable([[1, 2], [3]], 5)).toThrow(RangeError)
    expect(() => suppressTable([[-1]], 5)).toThrow(RangeError)
  })

  test('an empty table', () => {
    expect(suppressTable([], 5)).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: 0 })
  })

  test('property: no withheld value is the only unknown of any row, column or total equation', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 10 }), (cells, threshold) => {
        const t = suppressTable(cells, threshold)
        for (const eq of equations(t)) expect(unknowns(eq)).not.toBe(1)
      }),
      { numRuns: 500 },
    )
  })

  test('property: every small count is withheld, published values are the true ones, zeros are shown', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 10 }), (cells, threshold) => {
        const t = suppressTable(cells, threshold)
        cells.forEach((row, r) =>
          row.forEach((value, c) => {
            const shown = t.cells[r]![c]
            if (value > 0 && value < threshold) expect(shown).toBeNull()
            else if (shown !== null) expect(shown).toBe(value)
          }),
        )
        const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0))
        rowTotals.forEach((total, r) => {
          const shown = t.rowTotals[r]
          if (shown !== null) expect(shown).toBe(total)
          if (total > 0 && total < threshold) expect(shown).toBeNull()
        })
        const grand = rowTotals.reduce((a, b) => a + b, 0)
        if (t.grandTotal !== null) expect(t.grandTotal).toBe(grand)
      }),
      { numRuns: 300 },
    )
  })

  test('property: a table without small numbers is published whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 100 })), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (cells) => {
          const t = suppressTable(cells, 5)
          expect(t.cells).toEqual(cells)
        },
      ),
    )
  })
})

describe('suppressCounts', () => {
  test('nothing small, nothing withheld', () => {
    expect(suppressCounts({ charged: 12, nfa: 30, other: 0 }, 5)).toEqual({ counts: { charged: 12, nfa: 30, other: 0 }, total: 42 })
  })

  test('one small count takes the next smallest non-zero count with it', () => {
    expect(suppressCounts({ a: 3, b: 40, c: 9, d: 0 }, 5)).toEqual({ counts: { a: null, b: 40, c: null, d: 0 }, total: 52 })
  })

  test('two small counts protect each other', () => {
    expect(suppressCounts({ a: 3, b: 40, c: 2 }, 5)).toEqual({ counts: { a: null, b: 40, c: null }, total: 45 })
  })

  test('one small count and only zeros beside it: the total goes', () => {
    expect(suppressCounts({ a: 0, b: 0, c: 0, d: 7, e: 3 }, 5)).toEqual({ counts: { a: 0, b: 0, c: 0, d: null, e: null }, total: 10 })
    expect(suppressCounts({ a: 6, b: 0 }, 7)).toEqual({ counts: { a: null, b: 0 }, total: null })
  })

  test('property: never exactly one unknown among the counts and their total', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 30 })),
        fc.integer({ min: 1, max: 10 }),
        (counts, threshold) => {
          const { counts: shown, total } = suppressCounts(counts, threshold)
          const withheld = [...Object.values(shown), total].filter((v) => v === null).length
          expect(withheld).not.toBe(1)
          for (const [k, v] of Object.entries(counts)) {
            if (v > 0 && v < threshold) expect(shown[k]).toBeNull()
            else if (shown[k] !== null) expect(shown[k]).toBe(v)
          }
        },
      ),
    )
  })
})

describe('quantiles (type 7)', () => {
  test('no values', () => {
    expect(quantiles([])).toBeNull()
  })

  test('one value', () => {
    expect(quantiles([4])).toEqual({ n: 1, min: 4, q1: 4, median: 4, q3: 4, max: 4 })
  })

  test.each([
    // R: quantile(c(...), type = 7)
    [[1, 2, 3, 4], { n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 }],
    [[7, 1, 3, 5, 9], { n: 5, min: 1, q1: 3, median: 5, q3: 7, max: 9 }],
    [[10, 20], { n: 2, min: 10, q1: 12.5, median: 15, q3: 17.5, max: 20 }],
    [[3, 3, 3, 100, 2, 40], { n: 6, min: 2, q1: 3, median: 3, q3: 30.75, max: 100 }],
  ])('%j', (values, expected) => {
    expect(quantiles(values)).toEqual(expected)
  })

  test('ignores values that are not finite numbers', () => {
    expect(quantiles([Number.NaN, 2, Number.POSITIVE_INFINITY])?.n).toBe(1)
  })

  test('property: min ≤ q1 ≤ median ≤ q3 ≤ max, and the order of the input does not matter', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const q = quantiles(values)!
        expect(q.min).toBeLessThanOrEqual(q.q1)
        expect(q.q1).toBeLessThanOrEqual(q.median)
        expect(q.median).toBeLessThanOrEqual(q.q3)
        expect(q.q3).toBeLessThanOrEqual(q.max)
        expect(quantiles([...values].reverse())).toEqual(q)
      }),
    )
  })
})

describe('quarters', () => {
  test.each([
    ['2026-01-01T00:00:00Z', '2026-Q1'],
    ['2026-03-31T22:59:59Z', '2026-Q1'], // 23:59:59 BST on 31 March
    ['2026-03-31T23:00:00Z', '2026-Q2'], // midnight BST: 1 April in London
    ['2026-09-30T23:30:00Z', '2026-Q4'],
    ['2026-12-31T23:59:59Z', '2026-Q4'], // GMT
    ['2027-01-01T00:00:00Z', '2027-Q1'],
  ])('%s is in %s', (instant, quarter) => {
    expect(toQuarter(new Date(instant))).toBe(quarter)
  })

  test('an ISO date', () => {
    expect(toQuarter('2026-08-15')).toBe('2026-Q3')
  })

  test('quarter ranges are London days, the end exclusive', () => {
    expect(quarterRange('2026-Q3')).toEqual({
      quarter: '2026-Q3',
      firstDay: '2026-07-01',
      lastDay: '2026-09-30',
      start: new Date('2026-06-30T23:00:00Z'),
      end: new Date('2026-09-30T23:00:00Z'),
    })
    expect(quarterRange('2026-Q1')).toMatchObject({
      firstDay: '2026-01-01',
      lastDay: '2026-03-31',
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-03-31T23:00:00Z'),
    })
    expect(quarterRange('2024-Q1').lastDay).toBe('2024-03-31')
    expect(quarterRange('2026-Q4')).toMatchObject({ lastDay: '2026-12-31', end: new Date('2027-01-01T00:00:00Z') })
  })

  test('quarters between two dates', () => {
    expect(quartersBetween('2025-11-29', '2026-11-29')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    expect(quartersBetween('2026-05-01', '2026-05-02')).toEqual(['2026-Q2'])
    expect(quartersBetween('2026-05-01', '2025-05-02')).toEqual([])
  })

  test('labels', () => {
    expect(quarterLabel('2026-Q3')).toBe('July to September 2026')
  })

  test('refuses a malformed quarter', () => {
    expect(() => quarterRange('2026-Q5' as never)).toThrow(RangeError)
  })

  test('property: every instant is inside the range of its quarter', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const range = quarterRange(toQuarter(instant))
        expect(instant.getTime()).toBeGreaterThanOrEqual(range.start.getTime())
        expect(instant.getTime()).toBeLessThan(range.end.getTime())
      }),
    )
  })
})

describe('suppressFunnel', () => {
  test('nothing small', () => {
    expect(suppressFunnel([40, 30, 20, 10, 5, 0], 5)).toEqual([40, 30, 20, 10, 5, 0])
  })

  test('a small drop between stages withholds the later stage until the drop is large enough', () => {
    expect(suppressFunnel([40, 38, 30, 29, 10, 10], 5)).toEqual([40, null, 30, null, 10, 10])
    expect(suppressFunnel([40, 37, 36, 35, 20], 5)).toEqual([40, null, null, 35, 20])
  })

  test('small stage counts are withheld', () => {
    expect(suppressFunnel([12, 4, 0], 5)).toEqual([12, null, 0])
  })

  test('refuses a funnel that grows', () => {
    expect(() => suppressFunnel([3, 4], 5)).toThrow(RangeError)
  })

  test('property: no published count and no difference between published counts is small', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 10 }), (steps, threshold) => {
        const counts = steps.map((_, i) => steps.slice(i).reduce((a, b) => a + b, 0))
        const shown = suppressFunnel(counts, threshold)
        const published = shown.filter((v): v is number => v !== null)
        for (const v of published) expect(v > 0 && v < threshold).toBe(false)
        for (let i = 1; i < published.length; i++) {
          const d = published[i - 1]! - published[i]!
          expect(d > 0 && d < threshold).toBe(false)
        }
        shown.forEach((v, i) => v === null || expect(v).toBe(counts[i]))
      }),
    )
  })
})
