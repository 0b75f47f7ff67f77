import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ROLE_LABELS } from '~/domain/access/navigation'
import { audit } from '~/services/audit.server'
import { clientIp, requireUser } from '~/services/auth.server'
import { db } from '~/services/db.server'
import { revokeUserSessions, setFlash } from '~/services/session.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/utils/form-data.server'

export const meta: MetaFunction = () => [{ title: 'Your account – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const prisma = await db()
  const sessions = await prisma.session.findMany({
    where: { userId: user.id, revokedAt: null, twoFactorPending: false, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  })
  return {
    user: { name: user.name, email: user.email, role: ROLE_LABELS[user.role], organisation: user.organisationName, twoFactor: user.twoFactorEnrolled },
    sessions: sessions.map(({ id, ...s }) => ({ ...s, current: id === user.sessionId })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await readFormData(request)
  if (form.get('intent') !== 'sign-out-others') throw new Response('Unknown action', { status: 400 })
  const count = await revokeUserSessions(user.id, 'signed_out_elsewhere', user.sessionId)
  await audit({ actor: user, action: 'auth.sessions.revoked_others', entityType: 'user', entityId: user.id, ip: clientIp(context), details: { count } })
  const message = count === 1 ? 'You signed out of 1 other session.' : `You signed out of ${count} other sessions.`
  return redirect('/account', { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message }) } })
}

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>()
  const others = sessions.filter((s) => !s.current).length
  return (
    <>
      <h1 className="govuk-heading-l">Your account</h1>
      <dl className="govuk-summary-list">
        <Row label="Name" value={user.name} />
        <Row label="Email" value={user.email} />
        <Row label="Role" value={user.role} />
        <Row label="Organisation" value={user.organisation} />
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Two-factor sign-in</dt>
          <dd className="govuk-summary-list__value">
            {user.twoFactor ? <strong className="govuk-tag govuk-tag--green">On</strong> : <strong className="govuk-tag govuk-tag--grey">Off</strong>}
          </dd>
          <dd className="govuk-summary-list__actions">
            <Link className="govuk-link" to="/account/two-factor">
              {user.twoFactor ? 'Manage' : 'Set up'}
              <span className="govuk-visually-hidden"> two-factor sign-in</span>
            </Link>
          </dd>
        </div>
      </dl>
      <h2 className="govuk-heading-m">Where you are signed in</h2>
      <table className="govuk-table" data-testid="sessions">
        <caption className="govuk-table__caption govuk-table__caption--s">Sessions end after 30 minutes without activity and after 12 hours in all.</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Signed in</th>
            <th scope="col" className="govuk-table__header">Last active</th>
            <th scope="col" className="govuk-table__header">IP address</th>
            <th scope="col" className="govuk-table__header">Browser</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sessions.map((s) => (
            <tr key={`${s.createdAt}-${s.ip}`} className="govuk-table__row">
              <td className="govuk-table__cell">
                {formatDateTime(s.createdAt)} {s.current ? <strong className="govuk-tag govuk-tag--blue">This session</strong> : null}
              </td>
              <td className="govuk-table__cell">{formatDateTime(s.lastSeenAt)}</td>
              <td className="govuk-table__cell">{s.ip ?? 'Unknown'}</td>
              <td className="govuk-table__cell">{s.userAgent?.slice(0, 80) ?? 'Unknown'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-others" />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Sign out of all other sessions
          </button>
        </Form>
      ) : (
        <p className="govuk-body">You are not signed in anywhere else.</p>
      )}
    </>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  )
}
