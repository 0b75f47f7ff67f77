import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Radios, Textarea, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { CONSENT_GIVERS, ConsentSchema, LAWFUL_BASES, WithdrawConsentSchema } from '~/domain/victims/schema'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { addConsent, getVictimHeader, withdrawConsent } from '~/services/victims.server'
import { readFormData } from '~/utils/form-data.server'
import { displayName } from '~/utils/format'
import { invariantResponse } from '~/utils/invariant'
import { invalid, parseIntent } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Record consent for ${data?.reference ?? 'victim'} – Waypoint` }]

const EDITORS = ['advocate', 'officer', 'manager'] as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, EDITORS)
  if (!params.victimId) throw notFound()
  const v = await getVictimHeader(user, params.victimId, clientIp(context), 'consent')
  return { id: v.id, reference: v.reference, name: displayName(v) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITORS)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  const to = `/victims/${victimId}#consent`
  const { intent, submission } = parseIntent(await readFormData(request), { withdraw: WithdrawConsentSchema, add: ConsentSchema })
  if (intent === 'withdraw') {
    invariantResponse(submission.status === 'success', 'The form could not be read.')
    const result = await withdrawConsent(user, victimId, submission.value.consentId, clientIp(context))
    return redirectWithFlash(request, to, result.ok ? 'Consent withdrawn' : { kind: 'info', message: 'That consent was already withdrawn' })
  }
  if (submission.status !== 'success') return invalid(submission)
  await addConsent(user, victimId, submission.value, clientIp(context))
  return redirectWithFlash(request, to, 'Consent recorded')
}

export default function RecordConsent() {
  const v = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(ConsentSchema, { lastResult })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/victims/${v.id}`}>Back to victim</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading caption={`${v.reference} – ${v.name}`}>Record consent or a lawful basis for sharing</PageHeading>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="add" />
          <Textarea
            field={fields.scope}
            label="What may be shared"
            hint="For example, updates on the investigation, their needs assessment"
            rows={3}
          />
          <TextField
            field={fields.sharedWith}
            label="Who it may be shared with"
            hint="An organisation or role, for example, Northmoor Police OIC"
            width={30}
          />
          <Radios
            field={fields.basis}
            legend="How was sharing agreed?"
            legendSize="s"
            options={[
              { value: 'consent', label: 'Consent was given' },
              { value: 'lawful_basis', label: 'Shared without consent, under a lawful basis' },
            ]}
          />
          <Radios field={fields.givenBy} legend="If consent was given, who gave it?" legendSize="s" options={CONSENT_GIVERS} small />
          <Radios field={fields.lawfulBasis} legend="If shared without consent, which lawful basis?" legendSize="s" options={LAWFUL_BASES} small />
          <ButtonGroup>
            <StatusButton pendingText="Saving…" preventDoubleClick>
              Save
            </StatusButton>
            <Link className="govuk-link" to={`/victims/${v.id}`}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
