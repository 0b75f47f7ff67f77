import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, fieldErrors, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { NewPasswordSchema, PASSWORD_MIN } from '~/domain/auth/password-policy'
import { clientIp } from '~/services/auth.server'
import { checkResetToken, completePasswordReset, type TokenState } from '~/services/password-reset.server'
import { clearSessionCookie, redirectWithFlash } from '~/services/session.server'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Choose a new password – Waypoint' }]

const Schema = z
  .object({
    password: NewPasswordSchema,
    confirm: z.string({ error: 'Enter the password again' }).max(1024),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' })

const tokenOf = (params: { token?: string }) => (params.token && params.token.length <= 200 ? params.token : '')

// The page may be opened by anyone holding the link: the token is the authorisation.
export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkResetToken(tokenOf(params))
  return { state: state.ok ? { ok: true as const, purpose: state.purpose } : state }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = tokenOf(params)
  const submission = await parseForm(request, Schema)
  if (submission.status !== 'success') {
    return data({ result: reply(submission, undefined, { hideFields: ['password', 'confirm'] }), state: null }, { status: 400 })
  }
  const state: TokenState = await completePasswordReset(token, submission.value.password, clientIp(context))
  if (!state.ok) return data({ result: null, state }, { status: 400 })
  const message = state.purpose === 'set' ? 'Your password has been set. Sign in with it now.' : 'Your password has been changed. Sign in with your new password.'
  return redirectWithFlash(request, '/login', message, { headers: { 'Set-Cookie': await clearSessionCookie() } })
}

const PROBLEMS = {
  unknown: 'This link is not valid. It may have been copied wrongly.',
  expired: 'This link has expired.',
  used: 'This link has already been used.',
} as const

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(Schema, { lastResult: actionData?.result ?? undefined })
  const state = actionData?.state ?? loaderData.state
  if (!state.ok) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">You cannot use this link</h1>
          <p className="govuk-body">{PROBLEMS[state.reason]}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/forgot-password">
              Get a new link
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
        <h1 className="govuk-heading-l">{loaderData.state.ok && loaderData.state.purpose === 'set' ? 'Choose your password' : 'Choose a new password'}</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField
            field={fields.password}
            label="New password"
            hint={`Use ${PASSWORD_MIN} characters or more. A few unrelated words make a strong password that is easy to remember.`}
            type="password"
            autoComplete="new-password"
          />
          <TextField field={fields.confirm} label="Confirm new password" type="password" autoComplete="new-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save password
          </button>
        </Form>
      </div>
    </div>
  )
}
