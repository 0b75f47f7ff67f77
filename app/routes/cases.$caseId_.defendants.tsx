import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { addSuspect, getDefendants } from '~/services/cases.server'
import { redirectWithFlash } from '~/services/session.server'
import { formatDate } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Suspects on case ${data?.case.crimeReference ?? ''} – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  if (!params.caseId) throw notFound()
  return getDefendants(user, params.caseId)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ['officer', 'cps_liaison'])
  if (!params.caseId) throw notFound()
  const { label } = await addSuspect(user, params.caseId, clientIp(context))
  return redirectWithFlash(request, `/cases/${params.caseId}/defendants`, `${label} added.`)
}

export default function Defendants() {
  const { case: c, canUpdate } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${c.id}`}>Back to the case</BackLink>
        <PageHeading caption={c.crimeReference}>Suspects and defendants</PageHeading>
        <p className="govuk-body">Each suspect is recorded by a label, never a name. Their own path through the case follows from the journal.</p>
        {c.defendants.length ? (
          <dl className="govuk-summary-list" data-testid="defendants">
            {c.defendants.map((d) => (
              <div className="govuk-summary-list__row" key={d.id}>
                <dt className="govuk-summary-list__key">{d.label}</dt>
                <dd className="govuk-summary-list__value">Added {formatDate(d.createdAt)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="govuk-body">No suspect is recorded yet.</p>
        )}
        {canUpdate ? (
          <Form method="post">
            <StatusButton pendingText="Adding…" preventDoubleClick>
              Add a suspect
            </StatusButton>
          </Form>
        ) : null}
      </div>
    </div>
  )
}
