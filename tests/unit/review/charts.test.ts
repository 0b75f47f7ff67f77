// The review dashboard's charts render on the server: each is a figure whose SVG has an accessible
// name (title + desc via aria-labelledby) and a table alternative with the same numbers.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { BarChart, DistributionChart, FunnelChart, TrendChart, niceTicks } from '~/components/charts'
import { quantiles } from '~/domain/review/stats'

function parts(html: string, id: string) {
  const svg = /<svg[^>]*>/.exec(html)?.[0] ?? ''
  const title = new RegExp(`<title id="${id}-title">([^<]*)</title>`).exec(html)?.[1]
  const desc = new RegExp(`<desc id="${id}-desc">([^<]*)</desc>`).exec(html)?.[1]
  const details = /<details[\s\S]*<\/details>/.exec(html)?.[0] ?? ''
  const cells = [...details.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1])
  return { svg, title, desc, details, cells }
}

function expectAccessible(html: string, id: string, title: string) {
  const p = parts(html, id)
  expect(html.startsWith('<figure')).toBe(true)
  expect(p.svg).toContain('role="img"')
  expect(p.svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`)
  expect(p.title).toBe(title)
  expect(p.desc).toBeTruthy()
  expect(p.details).toContain('Show the data as a table')
  expect(p.details).toContain('<table class="govuk-table">')
  expect(p.details).toContain(`<caption class="govuk-table__caption govuk-table__caption--s">${title}</caption>`)
  return p
}

describe('FunnelChart', () => {
  test('names the chart and lists every stage with its count and share in the table', () => {
    const html = renderToStaticMarkup(
      createElement(FunnelChart, {
        id: 'funnel',
        title: 'Attrition',
        description: 'Of 40 cases reported, 10 were charged.',
        stages: [
          { label: 'Reported', count: 40 },
          { label: 'Charged', count: 10 },
          { label: 'Convicted', count: null },
        ],
      }),
    )
    const p = expectAccessible(html, 'funnel', 'Attrition')
    expect(p.cells).toEqual(['Stage', 'Cases', 'Share of reported', 'Reported', '40', '100%', 'Charged', '10', '25%', 'Convicted', 'withheld', '–'])
    // The chart itself carries the numbers as text too.
    expect(html).toContain('10 (25%)')
    expect(html).toContain('>withheld<')
  })
})

describe('BarChart', () => {
  test('shares with Wilson whiskers', () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        id: 'factor',
        title: 'Intermediary used',
        description: 'Successful outcomes with and without an intermediary.',
        format: 'percent',
        valueHeader: 'Successful',
        detailHeader: 'Cases',
        bars: [
          { label: 'With', value: 0.8, interval: { lower: 0.4902, upper: 0.9433 }, detail: '8 of 10' },
          { label: 'Without', value: null, interval: null, detail: 'withheld' },
        ],
      }),
    )
    const p = expectAccessible(html, 'factor', 'Intermediary used')
    expect(p.cells).toEqual([
      'Category',
      'Successful',
      '95% confidence interval',
      'Cases',
      'With',
      '80%',
      '49% to 94%',
      '8 of 10',
      'Without',
      'withheld',
      '–',
      'withheld',
    ])
  })

  test('counts', () => {
    const html = renderToStaticMarkup(createElement(BarChart, { id: 'o', title: 'Outcomes', description: 'd', bars: [{ label: 'Convicted', value: 1234 }] }))
    expect(expectAccessible(html, 'o', 'Outcomes').cells).toEqual(['Category', 'Value', 'Convicted', '1,234'])
  })
})

describe('DistributionChart', () => {
  test('median, quartiles and range per interval', () => {
    const html = renderToStaticMarkup(
      createElement(DistributionChart, {
        id: 'days',
        title: 'Days between stages',
        description: 'd',
        rows: [
          { label: 'Report to charge', summary: quantiles([10, 20, 30, 40]) },
          { label: 'Charge to trial', summary: null },
        ],
      }),
    )
    const p = expectAccessible(html, 'days', 'Days between stages')
    expect(p.cells.slice(7)).toEqual(['Report to charge', '4', '25', '17.5', '32.5', '10', '40', 'Charge to trial', 'too few', '–', '–', '–', '–', '–'])
    expect(html).toContain('median 25 days')
  })
})

describe('TrendChart', () => {
  test('one column per series, one row per quarter', () => {
    const html = renderToStaticMarkup(
      createElement(TrendChart, {
        id: 'trend',
        title: 'By quarter',
        description: 'd',
        quarters: ['2026 Q1', '2026 Q2', '2026 Q3'],
        series: [
          { name: 'Reported', values: [12, 15, 9] },
          { name: 'Convicted', values: [5, null, 6] },
        ],
      }),
    )
    const p = expectAccessible(html, 'trend', 'By quarter')
    expect(p.cells).toEqual(['Quarter', 'Reported', 'Convicted', '2026 Q1', '12', '5', '2026 Q2', '15', 'withheld', '2026 Q3', '9', '6'])
    expect(html).toContain('A gap in a line is a withheld count.')
  })
})

test('niceTicks', () => {
  expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40])
  expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4])
  expect(niceTicks(0)).toEqual([0, 1])
  expect(niceTicks(1)).toEqual([0, 1])
  expect(niceTicks(1, 5, false)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
  expect(niceTicks(3, 4)).toEqual([0, 1, 2, 3])
})
