import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { ErrorSummary, TextField } from '~/components/forms'
import { defaultQuarter, parseQuarter, recentQuarters, SUPPRESSED, type Cell, type DatasetSection } from '~/domain/review/dataset'
import { clientIp, requireRole } from '~/services/auth.server'
import { datasetReport } from '~/services/dataset.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Multi-agency data set${data?.dataset ? ` ${data.dataset.quarter.id}` : ''} – Waypoint` },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Access: managers only (the partnership's anonymous counts; see app/services/dataset.server.ts).
  const user = await requireRole(request, ['manager'])
  const now = new Date()
  const typed = new URL(request.url).searchParams.get('quarter')
  const parsed = typed === null ? { ok: true as const, quarter: defaultQuarter(now) } : parseQuarter(typed, now)
  const recent = recentQuarters(now).map((q) => ({ id: q.quarter, label: q.label }))
  if (!parsed.ok) return { typed: typed ?? '', error: parsed.message, dataset: null, recent, preparedAt: now.toISOString() }
  // Showing the report is an export (the printable page): datasetReport audits it with format 'page'.
  const dataset = await datasetReport(user, parsed.quarter, { ip: clientIp(context), format: 'page', now })
  return { typed: parsed.quarter.quarter, error: null, dataset, recent, preparedAt: now.toISOString() }
}

const show = (value: Cell) => (value === null ? SUPPRESSED : value.toLocaleString('en-GB'))

function SectionTable({ section }: { section: DatasetSection }) {
  return (
    <section className="app-dataset__section" aria-labelledby={`${section.id}-heading`} data-testid={`dataset-${section.id}`}>
      <h2 className="govuk-heading-m" id={`${section.id}-heading`}>
        {section.title}
      </h2>
      <p className="govuk-body-s">{section.description}</p>
      {section.rows.length === 0 ? (
        <p className="govuk-body">None in the quarter.</p>
      ) : (
        <table className="govuk-table app-table--compact">
          <caption className="govuk-visually-hidden">{section.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {section.rowHeading}
              </th>
              {section.columns.map((c) => (
                <th key={c} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {[...section.rows, ...(section.total ? [section.total] : [])].map((row, i) => (
              <tr key={`${i}-${row.label}`} className="govuk-table__row">
                <th scope="row" className={row === section.total ? 'govuk-table__header' : 'govuk-table__header govuk-!-font-weight-regular'}>
                  {row.label}
                </th>
                {row.values.map((v, j) => (
                  <td key={j} className="govuk-table__cell govuk-table__cell--numeric">
                    {show(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** The data set for the safeguarding board: a printable page (header, navigation and form hidden in print). */
export default function Dataset() {
  const { typed, error, dataset, recent, preparedAt } = useLoaderData<typeof loader>()
  return (
    <div className="app-print-summary">
      <ErrorSummary errors={error ? [{ id: 'quarter', message: error }] : []} />
      {dataset ? <span className="govuk-caption-l">{dataset.quarter.label}</span> : null}
      <h1 className="govuk-heading-l">Multi-agency data set</h1>
      <p className="govuk-body app-no-print">
        Counts across the partnership for the safeguarding board, by quarter. No names, references or notes: only numbers, with small numbers withheld.
      </p>

      <Form method="get" action="/review/dataset" className="app-filter app-no-print" role="search" aria-label="Choose the quarter">
        <TextField
          name="quarter"
          label="Quarter"
          labelSize="s"
          hint={`A year and quarter, for example ${recent[1]?.id ?? '2026-Q3'} (${recent[1]?.label ?? 'July to September 2026'})`}
          width={10}
          defaultValue={typed}
          error={error ?? undefined}
          spellCheck={false}
        />
        <Button>Show</Button>
        <p className="govuk-body-s">
          Recent quarters:{' '}
          {recent.map((q, i) => (
            <span key={q.id}>
              {i > 0 ? ', ' : null}
              <a className="govuk-link" href={`/review/dataset?quarter=${q.id}`}>
                {q.id}
              </a>
            </span>
          ))}
        </p>
      </Form>

      {dataset ? (
        <>
          <div className="govuk-button-group app-no-print">
            {/* A plain link: the browser downloads the file (Content-Disposition: attachment). */}
            <a className="govuk-button govuk-button--secondary" href={`/review/dataset.csv?quarter=${dataset.quarter.id}`} download data-module="govuk-button">
              Download as CSV
            </a>
            <a
              href="#print"
              className="govuk-link govuk-body-s app-print-link"
              onClick={(event) => {
                event.preventDefault()
                window.print()
              }}
            >
              Print this page
            </a>
          </div>
          <p className="govuk-body-s">
            {dataset.quarter.label} ({dataset.quarter.id}). Prepared {formatDateTime(preparedAt)}. Counts from 1 to {dataset.threshold - 1} are withheld, and so
            are others where needed so that a withheld count cannot be worked out from the totals. Official – sensitive.
          </p>
          {dataset.sections.map((section) => (
            <SectionTable key={section.id} section={section} />
          ))}
        </>
      ) : null}
    </div>
  )
}
