import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ListFilters } from '~/components/casework/list-filters'
import { VictimTable } from '~/components/casework/victim-table'
import { ErrorSummary } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { canCreateVictim } from '~/domain/access/policy'
import { requireRole } from '~/services/auth.server'
import { listVictims } from '~/services/caseload.server'
import { isFiltered, parseListQuery } from '~/utils/query'

export const meta: MetaFunction = () => [{ title: 'Victims – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  const query = parseListQuery(request)
  // Access: listVictims ANDs every search with victimWhere(user), so only victims this user may see are found.
  const result = await listVictims(user, {
    q: query.q,
    dateOfBirth: query.dateOfBirth,
    status: query.status ?? 'open',
    stage: query.stage,
    mine: query.mine,
    hearingWithinDays: query.hearing,
    page: query.page,
  })
  return {
    ...result,
    query,
    filtered: isFiltered(query, ['status']),
    canCreate: canCreateVictim(user),
    mineLabel: user.role === 'advocate' ? 'Only victims allocated to me' : 'Only victims on cases allocated to me',
  }
}

export default function Victims() {
  const { rows, total, page, pageSize, query, filtered, canCreate, mineLabel } = useLoaderData<typeof loader>()
  const noun = total === 1 ? 'victim' : 'victims'
  return (
    <>
      <ErrorSummary errors={query.errors.dob ? [{ id: 'dob', message: query.errors.dob }] : []} />
      <h1 className="govuk-heading-l">Victims</h1>
      {canCreate ? (
        <Link to="/victims/new" className="govuk-button" data-module="govuk-button">
          Add a victim
        </Link>
      ) : null}
      <ListFilters
        label="Search victims"
        values={query}
        searchLabel="Name or reference"
        searchHint="A name or part of one (for example, jo smi), a victim reference, crime reference or CPS URN"
        withDateOfBirth
        withStatus
        dobError={query.errors.dob}
        mineLabel={mineLabel}
        filtered={filtered}
      />
      <VictimTable
        rows={rows}
        caption={`${total.toLocaleString('en-GB')} ${noun}${filtered ? ' found' : ''}`}
        empty={filtered ? 'No victims to show. Check the spelling, or search by reference or date of birth instead.' : undefined}
      />
      <Pagination page={page} pageSize={pageSize} total={total} label="Pages of victims" />
    </>
  )
}
