import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { BarChart, DataTable, DistributionChart, FunnelChart, TrendChart, countText, percentText } from '~/components/charts'
import { DateInput, ErrorSummary, fieldErrors, Select, TextField } from '~/components/forms'
import { NotificationBanner } from '~/components/notification-banner'
import { useGovukForm } from '~/components/use-govuk-form'
import { clientIp, forbidden, requireUser } from '~/services/auth.server'
import { MAX_THRESHOLD, MIN_THRESHOLD, OUTCOME_LABELS, ThresholdSchema, type FactorRow } from '~/domain/review/dashboard'
import { canViewDataset } from '~/services/dataset.server'
import { canSetThreshold, parseDashboardQuery, reviewDashboard, setSuppressionThreshold } from '~/services/review-dashboard.server'
import { formatDate } from '~/utils/format'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Prosecution case review – Waypoint' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = parseDashboardQuery(new URL(request.url).searchParams, new Date())
  // Access: reviewDashboard refuses everyone but CPS liaison and managers (403) and counts only
  // the cases this user may see (caseWhere).
  const dashboard = await reviewDashboard(user, query, { ip: clientIp(context) })
  return {
    ...dashboard,
    query: { typed: query.typed, errors: query.errors, org: dashboard.organisation?.id ?? '', tag: query.tag ?? '' },
    canSetThreshold: canSetThreshold(user),
    canSeeDataset: canViewDataset(user),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  // Who is asking is checked before the form is read.
  if (!canSetThreshold(user)) throw forbidden()
  const submission = await parseForm(request, ThresholdSchema)
  if (submission.status !== 'success') return invalid(submission)
  const result = await setSuppressionThreshold(user, submission.value.threshold, { ip: clientIp(context) })
  if (!result.ok) return invalid(submission, result.issues)
  // The page answers in place: the banner and the dashboard recounted at the new threshold.
  return result
}

const detail = (side: FactorRow['with']) => (side.n === null ? 'withheld' : `${side.successful ?? 'withheld'} of ${side.n}`)

const shareText = (side: FactorRow['with']) =>
  side.n === 0
    ? 'no cases'
    : side.share === null || side.interval === null
      ? 'withheld'
      : `${percentText(side.share)} (${side.successful} of ${side.n}; 95% CI ${percentText(side.interval.lower)} to ${percentText(side.interval.upper)})`

