// The home page's "Cases awaiting review": finalised cases whose review is not signed off,
// for CPS liaison and managers. Nothing when none wait.
import { Link } from '@remix-run/react'
import { Table } from '~/components/table'
import { formatLondonDate } from '~/domain/journey/derive'
import { reviewOutcomeLabel } from '~/domain/review/factors'

export interface AwaitingReviewRow {
  caseId: string
  crimeReference: string
  finalisedAt: string
  outcome: string
}

export function AwaitingReviewPanel({ data }: { data: { total: number; cases: AwaitingReviewRow[] } | null }) {
  if (!data || data.total === 0) return null
  return (
    <Table
      testId="awaiting-review"
      caption={`Cases awaiting review (${data.total})`}
      rows={data.cases}
      rowKey={(r) => r.caseId}
      columns={[
        {
          key: 'case',
          header: 'Case',
          cell: (r) => (
            <Link className="govuk-link" to={`/cases/${r.caseId}/review`}>
              {r.crimeReference}
              <span className="govuk-visually-hidden"> – review</span>
            </Link>
          ),
        },
        { key: 'finalised', header: 'Finalised', cell: (r) => formatLondonDate(new Date(r.finalisedAt)) },
        { key: 'outcome', header: 'Outcome', cell: (r) => reviewOutcomeLabel(r.outcome) },
      ]}
    />
  )
}

/** On the case page: the case is finalised and has a review. */
export function CaseReviewLink({ caseId, status }: { caseId: string; status: string }) {
  return (
    <div className="govuk-inset-text" data-testid="case-review-link">
      <p className="govuk-body">
        This case is finalised. {status === 'signed_off' ? 'Its review is signed off.' : 'Its review is awaiting sign-off.'}
      </p>
      <Link className="govuk-link" to={`/cases/${caseId}/review`}>
        {status === 'signed_off' ? 'See the case review' : 'Open the case review'}
      </Link>
    </div>
  )
}
