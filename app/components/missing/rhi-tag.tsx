// Where a return home interview stands, as a GOV.UK tag. Colour supports the words, never replaces them.
import { Tag, type TagColour } from '~/components/tag'
import { RHI_OUTCOME_LABELS, type RhiOutcome } from '~/domain/missing/episodes'

const COLOURS: Record<RhiOutcome, TagColour> = {
  still_missing: 'red',
  due: 'blue',
  overdue: 'red',
  completed_in_time: 'green',
  completed_late: 'orange',
  declined: 'grey',
}

export function RhiTag({ outcome, testId }: { outcome: RhiOutcome; testId?: string }) {
  return (
    <Tag colour={COLOURS[outcome]} testId={testId}>
      {RHI_OUTCOME_LABELS[outcome]}
    </Tag>
  )
}
