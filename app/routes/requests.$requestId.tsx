import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, WarningText } from '~/components/content'
import { ErrorSummary, fieldErrors, Radios, Textarea } from '~/components/forms'
import { SharingSummaryList } from '~/components/sharing/sharing-summary'
import { ShareStatusTag } from '~/components/sharing/share-status-tag'
import { SummaryList } from '~/components/summary-list'
import { useGovukForm } from '~/components/use-govuk-form'
import { stageLabel } from '~/domain/journey/stages'
import { SHARE_ACTION_LABELS, ShareAnswerSchema } from '~/domain/sharing/requests'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { answerShareRequest, getShareRequestView } from '~/services/share-requests.server'
import { formatDateTime } from '~/utils/format'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.request.kindLabel ?? 'Sharing request'} – Waypoint` }]

// The two organisations' caseworkers (the service checks the side and the actions).
const ROLES = ['advocate', 'officer', 'manager'] as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.requestId) throw notFound()
  return getShareRequestView(user, params.requestId, clientIp(context))
}

const DONE: Record<string, string> = {
  linked: 'The young person is linked to the case. You can now see their record.',
  declined: 'Declined. The service that shared the record can see why.',
  approved: 'Access given. The requesting organisation now holds the record too.',
  refused: 'Access refused. The requesting organisation can see why.',
  withdrawn: 'Request withdrawn.',
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const requestId = params.requestId
  if (!requestId) throw notFound()
  const submission = await parseForm(request, ShareAnswerSchema)
  if (submission.status !== 'success') return invalid(submission)
  const { intent, ...input } = submission.value
  const result = await answerShareRequest(user, requestId, intent, input, clientIp(context))
  if (!result.ok) return invalid(submission, result.issues)
  const to = result.caseId ? `/cases/${result.caseId}` : `/requests/${requestId}`
  return redirectWithFlash(request, to, DONE[result.status] ?? 'Saved.')
}

export default function ShareRequestPage() {
  const view = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { request: r } = view
  const [form, fields] = useGovukForm(ShareAnswerSchema, { id: 'answer', lastResult })
  const can = (a: (typeof view.actions)[number]) => view.actions.includes(a)
  const refusal = can('decline') ? 'decline' : can('refuse') ? 'refuse' : null
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/requests">Back to sharing requests</BackLink>
        <ErrorSummary errors={fieldErrors({ intent: fields.intent, version: fields.version, caseId: fields.caseId, reason: fields.reason }, form.errors)} />
        <h1 className="govuk-heading-l">
          {r.kindLabel} <ShareStatusTag status={r.status} />
        </h1>
        <SummaryList
          testId="request-details"
          rows={[
            { key: 'From', value: `${r.requestedBy}, ${r.from}` },
            { key: 'To', value: r.to },
            { key: 'Made', value: formatDateTime(r.at) },
            { key: r.kind === 'police_report' ? 'What the young person wants to report' : 'Why access is needed', value: r.reason },
            r.sharingBasis ? { key: 'Sharing covered by', value: r.sharingBasis === 'consent' ? 'Consent' : 'A recorded lawful basis' } : null,
            r.decidedAt ? { key: 'Answered', value: `${formatDateTime(r.decidedAt)} by ${r.decidedBy ?? 'someone no longer here'}` } : null,
            r.decisionReason ? { key: 'Reason given', value: r.decisionReason } : null,
            r.case ? { key: 'Linked to case', value: <Link className="govuk-link" to={`/cases/${r.case.id}`}>{r.case.crimeReference}</Link> } : null,
          ]}
        />
        {view.victimId ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/victims/${view.victimId}`}>
              Open the young person’s record
            </Link>
          </p>
        ) : null}
        {view.summary && r.status === 'pending' ? (
          <section aria-labelledby="summary-heading" data-testid="sharing-summary">
            <h2 className="govuk-heading-m" id="summary-heading">
              To help you decide
            </h2>
            <SharingSummaryList summary={view.summary} />
          </section>
        ) : null}
        {!view.summary ? (
          <p className="govuk-body">The holder of the record decides. You will see the record here once they give access.</p>
        ) : null}
        {fields.version.errors?.[0] ? <WarningText>{fields.version.errors[0]}</WarningText> : null}
        {fields.intent.errors?.[0] ? (
          <p className="govuk-error-message" id={fields.intent.id}>
            <span className="govuk-visually-hidden">Error:</span> {fields.intent.errors[0]}
          </p>
        ) : null}
        {view.actions.length ? (
          <Form method="post" {...getFormProps(form)} noValidate data-testid="request-actions">
            <input type="hidden" name="version" value={r.version} />
            {can('link') ? (
              <>
                <h2 className="govuk-heading-m">Link the young person to a case</h2>
                {view.cases.length ? (
                  <>
                    <Radios
                      field={fields.caseId}
                      legend="An existing case"
                      legendSize="s"
                      options={view.cases.map((c) => ({ value: c.id, label: c.crimeReference, hint: stageLabel(c.stage) }))}
                    />
                    <ButtonGroup>
                      <StatusButton name="intent" value="link" pendingText="Linking…">
                        {SHARE_ACTION_LABELS.link}
                      </StatusButton>
                    </ButtonGroup>
                  </>
                ) : (
                  <p className="govuk-body">You have no open case to link the young person to.</p>
                )}
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/cases/new?share=${r.id}`}>
                    Open a new case for this young person
                  </Link>
                </p>
              </>
            ) : null}
            {can('approve') ? (
              <ButtonGroup>
                <StatusButton name="intent" value="approve" pendingText="Saving…">
                  {SHARE_ACTION_LABELS.approve}
                </StatusButton>
              </ButtonGroup>
            ) : null}
            {refusal || can('withdraw') ? (
              <>
                {refusal ? <h2 className="govuk-heading-m">{refusal === 'decline' ? 'Or decline' : 'Or refuse'}</h2> : null}
                <Textarea
                  field={fields.reason}
                  label={refusal === 'decline' ? 'Why are the police declining?' : refusal === 'refuse' ? 'Why is access refused?' : 'Why are you withdrawing the request? (optional)'}
                  labelSize="s"
                  hint={refusal ? 'The organisation that made the request will see this.' : undefined}
                  rows={3}
                />
                <ButtonGroup>
                  {refusal ? (
                    <StatusButton name="intent" value={refusal} variant="warning" pendingText="Saving…">
                      {SHARE_ACTION_LABELS[refusal]}
                    </StatusButton>
                  ) : null}
                  {can('withdraw') ? (
                    <StatusButton name="intent" value="withdraw" variant="secondary" pendingText="Saving…">
                      {SHARE_ACTION_LABELS.withdraw}
                    </StatusButton>
                  ) : null}
                </ButtonGroup>
              </>
            ) : null}
          </Form>
        ) : null}
      </div>
    </div>
  )
}
