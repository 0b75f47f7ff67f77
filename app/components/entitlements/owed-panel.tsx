// The home page's reminder of what the user's organisation owes victims under the Victims' Code.
import { Link } from '@remix-run/react'

interface Owed {
  organisation: string
  overdue: number
  dueToday: number
  overdueHref: string
  dueTodayHref: string
}

const entitlements = (n: number) => `${n} ${n === 1 ? 'entitlement' : 'entitlements'}`

export function OwedByOrganisationPanel({ owed }: { owed: Owed | null }) {
  if (!owed) return null
  return (
    <div className="govuk-inset-text" data-testid="owed-by-organisation">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Victims’ Code: owed by {owed.organisation}</h2>
      {owed.overdue === 0 && owed.dueToday === 0 ? (
        <p className="govuk-body govuk-!-margin-bottom-0">Nothing is overdue or due today on the cases you can see.</p>
      ) : (
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {owed.overdue > 0 ? (
            <li>
              <Link className="govuk-link" to={owed.overdueHref}>
                {entitlements(owed.overdue)} overdue
              </Link>
            </li>
          ) : null}
          {owed.dueToday > 0 ? (
            <li>
              <Link className="govuk-link" to={owed.dueTodayHref}>
                {entitlements(owed.dueToday)} due today
              </Link>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  )
}
