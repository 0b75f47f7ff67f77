import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { ByOrganisationTable, ByRightTable, ComplianceTotals, DrillDownTable } from '~/components/compliance/compliance-tables'
import { DateInput, ErrorSummary } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { parseComplianceQuery, STATUS_HEADINGS } from '~/domain/entitlements/compliance'
import { clientIp, requireUser } from '~/services/auth.server'
import { complianceView } from '~/services/compliance.server'
import { formatDate } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: "Victims' Code compliance – Waypoint" }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = parseComplianceQuery(new URL(request.url).searchParams, new Date())
  // Access: complianceView refuses advocates and administrators (403) and counts only
  // entitlements of cases and victims this user may see (caseWhere / victimWhere).
  const view = await complianceView(user, query, { ip: clientIp(context) })
  return { ...view, query: { typed: query.typed, errors: query.errors, filters: query.filters } }
}

export default function Compliance() {
  const { period, summary, list, filterLabels, query } = useLoaderData<typeof loader>()
  const errors = [
    query.errors.from ? { id: 'from', message: query.errors.from } : null,
    query.errors.to ? { id: 'to', message: query.errors.to } : null,
  ].filter((e) => e !== null)
  const { filters } = query
  const filtered = Boolean(filters.status || filters.right !== undefined || filters.rule || filters.org)
  const described = [
    filterLabels.status ? STATUS_HEADINGS[filterLabels.status].toLowerCase() : null,
    filterLabels.right !== undefined ? `right ${filterLabels.right}` : null,
    filterLabels.rule ?? null,
    filterLabels.org ?? null,
  ].filter(Boolean)
  const noun = list.total === 1 ? 'entitlement' : 'entitlements'
  const caption = `${list.total.toLocaleString('en-GB')} ${noun}${described.length ? `: ${described.join(', ')}` : ''}`
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Victims’ Code compliance</h1>
      <p className="govuk-body">
        Entitlements due from {formatDate(period.from)} to {formatDate(period.to)} on the cases and victims you can see, as they stand now.
        Select a number to see the entitlements behind it.
      </p>

      <Form method="get" action="/compliance" className="app-filter" role="search" aria-label="Choose the period">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <DateInput name="from" legend="Due from" legendSize="s" hint="For example, 1 11 2026" values={query.typed.from} error={query.errors.from} />
          </div>
          <div className="govuk-grid-column-one-half">
            <DateInput name="to" legend="Due to" legendSize="s" hint="For example, 31 12 2026" values={query.typed.to} error={query.errors.to} />
          </div>
        </div>
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        {filters.right !== undefined ? <input type="hidden" name="right" value={filters.right} /> : null}
        {filters.rule ? <input type="hidden" name="rule" value={filters.rule} /> : null}
        {filters.org ? <input type="hidden" name="org" value={filters.org} /> : null}
        <div className="govuk-button-group">
          <Button>Show</Button>
          <Link className="govuk-link" to="/compliance">
            Reset to the last and next 28 days
          </Link>
        </div>
      </Form>

      <h2 className="govuk-heading-m">In the period</h2>
      <ComplianceTotals period={period} totals={summary.totals} />

      {summary.totals.total === 0 ? (
        <p className="govuk-body">No entitlements of the cases and victims you can see fall due in this period.</p>
      ) : (
        <>
          <ByRightTable period={period} rows={summary.byRight} />
          <ByOrganisationTable period={period} rows={summary.byOrganisation} />
        </>
      )}

      <section id="cases" aria-labelledby="cases-heading">
        <h2 className="govuk-heading-m" id="cases-heading">
          Entitlements
        </h2>
        {filtered ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/compliance?from=${period.from}&to=${period.to}#cases`}>
              Show all entitlements in the period
            </Link>
          </p>
        ) : null}
        {list.total === 0 ? (
          <p className="govuk-body">{caption}.</p>
        ) : (
          <>
            <DrillDownTable rows={list.rows} caption={caption} />
            <Pagination page={list.page} pageSize={list.pageSize} total={list.total} label="Pages of entitlements" />
          </>
        )}
      </section>
    </>
  )
}
