import { Link, Text } from '@react-email/components'
import { EmailLayout, link, paragraph } from './layout'

export function SetPasswordEmail({ url, name, hours }: { url: string; name: string; hours: number }) {
  return (
    <EmailLayout preview="Your Waypoint account is ready" heading="Your Waypoint account is ready">
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>An administrator has created a Waypoint account for you. Choose your password with this link:</Text>
      <Text style={paragraph}>
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
      <Text style={paragraph}>The link works once and expires in {hours} hours.</Text>
    </EmailLayout>
  )
}
SetPasswordEmail.subject = 'Your Waypoint account is ready'
