import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CaseTable } from '~/components/casework/case-table'
import { ListFilters } from '~/components/casework/list-filters'
import { Pagination } from '~/components/pagination'
import { canCreateCase } from '~/domain/access/policy'
import { requireRole } from '~/services/auth.server'
import { listCases } from '~/services/caseload.server'
import { isFiltered, parseListQuery } from '~/utils/query'

export const meta: MetaFunction = () => [{ title: 'Cases – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  const query = parseListQuery(request)
  // Access: listCases ANDs every search with caseWhere(user), so only cases this user may see are found.
  const result = await listCases(user, {
    q: query.q,
    stage: query.stage,
    mine: query.mine,
    hearingWithinDays: query.hearing,
    page: query.page,
  })
  return {
    ...result,
    query,
    filtered: isFiltered(query, ['status', 'dob']),
    canCreate: canCreateCase(user, user.organisationId) && user.organisationKind === 'police',
  }
}

export default function Cases() {
  const { rows, total, page, pageSize, query, filtered, canCreate } = useLoaderData<typeof loader>()
  const noun = total === 1 ? 'case' : 'cases'
  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      {canCreate ? (
        <Link to="/cases/new" className="govuk-button" data-module="govuk-button">
          Open a case
        </Link>
      ) : null}
      <ListFilters
        label="Search cases"
        values={query}
        searchLabel="Crime reference or CPS URN"
        searchHint="All of it or the start, for example NM/26/0045 or 42NM; or a victim reference"
        mineLabel="Only cases I am allocated to"
        filtered={filtered}
      />
      <CaseTable
        rows={rows}
        caption={`${total.toLocaleString('en-GB')} ${noun}${filtered ? ' found' : ''}`}
        empty={filtered ? 'No cases to show. Check the reference, or clear some of the filters.' : undefined}
      />
      <Pagination page={page} pageSize={pageSize} total={total} label="Pages of cases" />
    </>
  )
}
