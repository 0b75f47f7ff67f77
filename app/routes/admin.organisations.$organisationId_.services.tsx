import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BackLink } from '~/components/content'
import { ServicesForm } from '~/components/support/services-form'
import { servicesFormSchema, servicesFromForm } from '~/domain/support/directory'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { getServicesForEdit, setOrganisationServices } from '~/services/support-directory.server'
import { invalid, parseForm } from '~/utils/submission.server'

// An administrator sets the support services any organisation offers.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Services – ${data?.organisation.name ?? 'Organisation'} – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  if (!params.organisationId) throw notFound()
  return { organisation: await getServicesForEdit(admin, params.organisationId) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  if (!params.organisationId) throw notFound()
  const submission = await parseForm(request, servicesFormSchema)
  if (submission.status !== 'success') return invalid(submission)
  const result = await setOrganisationServices(admin, params.organisationId, servicesFromForm(submission.value), clientIp(context))
  return redirectWithFlash(request, `/admin/organisations/${params.organisationId}`, `Services saved: ${result.count} offered.`)
}

export default function AdminOrganisationServices() {
  const { organisation } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/organisations/${organisation.id}`}>Back to the organisation</BackLink>
        <ServicesForm organisation={organisation} lastResult={lastResult} cancelTo={`/admin/organisations/${organisation.id}`} />
      </div>
    </div>
  )
}
