// An entitlement's status as a GOV.UK tag. Colour supports the words, never replaces them.
import { Tag, type TagColour } from '~/components/tag'

const STATUS: Record<string, { label: string; colour: TagColour }> = {
  met: { label: 'Met', colour: 'green' },
  met_late: { label: 'Met late', colour: 'orange' },
  due: { label: 'Due', colour: 'blue' },
  overdue: { label: 'Overdue', colour: 'red' },
  withdrawn: { label: 'No longer owed', colour: 'grey' },
}

export function EntitlementStatusTag({ status, dueToday }: { status: string; dueToday?: boolean }) {
  if (dueToday) return <Tag colour="yellow">Due today</Tag>
  const s = STATUS[status] ?? { label: status, colour: 'grey' as const }
  return <Tag colour={s.colour}>{s.label}</Tag>
}
