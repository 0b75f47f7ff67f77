import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EMAIL_TEMPLATES, EMAILS, emailSubject } from '#emails/catalogue'
import { PageHeading } from '~/components/content'
import { Table, type Column } from '~/components/table'
import { Tag } from '~/components/tag'
import { requireRole } from '~/services/auth.server'

// Every email Waypoint sends, with its subject as it reads with the invented
// sample values; each links to its full preview. Administrators only.

export const meta: MetaFunction = () => [{ title: 'Email templates – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['admin'])
  const templates = EMAIL_TEMPLATES.map((template) => {
    const { description, secret, sample } = EMAILS[template]
    return { template, description, secret, subject: emailSubject(template, sample as never) }
  })
  return { templates }
}

type Row = Awaited<ReturnType<typeof loader>>['templates'][number]

const COLUMNS: readonly Column<Row>[] = [
  {
    key: 'template',
    header: 'Email',
    cell: (t) => (
      <>
        <Link className="govuk-link" to={`/admin/emails/${t.template}`}>
          {t.description}
        </Link>
        <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">Template: {t.template}</span>
      </>
    ),
  },
  { key: 'subject', header: 'Subject (sample)', wrap: true, cell: (t) => t.subject },
  {
    key: 'secret',
    header: 'One-time link',
    cell: (t) => (t.secret ? <Tag colour="orange">Yes</Tag> : 'No'),
  },
]

export default function EmailTemplates() {
  const { templates } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeading>Email templates</PageHeading>
      <p className="govuk-body">
        Every email Waypoint sends, shown with invented sample values. An email names no victim and gives no address, date of birth or case
        detail: only the pseudonymous Waypoint reference and a link to sign in and see more.
      </p>
      <p className="govuk-body">
        Emails with a one-time link let someone set a password. Their content is never shown on the{' '}
        <Link className="govuk-link" to="/admin/outbox">
          outbox
        </Link>{' '}
        and is erased once sent.
      </p>
      <Table
        testId="email-templates"
        caption={`${templates.length} email templates`}
        columns={COLUMNS}
        rows={templates}
        rowKey={(t) => t.template}
      />
    </>
  )
}
