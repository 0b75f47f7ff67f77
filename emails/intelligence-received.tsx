import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'
import { ActionLink } from './reminder-parts'

export interface IntelligenceReceivedProps {
  /** The receiving force's name. */
  organisation: string
  url: string
}

export function IntelligenceReceivedEmail({ organisation, url }: IntelligenceReceivedProps) {
  const heading = 'New intelligence for your force'
  return (
    <EmailLayout preview={heading} heading={heading}>
      <Text style={paragraph}>{`An item of intelligence has been sent to ${organisation} through Waypoint. It is waiting in your force's queue to be reviewed and submitted to your intelligence system.`}</Text>
      <ActionLink url={url} label="Open the item in Waypoint" />
    </EmailLayout>
  )
}
IntelligenceReceivedEmail.subject = () => 'New intelligence waiting in Waypoint'
IntelligenceReceivedEmail.PreviewProps = { organisation: 'Example Constabulary', url: 'http://localhost:3000/intelligence/example' } satisfies IntelligenceReceivedProps

export default IntelligenceReceivedEmail
