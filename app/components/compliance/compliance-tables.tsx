// The compliance page's pieces: the status tag, the totals, the tables by right and by
// organisation (each count a link to the entitlements behind it) and the drill-down list.
import { Link } from '@remix-run/react'
import { Tag, type TagColour } from '~/components/tag'
import {
  COMPLIANCE_STATUSES,
  drillDownHref,
  STATUS_HEADINGS,
  STATUS_TAGS,
  type ComplianceFilters,
  type ComplianceStatus,
  type Tally,
} from '~/domain/entitlements/compliance'
import { deadlineNeedsLocalConfirmation, findRule, RULE_SETS } from '~/domain/entitlements/rules'
import type { ComplianceView } from '~/services/compliance.server'
import { formatDate } from '~/utils/format'

type Period = ComplianceView['period']
type Summary = ComplianceView['summary']

const COLOURS: Record<ComplianceStatus, TagColour> = {
  due_today: 'yellow',
  due_later: 'blue',
  overdue: 'red',
  met: 'green',
  met_late: 'orange',
}

/** Rules whose deadline the reference marks partly confirmed or unconfirmed. */
function ToBeConfirmed({ ruleSetId, ruleId }: { ruleSetId: string; ruleId: string }) {
  const ruleSet = RULE_SETS[ruleSetId]
  const rule = ruleSet && findRule(ruleSet, ruleId)
  if (!rule || !deadlineNeedsLocalConfirmation(rule)) return null
  return <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">Deadline to be confirmed locally</span>
}

export function ComplianceStatusTag({ status }: { status: ComplianceStatus }) {
  return <Tag colour={COLOURS[status]}>{STATUS_TAGS[status]}</Tag>
}

/** A count; when not zero, a link to its entitlements whose name says what it counts. */
function CountLink({ n, href, label }: { n: number; href: string; label: string }) {
  if (n === 0) return <>0</>
  return (
    <Link className="govuk-link" to={href}>
      {n.toLocaleString('en-GB')}
      <span className="govuk-visually-hidden"> {label}</span>
    </Link>
  )
}

const statusWords = (s: ComplianceStatus) => STATUS_HEADINGS[s].toLowerCase()

export function ComplianceTotals({ period, totals }: { period: Period; totals: Tally }) {
  return (
    <dl className="govuk-summary-list" data-testid="compliance-totals">
      {COMPLIANCE_STATUSES.map((s) => (
        <div key={s} className="govuk-summary-list__row" data-testid={`total-${s}`}>
          <dt className="govuk-summary-list__key">{STATUS_HEADINGS[s]}</dt>
          <dd className="govuk-summary-list__value">
            <CountLink n={totals[s]} href={drillDownHref(period, { status: s })} label={`entitlements ${statusWords(s)}`} />
          </dd>
        </div>
      ))}
      <div className="govuk-summary-list__row" data-testid="total-all">
        <dt className="govuk-summary-list__key">All entitlements due in the period</dt>
        <dd className="govuk-summary-list__value">
          <CountLink n={totals.total} href={drillDownHref(period, {})} label="entitlements in the period" />
        </dd>
      </div>
    </dl>
  )
}

function CountCells({ tally, period, filter, what }: { tally: Tally; period: Period; filter: ComplianceFilters; what: string }) {
  return (
    <>
      {COMPLIANCE_STATUSES.map((s) => (
        <td key={s} className="govuk-table__cell govuk-table__cell--numeric">
          <CountLink n={tally[s]} href={drillDownHref(period, { ...filter, status: s })} label={`${statusWords(s)}, ${what}`} />
        </td>
      ))}
      <td className="govuk-table__cell govuk-table__cell--numeric">
        <CountLink n={tally.total} href={drillDownHref(period, filter)} label={`in all, ${what}`} />
      </td>
    </>
  )
}

function CountHeaders({ first }: { first: string }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">
          {first}
        </th>
        {COMPLIANCE_STATUSES.map((s) => (
          <th key={s} scope="col" className="govuk-table__header govuk-table__header--numeric">
            {STATUS_HEADINGS[s]}
          </th>
        ))}
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">
          Total
        </th>
      </tr>
    </thead>
  )
}

/** One row per right (its total), then one per rule of that right. */
export function ByRightTable({ period, rows }: { period: Period; rows: Summary['byRight'] }) {
  if (rows.length === 0) return null
  return (
    <table className="govuk-table" data-testid="by-right">
      <caption className="govuk-table__caption govuk-table__caption--m">By right</caption>
      <CountHeaders first="Right and entitlement" />
      <tbody className="govuk-table__body">
        {rows.flatMap((r) => [
          <tr key={`right-${r.right}`} className="govuk-table__row" data-testid={`right-${r.right}`}>
            <th scope="row" className="govuk-table__header">
              Right {r.right}
            </th>
            <CountCells tally={r.tally} period={period} filter={{ right: r.right }} what={`right ${r.right}`} />
          </tr>,
          ...r.rules.map((rule) => (
            <tr key={`rule-${rule.ruleSetId}-${rule.ruleId}`} className="govuk-table__row" data-testid={`rule-${rule.ruleId}`}>
              <th scope="row" className="govuk-table__header govuk-!-font-weight-regular govuk-!-padding-left-4">
                {rule.summary}
                <ToBeConfirmed ruleSetId={rule.ruleSetId} ruleId={rule.ruleId} />
              </th>
              <CountCells tally={rule.tally} period={period} filter={{ right: r.right, rule: rule.ruleId }} what={`right ${r.right}: ${rule.summary}`} />
            </tr>
          )),
        ])}
      </tbody>
    </table>
  )
}

export function ByOrganisationTable({ period, rows }: { period: Period; rows: Summary['byOrganisation'] }) {
  if (rows.length === 0) return null
  return (
    <table className="govuk-table" data-testid="by-organisation">
      <caption className="govuk-table__caption govuk-table__caption--m">By organisation that owes it</caption>
      <CountHeaders first="Organisation" />
      <tbody className="govuk-table__body">
        {rows.map((o) => (
          <tr key={o.key} className="govuk-table__row" data-testid={`org-${o.key}`}>
            <th scope="row" className="govuk-table__header">
              {o.name}
            </th>
            <CountCells tally={o.tally} period={period} filter={{ org: o.key }} what={o.name} />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

type ListRow = ComplianceView['list']['rows'][number]

export function DrillDownTable({ rows, caption }: { rows: readonly ListRow[]; caption: string }) {
  return (
    <table className="govuk-table" data-testid="compliance-cases">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Victim', 'Crime reference', 'Entitlement', 'Due', 'Owed by', 'Status'].map((h) => (
            <th key={h} scope="col" className="govuk-table__header">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr key={r.id} className="govuk-table__row" data-testid="compliance-row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/victims/${r.victim.id}`}>
                {r.victim.reference}
              </Link>
            </td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${r.case.id}`}>
                {r.case.crimeReference}
              </Link>
            </td>
            <td className="govuk-table__cell">
              Right {r.right}: {r.summary}
              <ToBeConfirmed ruleSetId={r.ruleSetId} ruleId={r.ruleId} />
            </td>
            <td className="govuk-table__cell">{formatDate(r.dueBy)}</td>
            <td className="govuk-table__cell">{r.owner}</td>
            <td className="govuk-table__cell">
              <ComplianceStatusTag status={r.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
