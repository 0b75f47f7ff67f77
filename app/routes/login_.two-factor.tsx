// URL /login/two-factor. The trailing underscore in the file name keeps it out of /login's layout
// (login.tsx renders no <Outlet />), so this page renders on its own.
import { getFormProps } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, fieldErrors, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { minutesUntil } from '~/domain/auth/lockout'
import { SecurityCodeSchema } from '~/domain/auth/totp'
import { attemptSecondFactor, clientIp } from '~/services/auth.server'
import { createSession, loadSession, revokeSession } from '~/services/session.server'
import { invalid, parseForm, reply } from '~/utils/submission.server'
import { safeRedirect } from '~/utils/redirect'

export const meta: MetaFunction = () => [{ title: 'Enter your security code – Waypoint' }]

const CodeSchema = z.object({
  code: SecurityCodeSchema,
  redirectTo: z.string().max(2000).optional(),
})

// A security code is never sent back to the page, right or wrong.
const HIDE_CODE = { hideFields: ['code'] }

/** Only a session that has passed the password step and still owes its second factor may be here. */
async function requirePendingSession(request: Request) {
  const session = await loadSession(request)
  if (!session) throw redirect('/login')
  if (!session.twoFactorPending) throw redirect('/')
  return session
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePendingSession(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePendingSession(request)
  const submission = await parseForm(request, CodeSchema)
  if (submission.status !== 'success') return invalid(submission, undefined, HIDE_CODE)
  const ip = clientIp(context)
  const result = await attemptSecondFactor(session.user, submission.value.code, ip)
  if (!result.ok) {
    if (result.reason === 'locked') {
      const message = `Too many failed sign-in attempts. For your security, sign-in is locked. Try again in ${minutesUntil(result.until, new Date())} minutes.`
      return data(reply(submission, { field: '', message }, HIDE_CODE), { status: 429 })
    }
    const message = 'Enter a correct security code. Codes change every 30 seconds, and each code works only once.'
    return invalid(submission, { field: 'code', message }, HIDE_CODE)
  }
  // A fresh session id once fully signed in, so an id seen before the second factor is worthless.
  await revokeSession(session.id, 'second_factor_completed')
  const fresh = await createSession({ userId: session.userId, ip, userAgent: request.headers.get('user-agent'), twoFactorPending: false })
  return redirect(safeRedirect(submission.value.redirectTo), { headers: { 'Set-Cookie': fresh.setCookie } })
}

export default function TwoFactorSignIn() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useGovukForm(CodeSchema, { lastResult })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={fieldErrors({ code: fields.code }, form.errors)} />
        <h1 className="govuk-heading-l">Enter your security code</h1>
        <p className="govuk-body">Open the authenticator app on your phone and enter the 6-digit code it shows for Waypoint.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <TextField
            field={fields.code}
            label="Security code"
            hint="The 6-digit code your authenticator app shows for Waypoint"
            autoComplete="one-time-code"
            inputMode="numeric"
            width={10}
            spellCheck={false}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </Form>
        <h2 className="govuk-heading-s">If you cannot get a code</h2>
        <p className="govuk-body">
          If you have lost your phone or changed it, ask your Waypoint administrator to reset your two-factor sign-in.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/login">
            Sign in as someone else
          </Link>
        </p>
      </div>
    </div>
  )
}
