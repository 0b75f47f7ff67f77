// The home page's "Visits due": victims whose next follow-up visit is overdue or due within a week.
import { Link } from '@remix-run/react'
import { Tag } from '~/components/tag'
import { Table } from '~/components/table'
import { displayName, formatDate } from '~/utils/format'

interface Due {
  victim: { id: string; reference: string; firstName: string; lastName: string; preferredName: string | null }
  nextDue?: string
  overdue: number
}

export function VisitsDueTable({ rows }: { rows: readonly Due[] | null }) {
  if (!rows) return null
  return (
    <Table
      caption={`Follow-up visits overdue or due in the next 7 days (${rows.length})`}
      captionSize="s"
      testId="visits-due"
      rows={rows}
      rowKey={(r) => r.victim.id}
      empty="No follow-up visit is overdue or due in the next 7 days."
      columns={[
        {
          key: 'victim',
          header: 'Victim',
          cell: (r) => (
            <Link className="govuk-link" to={`/victims/${r.victim.id}#visits`}>
              {r.victim.reference}
              <span className="govuk-visually-hidden">: visits for {displayName(r.victim)}</span>
            </Link>
          ),
        },
        { key: 'name', header: 'Name', cell: (r) => displayName(r.victim) },
        { key: 'due', header: 'Next visit due', cell: (r) => (r.nextDue ? formatDate(`${r.nextDue}T12:00:00Z`) : '') },
        {
          key: 'status',
          header: 'Status',
          cell: (r) => (r.overdue > 0 ? <Tag colour="red">{r.overdue === 1 ? 'Overdue' : `${r.overdue} overdue`}</Tag> : <Tag>Due</Tag>),
        },
      ]}
    />
  )
}
