import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ComplaintStatusTag, EntitlementSummary } from '~/components/entitlements/complaint-list'
import { EditConflictNotice } from '~/components/edit-conflict'
import { DateInput, ErrorSummary, fieldErrors, Radios, Textarea } from '~/components/forms'
import { SummaryList } from '~/components/summary-list'
import { useGovukForm } from '~/components/use-govuk-form'
import { toDateParts } from '~/domain/calendar/date-parts'
import { COMPLAINT_OUTCOMES, NO_OUTCOME, outcomeLabel, updateComplaintSchema } from '~/domain/entitlements/complaints'
import { clientIp, notFound, requireUser } from '~/services/auth.server'
import { getComplaint, getComplaintForUpdate, updateComplaint } from '~/services/complaints.server'
import { redirectWithFlash } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Complaint about Right ${data?.complaint.entitlement.right ?? ''} – ${data?.victim.reference ?? 'Victim'} – Waypoint`,
  },
]

function ids(params: LoaderFunctionArgs['params']) {
  if (!params.victimId || !params.complaintId) throw notFound()
  return { victimId: params.victimId, complaintId: params.complaintId }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { victimId, complaintId } = ids(params)
  const view = await getComplaint(user, victimId, complaintId, clientIp(context))
  const c = view.complaint
  return {
    ...view,
    defaultValue: {
      acknowledgedAt: toDateParts(c.acknowledgedAt),
      respondedAt: toDateParts(c.respondedAt),
      outcome: c.outcome ?? NO_OUTCOME,
      outcomeNotes: c.outcomeNotes ?? '',
      version: String(c.version),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { victimId, complaintId } = ids(params)
  const ip = clientIp(context)
  // Who is asking is checked before the form is read; the stored received date orders the stages.
  const { receivedAt } = await getComplaintForUpdate(user, victimId, complaintId)
  const submission = await parseForm(request, updateComplaintSchema({ receivedAt }))
  if (submission.status !== 'success') return data({ result: reply(submission), conflict: null }, { status: 400 })
  const { version, ...stages } = submission.value
  const result = await updateComplaint(user, victimId, complaintId, stages, version, ip)
  if (!result.ok && 'conflict' in result) return data({ result: reply(submission), conflict: result.conflict }, { status: 409 })
  if (!result.ok) return data({ result: reply(submission, result.issues), conflict: null }, { status: 400 })
  return redirectWithFlash(request, `/victims/${victimId}/complaints/${complaintId}`, result.changed.length ? 'Complaint updated.' : 'No changes to save.')
}

const dateOrNot = (d: Date | string | null, not: string) => (d ? formatDate(d) : not)
const multiline = (text: string) => <span className="app-preserve-lines">{text}</span>

export default function ComplaintPage() {
  const { victim, complaint, canUpdate, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const receivedAt = new Date(complaint.receivedAt)
  const [form, fields] = useGovukForm(updateComplaintSchema({ receivedAt }), { id: `complaint-${complaint.id}`, lastResult: actionData?.result, defaultValue })
  // After a conflict the form edits the version now saved, so saving again keeps these answers on
  // purpose; after other errors, still the version it was opened at.
  const submitted = actionData?.result.initialValue?.version
  const version = actionData?.conflict?.currentVersion ?? (typeof submitted === 'string' ? submitted : defaultValue.version)
  const back = `/victims/${victim.id}#entitlements`
  const right = complaint.entitlement.right
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the victim</BackLink>
        {actionData?.conflict ? (
          <ConflictNotice current={actionData.conflict.current} />
        ) : (
          <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        )}
        <PageHeading caption={victim.reference}>Complaint about Right {right}</PageHeading>
        <p className="govuk-body">
          <ComplaintStatusTag complaint={complaint} />
        </p>
        <h2 className="govuk-heading-m">What it is about</h2>
        <EntitlementSummary entitlement={complaint.entitlement} />
        <h2 className="govuk-heading-m">The complaint</h2>
        <SummaryList
          testId="complaint-stages"
          rows={[
            { key: 'Received', value: formatDate(complaint.receivedAt) },
            {
              key: 'What the complaint is',
              value: multiline(complaint.summary),
            },
            {
              key: 'Acknowledged',
              value: dateOrNot(complaint.acknowledgedAt, 'Not yet'),
            },
            {
              key: 'Responded to',
              value: dateOrNot(complaint.respondedAt, 'Not yet'),
            },
            {
              key: 'Outcome',
              value: complaint.outcome ? outcomeLabel(complaint.outcome) : 'Not decided yet',
            },
            complaint.outcomeNotes
              ? {
                  key: 'Notes on the outcome',
                  value: multiline(complaint.outcomeNotes),
                }
              : null,
          ]}
        />
        {canUpdate ? (
          <Form method="post" {...getFormProps(form)} noValidate>
            <h2 className="govuk-heading-m">Update the complaint</h2>
            <p className="govuk-body">Record each stage when it happens. Leave a date blank if that stage has not happened yet.</p>
            <input type="hidden" name="version" value={String(version)} key={String(version)} />
            <DateInput field={fields.acknowledgedAt} legend="When was the complaint acknowledged?" legendSize="s" hint="For example, 27 11 2026" />
            <DateInput field={fields.respondedAt} legend="When was the response sent?" legendSize="s" hint="For example, 27 11 2026" />
            <Radios
              field={fields.outcome}
              legend="What was the outcome?"
              legendSize="s"
              hint="A complaint has an outcome once it has been responded to. The victim can withdraw it at any time."
              options={[
                { value: NO_OUTCOME, label: 'Not decided yet' },
                ...COMPLAINT_OUTCOMES.map((o) => ({
                  value: o.id,
                  label: o.label,
                })),
              ]}
            />
            <Textarea
              field={fields.outcomeNotes}
              label="Notes on the outcome (optional)"
              labelSize="s"
              hint="For example, what was put right. Do not include the names of other people."
              rows={4}
            />
            <ButtonGroup>
              {/* A new button per version: GOV.UK's double-click guard would swallow a save made within a second of a refused one. */}
              <StatusButton key={String(version)} pendingText="Saving…" preventDoubleClick>
                Save changes
              </StatusButton>
              <Link className="govuk-link" to={back}>
                Cancel
              </Link>
            </ButtonGroup>
          </Form>
        ) : null}
      </div>
    </div>
  )
}

type Stages = {
  acknowledgedAt: string | Date | null
  respondedAt: string | Date | null
  outcome: string | null
  outcomeNotes: string | null
}

/** A save lost an optimistic-concurrency race: what is saved now; the user's answers stay in the form. */
function ConflictNotice({ current }: { current: Stages }) {
  return (
    <EditConflictNotice
      record="complaint"
      rows={[
        { key: 'Acknowledged', value: dateOrNot(current.acknowledgedAt, 'Not yet') },
        { key: 'Responded to', value: dateOrNot(current.respondedAt, 'Not yet') },
        { key: 'Outcome', value: current.outcome ? outcomeLabel(current.outcome) : 'Not decided yet' },
      ]}
    />
  )
}
