// Every email Waypoint sends, by template name. The outbox stores a template name and its props;
// the worker renders them here at the first send attempt (so a request only writes a row).
// `secret` templates carry a one-time link: their body is never shown on the outbox page and is
// erased from the row once sent.
import { render } from '@react-email/render'
import { createElement, type FunctionComponent } from 'react'
import { AccountLockedEmail } from './account-locked'
import { DigestEmail } from './digest'
import { EntitlementReminderEmail } from './entitlement-reminder'
import { HearingReminderEmail } from './hearing-reminder'
import { IntelligenceReceivedEmail } from './intelligence-received'
import { PasswordResetEmail } from './password-reset'
import { ReferralUpdateEmail } from './referral-update'
import { SetPasswordEmail } from './set-password'
import { ShareUpdateEmail } from './share-update'
import { TwoFactorEnrolledEmail } from './two-factor-enrolled'
import { VisitReminderEmail } from './visit-reminder'

interface EmailDefinition<P> {
  component: FunctionComponent<P>
  subject: (props: P) => string
  /** Carries a one-time link: body withheld from the outbox page and erased after sending. */
  secret: boolean
  /** What the email is, for the outbox and preview pages. */
  description: string
  /** Invented values for the previews. NoInfer: the props type is the component's, not this sample's narrower one. */
  sample: NoInfer<P>
}

const define = <P,>(d: EmailDefinition<P>) => d
const fixed = (subject: string) => () => subject

export const EMAILS = {
  'password-reset': define({
    component: PasswordResetEmail,
    subject: fixed(PasswordResetEmail.subject),
    secret: true,
    description: 'Password reset link',
    sample: PasswordResetEmail.PreviewProps,
  }),
  'set-password': define({
    component: SetPasswordEmail,
    subject: fixed(SetPasswordEmail.subject),
    secret: true,
    description: 'New account: choose a password',
    sample: SetPasswordEmail.PreviewProps,
  }),
  'two-factor-enrolled': define({
    component: TwoFactorEnrolledEmail,
    subject: fixed(TwoFactorEnrolledEmail.subject),
    secret: false,
    description: 'Two-factor sign-in turned on',
    sample: TwoFactorEnrolledEmail.PreviewProps,
  }),
  'account-locked': define({
    component: AccountLockedEmail,
    subject: fixed(AccountLockedEmail.subject),
    secret: false,
    description: 'Sign-in paused after failed attempts',
    sample: AccountLockedEmail.PreviewProps,
  }),
  'entitlement-reminder': define({
    component: EntitlementReminderEmail,
    subject: EntitlementReminderEmail.subject,
    secret: false,
    description: "Victims' Code right due tomorrow or overdue",
    sample: EntitlementReminderEmail.PreviewProps,
  }),
  'visit-reminder': define({
    component: VisitReminderEmail,
    subject: VisitReminderEmail.subject,
    secret: false,
    description: 'Follow-up visit due or overdue',
    sample: VisitReminderEmail.PreviewProps,
  }),
  'hearing-reminder': define({
    component: HearingReminderEmail,
    subject: HearingReminderEmail.subject,
    secret: false,
    description: 'Hearing in the next 7 days',
    sample: HearingReminderEmail.PreviewProps,
  }),
  'intelligence-received': define({
    component: IntelligenceReceivedEmail,
    subject: IntelligenceReceivedEmail.subject,
    secret: false,
    description: 'New intelligence item for a police force',
    sample: IntelligenceReceivedEmail.PreviewProps,
  }),
  'referral-update': define({
    component: ReferralUpdateEmail,
    subject: ReferralUpdateEmail.subject,
    secret: false,
    description: 'Referral received, accepted or declined',
    sample: ReferralUpdateEmail.PreviewProps,
  }),
  'share-update': define({
    component: ShareUpdateEmail,
    subject: ShareUpdateEmail.subject,
    secret: false,
    description: 'A young person shared with a police force, or access to a record asked for, and the answer',
    sample: ShareUpdateEmail.PreviewProps,
  }),
  digest: define({
    component: DigestEmail,
    subject: DigestEmail.subject,
    secret: false,
    description: 'Daily or weekly summary of what is due, overdue and coming up',
    sample: DigestEmail.PreviewProps,
  }),
}

export type EmailTemplate = keyof typeof EMAILS
export type EmailProps<T extends EmailTemplate> = (typeof EMAILS)[T]['sample']

export const isEmailTemplate = (name: string): name is EmailTemplate => Object.hasOwn(EMAILS, name)

function definition<T extends EmailTemplate>(template: T): EmailDefinition<EmailProps<T>> {
  return EMAILS[template] as unknown as EmailDefinition<EmailProps<T>>
}

export function emailSubject<T extends EmailTemplate>(template: T, props: EmailProps<T>): string {
  return definition(template).subject(props)
}

/** Renders a template to the HTML and plain-text parts of an email. */
export async function renderTemplate<T extends EmailTemplate>(template: T, props: EmailProps<T>): Promise<{ html: string; text: string }> {
  const element = createElement(definition(template).component as FunctionComponent<object>, props as object)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { html, text }
}

/** Every template name, in the catalogue's order (the preview pages list them in this order). */
export const EMAIL_TEMPLATES = Object.keys(EMAILS) as EmailTemplate[]

export interface EmailSample {
  template: EmailTemplate
  description: string
  secret: boolean
  subject: string
  html: string
  text: string
}

/** A template rendered with its invented sample values: for `npm run email:preview` and /admin/emails. */
export async function renderSample(template: EmailTemplate): Promise<EmailSample> {
  const { description, secret, sample } = EMAILS[template]
  const props = sample as EmailProps<typeof template>
  const { html, text } = await renderTemplate(template, props)
  return { template, description, secret, subject: emailSubject(template, props), html, text }
}
