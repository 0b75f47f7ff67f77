import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { isEmailTemplate, renderSample } from '#emails/catalogue'
import { EmailText } from '~/components/admin/email-preview'
import { BackLink, InsetText, PageHeading } from '~/components/content'
import { SummaryList } from '~/components/summary-list'
import { notFound, requireRole } from '~/services/auth.server'

// One email template rendered with its invented sample values: the plain-text version exactly as
// sent, and a link to how it looks (its HTML as a sandboxed document of its own:
// admin.emails.$template_.html.tsx). Administrators only.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.description ?? 'Email template'} – Email templates – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['admin'])
  const template = params.template ?? ''
  if (!isEmailTemplate(template)) throw notFound('There is no email template with that name.')
  const { html: _html, ...email } = await renderSample(template)
  return email
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
        <p className="govuk-body">
          <a className="govuk-link" href={`/admin/emails/${email.template}/html`} data-testid="email-html-link">
            See the email as it looks in an email program<span className="govuk-visually-hidden">{`: ${email.description}`}</span>
          </a>
        </p>
        <h2 className="govuk-heading-m">Plain-text version</h2>
        <EmailText text={email.text} />
      </div>
    </div>
  )
}
