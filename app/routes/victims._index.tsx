import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pagination } from '~/components/pagination'
import { requireRole } from '~/services/auth.server'
import { listVictims } from '~/services/victims.server'
import { ageOn, displayName, humanise } from '~/utils/format'
import { parseListQuery } from '~/utils/query'

export const meta: MetaFunction = () => [{ title: 'Victims – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  const query = parseListQuery(request)
  const result = await listVictims(user, { ...query, status: query.status ?? 'open' })
  return { ...result, query }
}

export default function Victims() {
  const { rows, total, page, pageSize, query } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Victims</h1>
      <Form method="get" className="govuk-!-margin-bottom-6" role="search">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Search by reference or name
          </label>
          <input className="govuk-input govuk-input--width-20" id="q" name="q" type="search" defaultValue={query.q ?? ''} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="status">
            Status
          </label>
          <select className="govuk-select" id="status" name="status" defaultValue={query.status ?? 'open'}>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply
        </button>
      </Form>
      <VictimTable rows={rows} caption={`${total} ${total === 1 ? 'victim' : 'victims'}`} />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  )
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number]

export function VictimTable({ rows, caption }: { rows: Row[]; caption: string }) {
  if (rows.length === 0) return <p className="govuk-body">No victims to show.</p>
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Reference</th>
          <th scope="col" className="govuk-table__header">Name</th>
          <th scope="col" className="govuk-table__header">Age</th>
          <th scope="col" className="govuk-table__header">Case stage</th>
          <th scope="col" className="govuk-table__header">Lead advocate</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((v) => (
          <tr key={v.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/victims/${v.id}`}>
                {v.reference}
              </Link>
              {v.restricted ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Restricted</strong> : null}
              {v.status === 'closed' ? <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Closed</strong> : null}
            </td>
            <td className="govuk-table__cell">{displayName(v)}</td>
            <td className="govuk-table__cell">{ageOn(v.dateOfBirth)}</td>
            <td className="govuk-table__cell">{v.cases.map((c) => humanise(c.case.stage)).join(', ') || 'No case'}</td>
            <td className="govuk-table__cell">{v.allocations[0]?.user?.name ?? 'Not allocated'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
