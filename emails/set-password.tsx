import { Link, Text } from '@react-email/components'
import { EmailLayout, link, paragraph } from './layout'

export function SetPasswordEmail({ url, name, hours }: { url: string; name: string; hours: number }) {
  return (
    <EmailLayout preview="Your Waypoint account is ready" heading="Your Waypoint account is ready">
      <Text style={paragraph}>{`Hello ${name},`}</Text>
      <Text style={paragraph}>An administrator has created a Waypoint account for you. Choose your password with this link:</Text>
      <Text style={paragraph}>
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
      <Text style={paragraph}>{`The link works once and expires in ${hours} hours.`}</Text>
    </EmailLayout>
  )
}
SetPasswordEmail.subject = 'Your Waypoint account is ready'
// Invented sample values for the previews (`npm run email:preview`, /admin/emails, `npm run email:dev`).
SetPasswordEmail.PreviewProps = { url: 'http://localhost:3000/reset-password/EXAMPLE-TOKEN-NOT-REAL', name: 'Sam Example', hours: 72 }

export default SetPasswordEmail
