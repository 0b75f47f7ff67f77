// A sharing request's status as a GOV.UK tag. Colour supports the words, never replaces them.
import { Tag, type TagColour } from '~/components/tag'
import { SHARE_STATUS_LABELS, type ShareStatus } from '~/domain/sharing/requests'

const COLOUR: Record<ShareStatus, TagColour> = {
  pending: 'light-blue',
  linked: 'green',
  approved: 'green',
  declined: 'orange',
  refused: 'orange',
  withdrawn: 'grey',
}

export function ShareStatusTag({ status }: { status: ShareStatus }) {
  return <Tag colour={COLOUR[status]}>{SHARE_STATUS_LABELS[status]}</Tag>
}
