// Pure statistics for the prosecution case review dashboard: Wilson score intervals,
// small-number suppression with secondary suppression, quantiles and Europe/London quarters.
// No database, no clock: callers pass everything in. See docs/review-dashboard.md.
import { endOfLondonDay, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'

// ---------------------------------------------------------------------------------------------
// Wilson score interval
// ---------------------------------------------------------------------------------------------

/** The 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
export const Z_95 = 1.959964

export interface Interval {
  lower: number
  upper: number
}

/**
 * The Wilson score interval for a proportion `successes / n` (Wilson 1927; recommended over the
 * normal 'Wald' interval by Brown, Cai & DasGupta 2001 because it stays inside [0, 1] and keeps its
 * coverage for small n and proportions near 0 or 1). Returns null when n is 0 (no proportion).
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, not ${n}`)
  if (!Number.isInteger(successes) || successes < 0 || successes > n)
    throw new RangeError(`successes must be a whole number from 0 to n (${n}), not ${successes}`)
  if (n === 0) return null
  const p = successes / n
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator
  // Exact bounds at the edges (the formula gives them up to floating-point noise).
  const lower = successes === 0 ? 0 : Math.max(0, centre - half)
  const upper = successes === n ? 1 : Math.min(1, centre + half)
  return { lower, upper }
}

// ---------------------------------------------------------------------------------------------
// Small-number suppression
// ---------------------------------------------------------------------------------------------
//
// Primary suppression: a count with 0 < value < threshold is withheld. True zeros are SHOWN (the
// ONS convention: a zero discloses nothing about any person, and hiding zeros makes tables useless).
// Totals are counts too: a total under the threshold is also withheld.
//
// Secondary (complementary) suppression: a table publishes equations — each row's cells add up to
// its row total, each column's to its column total, all cells and all row (or column) totals to the
// grand total. If any equation has exactly ONE withheld term, that term can be recovered by
// subtraction. So while some equation has exactly one withheld term, one more of its published
// terms is withheld: the smallest non-zero cell (least information lost), else the total, else a
// zero cell. Repeat to a fixed point. At the fixed point no equation has exactly one unknown, so no
// withheld value can be recovered from any single row, column or total (and none by chaining
// equations one after another, since each step of such a chain needs an equation with one unknown).

/** 0 < value < threshold: too small to publish. */
export const isSmall = (value: number, threshold: number) => value > 0 && value < threshold

interface Equation {
  /** indices of the addends */
  terms: number[]
  /** index of the sum */
  total: number
}

/** Withholds, in place, until no equation has exactly one withheld term. */
function secondarySuppression(values: readonly number[], withheld: boolean[], equations: readonly Equation[]): void {
  for (;;) {
    const open = equations.find((eq) => [...eq.terms, eq.total].filter((i) => withheld[i]).length === 1)
    if (!open) return
    const published = open.terms.filter((i) => !withheld[i])
    const smallestNonZero = published.filter((i) => values[i] !== 0).sort((a, b) => values[a]! - values[b]! || a - b)[0]
    const next = smallestNonZero ?? (!withheld[open.total] ? open.total : published[0])
    // An equation with one withheld term always has another published term to withhold.
    withheld[next!] = true
  }
}

export interface SuppressedTable {
  cells: (number | null)[][]
  rowTotals: (number | null)[]
  columnTotals: (number | null)[]
  grandTotal: number | null
}

/**
 * Suppresses a two-way table of counts (rows × columns, all rows the same length) with its row,
 * column and grand totals. null means "withheld". See the rules above.
 */
export function suppressTable(cells: readonly (readonly number[])[], threshold: number): SuppressedTable {
  const rows = cells.length
  const columns = rows === 0 ? 0 : cells[0]!.length
  for (const row of cells) {
    if (row.length !== columns) throw new RangeError('Every row of the table must have the same number of columns')
    for (const value of row) if (!Number.isInteger(value) || value < 0) throw new RangeError(`Counts must be whole numbers ≥ 0, not ${value}`)
  }
  // One flat list of values: cells (row-major), then row totals, column totals and the grand total.
  const cell = (r: number, c: number) => r * columns + c
  const rowTotal = (r: number) => rows * columns + r
  const columnTotal = (c: number) => rows * columns + rows + c
  const grand = rows * columns + rows + columns
  const values: number[] = []
  for (const row of cells) values.push(...row)
  for (const row of cells) values.push(row.reduce((a, b) => a + b, 0))
  for (let c = 0; c < columns; c++) values.push(cells.reduce((sum, row) => sum + row[c]!, 0))
  values.push(cells.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0))

  const range = (n: number) => Array.from({ length: n }, (_, i) => i)
  const equations: Equation[] = [
    ...range(rows).map((r) => ({ terms: range(columns).map((c) => cell(r, c)), total: rowTotal(r) })),
    ...range(columns).map((c) => ({ terms: range(rows).map((r) => cell(r, c)), total: columnTotal(c) })),
    { terms: range(rows).map(rowTotal), total: grand },
    { terms: range(columns).map(columnTotal), total: grand },
    { terms: range(rows * columns), total: grand },
  ]
  const withheld = values.map((v) => isSmall(v, threshold))
  secondarySuppression(values, withheld, equations)
  const show = (i: number) => (withheld[i] ? null : values[i]!)
  return {
    cells: range(rows).map((r) => range(columns).map((c) => show(cell(r, c)))),
    rowTotals: range(rows).map((r) => show(rowTotal(r))),
    columnTotals: range(columns).map((c) => show(columnTotal(c))),
    grandTotal: show(grand),
  }
}

