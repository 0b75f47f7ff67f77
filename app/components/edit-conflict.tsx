import { NotificationBanner } from './notification-banner'
import { SummaryList, type SummaryRow } from './summary-list'

/**
 * A save lost an optimistic-concurrency race: nothing was saved, the user's answers stay in the form,
 * and this shows what the record says now so they can decide whether to save again.
 */
export function EditConflictNotice({ record, rows }: { record: string; rows: readonly SummaryRow[] }) {
  return (
    <NotificationBanner kind="important" testId="edit-conflict" message={`Someone else updated this ${record} while you were editing`}>
      <p className="govuk-body">Nothing was saved. Your answers are still in the form. The {record} now says:</p>
      <SummaryList rows={rows} />
      <p className="govuk-body">Save again to replace this with your answers, or change your answers first.</p>
    </NotificationBanner>
  )
}
