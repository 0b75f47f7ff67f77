import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'
import { ActionLink, ReferenceLine } from './reminder-parts'
import type { VisitReminderProps } from '../app/domain/notifications/email-props'

export function VisitReminderEmail({ state, reference, reason, dueOn, url }: VisitReminderProps) {
  const heading = state === 'overdue' ? 'A follow-up visit is overdue' : 'A follow-up visit is due'
  return (
    <EmailLayout preview={heading} heading={heading}>
      <ReferenceLine reference={reference} />
      <Text style={paragraph}>{state === 'overdue' ? `The visit was due by ${dueOn}.` : `The visit is due by ${dueOn}.`}</Text>
      <Text style={paragraph}>{`Why: ${reason}.`}</Text>
      <ActionLink url={url} label="Open the visit plan in Waypoint" />
    </EmailLayout>
  )
}
VisitReminderEmail.subject = (p: VisitReminderProps) => (p.state === 'overdue' ? `Overdue: follow-up visit (${p.reference})` : `Due: follow-up visit (${p.reference})`)
VisitReminderEmail.PreviewProps = {
  state: 'due',
  reference: 'WP-DEMO-0001',
  reason: 'Every 28 days while a case is open',
  dueOn: 'Tuesday 1 December 2026',
  url: 'http://localhost:3000/victims/example',
} satisfies VisitReminderProps

export default VisitReminderEmail
