import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { BackLink } from '~/components/content'
import { Checkboxes, DateInput, ErrorSummary, fieldErrors, Radios, Textarea, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { CONTACT_METHODS, CONTACT_WITH, contactFormSchema } from '~/domain/contacts/contact'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { recordContact, requireContactRecorder } from '~/services/contacts.server'
import { redirectWithFlash } from '~/services/session.server'
import { getContactForm } from '~/services/victim-journey.server'
import { formatDate } from '~/utils/format'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Record a contact – ${data?.victim.reference ?? 'Victim'} – Waypoint` }]

const ROLES = ['advocate', 'officer', 'cps_liaison', 'manager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, [...ROLES])
  if (!params.victimId) throw notFound()
  const form = await getContactForm(user, params.victimId)
  const wanted = new URL(request.url).searchParams.get('event')
  return {
    ...form,
    preselected: wanted && form.events.some((e) => e.id === wanted) ? [wanted] : [],
    // One key per rendering of the form: a double submit saves one contact.
    idempotencyKey: crypto.randomUUID(),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, [...ROLES])
  const victimId = params.victimId
  if (!victimId) throw notFound()
  // Who is asking is checked before the form is read: a refusal never depends on what was sent.
  await requireContactRecorder(user, victimId)
  const submission = await parseForm(request, contactFormSchema(new Date()))
  if (submission.status !== 'success') return invalid(submission)
  const { idempotencyKey, ...input } = submission.value
  const result = await recordContact(user, victimId, input, idempotencyKey, clientIp(context))
  if (!result.ok) return invalid(submission, result.issues)
  return redirectWithFlash(request, `/victims/${victimId}#contact-log`, result.duplicate ? 'Contact already recorded.' : 'Contact recorded.')
}

export default function RecordContact() {
  const { victim, events, preselected, idempotencyKey } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(contactFormSchema(new Date()), { id: 'contact', lastResult, defaultValue: { eventIds: preselected, idempotencyKey } })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/victims/${victim.id}`}>Back to the victim</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <span className="govuk-caption-l">{victim.reference}</span>
        <h1 className="govuk-heading-l">Record a contact</h1>
        <p className="govuk-body">Record each time the victim, or their parent or nominated contact, was told something about their case.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name={fields.idempotencyKey.name} value={idempotencyKey} />
          <DateInput field={fields.contactedAt} legend="When was the contact?" legendSize="m" hint="For example, 27 11 2026" />
          <TextField
            field={fields.contactedTime}
            label="Time (optional)"
            hint="For example, 2:30pm or 14:30"
            width={5}
            autoComplete="off"
            spellCheck={false}
          />
          <Radios field={fields.method} legend="How was the contact made?" legendSize="m" options={CONTACT_METHODS.map((m) => ({ value: m.id, label: m.label }))} />
          <Radios field={fields.withWhom} legend="Who was contacted?" legendSize="m" options={CONTACT_WITH.map((w) => ({ value: w.id, label: w.label }))} />
          <Textarea
            field={fields.summary}
            label="What were they told?"
            labelSize="m"
            hint="Keep it short and factual. Do not include the names of other people."
            rows={5}
          />
          {events.length ? (
            <Checkboxes
              field={fields.eventIds}
              legend="Which steps in the journey was it about? (optional)"
              legendSize="m"
              hint="Select all that apply. Newest first."
              small
              options={events.map((e) => ({
                value: e.id,
                label: `${e.title}${e.defendant ? ` (${e.defendant})` : ''} – ${formatDate(e.occurredAt)} – case ${e.crimeReference}`,
              }))}
            />
          ) : (
            <p className="govuk-body">Nothing has been recorded on the victim’s cases yet, so the contact cannot be linked to a step in the journey.</p>
          )}
          <SubmitOrCancel cancelTo={`/victims/${victim.id}`}>Save contact</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
