import { Link, Text } from '@react-email/components'
import { link, paragraph } from './layout'

// Pieces shared by the reminder emails: the pseudonymous reference line and the one link to act on.
export function ReferenceLine({ reference }: { reference: string }) {
  return <Text style={paragraph}>{`Waypoint reference: ${reference}`}</Text>
}

export function ActionLink({ url, label }: { url: string; label: string }) {
  return (
    <Text style={paragraph}>
      <Link href={url} style={link}>
        {label}
      </Link>
      {` (${url})`}
    </Text>
  )
}
