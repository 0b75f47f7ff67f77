import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { stageLabel } from '~/domain/journey/stages'
import { Link, useLoaderData } from '@remix-run/react'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getVictimForView } from '~/services/victims.server'
import { ageOn, displayName, formatDate, humanise } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.victim.reference ?? 'Victim'} – Waypoint` },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  if (!params.victimId) throw notFound()
  return getVictimForView(user, params.victimId, clientIp(context))
}

export default function VictimPage() {
  const { victim, contact, access } = useLoaderData<typeof loader>()
  return (
    <>
      <span className="govuk-caption-l">{victim.reference}</span>
      <h1 className="govuk-heading-l">
        {displayName(victim)}
        {victim.restricted ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Restricted</strong> : null}
        {victim.status === 'closed' ? <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Closed</strong> : null}
      </h1>
      {victim.restricted ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This record is restricted. Only the people allocated to it can see it.
          </strong>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">Personal details</h2>
      <dl className="govuk-summary-list">
        <Row label="Reference" value={victim.reference} />
        <Row label="Preferred name" value={victim.preferredName ?? 'Not given'} />
        <Row label="Date of birth" value={`${formatDate(victim.dateOfBirth)} (age ${ageOn(victim.dateOfBirth)})`} />
        <Row label="Gender" value={victim.gender ?? 'Not recorded'} />
      </dl>
      <h2 className="govuk-heading-m">Contact details</h2>
      {contact ? (
        <dl className="govuk-summary-list" data-testid="contact-details">
          <Row label="Address" value={contact.address ?? 'Not recorded'} />
          <Row label="Phone" value={contact.phone ?? 'Not recorded'} />
          <Row label="Email" value={contact.email ?? 'Not recorded'} />
        </dl>
      ) : (
        <p className="govuk-inset-text" data-testid="contact-details-withheld">
          Contact details are not shown to CPS staff. Contact the victim through the officer in charge or their advocate.
        </p>
      )}
      <h2 className="govuk-heading-m">Cases</h2>
      {victim.cases.length ? (
        <ul className="govuk-list">
          {victim.cases.map(({ case: c }) => (
            <li key={c.id}>
              <Link className="govuk-link" to={`/cases/${c.id}`}>
                {c.crimeReference}
              </Link>{' '}
              – {stageLabel(c.stage)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Not linked to a case yet.</p>
      )}
      <h2 className="govuk-heading-m">Who is working with this victim</h2>
      {victim.allocations.length ? (
        <ul className="govuk-list">
          {victim.allocations.map((a) => (
            <li key={a.id}>
              {humanise(a.kind)}: {a.user?.name ?? a.organisation.name}
              {a.user ? ` (${a.organisation.name})` : ''} since {formatDate(a.startedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No one is allocated.</p>
      )}
      {access.canUpdate ? null : <p className="govuk-body-s">You can view this record but not change it.</p>}
    </>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  )
}
