import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ButtonGroup, ButtonLink } from '~/components/button'
import { BackLink, InsetText, PageHeading } from '~/components/content'
import { SummaryList } from '~/components/summary-list'
import { Tag } from '~/components/tag'
import { ROLE_LABELS } from '~/domain/access/navigation'
import { getUser } from '~/services/users-admin.server'
import { notFound, requireRole } from '~/services/auth.server'
import { formatDate, formatDateTime } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? 'User'} – Users – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const user = await getUser(admin, params.userId ?? '')
  if (!user) throw notFound()
  return { user, self: user.id === admin.id }
}

export default function AdminUser() {
  const { user, self } = useLoaderData<typeof loader>()
  const base = `/admin/users/${user.id}`
  const change = (href: string, what: string) => (self ? undefined : [{ href, text: 'Change', visuallyHiddenText: what }])
  return (
    <>
      <BackLink to="/admin/users">Back to users</BackLink>
      <PageHeading caption={user.organisation.name}>{user.name}</PageHeading>
      <SummaryList
        testId="user-summary"
        rows={[
          { key: 'Email', value: user.email },
          { key: 'Role', value: ROLE_LABELS[user.role], actions: change(`${base}/role`, 'role'), testId: 'user-role' },
          { key: 'Organisation', value: user.organisation.name },
          {
            key: 'Status',
            value: user.active ? <Tag colour="turquoise">Active</Tag> : <Tag colour="grey">Deactivated</Tag>,
            testId: 'user-status',
          },
          {
            key: 'Password',
            value: user.passwordSet ? 'Chosen by them' : 'Not chosen yet – they have been emailed a link',
          },
          {
            key: 'Two-factor sign-in',
            value: (
              <>
                {user.twoFactor ? `Set up${user.totpEnrolledAt ? ` on ${formatDate(user.totpEnrolledAt)}` : ''}` : 'Not set up'}
                {user.organisation.requireTwoFactor ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">Required by their organisation</span> : null}
              </>
            ),
            testId: 'user-two-factor',
          },
          { key: 'Signed in now', value: `${user.activeSessions} ${user.activeSessions === 1 ? 'session' : 'sessions'}` },
          { key: 'Last sign-in', value: user.lastSignIn ? formatDateTime(user.lastSignIn) : 'Never' },
          { key: 'Account created', value: formatDate(user.createdAt) },
        ]}
      />
      {self ? (
        <InsetText>This is your own account. Change your own settings on Your account; another administrator must change your role or deactivate it.</InsetText>
      ) : (
        <>
          <h2 className="govuk-heading-m">Manage this account</h2>
          <ButtonGroup>
            {!user.passwordSet && user.active ? (
              <ButtonLink to={`${base}/send-set-password-email`} variant="secondary">
                Send the set-password email again
              </ButtonLink>
            ) : null}
            {user.twoFactor ? (
              <ButtonLink to={`${base}/reset-two-factor`} variant="secondary">
                Reset two-factor sign-in
              </ButtonLink>
            ) : null}
            {user.active ? (
              <ButtonLink to={`${base}/deactivate`} variant="warning">
                Deactivate account
              </ButtonLink>
            ) : (
              <ButtonLink to={`${base}/reactivate`} variant="secondary">
                Reactivate account
              </ButtonLink>
            )}
          </ButtonGroup>
        </>
      )}
    </>
  )
}
