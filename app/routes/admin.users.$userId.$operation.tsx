import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading, WarningText } from '~/components/content'
import {
  adminResetTwoFactor,
  getUser,
  resendSetPasswordEmail,
  setUserActive,
  type AdminActor,
  type AdminUser,
  type UserChangeFailure,
} from '~/services/users-admin.server'
import { clientIp, forbidden, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash, type FlashMessage } from '~/services/session.server'

// Confirmation pages for account actions: GET asks (what will happen, in plain words), POST does
// it. Two steps and no JavaScript needed: /admin/users/<id>/deactivate, /reactivate,
// /reset-two-factor and /send-set-password-email.

interface Operation {
  /** Whether the action makes sense for this account now; otherwise the page sends you back. */
  applies: (u: AdminUser) => boolean
  title: (name: string) => string
  body: string
  warning?: string
  button: string
  pendingText: string
  variant: 'warning' | 'primary'
  run: (admin: AdminActor, u: AdminUser, ip: string) => Promise<{ ok: true; message: FlashMessage } | UserChangeFailure>
}

const sessions = (n: number) => (n === 1 ? '1 session' : `${n} sessions`)

const OPERATIONS: Record<string, Operation> = {
  deactivate: {
    applies: (u) => u.active,
    title: (name) => `Deactivate ${name}’s account?`,
    body: 'Their records, allocations and audit history stay. An administrator can reactivate the account later.',
    warning: 'They will be signed out everywhere straight away and will not be able to sign in.',
    button: 'Deactivate account',
    pendingText: 'Deactivating…',
    variant: 'warning',
    run: async (admin, u, ip) => {
      const r = await setUserActive(admin, u.id, false, ip)
      if (!r.ok) return r
      return { ok: true, message: { kind: 'success', message: `${u.name}’s account has been deactivated. ${sessions(r.sessionsRevoked)} signed out.` } }
    },
  },
  reactivate: {
    applies: (u) => !u.active,
    title: (name) => `Reactivate ${name}’s account?`,
    body: 'They will be able to sign in again with their existing password and see what their role and organisation allow.',
    button: 'Reactivate account',
    pendingText: 'Reactivating…',
    variant: 'primary',
    run: async (admin, u, ip) => {
      const r = await setUserActive(admin, u.id, true, ip)
      if (!r.ok) return r
      return { ok: true, message: { kind: 'success', message: `${u.name}’s account has been reactivated.` } }
    },
  },
  'reset-two-factor': {
    applies: (u) => u.twoFactor,
    title: (name) => `Reset ${name}’s two-factor sign-in?`,
    body: 'Use this when someone has lost the phone with their authenticator app. Check that it really is them asking, through someone who knows them, before you reset it.',
    warning: 'They will be signed out everywhere and must set up two-factor sign-in again before they can use Waypoint, if their organisation requires it.',
    button: 'Reset two-factor sign-in',
    pendingText: 'Resetting…',
    variant: 'warning',
    run: async (admin, u, ip) => {
      const r = await adminResetTwoFactor(admin, u.id, ip)
      if (!r.ok) return r
      return { ok: true, message: { kind: 'success', message: `${u.name}’s two-factor sign-in has been reset. They have been signed out everywhere.` } }
    },
  },
  'send-set-password-email': {
    applies: (u) => u.active && !u.passwordSet,
    title: (name) => `Send ${name} a new set-password email?`,
    body: 'They will get a new link to choose their password. Links already sent keep working until they expire or a password is chosen.',
    button: 'Send email',
    pendingText: 'Sending…',
    variant: 'primary',
    run: async (admin, u, ip) => {
      const r = await resendSetPasswordEmail(admin, u.id, ip)
      if (!r.ok) return r
      return r.emailSent
        ? { ok: true, message: { kind: 'success', message: `We have emailed ${u.email} a new link to choose a password.` } }
        : { ok: true, message: { kind: 'info', message: 'The email could not be sent. Try again later.' } }
    },
  },
}

async function load(request: Request, params: LoaderFunctionArgs['params']) {
  const admin = await requireRole(request, ['admin'])
  const operation = Object.hasOwn(OPERATIONS, params.operation ?? '') ? OPERATIONS[params.operation!]! : null
  if (!operation) throw notFound()
  const user = await getUser(admin, params.userId ?? '')
  if (!user) throw notFound()
  if (user.id === admin.id) throw forbidden('You cannot change your own account here. Use Your account.')
  return { admin, operation, user }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Confirm'} – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { operation, user } = await load(request, params)
  // Already done (or not applicable): nothing to confirm, back to the account.
  if (!operation.applies(user)) throw redirect(`/admin/users/${user.id}`)
  return {
    user: { id: user.id, name: user.name, email: user.email },
    title: operation.title(user.name),
    body: operation.body,
    warning: operation.warning ?? null,
    button: operation.button,
    pendingText: operation.pendingText,
    variant: operation.variant,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, operation, user } = await load(request, params)
  const result = await operation.run(admin, user, clientIp(context))
  if (!result.ok) {
    if (result.reason === 'not_found') throw notFound()
    if (result.reason === 'self') throw forbidden('You cannot change your own account here. Use Your account.')
    // Nothing to do any more (someone else got there first).
    return redirect(`/admin/users/${user.id}`)
  }
  return redirectWithFlash(request, `/admin/users/${user.id}`, result.message)
}

export default function ConfirmOperation() {
  const { user, title, body, warning, button, pendingText, variant } = useLoaderData<typeof loader>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/users/${user.id}`}>Back to {user.name}</BackLink>
        <PageHeading caption={user.email}>{title}</PageHeading>
        <p className="govuk-body">{body}</p>
        {warning ? <WarningText>{warning}</WarningText> : null}
        <Form method="post">
          <ButtonGroup>
            <StatusButton variant={variant} pendingText={pendingText} preventDoubleClick>
              {button}
            </StatusButton>
            <Link className="govuk-link" to={`/admin/users/${user.id}`}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
