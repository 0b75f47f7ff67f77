import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { requireRole } from '~/services/auth.server'
import { listCases } from '~/services/cases.server'
import { formatDate, humanise } from '~/utils/format'
import { parseListQuery } from '~/utils/query'

export const meta: MetaFunction = () => [{ title: 'Cases – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  const query = parseListQuery(request)
  return { ...(await listCases(user, query)), query }
}

export default function Cases() {
  const { rows, total, page, pageSize, query } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      <Form method="get" className="govuk-!-margin-bottom-6" role="search">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Search by crime reference or CPS URN
          </label>
          <input className="govuk-input govuk-input--width-20" id="q" name="q" type="search" defaultValue={query.q ?? ''} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Search
        </button>
      </Form>
      <CaseTable rows={rows} caption={`${total} ${total === 1 ? 'case' : 'cases'}`} />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  )
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number]

export function CaseTable({ rows, caption }: { rows: Row[]; caption: string }) {
  if (rows.length === 0) return <p className="govuk-body">No cases to show.</p>
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Crime reference</th>
          <th scope="col" className="govuk-table__header">CPS URN</th>
          <th scope="col" className="govuk-table__header">Stage</th>
          <th scope="col" className="govuk-table__header">Officer in charge</th>
          <th scope="col" className="govuk-table__header">Sent to CPS</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Victims</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((c) => (
          <tr key={c.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${c.id}`}>
                {c.crimeReference}
              </Link>
            </td>
            <td className="govuk-table__cell">{c.cpsUrn ?? '–'}</td>
            <td className="govuk-table__cell">{humanise(c.stage)}</td>
            <td className="govuk-table__cell">{c.allocations[0]?.user?.name ?? 'Not allocated'}</td>
            <td className="govuk-table__cell">{c.sentToCpsAt ? formatDate(c.sentToCpsAt) : 'No'}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{c._count.victims}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
