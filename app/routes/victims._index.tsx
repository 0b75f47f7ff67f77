import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ListFilters } from '~/components/casework/list-filters'
import { VictimTable } from '~/components/casework/victim-table'
import { ErrorSummary } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { ExistingRecordsPanel, type TypedChild } from '~/components/victim/existing-records'
import { canCreateVictim, canRequestAccess } from '~/domain/access/policy'
import { dateKey } from '~/domain/victims/matching'
import { findExistingRecords } from '~/services/find-before-add.server'
import { randomBytes } from 'node:crypto'
import { requireRole, type CurrentUser } from '~/services/auth.server'
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
    elsewhere: await recordsHeldElsewhere(user, query),
    query,
    filtered: isFiltered(query, ['status']),
    canCreate: canCreateVictim(user),
    mineLabel: user.role === 'advocate' ? 'Only victims allocated to me' : 'Only victims on cases allocated to me',
  }
}

/**
 * A search that identifies one child exactly — a reference, or a full name with the date of birth —
 * also says whether another organisation holds a record for them (find before you add), with a way
 * to ask for access. Partial names never reach other organisations' records.
 */
async function recordsHeldElsewhere(user: CurrentUser, query: ReturnType<typeof parseListQuery>) {
  const q = query.q?.trim()
  if (!q || !canRequestAccess(user)) return null
  const words = q.split(/\s+/)
  const child: TypedChild = {
    firstName: query.dateOfBirth && words.length > 1 ? words[0]! : '',
    lastName: query.dateOfBirth && words.length > 1 ? words.slice(1).join(' ') : '',
    preferredName: null,
    dateOfBirth: query.dateOfBirth ? dateKey(query.dateOfBirth) : null,
    partnerReference: q,
  }
  const matches = (await findExistingRecords(user, { ...child, dateOfBirth: query.dateOfBirth ?? null })).filter((m) => !m.visible)
  return matches.length ? { matches, child, requestKey: randomBytes(16).toString('base64url') } : null
}

export default function Victims() {
  const { rows, total, page, pageSize, query, filtered, canCreate, mineLabel, elsewhere } = useLoaderData<typeof loader>()
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
      {elsewhere ? (
        <ExistingRecordsPanel
          matches={elsewhere.matches}
          child={elsewhere.child}
          requestKey={elsewhere.requestKey}
          intro="Another organisation holds a record that matches your search exactly. Ask it for access rather than adding the child again."
        />
      ) : null}
    </>
  )
}
