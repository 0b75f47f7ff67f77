// The home page's missing children and return home interviews due or overdue,
// for the advocate's or manager's caseload.
import { Link } from '@remix-run/react'
import { RhiTag } from '~/components/missing/rhi-tag'
import { Table } from '~/components/table'
import type { MissingOnCaseload } from '~/services/missing.server'
import { displayName, formatDateTime } from '~/utils/format'

type Row = MissingOnCaseload['interviews'][number]

const victimLink = (r: Row) => (
  <Link className="govuk-link" to={`/victims/${r.victim.id}/missing/${r.episodeId}`}>
    {r.victim.reference}
    <span className="govuk-visually-hidden">: missing episode of {displayName(r.victim)}</span>
  </Link>
)

export function MissingDuePanel({ data }: { data: MissingOnCaseload | null }) {
  if (!data) return null
  const overdue = data.interviews.filter((r) => r.outcome === 'overdue').length
  const due = data.interviews.length - overdue
  const rows = [...data.missing, ...data.interviews]
  return (
    <section aria-labelledby="missing-due" data-testid="missing-due">
      <h2 className="govuk-heading-s" id="missing-due">
        Missing children and return home interviews
      </h2>
      <p className="govuk-body" data-testid="missing-due-counts">
        {data.missing.length === 1 ? '1 child missing now' : `${data.missing.length} children missing now`}. Return home interviews: {due} due, {overdue}{' '}
        overdue.
      </p>
      {rows.length ? (
        <Table
          caption="Missing children and return home interviews due"
          captionHidden
          rows={rows}
          rowKey={(r) => r.episodeId}
          columns={[
            { key: 'victim', header: 'Victim', cell: victimLink },
            { key: 'name', header: 'Name', cell: (r) => displayName(r.victim) },
            {
              key: 'when',
              header: 'Missing since or interview due',
              cell: (r) => (r.outcome === 'still_missing' ? `Missing since ${formatDateTime(r.missingFrom)}` : `Due by ${r.dueText}`),
            },
            { key: 'status', header: 'Status', cell: (r) => <RhiTag outcome={r.outcome} /> },
          ]}
        />
      ) : null}
    </section>
  )
}
