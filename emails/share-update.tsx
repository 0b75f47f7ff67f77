import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'
import { ActionLink, ReferenceLine } from './reminder-parts'

export interface ShareUpdateProps {
  state: 'received' | 'linked' | 'declined' | 'approved' | 'refused'
  kind: 'police_report' | 'access'
  /** The record's reference, for those who may know it (never for someone refused access). */
  reference: string | null
  from: string
  to: string
  url: string
}

const HEADINGS: Record<ShareUpdateProps['kind'], Partial<Record<ShareUpdateProps['state'], string>>> = {
  police_report: {
    received: 'A young person has been shared with your force',
    linked: 'The police linked the young person you shared to a case',
    declined: 'The police declined the young person you shared',
  },
  access: {
    received: 'A request for access to a record you hold',
    approved: 'Your request for access was granted',
    refused: 'Your request for access was refused',
  },
}
const heading = (p: Pick<ShareUpdateProps, 'kind' | 'state'>) => HEADINGS[p.kind][p.state] ?? 'A sharing request was answered'

const BODY: Record<ShareUpdateProps['state'], (p: ShareUpdateProps) => string> = {
  received: (p) => (p.kind === 'police_report' ? `${p.from} shared a young person’s record with ${p.to}.` : `${p.from} asked ${p.to} for access to a record it holds.`),
  linked: (p) => `${p.to} linked the young person shared by ${p.from} to a case.`,
  declined: (p) => `${p.to} declined the young person shared by ${p.from}, and said why.`,
  approved: (p) => `${p.to} gave ${p.from} access to the record.`,
  refused: (p) => `${p.to} refused ${p.from} access to the record, and said why.`,
}

// "A young person": the email never says who, at most the pseudonymous reference.
export function ShareUpdateEmail(props: ShareUpdateProps) {
  const title = heading(props)
  return (
    <EmailLayout preview={title} heading={title}>
      {props.reference ? <ReferenceLine reference={props.reference} /> : null}
      <Text style={paragraph}>{BODY[props.state](props)}</Text>
      <ActionLink url={props.url} label={props.state === 'received' ? 'Answer the request in Waypoint' : 'Open the request in Waypoint'} />
    </EmailLayout>
  )
}
ShareUpdateEmail.subject = (p: ShareUpdateProps) => (p.reference ? `${heading(p)} (${p.reference})` : heading(p))
ShareUpdateEmail.PreviewProps = {
  state: 'received',
  kind: 'police_report',
  reference: 'WP-DEMO-0001',
  from: 'Example Advocacy Service',
  to: 'Example Police',
  url: 'http://localhost:3000/requests/example',
} satisfies ShareUpdateProps

export default ShareUpdateEmail
