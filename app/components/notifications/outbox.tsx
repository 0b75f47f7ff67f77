// The administrator's outbox: the status tag, the "not really sent" notice of the demo, and the
// scheduler's latest runs.
import { InsetText } from '~/components/content'
import { Tag } from '~/components/tag'
import { formatDateTime } from '~/utils/format'

type Dated = Date | string

export const OUTBOX_GROUP_LABELS = { queued: 'Queued', sent: 'Sent', failed: 'Failed' } as const

export function OutboxStatusTag({ group }: { group: keyof typeof OUTBOX_GROUP_LABELS }) {
  if (group === 'sent') return <Tag colour="green">Sent</Tag>
  if (group === 'failed') return <Tag colour="red">Failed</Tag>
  return <Tag colour="blue">Queued</Tag>
}

/** When the next attempt is due (queued), when it was sent, or when it failed. */
export function whenText(row: { group: string; nextAttemptAt: Dated; sentAt: Dated | null; failedAt: Dated | null }) {
  if (row.group === 'sent' && row.sentAt) return `Sent ${formatDateTime(row.sentAt)}`
  if (row.group === 'failed') return row.failedAt ? `Failed ${formatDateTime(row.failedAt)}` : 'Failed'
  return `Next attempt ${formatDateTime(row.nextAttemptAt)}`
}

export function LocalCaptureNotice() {
  return (
    <InsetText testId="local-capture">
      Emails are not being sent: no email provider is set up (RESEND_API_KEY). Each email is written to the emails folder under DATA_DIR on the server
      instead, and this page shows what would have been sent.
    </InsetText>
  )
}

export interface JobRunView {
  key: string
  startedAt: Dated
  completedAt: Dated | null
  summary: [string, number][]
}

export function JobRuns({ runs }: { runs: JobRunView[] }) {
  if (runs.length === 0) return null
  return (
    <table className="govuk-table" data-testid="job-runs">
      <caption className="govuk-table__caption govuk-table__caption--m">Latest scheduled runs</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Run
          </th>
          <th scope="col" className="govuk-table__header">
            Started
          </th>
          <th scope="col" className="govuk-table__header">
            Completed
          </th>
          <th scope="col" className="govuk-table__header">
            What it did
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {runs.map((r) => (
          <tr key={r.key} className="govuk-table__row">
            <td className="govuk-table__cell app-table__cell--wrap">{r.key}</td>
            <td className="govuk-table__cell">{formatDateTime(r.startedAt)}</td>
            <td className="govuk-table__cell">{r.completedAt ? formatDateTime(r.completedAt) : 'Not finished'}</td>
            <td className="govuk-table__cell">{r.summary.length ? r.summary.map(([k, n]) => `${k}: ${n}`).join(', ') : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
