import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { EntitlementSummary } from '~/components/entitlements/complaint-list'
import { DateInput, ErrorSummary, fieldErrors, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { recordComplaintSchema } from '~/domain/entitlements/complaints'
import { clientIp, notFound, requireUser } from '~/services/auth.server'
import { getComplaintForm, recordComplaint } from '~/services/complaints.server'
import { redirectWithFlash } from '~/services/session.server'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Record a complaint – ${data?.victim.reference ?? 'Victim'} – Waypoint`,
  },
]

function ids(request: Request, params: LoaderFunctionArgs['params']) {
  const entitlementId = new URL(request.url).searchParams.get('entitlement')
  if (!params.victimId || !entitlementId) throw notFound()
  return { victimId: params.victimId, entitlementId }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { victimId, entitlementId } = ids(request, params)
  return getComplaintForm(user, victimId, entitlementId)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { victimId, entitlementId } = ids(request, params)
  // Who is asking is checked before the form is read (the service checks again when saving).
  await getComplaintForm(user, victimId, entitlementId)
  const submission = await parseForm(request, recordComplaintSchema())
  if (submission.status !== 'success') return invalid(submission)
  const result = await recordComplaint(user, victimId, entitlementId, submission.value, clientIp(context))
  if (!result.ok) return invalid(submission, result.issues)
  return redirectWithFlash(request, `/victims/${victimId}/complaints/${result.complaintId}`, 'Complaint recorded.')
}

export default function RecordComplaint() {
  const { victim, entitlement } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(recordComplaintSchema(), { id: `complaint-${entitlement.id}`, lastResult })
  const back = `/victims/${victim.id}#entitlements`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the victim</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading caption={victim.reference}>Record a complaint</PageHeading>
        <p className="govuk-body">
          Under Right 12 of the Victims’ Code the victim can complain when they did not get what they are entitled to. Record the complaint against the
          entitlement it is about, then record each stage as it happens.
        </p>
        <h2 className="govuk-heading-m">What the complaint is about</h2>
        <EntitlementSummary entitlement={entitlement} />
        <Form
          method="post"
          action={`/victims/${victim.id}/complaints/new?entitlement=${encodeURIComponent(entitlement.id)}`}
          {...getFormProps(form)}
          noValidate
        >
          <DateInput field={fields.receivedAt} legend="When was the complaint received?" legendSize="m" hint="For example, 27 11 2026" />
          <Textarea
            field={fields.summary}
            label="What is the complaint?"
            labelSize="m"
            hint="What the victim, or their parent or nominated contact, says was not done. Keep it short and factual. Do not include the names of other people."
            rows={5}
          />
          <ButtonGroup>
            <StatusButton pendingText="Saving…" preventDoubleClick>
              Save complaint
            </StatusButton>
            <Link className="govuk-link" to={back}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
