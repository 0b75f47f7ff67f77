import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ButtonLink } from '~/components/button'
import { PageHeading } from '~/components/content'
import { Table, type Column } from '~/components/table'
import { Tag } from '~/components/tag'
import { ORGANISATION_KIND_LABELS } from '~/domain/access/roles'
import { listOrganisations } from '~/services/organisations-admin.server'
import { requireRole } from '~/services/auth.server'

export const meta: MetaFunction = () => [{ title: 'Organisations – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { organisations: await listOrganisations(admin) }
}

type Row = Awaited<ReturnType<typeof loader>>['organisations'][number]

const COLUMNS: readonly Column<Row>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (o) => (
      <Link className="govuk-link" to={`/admin/organisations/${o.id}`}>
        {o.name}
      </Link>
    ),
  },
  { key: 'kind', header: 'Type', cell: (o) => ORGANISATION_KIND_LABELS[o.kind] },
  { key: 'inbox', header: 'Team inbox', wrap: true, cell: (o) => o.inboxEmail ?? 'None' },
  {
    key: 'twoFactor',
    header: 'Two-factor sign-in',
    cell: (o) => (o.requireTwoFactor ? <Tag colour="green">Required</Tag> : <Tag colour="grey">Optional</Tag>),
  },
  {
    key: 'users',
    header: 'Active users',
    numeric: true,
    cell: (o) => (
      <Link className="govuk-link" to={`/admin/users?organisationId=${o.id}`}>
        {o._count.users}
        <span className="govuk-visually-hidden"> active users in {o.name}</span>
      </Link>
    ),
  },
]

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeading>Organisations</PageHeading>
      <ButtonLink to="/admin/organisations/new">Add an organisation</ButtonLink>
      <Table
        testId="organisations-table"
        caption={`${organisations.length} ${organisations.length === 1 ? 'organisation' : 'organisations'}`}
        columns={COLUMNS}
        rows={organisations}
        rowKey={(o) => o.id}
        empty="There are no organisations yet."
      />
    </>
  )
}
