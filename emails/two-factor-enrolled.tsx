import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'

export function TwoFactorEnrolledEmail({ when }: { when: string }) {
  return (
    <EmailLayout preview="Two-factor sign-in is now on" heading="Two-factor sign-in is now on">
      <Text style={paragraph}>{`Two-factor sign-in was turned on for your Waypoint account on ${when}.`}</Text>
      <Text style={paragraph}>From now on you will need a code from your authenticator app each time you sign in.</Text>
      <Text style={paragraph}>If this was not you, contact your Waypoint administrator straight away.</Text>
    </EmailLayout>
  )
}
TwoFactorEnrolledEmail.subject = 'Two-factor sign-in is now on for your Waypoint account'
// Invented sample values for the previews (`npm run email:preview`, /admin/emails, `npm run email:dev`).
TwoFactorEnrolledEmail.PreviewProps = { when: '29 November 2026 at 9:15am' }

export default TwoFactorEnrolledEmail
