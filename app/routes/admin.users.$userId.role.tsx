import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ROLE_HINTS } from '~/components/admin/labels'
import { SubmitOrCancel } from '~/components/button'
import { BackLink } from '~/components/content'
import { ErrorSummary, fieldErrors, Radios } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { ROLE_LABELS } from '~/domain/access/navigation'
import type { Role } from '~/domain/access/policy'
import { ROLE_OPTIONS, ROLES } from '~/domain/access/roles'
import { changeRole, getUser } from '~/services/users-admin.server'
import { clientIp, forbidden, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Change role – ${data?.user.name ?? 'User'} – Waypoint` }]

const RoleSchema = z.object({ role: z.enum(ROLES as [Role, ...Role[]], { error: 'Select a role' }) })

async function load(request: Request, userId: string | undefined) {
  const admin = await requireRole(request, ['admin'])
  const user = await getUser(admin, userId ?? '')
  if (!user) throw notFound()
  // Administrators cannot change their own role (so there is always one left to do it).
  if (user.id === admin.id) throw forbidden('You cannot change your own role.')
  return { admin, user }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await load(request, params.userId)
  return { user: { id: user.id, name: user.name, role: user.role, organisation: user.organisation.name } }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, user } = await load(request, params.userId)
  const submission = await parseForm(request, RoleSchema)
  if (submission.status !== 'success') return invalid(submission)
  const result = await changeRole(admin, user.id, submission.value.role, clientIp(context))
  if (!result.ok) throw result.reason === 'not_found' ? notFound() : forbidden('You cannot change your own role.')
  const message = result.changed
    ? `${user.name}’s role is now ${ROLE_LABELS[submission.value.role]}. They have been signed out so the change takes effect.`
    : `${user.name}’s role has not changed.`
  return redirectWithFlash(request, `/admin/users/${user.id}`, { kind: result.changed ? 'success' : 'info', message })
}

export default function ChangeRole() {
  const { user } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(RoleSchema, { lastResult, defaultValue: { role: user.role } })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/users/${user.id}`}>Back to {user.name}</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <span className="govuk-caption-l">{user.name}</span>
        <Form method="post" {...getFormProps(form)} noValidate>
          <Radios
            field={fields.role}
            legend="Change role"
            legendSize="l"
            legendIsHeading
            hint="What a person can see follows from their role and organisation. They will be signed out and sign in again under the new role."
            options={ROLE_OPTIONS.map((o) => ({ ...o, hint: ROLE_HINTS[o.value] }))}
          />
          <SubmitOrCancel cancelTo={`/admin/users/${user.id}`}>Save role</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
