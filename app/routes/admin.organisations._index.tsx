import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ORGANISATION_KIND_LABELS } from '~/domain/access/roles'
import { listOrganisations } from '~/services/admin.server'
import { requireRole } from '~/services/auth.server'

export const meta: MetaFunction = () => [{ title: 'Organisations – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { organisations: await listOrganisations(admin) }
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Organisations</h1>
      <Link to="/admin/organisations/new" className="govuk-button" data-module="govuk-button">
        Add an organisation
      </Link>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{organisations.length} organisations</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Type</th>
            <th scope="col" className="govuk-table__header">Team inbox</th>
            <th scope="col" className="govuk-table__header">Two-factor sign-in</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Users</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {organisations.map((o) => (
            <tr key={o.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/admin/organisations/${o.id}`}>{o.name}</Link>
              </td>
              <td className="govuk-table__cell">{ORGANISATION_KIND_LABELS[o.kind]}</td>
              <td className="govuk-table__cell">{o.inboxEmail ?? 'None'}</td>
              <td className="govuk-table__cell">{o.requireTwoFactor ? <strong className="govuk-tag govuk-tag--green">Required</strong> : 'Optional'}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{o._count.users}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
