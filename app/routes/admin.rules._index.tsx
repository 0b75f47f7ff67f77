import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '~/components/content'
import { DeadlineDays, DeadlineToBeConfirmed } from '~/components/entitlements/deadline-note'
import { Table, type Column } from '~/components/table'
import { requireRole } from '~/services/auth.server'
import { listRuleDeadlines } from '~/services/rule-deadlines.server'
import { formatDate } from '~/utils/format'

// The Victims' Code rules Waypoint checks, with each deadline as published and any local one
//. Deadlines the reference could not confirm carry a "to be confirmed locally"
// note; an administrator sets the local deadline on the rule's own page.

export const meta: MetaFunction = () => [{ title: 'Victims’ Code deadlines – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { ruleSets: await listRuleDeadlines(admin) }
}

type RuleSet = Awaited<ReturnType<typeof loader>>['ruleSets'][number]
type Row = RuleSet['rules'][number] & { ruleSetId: string }

const COLUMNS: readonly Column<Row>[] = [
  { key: 'right', header: 'Right', numeric: true, cell: (r) => r.right },
  {
    key: 'rule',
    header: 'Entitlement',
    cell: (r) => (
      <>
        {r.summary}
        <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">When: {r.triggers.join('; ')}</span>
      </>
    ),
  },
  { key: 'owner', header: 'Owed by', cell: (r) => r.owner },
  {
    key: 'published',
    header: 'Published deadline',
    cell: (r) => (
      <>
        <DeadlineDays {...r.published} />
        <span className="govuk-!-font-size-16 govuk-!-display-block">{r.confidenceLabel}</span>
        {r.needsLocalConfirmation ? <DeadlineToBeConfirmed testId={`deadline-to-be-confirmed-${r.id}`} /> : null}
      </>
    ),
  },
  {
    key: 'local',
    header: 'Local deadline',
    cell: (r) =>
      r.override ? (
        <div data-testid={`override-${r.id}`}>
          <DeadlineDays {...r.override} />
          <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">
            Set by {r.override.updatedBy} on {formatDate(r.override.updatedAt)}: {r.override.reason}
          </span>
        </div>
      ) : (
        'None'
      ),
  },
  {
    key: 'actions',
    header: <span className="govuk-visually-hidden">Actions</span>,
    cell: (r) => (
      <Link className="govuk-link" to={`/admin/rules/${r.ruleSetId}/${r.id}`}>
        Change<span className="govuk-visually-hidden"> the deadline for {r.summary}</span>
      </Link>
    ),
  },
]

export default function RuleDeadlines() {
  const { ruleSets } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeading caption="Victims’ Code">Deadlines</PageHeading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Each entitlement is due a number of working days after the event that starts it: fewer for victims with enhanced rights. Where the published
            deadline could not be confirmed, agree one with your local partners and set it here. A local deadline replaces the published one for every
            case, and due dates are recalculated straight away.
          </p>
        </div>
      </div>
      {ruleSets.map((rs) => (
        <section key={rs.id} aria-labelledby={`rule-set-${rs.id}`}>
          <h2 className="govuk-heading-m" id={`rule-set-${rs.id}`}>
            {rs.title}
          </h2>
          <Table
            testId={`rules-${rs.id}`}
            caption={`${rs.rules.length} rules in ${rs.id}`}
            captionSize="s"
            columns={COLUMNS}
            rows={rs.rules.map((r) => ({ ...r, ruleSetId: rs.id }))}
            rowKey={(r) => r.id}
          />
        </section>
      ))}
    </>
  )
}
