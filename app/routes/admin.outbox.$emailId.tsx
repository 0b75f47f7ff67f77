import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { StatusButton } from '~/components/button'
import { BackLink, InsetText, PageHeading } from '~/components/content'
import { LocalCaptureNotice, OutboxStatusTag, whenText } from '~/components/notifications/outbox'
import { SummaryList } from '~/components/summary-list'
import { clientIp, requireRole } from '~/services/auth.server'
import { getOutboxEmail, retryOutboxEmail } from '~/services/outbox-admin.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { intentOf } from '~/utils/submission.server'
import { formatDateTime } from '~/utils/format'

// One email in the outbox: its details, subject and plain text (never the body of an email carrying
// a one-time sign-in link), and "Retry now" / "Send now".
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.email.description ?? 'Email'} – Outbox – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { email: await getOutboxEmail(admin, params.emailId ?? '') }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  intentOf(await readFormData(request), ['retry'])
  const id = params.emailId ?? ''
  const result = await retryOutboxEmail(admin, id, clientIp(context))
  const message = result.ok
    ? result.from === 'failed'
      ? 'The email will be tried again now.'
      : 'The email will be sent now.'
    : result.status === 'sent'
      ? 'This email has already been sent.'
      : 'This email is being sent now.'
  return redirectWithFlash(request, `/admin/outbox/${id}`, message)
}

export default function OutboxEmail() {
  const { email } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/outbox">Back to the outbox</BackLink>
        <PageHeading caption="Outbox">{email.description}</PageHeading>
        {email.capturedLocally ? <LocalCaptureNotice /> : null}
        <SummaryList
          testId="outbox-email"
          rows={[
            { key: 'Status', value: <OutboxStatusTag group={email.group} /> },
            { key: 'To', value: email.to },
            { key: 'Subject', value: email.subject },
            { key: 'Created', value: formatDateTime(email.createdAt) },
            { key: 'Attempts', value: String(email.attempts) },
            { key: email.group === 'sent' ? 'Sent' : email.group === 'failed' ? 'Failed' : 'Next attempt', value: whenText(email) },
            email.lastError ? { key: 'Last error', value: email.lastError } : null,
          ]}
        />
        {email.canRetry ? (
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            <StatusButton pendingText="Sending…">{email.group === 'failed' ? 'Retry now' : 'Send now'}</StatusButton>
          </Form>
        ) : null}
        <h2 className="govuk-heading-m">What it says</h2>
        {email.secret ? (
          <InsetText testId="body-withheld">This email carries a one-time sign-in link, so its content is not shown.</InsetText>
        ) : email.text ? (
          <pre className="govuk-body app-email-text" data-testid="email-text">
            {email.text}
          </pre>
        ) : (
          <p className="govuk-body" data-testid="email-text">
            Not written yet: the email is put together when it is first sent.
          </p>
        )}
      </div>
    </div>
  )
}
