import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'
import { ActionLink, ReferenceLine } from './reminder-parts'
import type { EntitlementReminderProps } from '../app/domain/notifications/email-props'

export function EntitlementReminderEmail({ state, reference, right, rightTitle, owedBy, dueOn, url }: EntitlementReminderProps) {
  const heading = state === 'overdue' ? `Victims' Code right ${right} is overdue` : `Victims' Code right ${right} is due tomorrow`
  return (
    <EmailLayout preview={heading} heading={heading}>
      <ReferenceLine reference={reference} />
      <Text style={paragraph}>{`Right ${right}: ${rightTitle}. Owed by: ${owedBy}.`}</Text>
      <Text style={paragraph}>{state === 'overdue' ? `It was due by the end of ${dueOn} and is not recorded as met.` : `It is due by the end of ${dueOn}.`}</Text>
      <ActionLink url={url} label="Open the record in Waypoint" />
    </EmailLayout>
  )
}
EntitlementReminderEmail.subject = (p: EntitlementReminderProps) =>
  p.state === 'overdue' ? `Overdue: Victims' Code right ${p.right} (${p.reference})` : `Due tomorrow: Victims' Code right ${p.right} (${p.reference})`
EntitlementReminderEmail.PreviewProps = {
  state: 'due-tomorrow',
  reference: 'WP-DEMO-0001',
  right: 6,
  rightTitle: 'Information about the investigation and prosecution',
  owedBy: 'Police',
  dueOn: 'Monday 30 November 2026',
  url: 'http://localhost:3000/victims/example',
} satisfies EntitlementReminderProps

export default EntitlementReminderEmail
