// A referral's status as a GOV.UK tag. Colour supports the words, never replaces them.
import { Tag, type TagColour } from '~/components/tag'
import { REFERRAL_STATUSES } from '~/domain/support/referrals'

const COLOUR: Record<string, TagColour> = {
  sent: 'light-blue',
  accepted: 'blue',
  declined: 'orange',
  active: 'green',
  closed: 'grey',
  withdrawn: 'grey',
}

export function ReferralStatusTag({ status }: { status: string }) {
  return <Tag colour={COLOUR[status] ?? 'grey'}>{REFERRAL_STATUSES.find((s) => s.id === status)?.label ?? status}</Tag>
}
