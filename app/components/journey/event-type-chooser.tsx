import { Form } from '@remix-run/react'
import { BackLink } from '~/components/content'
import { ErrorMessage, ErrorSummary } from '~/components/forms'

// First step of recording a journey event: which kind (only those this user's role records). A
// GET form, so the choice is a link-able URL (/cases/:id/events/new?type=suspect_arrested).
export function EventTypeChooser({
  caseId,
  crimeReference,
  types,
  error,
}: {
  caseId: string
  crimeReference: string
  types: readonly { id: string; label: string }[]
  error: string | null
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
        <ErrorSummary errors={error ? [{ id: 'type', message: error }] : []} />
        <Form method="get" noValidate>
          {/* Marks a submitted choice, so "Continue" with nothing selected gets a message. */}
          <input type="hidden" name="chosen" value="1" />
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={error ? 'type-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
                <span className="govuk-caption-l">{crimeReference}</span>
                <h1 className="govuk-fieldset__heading">What do you want to record?</h1>
              </legend>
              {error ? <ErrorMessage id="type-error">{error}</ErrorMessage> : null}
              <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                {types.map((t, i) => (
                  <div className="govuk-radios__item" key={t.id}>
                    <input className="govuk-radios__input" id={i === 0 ? 'type' : `type-${t.id}`} name="type" type="radio" value={t.id} />
                    <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? 'type' : `type-${t.id}`}>
                      {t.label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </Form>
      </div>
    </div>
  )
}
