import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '~/components/content'
import { JobRuns, LocalCaptureNotice, OutboxStatusTag, whenText } from '~/components/notifications/outbox'
import { Pagination } from '~/components/pagination'
import { SubNavigation } from '~/components/sub-navigation'
import { Table } from '~/components/table'
import { requireRole } from '~/services/auth.server'
import { outboxPage } from '~/services/outbox-admin.server'
import { formatDateTime } from '~/utils/format'

// The administrator's outbox: every email queued, sent or failed, newest first.
export const meta: MetaFunction = () => [{ title: 'Outbox – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const params = new URL(request.url).searchParams
  return outboxPage(admin, { status: params.get('status'), page: Number(params.get('page') ?? '1') })
}

const TABS = [
  { filter: 'all', text: 'All' },
  { filter: 'queued', text: 'Queued' },
  { filter: 'sent', text: 'Sent' },
  { filter: 'failed', text: 'Failed' },
] as const

export default function Outbox() {
  const outbox = useLoaderData<typeof loader>()
  const { counts } = outbox
  const count = (filter: (typeof TABS)[number]['filter']) => (filter === 'all' ? counts.queued + counts.sent + counts.failed : counts[filter])
  const shown = TABS.find((t) => t.filter === outbox.filter)!
  return (
    <>
      <PageHeading>Outbox</PageHeading>
      <p className="govuk-body">
        Every email Waypoint has written, newest first. An email that could not be sent is tried again, waiting longer each time; one the email provider
        refused is marked failed and waits for you to retry it.
      </p>
      {outbox.capturedLocally ? <LocalCaptureNotice /> : null}
      <SubNavigation
        label="Emails by status"
        items={TABS.map((t) => ({
          href: t.filter === 'all' ? '/admin/outbox' : `/admin/outbox?status=${t.filter}`,
          text: `${t.text} (${count(t.filter)})`,
          current: outbox.filter === t.filter,
        }))}
      />
      <Table
        caption={`${shown.text === 'All' ? 'All emails' : `${shown.text} emails`} (${outbox.total}), newest first`}
        captionSize="s"
        testId="outbox"
        rows={outbox.rows}
        rowKey={(r) => r.id}
        rowAttributes={(r) => ({ testId: `outbox-${r.id}` })}
        empty={outbox.filter === 'all' ? 'No emails yet.' : `No ${shown.text.toLowerCase()} emails.`}
        columns={[
          {
            key: 'created',
            header: 'Created',
            cell: (r) => (
              <Link className="govuk-link" to={`/admin/outbox/${r.id}`}>
                {formatDateTime(r.createdAt)}
                <span className="govuk-visually-hidden">
                  {' '}
                  – {r.description} to {r.to}
                </span>
              </Link>
            ),
          },
          { key: 'email', header: 'Email', cell: (r) => r.description },
          { key: 'to', header: 'To', cell: (r) => r.to, wrap: true },
          { key: 'status', header: 'Status', cell: (r) => <OutboxStatusTag group={r.group} /> },
          { key: 'attempts', header: 'Attempts', cell: (r) => r.attempts, numeric: true },
          { key: 'when', header: 'When', cell: (r) => whenText(r) },
          { key: 'error', header: 'Last error', cell: (r) => r.lastError ?? '', wrap: true },
        ]}
      />
      <Pagination page={outbox.page} pageSize={outbox.pageSize} total={outbox.total} label="Outbox pages" />
      <JobRuns runs={outbox.jobRuns} />
    </>
  )
}
