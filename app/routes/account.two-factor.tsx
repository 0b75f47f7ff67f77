import { getFormProps } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, fieldErrors, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { minutesUntil } from '~/domain/auth/lockout'
import { SecurityCodeSchema } from '~/domain/auth/totp'
import { attemptSecondFactor, clientIp, requireUser } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { confirmEnrolment, disableTwoFactor, organisationRequiresTwoFactor, startEnrolment, twoFactorStatus } from '~/services/two-factor.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/utils/form-data.server'
import { invalid, parseIntent, reply } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Two-factor sign-in – Waypoint' }]

const Schema = z.object({ code: SecurityCodeSchema })

const WRONG_CODE = 'Enter a correct security code. Codes change every 30 seconds: use the one the app shows now.'
const REQUIRED_BY_ORGANISATION = 'Your organisation requires two-factor sign-in, so you cannot turn it off.'
// A security code is never sent back to the page, right or wrong.
const HIDE_CODE = { hideFields: ['code'] }

// allowUnenrolled: this is where requireUser sends people whose organisation requires two-factor.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { allowUnenrolled: true })
  const { enrolledAt, required } = await twoFactorStatus(user.id)
  if (enrolledAt) {
    return { enrolled: true as const, required, enrolledAt: formatDateTime(enrolledAt) }
  }
  const { secretGrouped, qrDataUrl } = await startEnrolment(user.id)
  return { enrolled: false as const, required, secret: secretGrouped, qrDataUrl }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, { allowUnenrolled: true })
  const { intent, submission } = parseIntent(await readFormData(request), { enrol: Schema, disable: Schema })
  if (submission.status !== 'success') return invalid(submission, undefined, HIDE_CODE)
  const ip = clientIp(context)
  const { code } = submission.value

  if (intent === 'enrol') {
    if (user.twoFactorEnrolled) throw redirect('/account/two-factor')
    if (!(await confirmEnrolment(user, code, ip))) return invalid(submission, { field: 'code', message: WRONG_CODE }, HIDE_CODE)
    return redirectWithFlash(request, '/account', {
      kind: 'success',
      title: 'Two-factor sign-in is on',
      message: 'From now on you will need a code from your authenticator app each time you sign in. You have been signed out of any other sessions.',
    })
  }

  // Turning it off: only when enrolled, allowed by the organisation, and with a current code,
  // checked through the same throttling as sign-in (wrong codes count towards lockout).
  if (!user.twoFactorEnrolled) throw redirect('/account/two-factor')
  if (await organisationRequiresTwoFactor(user.organisationId)) {
    return data(reply(submission, { field: '', message: REQUIRED_BY_ORGANISATION }, HIDE_CODE), { status: 403 })
  }
  const result = await attemptSecondFactor(user, code, ip)
  if (!result.ok) {
    if (result.reason === 'locked') {
      const message = `Too many wrong codes. For your security, try again in ${minutesUntil(result.until, new Date())} minutes.`
      return data(reply(submission, { field: '', message }, HIDE_CODE), { status: 429 })
    }
    return invalid(submission, { field: 'code', message: WRONG_CODE }, HIDE_CODE)
  }
  await disableTwoFactor(user, ip)
  return redirectWithFlash(request, '/account', 'Two-factor sign-in is now off.')
}

export default function TwoFactorSettings() {
  const loaderData = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(Schema, { lastResult })
  const errors = <ErrorSummary errors={fieldErrors(fields, form.errors)} />
  const codeField = (label: string) => (
    <TextField
      field={fields.code}
      label={label}
      hint="The 6-digit code your authenticator app shows for Waypoint"
      autoComplete="one-time-code"
      inputMode="numeric"
      width={10}
      spellCheck={false}
    />
  )

  if (loaderData.enrolled) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors}
          <h1 className="govuk-heading-l">Two-factor sign-in</h1>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--green">On</strong> You sign in with your password and a code from your authenticator app.
            You set this up on {loaderData.enrolledAt}.
          </p>
          {loaderData.required ? (
            <div className="govuk-inset-text">{REQUIRED_BY_ORGANISATION} If you have a new phone, ask your Waypoint administrator to reset it.</div>
          ) : (
            <>
              <h2 className="govuk-heading-m">Turn off two-factor sign-in</h2>
              <p className="govuk-body">Your account will then be protected by your password alone.</p>
              <Form method="post" {...getFormProps(form)} noValidate>
                <input type="hidden" name="intent" value="disable" />
                {codeField('Security code')}
                <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  Turn off two-factor sign-in
                </button>
              </Form>
            </>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to="/account">
              Back to your account
            </Link>
          </p>
        </div>
      </div>
    )
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors}
        <h1 className="govuk-heading-l">Set up two-factor sign-in</h1>
        {loaderData.required ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Your organisation requires two-factor sign-in. Set it up to continue using Waypoint.
            </strong>
          </div>
        ) : null}
        <p className="govuk-body">
          Each time you sign in you will also enter a code from an authenticator app on your phone, so nobody can get into your account
          with your password alone.
        </p>
        <ol className="govuk-list govuk-list--number">
          <li>Install an authenticator app on your work phone if you do not have one (for example Microsoft Authenticator or Google Authenticator).</li>
          <li>In the app, add an account and scan this QR code.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <img
          className="app-qr-code"
          src={loaderData.qrDataUrl}
          alt="QR code for adding your Waypoint account to an authenticator app. If you cannot scan it, use the key below."
          width={200}
          height={200}
        />
        <h2 className="govuk-heading-s">If you cannot scan the QR code</h2>
        <p className="govuk-body">Choose to enter a key in the app (it may say &lsquo;setup key&rsquo;), choose a time-based code and enter this key:</p>
        <p className="govuk-body">
          <code className="app-secret-key" data-testid="totp-secret">
            {loaderData.secret}
          </code>
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="enrol" />
          {codeField('Security code')}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Turn on two-factor sign-in
          </button>
        </Form>
        {loaderData.required ? null : (
          <p className="govuk-body">
            <Link className="govuk-link" to="/account">
              Not now – back to your account
            </Link>
          </p>
        )}
      </div>
    </div>
  )
}
