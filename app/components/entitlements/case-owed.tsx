// The case page's "Still owed to victims" table: open Victims' Code entitlements, soonest first,
// each linking to the entry on the victim's checklist where it can be met.
import { Link } from '@remix-run/react'
import { Table } from '~/components/table'
import { formatDate } from '~/utils/format'
import { EntitlementStatusTag } from './status-tag'

interface Owed {
  id: string
  victimId: string
  victimReference: string
  right: number
  summary: string
  defendant: string | null
  dueBy: Date | string
  owner: string
  status: 'due' | 'overdue' | 'met' | 'met_late'
  dueToday: boolean
}

export function CaseOwedSection({ owed }: { owed: readonly Owed[] }) {
  return (
    <section aria-labelledby="owed" data-testid="case-owed">
      <h2 className="govuk-heading-m" id="owed">
        Still owed to victims
      </h2>
      <Table
        caption="Open Victims’ Code entitlements on this case"
        captionHidden
        className="app-table--compact"
        rows={owed}
        rowKey={(o) => o.id}
        empty="Nothing is owed to the victims you can see on this case."
        columns={[
          {
            key: 'victim',
            header: 'Victim',
            cell: (o) => (
              <Link className="govuk-link" to={`/victims/${o.victimId}#entitlement-${o.id}`}>
                {o.victimReference}
                <span className="govuk-visually-hidden">
                  : {o.summary}
                  {o.defendant ? ` (${o.defendant})` : ''}
                </span>
              </Link>
            ),
          },
          { key: 'what', header: 'Entitlement', cell: (o) => `Right ${o.right}: ${o.summary}${o.defendant ? ` (${o.defendant})` : ''}` },
          { key: 'due', header: 'Due', cell: (o) => formatDate(o.dueBy) },
          { key: 'owner', header: 'Owed by', cell: (o) => o.owner },
          { key: 'status', header: 'Status', cell: (o) => <EntitlementStatusTag status={o.status} dueToday={o.dueToday} /> },
        ]}
      />
    </section>
  )
}
