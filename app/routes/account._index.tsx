import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ROLE_LABELS } from '~/domain/access/navigation'
import { audit } from '~/services/audit.server'
import { clientIp, requireUser } from '~/services/auth.server'
import { listActiveSessions } from '~/services/account.server'
import { redirectWithFlash, revokeUserSessions, sessionPolicy } from '~/services/session.server'
import { twoFactorStatus } from '~/services/two-factor.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/utils/form-data.server'
import { intentOf } from '~/utils/submission.server'
import { SummaryList } from '~/components/summary-list'

export const meta: MetaFunction = () => [{ title: 'Your account – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [sessions, twoFactor] = await Promise.all([listActiveSessions(user.id), twoFactorStatus(user.id)])
  const policy = sessionPolicy()
  return {
    user: { name: user.name, email: user.email, role: ROLE_LABELS[user.role], organisation: user.organisationName },
    twoFactor: { on: Boolean(twoFactor.enrolledAt), required: twoFactor.required },
    policy: { idleMinutes: policy.idleMinutes, absoluteHours: Math.round((policy.absoluteMinutes / 60) * 10) / 10 },
    // Session ids are credentials: the page gets only what a person needs to recognise a session.
    sessions: sessions.map((s) => ({
      createdAt: formatDateTime(s.createdAt),
      lastSeenAt: formatDateTime(s.lastSeenAt),
      ip: s.ip,
      browser: describeBrowser(s.userAgent),
      userAgent: s.userAgent,
      current: s.id === user.sessionId,
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  intentOf(await readFormData(request), ['sign-out-others'])
  const count = await revokeUserSessions(user.id, 'signed_out_elsewhere', user.sessionId)
  await audit({ actor: user, action: 'auth.sessions.revoked_others', entityType: 'user', entityId: user.id, ip: clientIp(context), details: { count } })
  const message =
    count === 0
      ? 'You were not signed in anywhere else.'
      : count === 1
        ? 'You signed out of 1 other session.'
        : `You signed out of ${count} other sessions.`
  return redirectWithFlash(request, '/account', message)
}

/** "Chrome on Windows" from a user-agent string; the full string is shown in a hint. */
function describeBrowser(ua: string | null): string {
  if (!ua) return 'Unknown browser'
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Unknown browser'
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null
  return os ? `${browser} on ${os}` : browser
}

export default function Account() {
  const { user, twoFactor, policy, sessions } = useLoaderData<typeof loader>()
  const others = sessions.filter((s) => !s.current).length
  return (
    <>
      <h1 className="govuk-heading-l">Your account</h1>
      <h2 className="govuk-heading-m">Your details</h2>
      <SummaryList
        rows={[
          { key: 'Name', value: user.name },
          { key: 'Email address', value: user.email },
          { key: 'Role', value: user.role },
          { key: 'Organisation', value: user.organisation },
        ]}
      />
      <p className="govuk-body">To change these details, ask your Waypoint administrator.</p>

      <h2 className="govuk-heading-m">Notifications</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/notifications">
          Choose how you hear about reminders
        </Link>
      </p>

      <h2 className="govuk-heading-m">Sign-in security</h2>
      <dl className="govuk-summary-list" data-testid="security">
        <div className={`govuk-summary-list__row${twoFactor.on && twoFactor.required ? ' govuk-summary-list__row--no-actions' : ''}`}>
          <dt className="govuk-summary-list__key">Two-factor sign-in</dt>
          <dd className="govuk-summary-list__value">
            {twoFactor.on ? <strong className="govuk-tag govuk-tag--green">On</strong> : <strong className="govuk-tag govuk-tag--grey">Off</strong>}
            {twoFactor.required ? <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">Required by your organisation</p> : null}
          </dd>
          {twoFactor.on && twoFactor.required ? null : (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to="/account/two-factor">
                {twoFactor.on ? 'Turn off' : 'Set up'}
                <span className="govuk-visually-hidden"> two-factor sign-in</span>
              </Link>
            </dd>
          )}
        </div>
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt className="govuk-summary-list__key">Password</dt>
          <dd className="govuk-summary-list__value">To change your password, sign out and choose &lsquo;Forgotten your password?&rsquo; on the sign-in page.</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Where you are signed in</h2>
      <table className="govuk-table" data-testid="sessions">
        <caption className="govuk-table__caption govuk-table__caption--s">
          A session ends after {policy.idleMinutes} minutes without activity, and after {policy.absoluteHours} hours in all.
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Signed in
            </th>
            <th scope="col" className="govuk-table__header">
              Last active
            </th>
            <th scope="col" className="govuk-table__header">
              IP address
            </th>
            <th scope="col" className="govuk-table__header">
              Browser
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sessions.map((s, i) => (
            <tr key={i} className="govuk-table__row" data-current={s.current ? 'true' : undefined}>
              <td className="govuk-table__cell">
                {s.createdAt}
                {s.current ? (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--blue">This session</strong>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">{s.lastSeenAt}</td>
              <td className="govuk-table__cell">{s.ip ?? 'Unknown'}</td>
              <td className="govuk-table__cell">
                {s.browser}
                {s.userAgent ? <span className="govuk-visually-hidden"> ({s.userAgent.slice(0, 120)})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-others" />
          <p className="govuk-body">If you do not recognise a session, or left yourself signed in on a shared computer, sign out of it here.</p>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Sign out of all other sessions
          </button>
        </Form>
      ) : (
        <p className="govuk-body" data-testid="no-other-sessions">
          You are not signed in anywhere else.
        </p>
      )}
    </>
  )
}
