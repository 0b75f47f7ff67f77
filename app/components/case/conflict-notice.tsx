import { EDITABLE_FIELD_LABELS, type EditableCase } from '~/domain/cases/changes'

// Shown when a save lost an optimistic-concurrency race: what is saved now, field by field, next to
// the user's own answers (which stay in the form).
export function ConflictNotice({
  changed,
  saved,
  orgName,
}: {
  changed: readonly (keyof EditableCase)[]
  saved: EditableCase
  orgName: (id: string | null) => string | null
}) {
  const show = (k: keyof EditableCase) => {
    const v = saved[k]
    if (k === 'cpsOrganisationId' || k === 'witnessCareOrganisationId') return orgName(v) ?? 'None'
    return v || 'None'
  }
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="conflict-title" data-module="govuk-notification-banner" data-testid="edit-conflict">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="conflict-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Someone else changed this case while you were editing</p>
        {changed.length ? (
          <>
            <p className="govuk-body">Your answers are still in the form. The case now says:</p>
            <dl className="govuk-summary-list">
              {changed.map((k) => (
                <div className="govuk-summary-list__row" key={k}>
                  <dt className="govuk-summary-list__key">{EDITABLE_FIELD_LABELS[k]}</dt>
                  <dd className="govuk-summary-list__value">{show(k)}</dd>
                </div>
              ))}
            </dl>
            <p className="govuk-body">Save again to replace these with your answers, or change your answers first.</p>
          </>
        ) : (
          <p className="govuk-body">Their changes match your answers. Save again to confirm.</p>
        )}
      </div>
    </div>
  )
}
