import type { ReactNode } from 'react'

// Shared frame for the review dashboard's charts (server-rendered SVG, no chart library):
// - <figure> with a visible heading (the figcaption) and an <svg role="img"> named by its <title>
//   and described by its <desc> (aria-labelledby on both, the pattern that works across screen readers);
// - GOV.UK colours with text labels on every mark, so nothing is told by colour alone;
// - a <details> "Show the data as a table" with a GOV.UK table holding the same numbers.

/** GOV.UK colour palette (govuk-frontend _colours-palette). */
export const CHART_COLOURS = {
  text: '#0b0c0c',
  secondaryText: '#484949',
  blue: '#1d70b8',
  darkBlue: '#003078',
  lightBlue: '#5694ca',
  green: '#00703c',
  orange: '#f47738',
  midGrey: '#b1b4b6',
  lightGrey: '#f3f2f1',
} as const

/** 16px minimum in the SVG's own units (it is drawn at up to its natural width). */
export const CHART_FONT = { size: 16, small: 14, family: '"GDS Transport", arial, sans-serif' } as const

export const WITHHELD = 'withheld'

export interface DataColumn {
  header: string
  numeric?: boolean
}

export interface ChartFigureProps {
  /** Unique on the page; the ids of the title, desc and table derive from it. */
  id: string
  title: string
  /** A sentence or two saying what the chart shows (its main finding, for screen readers). */
  description: string
  width: number
  height: number
  children: ReactNode
  table: { columns: readonly DataColumn[]; rows: readonly (readonly ReactNode[])[] }
  /** Notes under the chart (e.g. the suppression rule), shown to everyone. */
  notes?: ReactNode
}

export function ChartFigure({ id, title, description, width, height, children, table, notes }: ChartFigureProps) {
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-8" data-testid={id}>
      <figcaption className="govuk-heading-m">{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="app-chart"
        fontFamily={CHART_FONT.family}
        fontSize={CHART_FONT.size}
        fill={CHART_COLOURS.text}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {children}
      </svg>
      {notes ? <div className="govuk-body-s govuk-!-margin-top-2">{notes}</div> : null}
      <details className="govuk-details govuk-!-margin-top-4">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Show the data as a table</span>
        </summary>
        <div className="govuk-details__text">
          <DataTable caption={title} columns={table.columns} rows={table.rows} />
        </div>
      </details>
    </figure>
  )
}

export function DataTable({ caption, columns, rows }: { caption: string; columns: readonly DataColumn[]; rows: readonly (readonly ReactNode[])[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c) => (
            <th key={c.header} scope="col" className={`govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row, r) => (
          <tr key={r} className="govuk-table__row">
            {row.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row" className="govuk-table__header">
                  {cell}
                </th>
              ) : (
                <td key={c} className={`govuk-table__cell${columns[c]?.numeric ? ' govuk-table__cell--numeric' : ''}`}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A count as text, or 'withheld' for a suppressed one. */
export const countText = (value: number | null) => (value === null ? WITHHELD : value.toLocaleString('en-GB'))

/** 0.4567 → '46%' */
export const percentText = (share: number, digits = 0) => `${(share * 100).toFixed(digits)}%`

/**
 * Round numbers for an axis from 0 to at least max: about `ticks` steps of 1, 2 or 5 × 10^k
 * (whole-number steps unless `integer` is false: counts and days have no halves).
 */
export function niceTicks(max: number, ticks = 5, integer = true): number[] {
  if (!(max > 0)) return [0, 1]
  const raw = max / ticks
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!
  const step = integer ? Math.max(1, nice) : nice
  const top = Math.ceil(max / step) * step
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)))
}
