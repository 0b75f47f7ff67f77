import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { AdminUsersList } from '~/components/admin/users-list'
import { adminUsersPage } from '~/services/users-admin.server'
import { requireRole } from '~/services/auth.server'

export const meta: MetaFunction = () => [{ title: 'Users – Waypoint' }]

// The same list is the administrator's home page (app/routes/_index.tsx renders AdminUsersList).
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return adminUsersPage(admin, new URL(request.url).searchParams)
}

export default function Users() {
  return <AdminUsersList {...useLoaderData<typeof loader>()} />
}
