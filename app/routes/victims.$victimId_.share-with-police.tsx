import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { BackLink, WarningText } from '~/components/content'
import { ConsentLink } from '~/components/victim/consent-link'
import { ErrorSummary, fieldErrors, Select, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { ShareWithPoliceSchema } from '~/domain/sharing/requests'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { getShareWithPoliceForm, shareWithPolice } from '~/services/share-requests.server'
import { parseForm, reply } from '~/utils/submission.server'
import { displayName, formatDate } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Share with the police – ${data?.victim.reference ?? 'Victim'} – Waypoint` }]

// Advocacy services share a child they hold (canShareWithPolice, checked by the service).
const ROLES = ['advocate', 'manager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.victimId) throw notFound()
  return { ...(await getShareWithPoliceForm(user, params.victimId)), idempotencyKey: crypto.randomUUID() }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  await getShareWithPoliceForm(user, victimId)
  const submission = await parseForm(request, ShareWithPoliceSchema)
  if (submission.status !== 'success') return data({ result: reply(submission), consentLink: false }, { status: 400 })
  const { idempotencyKey, ...input } = submission.value
  const result = await shareWithPolice(user, victimId, input, idempotencyKey, clientIp(context))
  if (!result.ok) return data({ result: reply(submission, result.issues), consentLink: result.consentLink ?? false }, { status: 400 })
  return redirectWithFlash(request, `/requests/${result.requestId}`, 'The record has been shared with the police force.')
}

export default function ShareWithPolice() {
  const { victim, forces, pending, idempotencyKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(ShareWithPoliceSchema, { id: 'share', lastResult: actionData?.result, defaultValue: { idempotencyKey } })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/victims/${victim.id}`}>Back to the victim</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <span className="govuk-caption-l">
          {victim.reference} · {displayName(victim)}
        </span>
        <h1 className="govuk-heading-l">Share with the police</h1>
        <p className="govuk-body">
          When a young person reports to the police, or wants to, share their record with the force. The force’s officers see a summary (age, offences,
          communication needs and safe contact) and link the young person to a new or existing case, or tell you why not. It can be shared only when
          consent, or a recorded lawful basis for sharing without it, names the force.
        </p>
        {pending.map((p) => (
          <WarningText key={p.id}>
            Shared with {p.force} on {formatDate(p.at)}: waiting for the force to link the young person to a case.
          </WarningText>
        ))}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name={fields.idempotencyKey.name} value={idempotencyKey} />
          <Select
            field={fields.organisationId}
            label="Police force"
            labelSize="m"
            placeholder="Select a force"
            options={forces.map((o) => ({ value: o.id, label: o.name }))}
          />
          {actionData?.consentLink ? <ConsentLink victimId={victim.id} /> : null}
          <Textarea
            field={fields.reason}
            label="What does the young person want to report, or why should the police know?"
            labelSize="m"
            hint="The force reads this to decide."
            rows={5}
          />
          <SubmitOrCancel pendingText="Sharing…" cancelTo={`/victims/${victim.id}`}>
            Share with the police
          </SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
