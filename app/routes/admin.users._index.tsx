import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Pagination } from '~/components/pagination'
import { ROLE_LABELS } from '~/domain/access/navigation'
import { ROLES } from '~/domain/access/roles'
import { listOrganisations, listUsers } from '~/services/admin.server'
import { requireRole } from '~/services/auth.server'

export const meta: MetaFunction = () => [{ title: 'Users – Waypoint' }]

const Query = z.object({
  organisationId: z.string().max(40).optional().catch(undefined),
  role: z.enum(ROLES as [string, ...string[]]).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const q = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [users, organisations] = await Promise.all([
    listUsers(admin, { ...q, organisationId: q.organisationId || undefined, role: q.role as keyof typeof ROLE_LABELS | undefined }),
    listOrganisations(admin),
  ])
  return { users, organisations: organisations.map((o) => ({ id: o.id, name: o.name })), q }
}

export default function Users() {
  const { users, organisations, q } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Users</h1>
      <Link to="/admin/users/new" className="govuk-button" data-module="govuk-button">
        Add a user
      </Link>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third govuk-form-group">
            <label className="govuk-label" htmlFor="organisationId">Organisation</label>
            <select className="govuk-select" id="organisationId" name="organisationId" defaultValue={q.organisationId ?? ''}>
              <option value="">All organisations</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </div>
          <div className="govuk-grid-column-one-third govuk-form-group">
            <label className="govuk-label" htmlFor="role">Role</label>
            <select className="govuk-select" id="role" name="role" defaultValue={q.role ?? ''}>
              <option value="">All roles</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r]}</option>
              ))}
            </select>
          </div>
          <div className="govuk-grid-column-one-third govuk-form-group">
            <label className="govuk-label" htmlFor="status">Status</label>
            <select className="govuk-select" id="status" name="status" defaultValue={q.status ?? ''}>
              <option value="">Active and deactivated</option>
              <option value="active">Active</option>
              <option value="inactive">Deactivated</option>
            </select>
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">Apply filters</button>
      </Form>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{users.total} {users.total === 1 ? 'user' : 'users'}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Email</th>
            <th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">Organisation</th>
            <th scope="col" className="govuk-table__header">Two-factor</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.rows.map((u) => (
            <tr key={u.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td className="govuk-table__cell">{u.email}</td>
              <td className="govuk-table__cell">{ROLE_LABELS[u.role]}</td>
              <td className="govuk-table__cell">{u.organisation.name}</td>
              <td className="govuk-table__cell">{u.twoFactor ? 'On' : 'Off'}</td>
              <td className="govuk-table__cell">
                {u.active ? <strong className="govuk-tag govuk-tag--green">Active</strong> : <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={users.page} pageSize={users.pageSize} total={users.total} />
    </>
  )
}
