import { Link } from '@remix-run/react'
import { formatDate } from '~/utils/format'

// CPS liaison's home list: per case, the suspects whose file is with CPS awaiting a charging
// decision, and where the case's other suspects or defendants are.
interface Row {
  id: string
  crimeReference: string
  cpsUrn: string | null
  allocations: { user: { name: string } | null }[]
  _count: { victims: number }
  awaiting: { defendantId: string | null; label: string | null; sentAt: Date | string }[]
  others: { defendantId: string; label: string; stageLabel: string }[]
  nextHearingAt: Date | string | null
}

export function AwaitingChargingTable({ rows, caption }: { rows: Row[]; caption: string }) {
  if (rows.length === 0) return <p className="govuk-body">No suspect is awaiting a charging decision.</p>
  return (
    <table className="govuk-table" data-testid="awaiting-charging">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Crime reference</th>
          <th scope="col" className="govuk-table__header">CPS URN</th>
          <th scope="col" className="govuk-table__header">Awaiting a charging decision</th>
          <th scope="col" className="govuk-table__header">Other suspects or defendants</th>
          <th scope="col" className="govuk-table__header">Officer in charge</th>
          <th scope="col" className="govuk-table__header">Next hearing</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Victims</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((c) => (
          <tr key={c.id} className="govuk-table__row" data-testid={`awaiting-${c.crimeReference}`}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${c.id}`}>
                {c.crimeReference}
              </Link>
            </td>
            <td className="govuk-table__cell">{c.cpsUrn ?? '–'}</td>
            <td className="govuk-table__cell">
              <ul className="govuk-list">
                {c.awaiting.map((a) => (
                  <li key={a.defendantId ?? 'case'}>
                    {a.label ?? 'No suspect recorded'}, sent {formatDate(a.sentAt)}
                  </li>
                ))}
              </ul>
            </td>
            <td className="govuk-table__cell">
              {c.others.length ? (
                <ul className="govuk-list">
                  {c.others.map((o) => (
                    <li key={o.defendantId}>
                      {o.label}: {o.stageLabel}
                    </li>
                  ))}
                </ul>
              ) : (
                'None'
              )}
            </td>
            <td className="govuk-table__cell">{c.allocations[0]?.user?.name ?? 'Not allocated'}</td>
            <td className="govuk-table__cell">{c.nextHearingAt ? formatDate(c.nextHearingAt) : 'None listed'}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{c._count.victims}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
