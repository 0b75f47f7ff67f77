import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'
import { ActionLink, midSentence, ReferenceLine } from './reminder-parts'

export interface ReferralUpdateProps {
  state: 'received' | 'accepted' | 'declined'
  reference: string
  /** Service type label, e.g. "Counselling". */
  service: string
  from: string
  to: string
  url: string
}

const HEADINGS = { received: 'A referral is waiting for your decision', accepted: 'Your referral was accepted', declined: 'Your referral was declined' }

export function ReferralUpdateEmail({ state, reference, service, from, to, url }: ReferralUpdateProps) {
  const heading = HEADINGS[state]
  // "Someone": the email never says who was referred, only the pseudonymous reference.
  const body = state === 'received' ? `${from} referred someone to ${to} for ${midSentence(service)}.` : `${to} ${state} the referral for ${midSentence(service)} from ${from}.`
  return (
    <EmailLayout preview={heading} heading={heading}>
      <ReferenceLine reference={reference} />
      <Text style={paragraph}>{body}</Text>
      <ActionLink url={url} label={state === 'received' ? 'Accept or decline the referral in Waypoint' : 'Open the referral in Waypoint'} />
    </EmailLayout>
  )
}
ReferralUpdateEmail.subject = (p: ReferralUpdateProps) => `${HEADINGS[p.state]} (${p.reference})`
ReferralUpdateEmail.PreviewProps = {
  state: 'received',
  reference: 'WP-DEMO-0001',
  service: 'Counselling',
  from: 'Example Advocacy Service',
  to: 'Example Therapeutic Support',
  url: 'http://localhost:3000/referrals/example',
} satisfies ReferralUpdateProps

export default ReferralUpdateEmail
