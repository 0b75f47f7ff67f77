import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { BackLink } from '~/components/content'
import { ErrorSummary, fieldErrors, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { canRequestAccess } from '~/domain/access/policy'
import { AccessRequestFormSchema } from '~/domain/sharing/requests'
import { clientIp, forbidden, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { requestAccess } from '~/services/share-requests.server'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Request access to a record – Waypoint' }]

const HIDDEN = ['victimId', 'toOrganisationId', 'firstName', 'lastName', 'preferredName', 'dateOfBirth', 'partnerReference', 'idempotencyKey'] as const

const ROLES = ['advocate', 'officer', 'manager'] as const

// The request is made from "Add a victim", where the record was found. Opened with the details that found it, the
// page asks for the reason; the record itself is checked again when the request is sent.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!canRequestAccess(user)) throw forbidden()
  const params = new URL(request.url).searchParams
  return { details: Object.fromEntries(HIDDEN.map((name) => [name, name === 'idempotencyKey' ? crypto.randomUUID() : (params.get(name) ?? '').slice(0, 100)])) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!canRequestAccess(user)) throw forbidden()
  const submission = await parseForm(request, AccessRequestFormSchema)
  if (submission.status !== 'success') return invalid(submission)
  const { victimId, toOrganisationId, reason, idempotencyKey, ...identity } = submission.value
  const result = await requestAccess(
    user,
    { victimId, toOrganisationId, reason, identity: { ...identity, dateOfBirth: identity.dateOfBirth ?? null } },
    idempotencyKey,
    clientIp(context),
  )
  if (!result.ok) return invalid(submission, result.issues)
  return redirectWithFlash(request, `/requests/${result.requestId}`, 'Request sent. The organisation holding the record will answer it.')
}


/** Shown only when the request needs correcting: the same request, with the message next to the field. */
export default function RequestAccess() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(AccessRequestFormSchema, { id: 'access', lastResult })
  const { details } = useLoaderData<typeof loader>()
  const initial = (lastResult?.initialValue ?? details) as Record<string, unknown>
  if (!initial.victimId) {
    return (
      <>
        <h1 className="govuk-heading-l">Request access to a record</h1>
        <p className="govuk-body">
          Access is requested from <Link className="govuk-link" to="/victims/new">Add a victim</Link>, when the young person’s details find a record
          held by another organisation.
        </p>
      </>
    )
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/victims/new">Back to adding a victim</BackLink>
        <ErrorSummary errors={fieldErrors({ reason: fields.reason }, form.errors)} />
        <h1 className="govuk-heading-l">Request access to a record</h1>
        <p className="govuk-body">The organisation that holds the record decides. Nothing about the young person is shown until it gives access.</p>
        <Form method="post" action="/requests/access" {...getFormProps(form)} noValidate>
          {HIDDEN.map((name) => (
            <input key={name} type="hidden" name={name} value={typeof initial[name] === 'string' ? (initial[name] as string) : ''} />
          ))}
          <Textarea field={fields.reason} label="Why you need access" labelSize="m" hint="The organisation holding the record reads this to decide." rows={4} />
          <SubmitOrCancel pendingText="Sending…" cancelTo="/victims/new">
            Request access
          </SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
