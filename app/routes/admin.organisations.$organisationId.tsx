import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CheckboxField, ErrorSummary, fieldErrors, SelectField, TextField } from '~/components/forms'
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '~/domain/access/roles'
import { DuplicateNameError, getOrganisation, saveOrganisation } from '~/services/admin.server'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { setFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'

// One route for "new" (/admin/organisations/new) and edit (/admin/organisations/<id>).
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation ? data.organisation.name : 'Add an organisation'} – Waypoint` }]

const Schema = z.object({
  name: z.string({ error: 'Enter the organisation’s name' }).trim().min(2, 'Enter the organisation’s name').max(120, 'Name must be 120 characters or fewer'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'Select the type of organisation' }),
  inboxEmail: z.string().trim().max(254).email('Enter the team inbox in the correct format, like team@example.org').optional(),
  requireTwoFactor: z.literal('on').optional(),
})

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  if (params.organisationId === 'new') return { organisation: null }
  const organisation = await getOrganisation(admin, params.organisationId ?? '')
  if (!organisation) throw notFound()
  return { organisation }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const id = params.organisationId === 'new' ? null : (params.organisationId ?? '')
  if (id && !(await getOrganisation(admin, id))) throw notFound()
  const submission = parseWithZod(await readFormData(request), { schema: Schema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { requireTwoFactor, ...rest } = submission.value
  try {
    await saveOrganisation(admin, id, { ...rest, requireTwoFactor: requireTwoFactor === 'on' }, clientIp(context))
  } catch (error) {
    if (error instanceof DuplicateNameError) {
      return data(submission.reply({ fieldErrors: { name: ['An organisation with this name already exists'] } }), { status: 400 })
    }
    throw error
  }
  return redirect('/admin/organisations', {
    headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: id ? `${rest.name} updated.` : `${rest.name} added.` }) },
  })
}

export default function OrganisationForm() {
  const { organisation } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    defaultValue: organisation
      ? { name: organisation.name, kind: organisation.kind, inboxEmail: organisation.inboxEmail ?? '', requireTwoFactor: organisation.requireTwoFactor ? 'on' : undefined }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: Schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/admin/organisations">Back to organisations</Link>
        <ErrorSummary errors={fieldErrors({ name: fields.name, kind: fields.kind, inboxEmail: fields.inboxEmail }, form.errors)} />
        <h1 className="govuk-heading-l">{organisation ? organisation.name : 'Add an organisation'}</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.name} label="Name" autoComplete="off" />
          <SelectField field={fields.kind} label="Type" options={KIND_OPTIONS} placeholder="Select a type" />
          <TextField field={fields.inboxEmail} label="Team inbox (optional)" type="email" hint="Reminders go here when no one person owns a task." spellCheck={false} />
          <CheckboxField field={fields.requireTwoFactor} label="Require two-factor sign-in for everyone in this organisation" hint="People without it will be asked to set it up the next time they use Waypoint." />
          <button type="submit" className="govuk-button" data-module="govuk-button">Save</button>
        </Form>
      </div>
    </div>
  )
}
