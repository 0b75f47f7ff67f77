import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

// Small GOV.UK content patterns: page heading with caption, warning text, inset text, panel and
// back link.

type HeadingSize = 's' | 'm' | 'l' | 'xl'

/** The page's one <h1>, with an optional caption above it (e.g. the organisation or section). */
export function PageHeading({ children, caption, size = 'l' }: { children: ReactNode; caption?: ReactNode; size?: HeadingSize }) {
  return (
    <>
      {caption ? <span className={`govuk-caption-${size === 's' ? 'm' : size}`}>{caption}</span> : null}
      <h1 className={`govuk-heading-${size}`}>{children}</h1>
    </>
  )
}

export function WarningText({ children, iconFallbackText = 'Warning', testId }: { children: ReactNode; iconFallbackText?: string; testId?: string }) {
  return (
    <div className="govuk-warning-text" data-testid={testId}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>
        {children}
      </strong>
    </div>
  )
}

export function InsetText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="govuk-inset-text" data-testid={testId}>
      {children}
    </div>
  )
}

/** Confirmation panel, for the page after a completed transaction. */
export function Panel({ title, children, headingLevel = 1 }: { title: ReactNode; children?: ReactNode; headingLevel?: 1 | 2 }) {
  const Heading = `h${headingLevel}` as const
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <Heading className="govuk-panel__title">{title}</Heading>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  )
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  )
}
