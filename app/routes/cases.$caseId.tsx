import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { stageLabel } from '~/domain/journey/stages'
import { Link, useLoaderData } from '@remix-run/react'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getCaseForView } from '~/services/cases.server'
import { displayName, formatDate, humanise } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.case.crimeReference ?? 'Case'} – Waypoint` },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  if (!params.caseId) throw notFound()
  return getCaseForView(user, params.caseId, clientIp(context))
}

export default function CasePage() {
  const { case: c, victims, hiddenVictimCount } = useLoaderData<typeof loader>()
  return (
    <>
      <span className="govuk-caption-l">Case</span>
      <h1 className="govuk-heading-l">{c.crimeReference}</h1>
      <dl className="govuk-summary-list">
        <Row label="Stage" value={stageLabel(c.stage)} />
        <Row label="Status" value={humanise(c.status)} />
        <Row label="Police force" value={c.police.name} />
        <Row label="CPS URN" value={c.cpsUrn ?? 'Not sent to CPS'} />
        <Row label="CPS area" value={c.cps?.name ?? 'None'} />
        <Row label="Witness care unit" value={c.witnessCare?.name ?? 'None'} />
        <Row label="Sent to CPS" value={c.sentToCpsAt ? formatDate(c.sentToCpsAt) : 'No'} />
        {c.summary ? <Row label="Summary" value={c.summary} /> : null}
      </dl>
      <h2 className="govuk-heading-m">Victims</h2>
      {victims.length ? (
        <ul className="govuk-list">
          {victims.map((v) => (
            <li key={v.id}>
              <Link className="govuk-link" to={`/victims/${v.id}`}>
                {v.reference}
              </Link>{' '}
              – {displayName(v)}
            </li>
          ))}
        </ul>
      ) : null}
      {hiddenVictimCount > 0 ? (
        <p className="govuk-body" data-testid="hidden-victims">
          {hiddenVictimCount} restricted {hiddenVictimCount === 1 ? 'victim is' : 'victims are'} linked to this case and not shown to you.
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Who is working on this case</h2>
      {c.allocations.length ? (
        <ul className="govuk-list">
          {c.allocations.map((a) => (
            <li key={a.id}>
              {humanise(a.kind)}: {a.user?.name ?? a.organisation.name} ({a.organisation.name})
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No one is allocated.</p>
      )}
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
