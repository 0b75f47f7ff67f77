import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

// GOV.UK summary list (key / value rows with optional "Change" actions) and summary card.

export interface SummaryAction {
  href: string
  text: string
  /** Completes the link's name for screen readers: "Change" + " role". */
  visuallyHiddenText?: string
}

export interface SummaryRow {
  key: ReactNode
  value: ReactNode
  actions?: readonly SummaryAction[]
  testId?: string
}

function ActionLink({ action }: { action: SummaryAction }) {
  return (
    <Link className="govuk-link" to={action.href}>
      {action.text}
      {action.visuallyHiddenText ? <span className="govuk-visually-hidden"> {action.visuallyHiddenText}</span> : null}
    </Link>
  )
}

export function SummaryList({ rows, noBorder, testId }: { rows: readonly (SummaryRow | null | false | undefined)[]; noBorder?: boolean; testId?: string }) {
  const shown = rows.filter((r): r is SummaryRow => Boolean(r))
  const anyActions = shown.some((r) => r.actions?.length)
  return (
    <dl className={`govuk-summary-list${noBorder ? ' govuk-summary-list--no-border' : ''}`} data-testid={testId}>
      {shown.map((row, i) => {
        const actions = row.actions ?? []
        return (
          <div
            key={i}
            className={`govuk-summary-list__row${anyActions && actions.length === 0 ? ' govuk-summary-list__row--no-actions' : ''}`}
            data-testid={row.testId}
          >
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {actions.length === 1 ? (
              <dd className="govuk-summary-list__actions">
                <ActionLink action={actions[0]!} />
              </dd>
            ) : actions.length > 1 ? (
              <dd className="govuk-summary-list__actions">
                <ul className="govuk-summary-list__actions-list">
                  {actions.map((a) => (
                    <li key={a.href} className="govuk-summary-list__actions-list-item">
                      <ActionLink action={a} />
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        )
      })}
    </dl>
  )
}

/** A summary list in a card with a title (GOV.UK "summary card"), for one of several records. */
export function SummaryCard({
  title,
  actions,
  headingLevel = 2,
  children,
}: {
  title: ReactNode
  actions?: readonly SummaryAction[]
  headingLevel?: 2 | 3 | 4
  children: ReactNode
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{title}</Heading>
        {actions?.length ? (
          <ul className="govuk-summary-card__actions">
            {actions.map((a) => (
              <li key={a.href} className="govuk-summary-card__action">
                <ActionLink action={a} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  )
}
