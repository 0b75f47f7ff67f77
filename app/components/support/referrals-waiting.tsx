// The home page's line for referrals received by the user's organisation that wait for it to act
//: nothing when none wait.
import { Link } from '@remix-run/react'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function ReferralsWaiting({ counts }: { counts: { toDecide: number; toStart: number } | null }) {
  if (!counts || counts.toDecide + counts.toStart === 0) return null
  return (
    <div className="govuk-inset-text" data-testid="referrals-waiting">
      <p className="govuk-body">
        Referrals to your organisation: {plural(counts.toDecide, 'waits', 'wait')} for a decision, {plural(counts.toStart, 'is', 'are')} accepted and
        not started yet.
      </p>
      <Link className="govuk-link" to="/referrals">
        See referrals received
      </Link>
    </div>
  )
}
