import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { BackLink } from '~/components/content'
import { ConsentLink } from '~/components/victim/consent-link'
import { ErrorSummary, fieldErrors, Radios, Select, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { referralFormSchema } from '~/domain/support/forms'
import { SERVICE_TYPES, serviceTypeLabel } from '~/domain/support/referrals'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getReferralForm, makeReferral } from '~/services/referrals.server'
import { redirectWithFlash } from '~/services/session.server'
import { displayName } from '~/utils/format'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Refer to a support service – ${data?.victim.reference ?? 'Victim'} – Waypoint` }]

// Who may refer: those who may update the victim (the service checks canUpdateVictim).
const ROLES = ['advocate', 'officer', 'manager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.victimId) throw notFound()
  // One key per rendering of the form: a double submit makes one referral.
  return { ...(await getReferralForm(user, params.victimId)), idempotencyKey: crypto.randomUUID() }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  await getReferralForm(user, victimId)
  const submission = await parseForm(request, referralFormSchema)
  if (submission.status !== 'success') return data({ result: reply(submission), consentLink: false }, { status: 400 })
  const { idempotencyKey, ...input } = submission.value
  const result = await makeReferral(user, victimId, input, idempotencyKey, clientIp(context))
  if (!result.ok) return data({ result: reply(submission, result.issues), consentLink: result.consentLink ?? false }, { status: 400 })
  return redirectWithFlash(request, `/referrals/${result.referralId}`, result.duplicate ? 'Referral already sent.' : 'Referral sent to the service.')
}

export default function NewReferral() {
  const { victim, organisations, idempotencyKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(referralFormSchema, { id: 'referral', lastResult: actionData?.result, defaultValue: { idempotencyKey } })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/victims/${victim.id}#support`}>Back to the victim</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <span className="govuk-caption-l">
          {victim.reference} · {displayName(victim)}
        </span>
        <h1 className="govuk-heading-l">Refer to a support service</h1>
        <p className="govuk-body">
          A referral shares this young person’s information with the service. It can be made only when consent, or a recorded lawful basis for sharing without
          it, names the organisation.
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name={fields.idempotencyKey.name} value={idempotencyKey} />
          <Select
            field={fields.organisationId}
            label="Organisation"
            labelSize="m"
            placeholder="Select an organisation"
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          {actionData?.consentLink ? <ConsentLink victimId={victim.id} /> : null}
          <Radios
            field={fields.serviceType}
            legend="Service"
            legendSize="m"
            options={SERVICE_TYPES.map((s) => {
              const offeredBy = organisations.filter((o) => o.services.includes(s.id)).map((o) => o.name)
              return {
                value: s.id,
                label: serviceTypeLabel(s.id),
                hint: offeredBy.length ? `Offered by ${offeredBy.join(', ')}` : 'Not offered by any organisation yet',
              }
            })}
          />
          <Textarea field={fields.reason} label="Why are you making the referral?" labelSize="m" hint="Shared with the receiving service." rows={5} />
          <SubmitOrCancel pendingText="Sending…" cancelTo={`/victims/${victim.id}#support`}>Send referral</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
