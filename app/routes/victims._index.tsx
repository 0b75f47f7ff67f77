import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { VictimTable } from '~/components/casework/victim-table'
import { Pagination } from '~/components/pagination'
import { canCreateVictim } from '~/domain/access/policy'
import { requireRole } from '~/services/auth.server'
import { listVictims } from '~/services/victims.server'
import { parseListQuery } from '~/utils/query'

export const meta: MetaFunction = () => [{ title: 'Victims – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  const query = parseListQuery(request)
  const result = await listVictims(user, { ...query, status: query.status ?? 'open' })
  return { ...result, query, canCreate: canCreateVictim(user) }
}

export default function Victims() {
  const { rows, total, page, pageSize, query, canCreate } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Victims</h1>
      {canCreate ? (
        <Link to="/victims/new" className="govuk-button" data-module="govuk-button">
          Add a victim
        </Link>
      ) : null}
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
