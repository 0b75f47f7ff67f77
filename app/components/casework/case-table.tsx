import { stageLabel } from '~/domain/journey/stages'
import { Link } from '@remix-run/react'
import { formatDate } from '~/utils/format'

// The cases table used on the home pages and the cases page.
interface Row {
  id: string
  crimeReference: string
  cpsUrn: string | null
  stage: string
  sentToCpsAt: Date | string | null
  allocations: { user: { name: string } | null }[]
  _count: { victims: number }
  /** The next hearing listed and not yet held (from the caseload service). */
  nextHearingAt?: Date | string | null
}

export function CaseTable({ rows, caption, empty = 'No cases to show.' }: { rows: Row[]; caption: string; empty?: string }) {
  if (rows.length === 0) return <p className="govuk-body">{empty}</p>
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Crime reference</th>
          <th scope="col" className="govuk-table__header">CPS URN</th>
          <th scope="col" className="govuk-table__header">Stage</th>
          <th scope="col" className="govuk-table__header">Officer in charge</th>
          <th scope="col" className="govuk-table__header">Sent to CPS</th>
          <th scope="col" className="govuk-table__header">Next hearing</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Victims</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((c) => (
          <tr key={c.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${c.id}`}>
                {c.crimeReference}
              </Link>
            </td>
            <td className="govuk-table__cell">{c.cpsUrn ?? '–'}</td>
            <td className="govuk-table__cell">{stageLabel(c.stage)}</td>
            <td className="govuk-table__cell">{c.allocations[0]?.user?.name ?? 'Not allocated'}</td>
            <td className="govuk-table__cell">{c.sentToCpsAt ? formatDate(c.sentToCpsAt) : 'No'}</td>
            <td className="govuk-table__cell">{c.nextHearingAt ? formatDate(c.nextHearingAt) : 'None listed'}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{c._count.victims}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
