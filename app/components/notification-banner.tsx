import type { ReactNode } from 'react'

// GOV.UK notification banner. "success" confirms what the user just did (flash messages after a
// redirect) and is announced at once (role="alert"); "info"/"important" tells them something they
// need to know and is a labelled region.
export function NotificationBanner({
  kind,
  title,
  message,
  children,
  testId = 'notification-banner',
}: {
  kind: 'success' | 'info' | 'important'
  title?: string
  message: string
  children?: ReactNode
  testId?: string
}) {
  const success = kind === 'success'
  const titleId = `${testId}-title`
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      data-testid={testId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
        {children}
      </div>
    </div>
  )
}
