import { Link } from '@remix-run/react'

/** Shown beside a refusal for want of consent: the way to record it. */
export function ConsentLink({ victimId }: { victimId: string }) {
  return (
    <p className="govuk-body" data-testid="consent-link">
      <Link className="govuk-link" to={`/victims/${victimId}/consent`}>
        Record consent or a lawful basis for sharing
      </Link>
    </p>
  )
}
