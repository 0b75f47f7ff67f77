import { SummaryList } from '~/components/summary-list'
import type { SharingSummary } from '~/domain/sharing/summary'

const lines = (items: readonly string[]) => (items.length ? items.map((i) => <div key={i}>{i}</div>) : 'None recorded')

/** The child as the receiving organisation sees her before deciding: not the whole record. */
export function SharingSummaryList({ summary }: { summary: SharingSummary }) {
  return (
    <SummaryList
      rows={[
        { key: 'Name', value: summary.name },
        { key: 'Waypoint reference', value: summary.reference },
        { key: 'Age', value: String(summary.age) },
        { key: 'Offences', value: lines(summary.offences) },
        { key: 'Communication needs', value: lines(summary.needs) },
        { key: 'Safe contact', value: lines(summary.safeContact) },
      ]}
    />
  )
}
