// The home page's line for sharing requests the user's organisation has to answer: nothing when none wait.
import { Link } from '@remix-run/react'

export function SharingWaiting({ count }: { count: number }) {
  if (count === 0) return null
  return (
    <div className="govuk-inset-text" data-testid="sharing-waiting">
      <p className="govuk-body">
        {count === 1 ? '1 sharing request waits' : `${count} sharing requests wait`} for your organisation’s decision.
      </p>
      <Link className="govuk-link" to="/requests">
        See sharing requests
      </Link>
    </div>
  )
}
