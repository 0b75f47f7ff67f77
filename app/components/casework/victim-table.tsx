import { stageLabel } from '~/domain/journey/stages'
import { Link } from '@remix-run/react'
import { ageOn, displayName } from '~/utils/format'

// The victims table used on the caseload and victims pages.
interface Row {
  id: string
  reference: string
  firstName: string
  lastName: string
  preferredName: string | null
  dateOfBirth: Date | string
  status: string
  restricted: boolean
  allocations: { user: { name: string } | null }[]
  cases: { case: { stage: string } }[]
}

export function VictimTable({ rows, caption, empty = 'No victims to show.' }: { rows: Row[]; caption: string; empty?: string }) {
  if (rows.length === 0) return <p className="govuk-body">{empty}</p>
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Reference</th>
          <th scope="col" className="govuk-table__header">Name</th>
          <th scope="col" className="govuk-table__header">Age</th>
          <th scope="col" className="govuk-table__header">Case stage</th>
          <th scope="col" className="govuk-table__header">Lead advocate</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((v) => (
          <tr key={v.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/victims/${v.id}`}>
                {v.reference}
              </Link>
              {v.restricted ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Restricted</strong> : null}
              {v.status === 'closed' ? <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Closed</strong> : null}
            </td>
            <td className="govuk-table__cell">{displayName(v)}</td>
            <td className="govuk-table__cell">{ageOn(v.dateOfBirth)}</td>
            <td className="govuk-table__cell">{v.cases.map((c) => stageLabel(c.case.stage)).join(', ') || 'No case'}</td>
            <td className="govuk-table__cell">{v.allocations[0]?.user?.name ?? 'Not allocated'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
