// The victim page's "Support" section: every referral to a support service,
// current and past, in one list; a warning when there has been no support for too long; and, for each
// linked case, which support was active in each stage of the case.
import { Link } from '@remix-run/react'
import { InsetText, WarningText } from '~/components/content'
import { ReferralStatusTag } from '~/components/support/referral-status-tag'
import { Table } from '~/components/table'
import type { VictimSupport } from '~/services/support.server'
import { formatDate } from '~/utils/format'

type Referral = VictimSupport['referrals'][number]

export function SupportSection({ support, victimId }: { support: VictimSupport; victimId: string }) {
  return (
    <section aria-labelledby="support" data-testid="support">
      <h2 className="govuk-heading-m" id="support">
        Support
      </h2>
      {support.referralOnly ? <InsetText>You can see this record because the young person was referred to your organisation.</InsetText> : null}
      {support.warning ? (
        <WarningText testId="no-support-warning">
          No support in the last {support.warning.days} days
          {support.warning.lastContactAt
            ? ` (last attended session or completed visit ${formatDate(support.warning.lastContactAt)})`
            : ': no attended session or completed visit recorded'}
          .
        </WarningText>
      ) : null}
      <Table<Referral>
        caption="Referrals to support services"
        captionSize="s"
        testId="support-list"
        rows={support.referrals}
        rowKey={(r) => r.id}
        empty={<p className="govuk-body">No referrals to support services yet.</p>}
        columns={[
          {
            key: 'service',
            header: 'Service',
            cell: (r) => (
              <Link className="govuk-link" to={`/referrals/${r.id}`}>
                {r.serviceLabel}
              </Link>
            ),
          },
          { key: 'organisation', header: 'Organisation', cell: (r) => r.organisation },
          { key: 'status', header: 'Status', cell: (r) => <ReferralStatusTag status={r.status} /> },
          {
            key: 'dates',
            header: 'Dates',
            cell: (r) =>
              `Sent ${formatDate(r.sentAt)}${r.activeAt ? `, started ${formatDate(r.activeAt)}` : ''}${r.endedAt ? `, ended ${formatDate(r.endedAt)}` : ''}`,
          },
          { key: 'sessions', header: 'Sessions', numeric: true, cell: (r) => r.sessions },
          { key: 'last', header: 'Last session', cell: (r) => (r.lastSessionAt ? formatDate(r.lastSessionAt) : 'None') },
        ]}
      />
      {support.canRefer ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/victims/${victimId}/referrals/new`}>
            Refer to a support service
          </Link>
        </p>
      ) : null}
      {support.byCase.map((c) =>
        c.stages.length ? (
          <Table
            key={c.caseId}
            testId="support-by-stage"
            caption={`Support by stage: case ${c.crimeReference}`}
            captionSize="s"
            className="app-table--compact"
            rows={c.stages}
            rowKey={(s) => `${s.stage}-${String(s.from)}`}
            columns={[
              { key: 'stage', header: 'Stage', cell: (s) => s.label },
              { key: 'when', header: 'When', cell: (s) => `${formatDate(s.from)} to ${s.to ? formatDate(s.to) : 'now'}` },
              {
                key: 'support',
                header: 'Support active',
                cell: (s) =>
                  s.support.length ? (
                    <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                      {s.support.map((p) => (
                        <li key={`${p.label}-${String(p.from)}`}>{p.label}</li>
                      ))}
                    </ul>
                  ) : (
                    'None'
                  ),
              },
            ]}
          />
        ) : null,
      )}
    </section>
  )
}
