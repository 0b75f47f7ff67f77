import { Link, Text } from '@react-email/components'
import { EmailLayout, link, paragraph } from './layout'

export function PasswordResetEmail({ url, minutes }: { url: string; minutes: number }) {
  return (
    <EmailLayout preview="Reset your Waypoint password" heading="Reset your Waypoint password">
      <Text style={paragraph}>Someone asked to reset the password for your Waypoint account. If it was you, use this link:</Text>
      <Text style={paragraph}>
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
      <Text style={paragraph}>{`The link works once and expires in ${minutes} minutes.`}</Text>
      <Text style={paragraph}>If you did not ask for this, you can ignore this email: your password has not changed.</Text>
    </EmailLayout>
  )
}
PasswordResetEmail.subject = 'Reset your Waypoint password'
// Invented sample values for the previews (`npm run email:preview`, /admin/emails, `npm run email:dev`).
PasswordResetEmail.PreviewProps = { url: 'http://localhost:3000/reset-password/EXAMPLE-TOKEN-NOT-REAL', minutes: 30 }

export default PasswordResetEmail
