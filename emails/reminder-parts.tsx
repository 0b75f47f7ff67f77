import { Link, Text } from '@react-email/components'
import { link, paragraph } from './layout'

// Pieces shared by the reminder emails: the pseudonymous reference line and the one link to act on.
// The link shows its full address (as GOV.UK Notify advises), so a reader can see where it goes and
// the plain-text version carries it exactly once.
export function ReferenceLine({ reference }: { reference: string }) {
  return <Text style={paragraph}>{`Waypoint reference: ${reference}`}</Text>
}

export function ActionLink({ url, label }: { url: string; label: string }) {
  return (
    <>
      <Text style={{ ...paragraph, margin: '24px 0 4px' }}>{`${label}:`}</Text>
      <Text style={paragraph}>
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
    </>
  )
}

/** "Counselling" reads "counselling" mid-sentence; an acronym ("ISVA support") keeps its capitals. */
export const midSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label)
