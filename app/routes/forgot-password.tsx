import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, fieldErrors, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { clientIp, requireAnonymous } from '~/services/auth.server'
import { RESET_MINUTES } from '~/domain/auth/password-policy'
import { requestPasswordReset } from '~/services/password-reset.server'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Reset your password – Waypoint' }]

const Schema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = await parseForm(request, Schema)
  if (submission.status !== 'success') return data({ sent: false as const, result: reply(submission) }, { status: 400 })
  await requestPasswordReset(submission.value.email, clientIp(context))
  // The same answer whether or not an account exists.
  return { sent: true as const, email: submission.value.email }
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(Schema, { lastResult: actionData && !actionData.sent ? actionData.result : undefined })
  if (actionData?.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            If <strong>{actionData.email}</strong> belongs to a Waypoint account, we have sent it a link to reset the password.
            The link works once and expires in {RESET_MINUTES} minutes.
          </p>
          <p className="govuk-body">If nothing arrives within a few minutes, check the address or ask your administrator.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/login">
              Back to sign in
            </Link>
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address you sign in with. We will send you a link to choose a new password.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.email} label="Email address" type="email" autoComplete="username" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send reset link
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/login">
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  )
}
