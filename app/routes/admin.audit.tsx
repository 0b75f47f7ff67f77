import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Pagination } from '~/components/pagination'
import { listAuditEvents } from '~/services/admin.server'
import { audit, verifyAuditChain } from '~/services/audit.server'
import { clientIp, requireRole } from '~/services/auth.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Audit log – Waypoint' }]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined)
const Query = z.object({
  action: z.string().max(60).optional().catch(undefined),
  actor: z.string().max(254).optional().catch(undefined),
  entityId: z.string().max(100).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
})

const dayStart = (d?: string) => (d ? new Date(`${d}T00:00:00Z`) : undefined)
const nextDay = (d?: string) => (d ? new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000) : undefined)

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const q = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const events = await listAuditEvents(admin, {
    action: q.action || undefined,
    actor: q.actor || undefined,
    entityId: q.entityId || undefined,
    from: dayStart(q.from),
    to: nextDay(q.to),
    page: q.page,
  })
  // Reading the audit log is itself audited.
  await audit({ actor: admin, action: 'audit.view', entityType: 'audit', ip: clientIp(context), details: { filters: { ...q } } })
  return { events, q }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const report = await verifyAuditChain()
  await audit({ actor: admin, action: 'audit.verify', entityType: 'audit', ip: clientIp(context), details: { ...report } })
  return { report }
}

export default function AuditLog() {
  const { events, q } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every view of a victim or case, every change, export and sign-in. Rows cannot be changed or deleted; each carries the hash of the one before.</p>
      {result ? (
        result.report.ok ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="verify-title" data-testid="verify-result">
            <div className="govuk-notification-banner__header"><h2 className="govuk-notification-banner__title" id="verify-title">Success</h2></div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">The audit chain is intact: {result.report.checked} rows checked.</p>
            </div>
          </div>
        ) : (
          <div className="govuk-error-summary" role="alert" data-testid="verify-result">
            <h2 className="govuk-error-summary__title">The audit chain is broken</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">Row {result.report.brokenAtSeq} does not match ({result.report.reason === 'hash_mismatch' ? 'its contents were changed' : 'a row before it was changed, removed or reordered'}). {result.report.checked} rows before it are intact. Report this to your information security lead.</p>
            </div>
          </div>
        )
      ) : null}
      <Form method="post">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Verify the audit chain</button>
      </Form>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <Filter id="action" label="Action starts with" value={q.action} hint="For example victim.view or auth.login" />
          <Filter id="actor" label="Who (email contains)" value={q.actor} />
          <Filter id="entityId" label="Record ID" value={q.entityId} />
        </div>
        <div className="govuk-grid-row">
          <Filter id="from" label="From date" value={q.from} type="date" />
          <Filter id="to" label="To date" value={q.to} type="date" />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">Apply filters</button>
      </Form>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{events.total} audit rows</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">#</th>
            <th scope="col" className="govuk-table__header">When</th>
            <th scope="col" className="govuk-table__header">Who</th>
            <th scope="col" className="govuk-table__header">Action</th>
            <th scope="col" className="govuk-table__header">Record</th>
            <th scope="col" className="govuk-table__header">IP address</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.rows.map((e) => (
            <tr key={e.seq} className="govuk-table__row">
              <td className="govuk-table__cell">{e.seq}</td>
              <td className="govuk-table__cell">{formatDateTime(e.at)}</td>
              <td className="govuk-table__cell">{e.actorEmail ?? '–'}</td>
              <td className="govuk-table__cell"><code>{e.action}</code></td>
              <td className="govuk-table__cell">{e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '–'}</td>
              <td className="govuk-table__cell">{e.ip ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={events.page} pageSize={events.pageSize} total={events.total} />
    </>
  )
}

function Filter({ id, label, value, hint, type = 'text' }: { id: string; label: string; value?: string; hint?: string; type?: string }) {
  return (
    <div className="govuk-grid-column-one-third govuk-form-group">
      <label className="govuk-label" htmlFor={id}>{label}</label>
      {hint ? <div className="govuk-hint" id={`${id}-hint`}>{hint}</div> : null}
      <input className="govuk-input" id={id} name={id} type={type} defaultValue={value ?? ''} aria-describedby={hint ? `${id}-hint` : undefined} />
    </div>
  )
}
