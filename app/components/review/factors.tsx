// The extracted factors of a case review as GOV.UK summary lists and tables.
import { SummaryList } from '~/components/summary-list'
import { Table } from '~/components/table'
import { formatLondonDate } from '~/domain/journey/derive'
import { homeOfficeOutcomeLabel, SPECIAL_MEASURES, UNSUCCESSFUL_REASONS } from '~/domain/journey/events'
import type { ReviewFactors } from '~/domain/review/factors'

const yesNo = (b: boolean) => (b ? 'Yes' : 'No')
const days = (n: number | null) => (n === null ? 'Did not happen' : `${n} ${n === 1 ? 'day' : 'days'}`)
const reasonLabel = (id: string | undefined) => (id ? (UNSUCCESSFUL_REASONS.find((r) => r.id === id)?.label ?? id) : '')
const measureLabel = (id: string) => SPECIAL_MEASURES.find((m) => m.id === id)?.label ?? id

const STAGES: { key: keyof ReviewFactors['daysFromReport']; label: string }[] = [
  { key: 'abeInterview', label: 'ABE interview' },
  { key: 'arrest', label: 'Arrest' },
  { key: 'fileToCps', label: 'File to CPS' },
  { key: 'charge', label: 'Charge' },
  { key: 'firstHearing', label: 'First hearing' },
  { key: 'trial', label: 'Trial' },
  { key: 'outcome', label: 'Final outcome' },
]

export function ReviewFactorsSection({ factors }: { factors: ReviewFactors }) {
  const f = factors
  return (
    <section aria-labelledby="factors-heading" data-testid="review-factors">
      <h2 className="govuk-heading-m" id="factors-heading">
        What happened
      </h2>
      <p className="govuk-body">Taken from the case’s journal, contacts, visits, support and Victims’ Code entitlements.</p>
      <Table
        caption="Outcome for each defendant"
        captionSize="s"
        testId="review-defendants"
        rows={f.defendants}
        rowKey={(d) => d.id}
        columns={[
          { key: 'label', header: 'Suspect or defendant', cell: (d) => d.label },
          { key: 'outcome', header: 'Outcome', cell: (d) => d.outcomeLabel },
          { key: 'conviction', header: 'Convicted', cell: (d) => (d.conviction === null ? 'Not prosecuted' : yesNo(d.conviction)) },
          { key: 'reason', header: 'Reason', cell: (d) => reasonLabel(d.unsuccessfulReason) },
          {
            key: 'ho',
            header: 'Home Office outcome',
            cell: (d) => (d.homeOfficeOutcome ? `${d.homeOfficeOutcome}: ${homeOfficeOutcomeLabel(d.homeOfficeOutcome)}` : ''),
          },
        ]}
      />
      <Table
        caption={f.reportedAt ? `Days from the report (${formatLondonDate(new Date(f.reportedAt))})` : 'Days from the report (no report recorded)'}
        captionSize="s"
        testId="review-days"
        rows={STAGES}
        rowKey={(s) => s.key}
        columns={[
          { key: 'stage', header: 'Stage', cell: (s) => s.label },
          { key: 'days', header: 'Calendar days', numeric: true, cell: (s) => days(f.daysFromReport[s.key]) },
        ]}
      />
      <h3 className="govuk-heading-s">Court and contact</h3>
      <SummaryList
        testId="review-counts"
        rows={[
          { key: 'Hearings listed', value: String(f.hearings) },
          { key: 'Adjournments', value: String(f.adjournments) },
          { key: 'Ineffective trials', value: String(f.ineffectiveTrials) },
          { key: 'Follow-up visits completed', value: String(f.followUpVisits) },
          { key: 'Contacts with the victim', value: String(f.contacts) },
        ]}
      />
      <h3 className="govuk-heading-s">Support and special measures</h3>
      <SummaryList
        testId="review-yes-no"
        rows={[
          { key: 'Intermediary used', value: yesNo(f.intermediaryUsed) },
          { key: 'Pre-recorded cross-examination (section 28) used', value: yesNo(f.section28Used) },
          { key: 'ISVA or other advocate allocated before charge', value: yesNo(f.advocateBeforeCharge) },
          { key: 'Pre-trial therapy', value: yesNo(f.preTrialTherapy) },
          {
            key: 'Victim withdrew support',
            value: f.victimWithdrewSupport.withdrew ? `Yes${f.victimWithdrewSupport.stage ? `, at ${f.victimWithdrewSupport.stage.toLowerCase()}` : ''}` : 'No',
          },
        ]}
      />
      <Table
        caption="Special measures"
        captionSize="s"
        testId="review-special-measures"
        rows={f.specialMeasures}
        rowKey={(m) => m.measure}
        empty="No special measures were applied for."
        columns={[
          { key: 'measure', header: 'Measure', cell: (m) => measureLabel(m.measure) },
          { key: 'applied', header: 'Applied for', cell: (m) => yesNo(m.applied) },
          { key: 'granted', header: 'Decision', cell: (m) => (m.granted === null ? 'Not decided' : m.granted ? 'Granted' : 'Refused') },
        ]}
      />
      <h3 className="govuk-heading-s">Victims’ Code entitlements</h3>
      <SummaryList
        testId="review-entitlements"
        rows={[
          { key: 'Met on time', value: String(f.entitlements.metOnTime) },
          { key: 'Met late', value: String(f.entitlements.metLate) },
          { key: 'Missed (still open after the due date when the case was finalised)', value: String(f.entitlements.missed) },
        ]}
      />
    </section>
  )
}
