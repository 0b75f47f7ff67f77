// The case page's "Still owed to victims" table: open Victims' Code entitlements, soonest first,
// each linking to the entry on the victim's checklist where it can be met.
import { Link } from '@remix-run/react'
import { formatDate } from '~/utils/format'
import { EntitlementStatusTag } from './checklist'

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
      {owed.length === 0 ? (
        <p className="govuk-body">Nothing is owed to the victims you can see on this case.</p>
      ) : (
        <table className="govuk-table app-table--compact">
          <caption className="govuk-table__caption govuk-visually-hidden">Open Victims’ Code entitlements on this case</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Victim
              </th>
              <th scope="col" className="govuk-table__header">
                Entitlement
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                Owed by
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {owed.map((o) => (
              <tr key={o.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/victims/${o.victimId}#entitlement-${o.id}`}>
                    {o.victimReference}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  Right {o.right}: {o.summary}
                  {o.defendant ? ` (${o.defendant})` : ''}
                </td>
                <td className="govuk-table__cell">{formatDate(o.dueBy)}</td>
                <td className="govuk-table__cell">{o.owner}</td>
                <td className="govuk-table__cell">
                  <EntitlementStatusTag status={o.status} dueToday={o.dueToday} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
