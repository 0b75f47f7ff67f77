import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CaseTable } from '~/components/casework/case-table'
import { Pagination } from '~/components/pagination'
import { canCreateCase } from '~/domain/access/policy'
import { requireRole } from '~/services/auth.server'
import { listCases } from '~/services/cases.server'
import { parseListQuery } from '~/utils/query'

export const meta: MetaFunction = () => [{ title: 'Cases – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  const query = parseListQuery(request)
  return { ...(await listCases(user, query)), query, canCreate: canCreateCase(user, user.organisationId) && user.organisationKind === 'police' }
}

export default function Cases() {
  const { rows, total, page, pageSize, query, canCreate } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      {canCreate ? (
        <Link to="/cases/new" className="govuk-button" data-module="govuk-button">
          Open a case
        </Link>
      ) : null}
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