export interface SuppressedCounts<K extends string> {
  counts: Record<K, number | null>
  total: number | null
}

/** Suppresses a one-way breakdown (categories adding up to a published total). */
export function suppressCounts<K extends string>(counts: Readonly<Record<K, number>>, threshold: number): SuppressedCounts<K> {
  const keys = Object.keys(counts) as K[]
  const values = keys.map((k) => counts[k])
  for (const value of values) if (!Number.isInteger(value) || value < 0) throw new RangeError(`Counts must be whole numbers ≥ 0, not ${value}`)
  values.push(values.reduce((a, b) => a + b, 0))
  const total = keys.length
  const withheld = values.map((v) => isSmall(v, threshold))
  secondarySuppression(values, withheld, [{ terms: keys.map((_, i) => i), total }])
  return {
    counts: Object.fromEntries(keys.map((k, i) => [k, withheld[i] ? null : values[i]])) as Record<K, number | null>,
    total: withheld[total] ? null : values[total]!,
  }
}

// ---------------------------------------------------------------------------------------------
// Quantiles
// ---------------------------------------------------------------------------------------------

export interface Quantiles {
  n: number
  min: number
  q1: number
  median: number
  q3: number
  max: number
}

/**
 * The p-quantile of sorted values by linear interpolation between order statistics: Hyndman & Fan
 * type 7, the default of R's quantile(), NumPy's percentile() and Excel's PERCENTILE.INC.
 * h = (n − 1)p; the result is x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) (0-based).
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('No values')
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

/** Five-number summary (type 7 quartiles, see quantileSorted); null for no values. */
export function quantiles(values: readonly number[]): Quantiles | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
  }
}

// ---------------------------------------------------------------------------------------------
// Quarters (calendar quarters of the Europe/London date)
// ---------------------------------------------------------------------------------------------

/** '2026-Q3' */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`

const QUARTER = /^(\d{4})-Q([1-4])$/

export const isQuarter = (value: string): value is Quarter => QUARTER.test(value)

/** The calendar quarter of an instant's Europe/London date (or of an ISO date). */
export function toQuarter(date: Date | IsoDate): Quarter {
  const iso = typeof date === 'string' ? date : londonDateOf(date)
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7))
  return `${year}-Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`
}

export interface QuarterRange {
  quarter: Quarter
  /** First London date of the quarter. */
  firstDay: IsoDate
  /** Last London date of the quarter. */
  lastDay: IsoDate
  /** The first instant of the quarter (midnight London time). */
  start: Date
  /** The first instant after the quarter (exclusive). */
  end: Date
}

const pad = (n: number) => String(n).padStart(2, '0')

export function quarterRange(quarter: Quarter): QuarterRange {
  const match = QUARTER.exec(quarter)
  if (!match) throw new RangeError(`Not a quarter: ${quarter}`)
  const year = Number(match[1])
  const q = Number(match[2])
  const firstMonth = (q - 1) * 3 + 1
  const lastMonth = firstMonth + 2
  const lastDate = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate()
  const firstDay = `${year}-${pad(firstMonth)}-01`
  const lastDay = `${year}-${pad(lastMonth)}-${pad(lastDate)}`
  const previousDay = new Date(Date.UTC(year, firstMonth - 1, 0)).toISOString().slice(0, 10)
  return { quarter, firstDay, lastDay, start: endOfLondonDay(previousDay), end: endOfLondonDay(lastDay) }
}

export function nextQuarter(quarter: Quarter): Quarter {
  const match = QUARTER.exec(quarter)
  if (!match) throw new RangeError(`Not a quarter: ${quarter}`)
  const year = Number(match[1])
  const q = Number(match[2])
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${(q + 1) as 2 | 3 | 4}`
}

/** Every quarter from the one holding `from` to the one holding `to`, in order (empty if from > to). */
export function quartersBetween(from: Date | IsoDate, to: Date | IsoDate): Quarter[] {
  const last = toQuarter(to)
  const out: Quarter[] = []
  for (let q = toQuarter(from); out.length < 400; q = nextQuarter(q)) {
    if (q > last) break
    out.push(q)
    if (q === last) break
  }
  return out
}

/** Human label: 'July to September 2026'. */
export function quarterLabel(quarter: Quarter): string {
  const names = ['January to March', 'April to June', 'July to September', 'October to December']
  const match = QUARTER.exec(quarter)
  if (!match) throw new RangeError(`Not a quarter: ${quarter}`)
  return `${names[Number(match[2]) - 1]} ${match[1]}`
}

/**
 * Suppresses the counts of an attrition funnel (nested stages, each a subset of the one before).
 * Publishing two stage counts publishes their difference (the cases lost between them), so besides
 * withholding small stage counts, a stage is withheld while its difference from the last published
 * stage before it is small (0 < difference < threshold). Repeats until no published pair gives a
 * small difference. Counts must not increase from stage to stage.
 */
export function suppressFunnel(counts: readonly number[], threshold: number): (number | null)[] {
  counts.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`Counts must be whole numbers ≥ 0, not ${c}`)
    if (i > 0 && c > counts[i - 1]!) throw new RangeError('A funnel stage cannot hold more cases than the stage before it')
  })
  const withheld = counts.map((c) => isSmall(c, threshold))
  let previous: number | null = null
  for (let i = 0; i < counts.length; i++) {
    if (withheld[i]) continue
    if (previous !== null && isSmall(counts[previous]! - counts[i]!, threshold)) withheld[i] = true
    else previous = i
  }
  return counts.map((c, i) => (withheld[i] ? null : c))
}
