import { Form, Link, useLocation } from '@remix-run/react'
import { ButtonLink } from '~/components/button'
import { PageHeading } from '~/components/content'
import { Select } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { Table, type Column } from '~/components/table'
import { Tag } from '~/components/tag'
import { ROLE_LABELS } from '~/domain/access/navigation'
import { ROLE_OPTIONS } from '~/domain/access/roles'
import type { AdminUsersPageData } from '~/services/users-admin.server'

// The users list: the administrator's home page ("/") and /admin/users. Data from
// adminUsersPage(admin, searchParams) in app/services/users-admin.server.ts. Filters are a GET form, so
// the list's URL can be bookmarked and works without JavaScript; pagination and sorting keep them.

type Row = AdminUsersPageData['users']['rows'][number]

const COLUMNS: readonly Column<Row>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    cell: (u) => (
      <Link className="govuk-link" to={`/admin/users/${u.id}`}>
        {u.name}
      </Link>
    ),
  },
  { key: 'email', header: 'Email', sortKey: 'email', wrap: true, cell: (u) => u.email },
  { key: 'role', header: 'Role', sortKey: 'role', cell: (u) => ROLE_LABELS[u.role] },
  { key: 'organisation', header: 'Organisation', sortKey: 'organisation', cell: (u) => u.organisation.name },
  {
    key: 'twoFactor',
    header: 'Two-factor sign-in',
    cell: (u) =>
      u.twoFactor ? (
        <Tag colour="green">Set up</Tag>
      ) : u.organisation.requireTwoFactor ? (
        <Tag colour="orange">Required, not set up</Tag>
      ) : (
        <Tag colour="grey">Not set up</Tag>
      ),
  },
  { key: 'status', header: 'Status', cell: (u) => (u.active ? <Tag colour="turquoise">Active</Tag> : <Tag colour="grey">Deactivated</Tag>) },
]

export function AdminUsersList({ users, organisations, query }: AdminUsersPageData) {
  const { pathname } = useLocation()
  const filtered = Boolean(query.organisationId || query.role || query.status)
  return (
    <>
      <PageHeading>Users</PageHeading>
      <ButtonLink to="/admin/users/new">Add a user</ButtonLink>
      <Form method="get" action={pathname} className="app-filter" role="search" aria-label="Filter users">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select name="organisationId" label="Organisation" options={organisations} placeholder="All organisations" defaultValue={query.organisationId} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select name="role" label="Role" options={ROLE_OPTIONS} placeholder="All roles" defaultValue={query.role} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              label="Status"
              options={[
                { value: 'active', label: 'Active' },
                { value: 'deactivated', label: 'Deactivated' },
              ]}
              placeholder="Active and deactivated"
              defaultValue={query.status}
            />
          </div>
        </div>
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Apply filters
          </button>
          {filtered ? (
            <Link className="govuk-link" to={pathname}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>
      <Table
        testId="users-table"
        caption={`${users.total} ${users.total === 1 ? 'user' : 'users'}${filtered ? ' matching the filters' : ''}`}
        columns={COLUMNS}
        rows={users.rows}
        rowKey={(u) => u.id}
        sort={{ by: query.sort ?? 'name', dir: query.dir ?? 'asc' }}
        empty={filtered ? 'No users match these filters.' : 'There are no users yet.'}
      />
      <Pagination page={users.page} pageSize={users.pageSize} total={users.total} />
    </>
  )
}
