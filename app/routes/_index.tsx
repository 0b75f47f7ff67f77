import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminUsersList } from '~/components/admin/users-list'
import { AwaitingChargingTable } from '~/components/casework/awaiting-charging-table'
import { CaseTable } from '~/components/casework/case-table'
import { VictimTable } from '~/components/casework/victim-table'
import { OwedByOrganisationPanel } from '~/components/entitlements/owed-panel'
import { VisitsDueTable } from '~/components/visits/visits-due'
import { IntelligenceWaiting } from '~/components/intelligence/items'
import { MissingDuePanel } from '~/components/missing/missing-due'
import { SharingWaiting } from '~/components/sharing/sharing-waiting'
import { ReferralsWaiting } from '~/components/support/referrals-waiting'
import { ROLE_LABELS } from '~/domain/access/navigation'
import { adminUsersPage } from '~/services/users-admin.server'
import { requireUser } from '~/services/auth.server'
import { listCases, listCasesAwaitingChargingDecision, listVictims } from '~/services/caseload.server'
import { owedByMyOrganisation } from '~/services/compliance.server'
import { teamOverview } from '~/services/overview.server'
import { visitsDueOnCaseload } from '~/services/visits.server'
import { intelligenceCounts } from '~/services/intelligence.server'
import { missingOnCaseload } from '~/services/missing.server'
import { referralsWaiting } from '~/services/referrals.server'
import { shareRequestsWaiting } from '~/services/share-requests.server'
import { casesAwaitingReview } from '~/services/case-review.server'
import { AwaitingReviewPanel } from '~/components/review/awaiting-review'

export const meta: MetaFunction = () => [{ title: 'Home – Waypoint' }]

// One home page per role: advocate → my caseload, officer → my cases, CPS liaison → cases with a
// suspect awaiting a charging decision, manager → team overview, administrator → users
// (administrators see no casework).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  switch (user.role) {
    case 'admin':
      return { view: 'admin' as const, users: await adminUsersPage(user, new URL(request.url).searchParams) }
    case 'advocate': {
      const [victims, visitsDue, missing, referrals, sharing] = await Promise.all([
        listVictims(user, { mine: true, status: 'open' }),
        visitsDueOnCaseload(user),
        missingOnCaseload(user),
        referralsWaiting(user),
        shareRequestsWaiting(user),
      ])
      return { view: 'advocate' as const, name: user.name, victims, visitsDue, missing, referrals, sharing }
    }
    case 'officer': {
      const [cases, owed, intelligence, sharing] = await Promise.all([
        listCases(user, { mine: true }),
        owedByMyOrganisation(user),
        intelligenceCounts(user),
        shareRequestsWaiting(user),
      ])
      return { view: 'officer' as const, name: user.name, cases, owed, intelligence, sharing }
    }
    case 'cps_liaison': {
      const [cases, owed, awaitingReview] = await Promise.all([listCasesAwaitingChargingDecision(user), owedByMyOrganisation(user), casesAwaitingReview(user)])
      return { view: 'cps_liaison' as const, name: user.name, cases, owed, awaitingReview }
    }
    case 'manager': {
      const [intelligence, overview, owed, visitsDue, missing, referrals, awaitingReview, sharing] = await Promise.all([
        intelligenceCounts(user),
        teamOverview(user),
        owedByMyOrganisation(user),
        visitsDueOnCaseload(user),
        missingOnCaseload(user),
        referralsWaiting(user),
        casesAwaitingReview(user),
        shareRequestsWaiting(user),
      ])
      return {
        view: 'manager' as const,
        name: user.name,
        organisation: user.organisationName,
        intelligence,
        overview,
        owed,
        visitsDue,
        missing,
        referrals,
        awaitingReview,
        sharing,
      }
    }
  }
}

export default function Home() {
  const data = useLoaderData<typeof loader>()
  switch (data.view) {
    case 'advocate':
      return (
        <>
          <h1 className="govuk-heading-l">My caseload</h1>
          <ReferralsWaiting counts={data.referrals} />
          <SharingWaiting count={data.sharing} />
          <VictimTable rows={data.victims.rows} caption={`Victims allocated to you (${data.victims.total})`} />
          <VisitsDueTable rows={data.visitsDue} />
          <MissingDuePanel data={data.missing} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/victims">
              See all victims your service supports
            </Link>
          </p>
        </>
      )
    case 'officer':
      return (
        <>
          <h1 className="govuk-heading-l">My cases</h1>
          <IntelligenceWaiting counts={data.intelligence} />
          <SharingWaiting count={data.sharing} />
          <OwedByOrganisationPanel owed={data.owed} />
          <CaseTable rows={data.cases.rows} caption={`Cases you are officer in charge of (${data.cases.total})`} />
        </>
      )
    case 'cps_liaison':
      return (
        <>
          <h1 className="govuk-heading-l">Cases awaiting CPS</h1>
          <OwedByOrganisationPanel owed={data.owed} />
          <AwaitingChargingTable rows={data.cases.rows} caption={`Sent to CPS and awaiting a charging decision (${data.cases.total})`} />
          <AwaitingReviewPanel data={data.awaitingReview} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/cases">
              See all cases sent to your area
            </Link>
          </p>
        </>
      )
    case 'manager':
      return <ManagerOverview {...data} />
    case 'admin':
      return <AdminUsersList {...data.users} />
  }
}

function ManagerOverview({
  organisation,
  intelligence,
  overview,
  owed,
  visitsDue,
  missing,
  referrals,
  awaitingReview,
  sharing,
}: {
  organisation: string
  sharing: number
  awaitingReview: Parameters<typeof AwaitingReviewPanel>[0]['data']
  referrals: Parameters<typeof ReferralsWaiting>[0]['counts']
  intelligence: Parameters<typeof IntelligenceWaiting>[0]['counts']
  owed: Parameters<typeof OwedByOrganisationPanel>[0]['owed']
  visitsDue: Parameters<typeof VisitsDueTable>[0]['rows']
  missing: Parameters<typeof MissingDuePanel>[0]['data']
  overview: {
    staff: { id: string; name: string; role: keyof typeof ROLE_LABELS; allocations: number }[]
    totals: Record<'openVictims' | 'closedVictims' | 'restrictedVictims' | 'openCases' | 'unallocated', number>
  }
}) {
  const { totals } = overview
  return (
    <>
      <span className="govuk-caption-l">{organisation}</span>
      <h1 className="govuk-heading-l">Team overview</h1>
      <IntelligenceWaiting counts={intelligence} />
      <ReferralsWaiting counts={referrals} />
      <SharingWaiting count={sharing} />
      <OwedByOrganisationPanel owed={owed} />
      <AwaitingReviewPanel data={awaitingReview} />
      <dl className="govuk-summary-list" data-testid="team-totals">
        <Total label="Open victim records" value={totals.openVictims} />
        <Total label="Open victims without a lead advocate" value={totals.unallocated} />
        <Total label="Restricted records you can see" value={totals.restrictedVictims} />
        <Total label="Closed victim records" value={totals.closedVictims} />
        <Total label="Open cases" value={totals.openCases} />
      </dl>
      <VisitsDueTable rows={visitsDue} />
      <MissingDuePanel data={missing} />
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Caseload by team member</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Role
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Current allocations
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {overview.staff.map((s) => (
            <tr key={s.id} className="govuk-table__row">
              <td className="govuk-table__cell">{s.name}</td>
              <td className="govuk-table__cell">{ROLE_LABELS[s.role]}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.allocations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  )
}
