import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { isEmailTemplate, renderSample } from '#emails/catalogue'
import { EmailFrame, EmailText } from '~/components/admin/email-preview'
import { BackLink, InsetText, PageHeading } from '~/components/content'
import { SummaryList } from '~/components/summary-list'
import { notFound, requireRole } from '~/services/auth.server'

// One email template rendered with its invented sample values: how it looks (in a frame sandboxed
// with no permissions, so the email's HTML can neither run nor reach this page) and the plain-text
// version exactly as sent. Administrators only.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.description ?? 'Email template'} – Email templates – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['admin'])
  const template = params.template ?? ''
  if (!isEmailTemplate(template)) throw notFound('There is no email template with that name.')
  return renderSample(template)
}

export default function EmailTemplatePreview() {
  const email = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/emails">Back to email templates</BackLink>
        <PageHeading caption="Email templates">{email.description}</PageHeading>
        <SummaryList
          testId="email-template"
          rows={[
            { key: 'Template', value: email.template },
            { key: 'Subject', value: email.subject, testId: 'email-subject' },
            {
              key: 'One-time link',
              value: email.secret ? 'Yes: its content is never shown on the outbox and is erased once sent' : 'No',
            },
          ]}
        />
        <InsetText>The values in this example are invented.</InsetText>
        <h2 className="govuk-heading-m">How it looks</h2>
        {/* The page's security policy (style-src 'self') reaches into the frame in production. */}
        <p className="govuk-hint">Email programs show it in Waypoint’s colours and fonts; this page may show it plainly.</p>
        <EmailFrame html={email.html} title={`Example of the email: ${email.description}`} />
        <h2 className="govuk-heading-m">Plain-text version</h2>
        <EmailText text={email.text} />
      </div>
    </div>
  )
}
