import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { Button, StatusButton } from '~/components/button'
import { PageHeading } from '~/components/content'
import { DateInput, ErrorSummary, TextField } from '~/components/forms'
import { NotificationBanner } from '~/components/notification-banner'
import { Pagination } from '~/components/pagination'
import { SummaryList } from '~/components/summary-list'
import { Table, type Column } from '~/components/table'
import { parseAuditQuery, verifyAuditLog, viewAuditLog, type AuditRow } from '~/services/audit-log-admin.server'
import { clientIp, requireRole } from '~/services/auth.server'
import { readFormData } from '~/utils/form-data.server'
import { intentOf } from '~/utils/submission.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Audit log – Waypoint' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const { filters, values, errors, page } = parseAuditQuery(new URL(request.url).searchParams)
  // Viewing the audit log is itself audited (inside viewAuditLog).
  const events = await viewAuditLog(admin, filters, page, clientIp(context))
  return { events, values, errors }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  intentOf(await readFormData(request), ['verify'])
  return verifyAuditLog(admin, clientIp(context))
}

const describeRecord = (e: AuditRow) => (e.entityType ? `${e.entityType}${e.entityId ? ` ${e.entityId}` : ''}` : '–')

const COLUMNS: readonly Column<AuditRow>[] = [
  { key: 'seq', header: 'Event', numeric: true, cell: (e) => e.seq },
  { key: 'at', header: 'When', cell: (e) => formatDateTime(e.at) },
  { key: 'who', header: 'Who', wrap: true, cell: (e) => e.actorEmail ?? 'Not signed in' },
  { key: 'action', header: 'Action', wrap: true, cell: (e) => <code>{e.action}</code> },
  { key: 'record', header: 'Record', wrap: true, cell: describeRecord },
  { key: 'ip', header: 'IP address', cell: (e) => e.ip ?? '–' },
  { key: 'details', header: 'Details', wrap: true, cell: (e) => (e.details ? <code className="app-audit-details">{e.details}</code> : '–') },
]

export default function AuditLog() {
  const { events, values, errors } = useLoaderData<typeof loader>()
  const verification = useActionData<typeof action>()
  const { pathname } = useLocation()
  const dateErrors = [
    errors.from ? { id: 'from', message: errors.from } : null,
    errors.to ? { id: 'to', message: errors.to } : null,
  ].filter((e) => e !== null)
  const filtered = Boolean(values.action || values.actor || values.entityId || Object.values(values.from).some(Boolean) || Object.values(values.to).some(Boolean))
  return (
    <>
      <ErrorSummary errors={dateErrors} />
      {verification ? <VerificationResult {...verification} /> : null}
      <PageHeading>Audit log</PageHeading>
      <p className="govuk-body">
        Every sign-in, every view of a victim or case, every change and every export. Events cannot be changed or deleted, and
        each carries a fingerprint (hash) of the one before, so any tampering breaks the chain from that point on.
      </p>

      <h2 className="govuk-heading-m">Check the chain</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="verify" />
        <StatusButton variant="secondary" intent="verify" pendingText="Checking every event…">
          Verify the audit chain
        </StatusButton>
      </Form>

      <h2 className="govuk-heading-m">Find events</h2>
      <Form method="get" action={pathname} className="app-filter" role="search" aria-label="Filter audit events">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextField name="action" label="Action" hint="Starts with, for example auth.login" defaultValue={values.action} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField name="actor" label="Who" hint="Email address, or part of it" defaultValue={values.actor} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField name="entityId" label="Record ID" hint="Exactly, for example a user’s ID" defaultValue={values.entityId} spellCheck={false} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <DateInput name="from" legend="From" legendSize="s" hint="For example, 27 3 2026" values={values.from} error={errors.from} />
          </div>
          <div className="govuk-grid-column-one-half">
            <DateInput name="to" legend="To" legendSize="s" hint="Includes the whole of this day" values={values.to} error={errors.to} />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button variant="secondary">Apply filters</Button>
          {filtered ? (
            <Link className="govuk-link" to={pathname}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>

      {/* A download, so a full page request: the response is a file, not a page. */}
      <Form method="post" action="/admin/audit/export" reloadDocument>
        {Object.entries({
          action: values.action,
          actor: values.actor,
          entityId: values.entityId,
          'from-day': values.from.day,
          'from-month': values.from.month,
          'from-year': values.from.year,
          'to-day': values.to.day,
          'to-month': values.to.month,
          'to-year': values.to.year,
        }).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <Button variant="secondary">{filtered ? 'Export these events (CSV)' : 'Export all events (CSV)'}</Button>
      </Form>

      <Table
        testId="audit-table"
        caption={`${events.total.toLocaleString('en-GB')} ${events.total === 1 ? 'event' : 'events'}${filtered ? ' matching the filters' : ''}, newest first`}
        columns={COLUMNS}
        rows={events.rows}
        rowKey={(e) => e.seq}
        empty="No events match these filters."
      />
      <Pagination page={events.page} pageSize={events.pageSize} total={events.total} />
    </>
  )
}

function VerificationResult({ report, brokenRow }: Awaited<ReturnType<typeof action>>) {
  if (report.ok) {
    return (
      <NotificationBanner
        kind="success"
        title="Audit chain verified"
        message={`The audit chain is intact: all ${report.checked.toLocaleString('en-GB')} events checked.`}
        testId="verify-result"
      />
    )
  }
  const why =
    report.reason === 'hash_mismatch'
      ? 'This event’s contents no longer match its fingerprint: it was changed after it was written.'
      : 'This event does not follow on from the one before it: an event before it was changed, removed or reordered.'
  return (
    <NotificationBanner kind="important" title="Audit chain broken" testId="verify-result" message={`The audit chain is broken at event ${report.brokenAtSeq}.`}>
      <p className="govuk-body">
        {why} The {report.checked.toLocaleString('en-GB')} events before it are intact. Tell your information security lead now and keep
        a copy of the export.
      </p>
      {brokenRow ? (
        <SummaryList
          rows={[
            { key: 'Event', value: brokenRow.seq },
            { key: 'When', value: formatDateTime(brokenRow.at) },
            { key: 'Who', value: brokenRow.actorEmail ?? 'Not signed in' },
            { key: 'Action', value: brokenRow.action },
            { key: 'Record', value: describeRecord(brokenRow) },
            { key: 'Stored fingerprint', value: <code className="app-audit-details">{brokenRow.hash}</code> },
          ]}
        />
      ) : null}
    </NotificationBanner>
  )
}
