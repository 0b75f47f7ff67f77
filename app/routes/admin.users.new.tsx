import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, fieldErrors, SelectField, TextField } from '~/components/forms'
import { ROLE_OPTIONS, ROLES } from '~/domain/access/roles'
import type { Role } from '~/domain/access/policy'
import { createUser, DuplicateEmailError, listOrganisations } from '~/services/admin.server'
import { clientIp, requireRole } from '~/services/auth.server'
import { setFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'

export const meta: MetaFunction = () => [{ title: 'Add a user – Waypoint' }]

const Schema = z.object({
  name: z.string({ error: 'Enter the person’s full name' }).trim().min(2, 'Enter the person’s full name').max(120, 'Name must be 120 characters or fewer'),
  email: z.string({ error: 'Enter an email address' }).trim().max(254, 'Email address must be 254 characters or fewer').email('Enter an email address in the correct format, like name@example.org'),
  role: z.enum(ROLES as [Role, ...Role[]], { error: 'Select a role' }),
  organisationId: z.string({ error: 'Select an organisation' }).min(1, 'Select an organisation').max(40),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { organisations: (await listOrganisations(admin)).map((o) => ({ value: o.id, label: o.name })) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const submission = parseWithZod(await readFormData(request), { schema: Schema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const organisations = await listOrganisations(admin)
  if (!organisations.some((o) => o.id === submission.value.organisationId)) {
    return data(submission.reply({ fieldErrors: { organisationId: ['Select an organisation'] } }), { status: 400 })
  }
  try {
    const id = await createUser(admin, submission.value, clientIp(context), request)
    return redirect(`/admin/users/${id}`, {
      headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: `Account created. ${submission.value.email} has been sent a link to choose a password.` }) },
    })
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      return data(submission.reply({ fieldErrors: { email: ['An account with this email already exists'] } }), { status: 400 })
    }
    throw error
  }
}

export default function NewUser() {
  const { organisations } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: Schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={fieldErrors({ name: fields.name, email: fields.email, role: fields.role, organisationId: fields.organisationId }, form.errors)} />
        <h1 className="govuk-heading-l">Add a user</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.name} label="Full name" autoComplete="off" />
          <TextField field={fields.email} label="Work email address" type="email" autoComplete="off" spellCheck={false} hint="They will be sent a link to choose their password." />
          <SelectField field={fields.role} label="Role" options={ROLE_OPTIONS} placeholder="Select a role" />
          <SelectField field={fields.organisationId} label="Organisation" options={organisations} placeholder="Select an organisation" />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">Create account</button>
            <Link className="govuk-link" to="/admin/users">Cancel</Link>
          </div>
        </Form>
      </div>
    </div>
  )
}
