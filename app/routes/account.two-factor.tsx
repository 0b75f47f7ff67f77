import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, fieldErrors, TextField } from '~/components/forms'
import { clientIp, requireUser } from '~/services/auth.server'
import { db } from '~/services/db.server'
import { setFlash } from '~/services/session.server'
import { confirmEnrolment, disableTwoFactor, startEnrolment, verifySignInCode } from '~/services/two-factor.server'
import { readFormData } from '~/utils/form-data.server'

export const meta: MetaFunction = () => [{ title: 'Two-factor sign-in – Waypoint' }]

const code = z
  .string({ error: 'Enter the 6-digit code from your authenticator app' })
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'The code must be 6 digits'))

const Schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('enrol'), code }),
  z.object({ intent: z.literal('disable'), code }),
])

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { allowUnenrolled: true })
  const prisma = await db()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { id: user.organisationId }, select: { requireTwoFactor: true } })
  if (user.twoFactorEnrolled) return { enrolled: true as const, required: org.requireTwoFactor }
  return { enrolled: false as const, required: org.requireTwoFactor, ...(await startEnrolment(user.id)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, { allowUnenrolled: true })
  const submission = parseWithZod(await readFormData(request), { schema: Schema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['code'] }), { status: 400 })
  const ip = clientIp(context)
  if (submission.value.intent === 'enrol') {
    if (user.twoFactorEnrolled) throw redirect('/account')
    if (!(await confirmEnrolment(user.id, submission.value.code, ip))) {
      return data(submission.reply({ fieldErrors: { code: ['Enter a correct security code'] }, hideFields: ['code'] }), { status: 400 })
    }
    return redirect('/account', { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: 'Two-factor sign-in is now on.' }) } })
  }
  const prisma = await db()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { id: user.organisationId }, select: { requireTwoFactor: true } })
  if (org.requireTwoFactor) {
    return data(submission.reply({ formErrors: ['Your organisation requires two-factor sign-in, so it cannot be turned off.'], hideFields: ['code'] }), { status: 400 })
  }
  if (!(await verifySignInCode(user.id, submission.value.code))) {
    return data(submission.reply({ fieldErrors: { code: ['Enter a correct security code'] }, hideFields: ['code'] }), { status: 400 })
  }
  await disableTwoFactor(user.id, ip)
  return redirect('/account', { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: 'Two-factor sign-in is now off.' }) } })
}

export default function TwoFactorSettings() {
  const loaderData = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm<{ intent: string; code: string }>({ lastResult, shouldValidate: 'onSubmit' })
  const errors = <ErrorSummary errors={fieldErrors({ code: fields.code }, form.errors)} />
  if (loaderData.enrolled) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors}
          <h1 className="govuk-heading-l">Two-factor sign-in</h1>
          <p className="govuk-body">Two-factor sign-in is on for your account.</p>
          {loaderData.required ? (
            <p className="govuk-inset-text">Your organisation requires two-factor sign-in, so it cannot be turned off.</p>
          ) : (
            <Form method="post" {...getFormProps(form)} noValidate>
              <input type="hidden" name="intent" value="disable" />
              <TextField field={fields.code} label="To turn it off, enter a current security code" autoComplete="one-time-code" inputMode="numeric" width={10} />
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                Turn off two-factor sign-in
              </button>
            </Form>
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
            <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Your organisation requires two-factor sign-in. Set it up to continue using Waypoint.
            </strong>
          </div>
        ) : null}
        <ol className="govuk-list govuk-list--number">
          <li>Install an authenticator app on your work phone (for example Microsoft Authenticator).</li>
          <li>In the app, add an account and scan this QR code.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <img className="app-qr-code" src={loaderData.qrDataUrl} alt="QR code to add Waypoint to your authenticator app" width={220} height={220} />
        <p className="govuk-body">If you cannot scan the code, enter this key in the app instead:</p>
        <p className="govuk-body">
          <code className="app-secret-key" data-testid="totp-secret">
            {loaderData.secret}
          </code>
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="enrol" />
          <TextField field={fields.code} label="Security code" autoComplete="one-time-code" inputMode="numeric" width={10} spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Turn on two-factor sign-in
          </button>
        </Form>
      </div>
    </div>
  )
}
