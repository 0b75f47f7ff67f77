import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { SubmitOrCancel } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Radios, Select, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import type { Role } from '~/domain/access/policy'
import { ROLE_HINTS } from '~/components/admin/labels'
import { ROLE_OPTIONS, ROLES } from '~/domain/access/roles'
import { listOrganisations } from '~/services/organisations-admin.server'
import { createUser } from '~/services/users-admin.server'
import { clientIp, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Add a user – Waypoint' }]

const NewUserSchema = z.object({
  name: z
    .string({ error: 'Enter the person’s full name' })
    .trim()
    .min(2, 'Enter the person’s full name')
    .max(120, 'Full name must be 120 characters or fewer'),
  email: z
    .string({ error: 'Enter their work email address' })
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  role: z.enum(ROLES as [Role, ...Role[]], { error: 'Select a role' }),
  organisationId: z.string({ error: 'Select an organisation' }).max(40, 'Select an organisation'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { organisations: (await listOrganisations(admin)).map((o) => ({ value: o.id, label: o.name })) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const submission = await parseForm(request, NewUserSchema)
  if (submission.status !== 'success') return invalid(submission)
  const result = await createUser(admin, submission.value, clientIp(context))
  if (!result.ok) return invalid(submission, result)
  const { email } = submission.value
  const message = result.emailSent
    ? `Account created. We have emailed ${email} a link to choose a password.`
    : `Account created, but the email with a link to choose a password could not be sent. Send it again from this page.`
  return redirectWithFlash(request, `/admin/users/${result.id}`, { kind: result.emailSent ? 'success' : 'info', message })
}

export default function NewUser() {
  const { organisations } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(NewUserSchema, { lastResult })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/users">Back to users</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading>Add a user</PageHeading>
        <p className="govuk-body">They will get an email with a link to choose their own password. You never see or set it.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.name} label="Full name" autoComplete="off" spellCheck={false} />
          <TextField field={fields.email} label="Work email address" type="email" autoComplete="off" spellCheck={false} />
          <Radios field={fields.role} legend="Role" legendSize="s" options={ROLE_OPTIONS.map((o) => ({ ...o, hint: ROLE_HINTS[o.value] }))} />
          <Select field={fields.organisationId} label="Organisation" options={organisations} placeholder="Select an organisation" />
          <SubmitOrCancel pendingText="Creating account…" cancelTo="/admin/users">Create account</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
