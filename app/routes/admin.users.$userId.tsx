import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ROLE_LABELS } from '~/domain/access/navigation'
import type { Role } from '~/domain/access/policy'
import { ROLES } from '~/domain/access/roles'
import { adminResetTwoFactor, changeRole, getUser, SelfChangeError, setActive } from '~/services/admin.server'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { setFlash } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { readFormData } from '~/utils/form-data.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? 'User'} – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const user = await getUser(admin, params.userId ?? '')
  if (!user) throw notFound()
  return { user, self: user.id === admin.id }
}

const Intent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('role'), role: z.enum(ROLES as [Role, ...Role[]], { error: 'Select a role' }) }),
  z.object({ intent: z.enum(['deactivate', 'reactivate', 'reset-2fa']), confirmed: z.literal('yes').optional() }),
])

const CONFIRM = {
  deactivate: { question: 'Deactivate this account?', detail: 'They will be signed out everywhere and cannot sign in until reactivated. Their records and audit history stay.', button: 'Yes, deactivate', warning: true },
  reactivate: { question: 'Reactivate this account?', detail: 'They will be able to sign in again with their existing password.', button: 'Yes, reactivate', warning: false },
  'reset-2fa': { question: 'Reset two-factor sign-in?', detail: 'Use this when someone has lost their phone. They will be signed out everywhere and asked to set up two-factor sign-in again if their organisation requires it.', button: 'Yes, reset two-factor sign-in', warning: true },
} as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const userId = params.userId ?? ''
  if (!(await getUser(admin, userId))) throw notFound()
  const parsed = Intent.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success) return data({ error: 'Select a role', confirm: null }, { status: 400 })
  const input = parsed.data
  const ip = clientIp(context)
  let message: string
  try {
    if (input.intent === 'role') {
      await changeRole(admin, userId, input.role, ip)
      message = `Role changed to ${ROLE_LABELS[input.role]}. They have been signed out so the change takes effect.`
    } else {
      // Destructive actions take a second, explicit submit (works without JavaScript).
      if (input.confirmed !== 'yes') return { error: null, confirm: input.intent }
      if (input.intent === 'reset-2fa') {
        await adminResetTwoFactor(admin, userId, ip)
        message = 'Two-factor sign-in has been reset.'
      } else {
        await setActive(admin, userId, input.intent === 'reactivate', ip)
        message = input.intent === 'reactivate' ? 'Account reactivated.' : 'Account deactivated. They have been signed out everywhere.'
      }
    }
  } catch (error) {
    if (error instanceof SelfChangeError) return data({ error: 'You cannot change your own role or deactivate your own account.', confirm: null }, { status: 400 })
    throw error
  }
  return redirect(`/admin/users/${userId}`, { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message }) } })
}

export default function AdminUser() {
  const { user, self } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const confirm = actionData?.confirm ? CONFIRM[actionData.confirm] : null
  return (
    <>
      <Link className="govuk-back-link" to="/admin/users">Back to users</Link>
      {actionData?.error ? (
        <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1}>
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list"><li>{actionData.error}</li></ul>
            </div>
          </div>
        </div>
      ) : null}
      {confirm && actionData?.confirm ? (
        <div className="app-confirm" data-testid="confirm" role="region" aria-label="Confirm">
          <h2 className="govuk-heading-m">{confirm.question}</h2>
          <p className="govuk-body">{confirm.detail}</p>
          <Form method="post" className="govuk-button-group">
            <input type="hidden" name="intent" value={actionData.confirm} />
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" className={`govuk-button${confirm.warning ? ' govuk-button--warning' : ''}`} data-module="govuk-button">{confirm.button}</button>
            <Link className="govuk-link" to={`/admin/users/${user.id}`}>Cancel</Link>
          </Form>
        </div>
      ) : null}
      <span className="govuk-caption-l">{user.organisation.name}</span>
      <h1 className="govuk-heading-l">
        {user.name} {user.active ? null : <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>}
      </h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Email</dt><dd className="govuk-summary-list__value">{user.email}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Role</dt><dd className="govuk-summary-list__value">{ROLE_LABELS[user.role]}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Two-factor sign-in</dt><dd className="govuk-summary-list__value">{user.twoFactor ? `On since ${user.totpEnrolledAt ? formatDate(user.totpEnrolledAt) : 'unknown'}` : 'Off'}{user.organisation.requireTwoFactor ? ' (required by the organisation)' : ''}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Signed in now</dt><dd className="govuk-summary-list__value">{user._count.sessions} {user._count.sessions === 1 ? 'session' : 'sessions'}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Account created</dt><dd className="govuk-summary-list__value">{formatDate(user.createdAt)}</dd></div>
      </dl>
      {self ? (
        <p className="govuk-inset-text">This is your own account. Another administrator must change your role or deactivate it.</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">Change role</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="role" />
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="role">Role</label>
              <select className="govuk-select" id="role" name="role" defaultValue={user.role}>
                {ROLES.map((r) => (<option key={r} value={r}>{ROLE_LABELS[r]}</option>))}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Change role</button>
          </Form>
          <h2 className="govuk-heading-m">Account</h2>
          <div className="govuk-button-group">
            {user.twoFactor ? (
              <Form method="post"><input type="hidden" name="intent" value="reset-2fa" /><button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Reset two-factor sign-in</button></Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value={user.active ? 'deactivate' : 'reactivate'} />
              <button type="submit" className={`govuk-button ${user.active ? 'govuk-button--warning' : 'govuk-button--secondary'}`} data-module="govuk-button">
                {user.active ? 'Deactivate account' : 'Reactivate account'}
              </button>
            </Form>
          </div>
        </>
      )}
    </>
  )
}
