import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { SubmitOrCancel } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { Checkbox, ErrorSummary, fieldErrors, Select, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { teamInboxField } from '~/domain/notifications/team-inbox'
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '~/domain/access/roles'
import { createOrganisation, getOrganisation, updateOrganisation } from '~/services/organisations-admin.server'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { invalid, parseForm } from '~/utils/submission.server'

// One route for adding (/admin/organisations/new) and editing (/admin/organisations/<id>).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation ? data.organisation.name : 'Add an organisation'} – Organisations – Waypoint` },
]

const OrganisationSchema = z.object({
  name: z
    .string({ error: 'Enter the organisation’s name' })
    .trim()
    .min(2, 'Enter the organisation’s name')
    .max(120, 'Name must be 120 characters or fewer'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'Select the type of organisation' }),
  inboxEmail: teamInboxField,
  requireTwoFactor: z.boolean().optional(),
})

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))

async function load(request: Request, organisationId: string | undefined) {
  const admin = await requireRole(request, ['admin'])
  if (organisationId === 'new') return { admin, organisation: null }
  const organisation = await getOrganisation(admin, organisationId ?? '')
  if (!organisation) throw notFound()
  return { admin, organisation }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await load(request, params.organisationId)
  return { organisation }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, organisation } = await load(request, params.organisationId)
  const submission = await parseForm(request, OrganisationSchema)
  if (submission.status !== 'success') return invalid(submission)
  const input = { ...submission.value, inboxEmail: submission.value.inboxEmail ?? null, requireTwoFactor: submission.value.requireTwoFactor ?? false }
  const ip = clientIp(context)
  const result = organisation ? await updateOrganisation(admin, organisation.id, input, ip) : await createOrganisation(admin, input, ip)
  if (!result.ok) {
    if (result.field === null) throw notFound()
    return invalid(submission, { field: result.field, message: result.message })
  }
  let message: string
  if (!organisation) message = `${input.name} has been added.`
  else if ('changed' in result && result.changed.length === 0) message = `Nothing was changed for ${input.name}.`
  else if ('changed' in result && result.changed.includes('requireTwoFactor')) {
    message = input.requireTwoFactor
      ? `${input.name} saved. Everyone in it must now use two-factor sign-in; people without it will be asked to set it up.`
      : `${input.name} saved. Two-factor sign-in is now optional for its people.`
  } else message = `${input.name} saved.`
  return redirectWithFlash(request, '/admin/organisations', message)
}

export default function OrganisationForm() {
  const { organisation } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(OrganisationSchema, {
    lastResult,
    defaultValue: organisation
      ? { name: organisation.name, kind: organisation.kind, inboxEmail: organisation.inboxEmail ?? '', requireTwoFactor: organisation.requireTwoFactor }
      : undefined,
  })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/organisations">Back to organisations</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading caption={organisation ? 'Change organisation' : undefined}>{organisation ? organisation.name : 'Add an organisation'}</PageHeading>
        {organisation ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/admin/users?organisationId=${organisation.id}`}>
              See its {organisation._count.users} active {organisation._count.users === 1 ? 'user' : 'users'}
            </Link>
          </p>
        ) : null}
        {organisation ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/admin/organisations/${organisation.id}/visit-policy`}>
              Follow-up visit policy
            </Link>
          </p>
        ) : null}
        {organisation ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/admin/organisations/${organisation.id}/services`}>
              Support services it offers
            </Link>
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.name} label="Name" autoComplete="off" />
          <Select field={fields.kind} label="Type" options={KIND_OPTIONS} placeholder="Select a type" />
          <TextField
            field={fields.inboxEmail}
            label="Team inbox (optional)"
            type="email"
            hint="Reminders go here when no one person owns a task."
            autoComplete="off"
            spellCheck={false}
          />
          <Checkbox
            field={fields.requireTwoFactor}
            label="Require two-factor sign-in for everyone in this organisation"
            hint="People without it will be asked to set it up the next time they use Waypoint."
          />
          <SubmitOrCancel cancelTo="/admin/organisations">{organisation ? 'Save changes' : 'Add organisation'}</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
