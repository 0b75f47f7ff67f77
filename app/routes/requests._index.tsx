import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ShareStatusTag } from '~/components/sharing/share-status-tag'
import { Table, type Column } from '~/components/table'
import { requireRole } from '~/services/auth.server'
import { listShareRequests, type ShareRequestList } from '~/services/share-requests.server'
import { displayName, formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Sharing requests – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'manager'])
  return listShareRequests(user)
}

type Row = ShareRequestList['received'][number]

const columns = (side: 'received' | 'sent'): Column<Row>[] => [
  {
    key: 'victim',
    header: 'Young person',
    cell: (r) => (
      <Link className="govuk-link" to={`/requests/${r.id}`}>
        {r.victim ? `${displayName(r.victim)} (${r.victim.reference})` : side === 'sent' ? 'A record held by another organisation' : 'Restricted record'}
        <span className="govuk-visually-hidden">: {r.kindLabel.toLowerCase()}</span>
      </Link>
    ),
  },
  { key: 'kind', header: 'Request', cell: (r) => r.kindLabel },
  side === 'received' ? { key: 'from', header: 'From', cell: (r) => r.from } : { key: 'to', header: 'To', cell: (r) => r.to },
  { key: 'at', header: 'Made', cell: (r) => formatDate(r.at) },
  { key: 'status', header: 'Status', cell: (r) => <ShareStatusTag status={r.status} /> },
]

export default function ShareRequestsPage() {
  const { received, sent } = useLoaderData<typeof loader>()
  const waiting = received.filter((r) => r.status === 'pending')
  const answered = received.filter((r) => r.status !== 'pending')
  return (
    <>
      <h1 className="govuk-heading-l">Sharing requests</h1>
      <p className="govuk-body">
        Young people shared with your organisation by another one, and requests for access to records your organisation holds. Answer each so that every
        agency works on one record per child.
      </p>
      <h2 className="govuk-heading-m">Received by your organisation</h2>
      <Table
        testId="received-pending"
        caption={`Waiting for your decision (${waiting.length})`}
        captionSize="s"
        columns={columns('received')}
        rows={waiting}
        rowKey={(r) => r.id}
        empty={<p className="govuk-body">Nothing is waiting for a decision.</p>}
      />
      {answered.length ? (
        <Table testId="received-answered" caption={`Answered (${answered.length})`} captionSize="s" columns={columns('received')} rows={answered} rowKey={(r) => r.id} />
      ) : null}
      <h2 className="govuk-heading-m">Sent by your organisation</h2>
      <Table
        testId="sent"
        caption="Requests sent"
        captionHidden
        columns={columns('sent')}
        rows={sent}
        rowKey={(r) => r.id}
        empty={<p className="govuk-body">No requests sent.</p>}
      />
    </>
  )
}
