import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'

// GOV.UK table with a caption. Sortable columns are plain links (?sort=<key>&dir=asc|desc, back to
// page 1, other filters kept), so sorting works without JavaScript; the server does the sorting.

export interface Column<Row> {
  /** Unique per table. */
  key: string
  header: ReactNode
  cell: (row: Row) => ReactNode
  numeric?: boolean
  /** The value of ?sort= for this column; the column is sortable when set. */
  sortKey?: string
  /** Lets long values such as email addresses wrap inside the cell. */
  wrap?: boolean
  /** e.g. 'one-quarter' → govuk-!-width-one-quarter */
  width?: 'one-quarter' | 'one-third' | 'one-half' | 'two-thirds' | 'three-quarters'
}

export type SortDirection = 'asc' | 'desc'

export interface TableProps<Row> {
  caption: ReactNode
  captionSize?: 's' | 'm' | 'l' | 'xl'
  /** Hides the caption visually (it still names the table for screen readers). */
  captionHidden?: boolean
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** The current sort, from the page's query string. */
  sort?: { by?: string; dir?: SortDirection }
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode
  testId?: string
  /** Extra classes on the table, e.g. app-table--compact. */
  className?: string
  /** An id (for links to a row) and a test id per row. */
  rowAttributes?: (row: Row) => { id?: string; testId?: string }
}

export function Table<Row>({ caption, captionSize = 'm', captionHidden, columns, rows, rowKey, sort, empty, testId, className, rowAttributes }: TableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return (
      <div data-testid={testId}>
        {captionHidden ? null : <h2 className={`govuk-heading-${captionSize}`}>{caption}</h2>}
        <p className="govuk-body">{empty}</p>
      </div>
    )
  }
  return (
    <table className={`govuk-table${className ? ` ${className}` : ''}`} data-testid={testId}>
      <caption className={captionHidden ? 'govuk-visually-hidden' : `govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c) => (
            <HeaderCell key={c.key} column={c} sort={sort} />
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="govuk-table__row" id={rowAttributes?.(row).id} data-testid={rowAttributes?.(row).testId}>
            {columns.map((c) => (
              <td
                key={c.key}
                className={`govuk-table__cell${c.numeric ? ' govuk-table__cell--numeric' : ''}${c.wrap ? ' app-table__cell--wrap' : ''}`}
              >
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function HeaderCell<Row>({ column, sort }: { column: Column<Row>; sort?: { by?: string; dir?: SortDirection } }) {
  const location = useLocation()
  const className = `govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}${column.width ? ` govuk-!-width-${column.width}` : ''}`
  if (!column.sortKey) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    )
  }
  const active = sort?.by === column.sortKey
  const current: SortDirection | undefined = active ? (sort?.dir ?? 'asc') : undefined
  const next: SortDirection = current === 'asc' ? 'desc' : 'asc'
  const params = new URLSearchParams(location.search)
  params.set('sort', column.sortKey)
  params.set('dir', next)
  params.delete('page')
  return (
    <th scope="col" className={className} aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : 'none'}>
      <Link className="govuk-link app-table__sort-link" to={`${location.pathname}?${params.toString()}`}>
        {column.header}
        <span className="govuk-visually-hidden">{`, sort ${next === 'asc' ? 'ascending' : 'descending'}`}</span>
        <span className="app-table__sort-icon" aria-hidden="true">
          {current === 'asc' ? '▲' : current === 'desc' ? '▼' : '⇅'}
        </span>
      </Link>
    </th>
  )
}
