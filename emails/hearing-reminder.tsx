import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'
import { ActionLink, ReferenceLine } from './reminder-parts'
import type { HearingReminderProps } from '../app/domain/notifications/email-props'

export function HearingReminderEmail({ reference, hearing, when, url }: HearingReminderProps) {
  const heading = 'A hearing is coming up in the next 7 days'
  return (
    <EmailLayout preview={heading} heading={heading}>
      <ReferenceLine reference={reference} />
      <Text style={paragraph}>{`${hearing}: ${when}.`}</Text>
      <Text style={paragraph}>Check that the witness knows the arrangements and that support at court is in place.</Text>
      <ActionLink url={url} label="Open the record in Waypoint" />
    </EmailLayout>
  )
}
HearingReminderEmail.subject = (p: HearingReminderProps) => `Hearing in the next 7 days (${p.reference})`
HearingReminderEmail.PreviewProps = {
  reference: 'WP-DEMO-0001',
  hearing: 'Trial',
  when: '10:00am on Thursday 3 December 2026',
  url: 'http://localhost:3000/cases/example',
} satisfies HearingReminderProps

export default HearingReminderEmail
