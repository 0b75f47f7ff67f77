import { getFormProps } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, fieldErrors, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { minutesUntil } from '~/domain/auth/lockout'
import { attemptLogin, clientIp, requireAnonymous } from '~/services/auth.server'
import { getEnv } from '~/services/env.server'
import { createSession } from '~/services/session.server'
import { invalid, parseForm, reply } from '~/utils/submission.server'
import { safeRedirect } from '~/utils/redirect'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, MORE_DEMO_ACCOUNTS } from '~/domain/access/demo-accounts'

export const meta: MetaFunction = () => [{ title: 'Sign in – Waypoint' }]

export const LoginSchema = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().max(254, 'Email address must be 254 characters or fewer').email('Enter an email address in the correct format, like name@example.org'),
  password: z.string({ error: 'Enter your password' }).max(1024, 'Password is too long'),
  redirectTo: z.string().max(2000).optional(),
})

const HIDE_PASSWORD = { hideFields: ['password'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const env = getEnv()
  return { demoPassword: env.DEMO_MODE ? DEMO_PASSWORD : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = await parseForm(request, LoginSchema)
  if (submission.status !== 'success') return invalid(submission, undefined, HIDE_PASSWORD)
  const { email, password, redirectTo } = submission.value
  const ip = clientIp(context)
  const result = await attemptLogin(email, password, ip)
  if (!result.ok) {
    const message =
      result.reason === 'locked'
        ? `Too many failed sign-in attempts. For your security, sign-in is locked. Try again in ${minutesUntil(result.until, new Date())} minutes, or reset your password.`
        : 'Enter a correct email address and password'
    return data(reply(submission, { field: '', message }, HIDE_PASSWORD), { status: result.reason === 'locked' ? 429 : 400 })
  }
  const session = await createSession({
    userId: result.userId,
    ip,
    userAgent: request.headers.get('user-agent'),
    twoFactorPending: result.needsSecondFactor,
  })
  const next = safeRedirect(redirectTo)
  const to = result.needsSecondFactor ? `/login/two-factor?redirectTo=${encodeURIComponent(next)}` : next
  return redirect(to, { headers: { 'Set-Cookie': session.setCookie } })
}

export default function Login() {
  const { demoPassword } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useGovukForm(LoginSchema, { lastResult, shouldRevalidate: 'onBlur' })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={fieldErrors({ email: fields.email, password: fields.password }, form.errors)} />
        <h1 className="govuk-heading-l">Sign in to Waypoint</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <TextField field={fields.email} label="Email address" type="email" autoComplete="username" spellCheck={false} />
          <TextField field={fields.password} label="Password" type="password" autoComplete="current-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            Forgotten your password?
          </Link>
        </p>
        {demoPassword ? (
          <div className="govuk-inset-text app-demo-accounts" data-testid="demo-accounts">
            <h2 className="govuk-heading-s">Demo mode</h2>
            <p className="govuk-body">This is invented demo data. Every demo account uses the password <code>{demoPassword}</code>.</p>
            <ul className="govuk-list">
              {DEMO_ACCOUNTS.map((a) => (
                <li key={a.email}>
                  <code>{a.email}</code> – {a.label}
                </li>
              ))}
            </ul>
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">More demo accounts</span>
              </summary>
              <div className="govuk-details__text">
                <ul className="govuk-list">
                  {MORE_DEMO_ACCOUNTS.map((a) => (
                    <li key={a.email}>
                      <code>{a.email}</code> – {a.label}
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          </div>
        ) : null}
      </div>
    </div>
  )
}
