import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BackLink } from '~/components/content'
import { ServicesForm } from '~/components/support/services-form'
import { servicesFormSchema, servicesFromForm } from '~/domain/support/directory'
import { clientIp, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { getServicesForEdit, setOrganisationServices } from '~/services/support-directory.server'
import { invalid, parseForm } from '~/utils/submission.server'

// A manager sets the services of their own organisation (administrators use /admin/organisations/:id/services).
export const meta: MetaFunction = () => [{ title: 'Services you offer – Support services – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager'])
  return { organisation: await getServicesForEdit(user, user.organisationId) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ['manager'])
  const submission = await parseForm(request, servicesFormSchema)
  if (submission.status !== 'success') return invalid(submission)
  const result = await setOrganisationServices(user, user.organisationId, servicesFromForm(submission.value), clientIp(context))
  return redirectWithFlash(request, '/support', `Services saved: ${result.count} offered.`)
}

export default function ManagerServices() {
  const { organisation } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/support">Back to support services</BackLink>
        <ServicesForm organisation={organisation} lastResult={lastResult} cancelTo="/support" />
      </div>
    </div>
  )
}
