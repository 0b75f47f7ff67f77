import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Table, type Column } from '~/components/table'
import { ReferralStatusTag } from '~/components/support/referral-status-tag'
import { REFERRAL_STATUSES } from '~/domain/support/referrals'
import { requireRole } from '~/services/auth.server'
import { listReferralInbox, type ReferralInbox } from '~/services/referrals.server'
import { displayName, formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Referrals – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'manager'])
  return listReferralInbox(user)
}

type Row = ReferralInbox['received'][number]

const victimCell = (r: Row) => (
  <Link className="govuk-link" to={`/referrals/${r.id}`}>
    {r.victim ? `${displayName(r.victim)} (${r.victim.reference})` : 'Restricted record'}
    <span className="govuk-visually-hidden">: {r.serviceLabel} referral</span>
  </Link>
)

const columns = (side: 'received' | 'sent'): Column<Row>[] => [
  { key: 'victim', header: 'Young person', cell: victimCell },
  { key: 'service', header: 'Service', cell: (r) => r.serviceLabel },
  side === 'received' ? { key: 'from', header: 'From', cell: (r) => r.from } : { key: 'to', header: 'To', cell: (r) => r.to },
  { key: 'sent', header: 'Sent', cell: (r) => formatDate(r.sentAt) },
  { key: 'sessions', header: 'Sessions', cell: (r) => r.sessions, numeric: true },
  { key: 'status', header: 'Status', cell: (r) => <ReferralStatusTag status={r.status} /> },
]

export default function ReferralInboxPage() {
  const { received, sent } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Referrals</h1>
      <h2 className="govuk-heading-m">Received by your organisation</h2>
      {received.length === 0 ? <p className="govuk-body">No referrals received.</p> : null}
      {REFERRAL_STATUSES.map((s) => {
        const rows = received.filter((r) => r.status === s.id)
        if (rows.length === 0) return null
        return (
          <Table
            key={s.id}
            testId={`received-${s.id}`}
            caption={`${s.label} (${rows.length})`}
            captionSize="s"
            columns={columns('received')}
            rows={rows}
            rowKey={(r) => r.id}
          />
        )
      })}
      <h2 className="govuk-heading-m">Sent by your organisation</h2>
      <Table
        testId="sent"
        caption="Referrals sent"
        captionHidden
        columns={columns('sent')}
        rows={sent}
        rowKey={(r) => r.id}
        empty={<p className="govuk-body">No referrals sent.</p>}
      />
    </>
  )
}
