import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { audit } from '~/services/audit.server'
import { clientIp, getUser } from '~/services/auth.server'
import { clearSessionCookie, readSessionId, revokeSession } from '~/services/session.server'

// Sign out is POST only (a GET link could be triggered from another site).
export async function loader() {
  return redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request)
  const id = await readSessionId(request)
  if (id) await revokeSession(id, 'signed_out')
  if (user) await audit({ actor: user, action: 'auth.logout', entityType: 'user', entityId: user.id, ip: clientIp(context) })
  return redirect('/login', { headers: { 'Set-Cookie': await clearSessionCookie() } })
}
