import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout'

export function AccountLockedEmail({ minutes }: { minutes: number }) {
  return (
    <EmailLayout preview="Sign-in to your Waypoint account is paused" heading="Sign-in to your account is paused">
      <Text style={paragraph}>
        {`There were too many failed attempts to sign in to your Waypoint account, so sign-in is paused for ${minutes} minutes.`}
      </Text>
      <Text style={paragraph}>If this was you, wait and try again, or reset your password from the sign-in page.</Text>
      <Text style={paragraph}>If it was not you, tell your Waypoint administrator: someone may be trying to get into your account.</Text>
    </EmailLayout>
  )
}
AccountLockedEmail.subject = 'Sign-in to your Waypoint account is paused'
// Invented sample values for the previews (`npm run email:preview`, /admin/emails, `npm run email:dev`).
AccountLockedEmail.PreviewProps = { minutes: 15 }

export default AccountLockedEmail