export default function ReviewDashboard() {
  const data = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const saved = answer && 'ok' in answer ? answer : null
  const refused = answer && !('ok' in answer) ? answer : undefined
  const { period, threshold, query, funnel, outcomes, defendantOutcomes, factors, distributions, trend, tagCounts, lessons } = data
  const [thresholdForm, thresholdFields] = useGovukForm(ThresholdSchema, {
    id: 'suppression',
    lastResult: refused,
    defaultValue: { threshold: String(threshold) },
  })
  const errors = [
    ...[
      query.errors.from ? { id: 'from', message: query.errors.from } : null,
      query.errors.to ? { id: 'to', message: query.errors.to } : null,
    ].filter((e) => e !== null),
    ...fieldErrors(thresholdFields, thresholdForm.errors),
  ]
  const rule = `Counts from 1 to ${threshold - 1} are withheld, with other counts where needed so that no withheld count can be worked out from the totals.`
  const params = new URLSearchParams({ from: period.from, to: period.to, ...(query.org ? { org: query.org } : {}) })
  const reported = funnel[0]!.count
  const convicted = funnel[funnel.length - 1]!.count
  return (
    <>
      <ErrorSummary errors={errors} />
      {saved?.ok ? <NotificationBanner kind="success" title="Success" message={`The suppression threshold is now ${saved.threshold}.`} /> : null}
      <h1 className="govuk-heading-l">Prosecution case review</h1>
      <p className="govuk-body">
        Cases you can see{data.organisation ? ` for ${data.organisation.name}` : ''}, from {formatDate(period.from)} to {formatDate(period.to)}. The funnel
        counts cases reported in the period; outcomes, factors and times count cases finalised in the period.
      </p>
      <p className="govuk-body-s">{rule}</p>

      <Form method="get" action="/review" className="app-filter" role="search" aria-label="Choose the period and organisation">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <DateInput name="from" legend="From" legendSize="s" hint="For example, 1 12 2025" values={query.typed.from} error={query.errors.from} />
          </div>
          <div className="govuk-grid-column-one-half">
            <DateInput name="to" legend="To" legendSize="s" hint="For example, 30 11 2026" values={query.typed.to} error={query.errors.to} />
          </div>
        </div>
        <Select
          name="org"
          label="Police force or CPS area"
          labelSize="s"
          placeholder="All you can see"
          defaultValue={query.org}
          options={data.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.kind === 'police' ? 'police' : 'CPS'})` }))}
        />
        <div className="govuk-button-group">
          <Button>Show</Button>
          <Link className="govuk-link" to="/review">
            Reset to the last 12 months
          </Link>
        </div>
      </Form>

      <h2 className="govuk-heading-s">Downloads</h2>
      <ul className="govuk-list" data-testid="review-downloads">
        <li>
          <a className="govuk-link" href={`/review/cases.csv?${params.toString()}`} download>
            The finalised cases’ reviews in this period (CSV, one row per case you can see)
          </a>
        </li>
        {data.canSeeDataset ? (
          <li>
            <Link className="govuk-link" to="/review/dataset">
              Quarterly multi-agency data set for the safeguarding board
            </Link>
          </li>
        ) : null}
      </ul>

      <FunnelChart
        id="funnel"
        title="Attrition: how far the cases reported in the period went"
        description={
          reported === null
            ? 'Too few cases were reported in the period to show.'
            : `${countText(reported)} cases reported; ${convicted === null ? 'the number convicted is withheld' : `${countText(convicted)} with a conviction`}.`
        }
        stages={funnel}
        notes="A case counts at a stage when it reached that stage or a later one."
      />

      <BarChart
        id="outcomes"
        title="Outcomes of the cases finalised in the period"
        description={`Finalised cases: ${countText(outcomes.total)}. ${outcomes.rows.map((r) => `${r.label}: ${countText(r.count)}`).join('. ')}.`}
        bars={outcomes.rows.map((r) => ({ label: r.label.replace(/ \(.*\)$/, ''), value: r.count }))}
        valueHeader="Cases"
      />

      <h2 className="govuk-heading-m">Outcomes for each defendant</h2>
      {defendantOutcomes.rows.length === 0 ? (
        <p className="govuk-body">No defendants on cases finalised in the period.</p>
      ) : (
        <DataTable
          caption={`Defendants on the cases finalised in the period: ${countText(defendantOutcomes.total)}`}
          columns={[{ header: 'Outcome' }, { header: 'Defendants', numeric: true }]}
          rows={defendantOutcomes.rows.map((r) => [r.label, countText(r.count)])}
        />
      )}

      <h2 className="govuk-heading-m" id="factors">
        What went with a successful outcome
      </h2>
      <p className="govuk-body">
        For each factor, the share of prosecuted cases (successful or unsuccessful) that ended with a conviction, with and without the factor, and its 95%
        confidence interval (Wilson). Overlapping intervals mean the difference may be chance. This shows association, not cause.
      </p>
      {data.factorsWithheld ? (
        <p className="govuk-body">Withheld: too few successful or unsuccessful prosecutions in the period.</p>
      ) : (
        <BarChart
          id="factor-shares"
          title="Share of successful outcomes with and without each factor"
          description="For each factor, the share of prosecuted cases with a conviction when the factor was present and when it was not, with 95% confidence intervals."
          format="percent"
          valueHeader="Successful"
          detailHeader="Cases"
          bars={factors.flatMap((f) => [
            {
              label: `${f.label}: yes`,
              value: f.with.share,
              interval: f.with.interval,
              detail: detail(f.with),
              missing: f.with.n === 0 ? 'no cases' : undefined,
            },
            {
              label: `${f.label}: no`,
              value: f.without.share,
              interval: f.without.interval,
              detail: detail(f.without),
              missing: f.without.n === 0 ? 'no cases' : undefined,
            },
          ])}
          notes={rule}
        />
      )}
      {data.factorsWithheld ? null : (
        <DataTable
          caption="Factors in summary"
          columns={[{ header: 'Factor' }, { header: 'With the factor' }, { header: 'Without it' }]}
          rows={factors.map((f) => [f.label, shareText(f.with), shareText(f.without)])}
        />
      )}

      <DistributionChart
        id="times"
        title="Days from the report to each stage"
        description="For the cases finalised in the period: the median number of days from the report to each stage, with the middle half of cases (quartiles) and the shortest and longest."
        rows={distributions}
        notes={`The box spans the middle half of cases; the thick mark is the median; the line runs from the shortest to the longest. Stages with fewer than ${threshold} cases are not shown.`}
      />

      <TrendChart
        id="trend"
        title="Cases reported and finalised by quarter"
        description={`Cases reported and cases finalised in each quarter from ${trend.quarters[0]?.label ?? ''} to ${trend.quarters[trend.quarters.length - 1]?.label ?? ''}.`}
        quarters={trend.quarters.map((q) => q.short)}
        series={[
          { name: 'Reported', values: trend.reported },
          { name: 'Finalised', values: trend.finalised },
        ]}
        notes="The first and last quarters may be part quarters: only days inside the period count."
      />

      <section aria-labelledby="lessons-heading">
        <h2 className="govuk-heading-m" id="lessons-heading">
          Lessons from signed-off reviews
        </h2>
        {tagCounts.length ? (
          <ul className="govuk-list govuk-list--inline" aria-label="Filter the lessons by tag">
            {query.tag ? (
              <li>
                <Link className="govuk-link" to={`/review?${params.toString()}#lessons-heading`}>
                  All lessons
                </Link>
              </li>
            ) : null}
            {tagCounts.map((t) => (
              <li key={t.id}>
                {t.id === query.tag ? (
                  <strong>
                    {t.label} ({t.count})
                  </strong>
                ) : (
                  <Link className="govuk-link" to={`/review?${params.toString()}&tag=${t.id}#lessons-heading`}>
                    {t.label} ({t.count})
                  </Link>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {lessons.length === 0 ? (
          <p className="govuk-body">No lessons {query.tag ? 'with this tag ' : ''}from reviews signed off for cases finalised in the period.</p>
        ) : (
          <ul className="govuk-list" data-testid="lessons">
            {lessons.map((l) => (
              <li key={l.caseId} className="govuk-!-margin-bottom-6">
                <p className="govuk-body govuk-!-margin-bottom-1 app-preserve-lines">
                  {l.lessons}
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {OUTCOME_LABELS[l.outcome] ?? l.outcome}. Finalised {formatDate(l.finalisedAt)}
                  {l.signedOffAt ? `, signed off ${formatDate(l.signedOffAt)}` : ''}.{' '}
                  <Link className="govuk-link" to={`/cases/${l.caseId}/review`}>
                    Open the review<span className="govuk-visually-hidden"> finalised {formatDate(l.finalisedAt)}</span>
                  </Link>
                </p>
                {l.tags.length ? (
                  <ul className="govuk-list govuk-list--inline govuk-body-s" aria-label="Tags">
                    {l.tags.map((t) => (
                      <li key={t.id}>
                        <strong className="govuk-tag govuk-tag--grey">{t.label}</strong>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.canSetThreshold ? (
        <section aria-labelledby="threshold-heading" className="govuk-!-margin-top-8">
          <h2 className="govuk-heading-m" id="threshold-heading">
            Small-number suppression
          </h2>
          <Form method="post" {...getFormProps(thresholdForm)} noValidate>
            <TextField
              field={thresholdFields.threshold}
              label="Withhold counts below"
              hint={`A whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}. It applies to this dashboard and the quarterly data set. The change is audited.`}
              width={2}
              inputMode="numeric"
            />
            <Button variant="secondary">Save the threshold</Button>
          </Form>
        </section>
      ) : null}
    </>
  )
}
